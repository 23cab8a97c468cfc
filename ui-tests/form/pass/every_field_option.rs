// Every option of `#[field(...)]`, on the types each applies to.
use formaction::{Form, UploadedFile, form};

#[form]
enum Plan {
    Free,
    #[field(rename = "pro", label = "Professional")]
    Professional,
}

#[form]
struct Settings {
    #[field(rename = "display-name", label = "Your name", placeholder = "Ada", help = "Shown to others")]
    name: String,
    #[field(default)]
    plan: Plan,
    #[field(default = 3)]
    seats: u32,
    #[field(secret)]
    password: String,
    #[field(textarea)]
    bio: String,
    #[field(hidden)]
    version: u32,
    #[field(radio)]
    billing: Plan,
    #[field(select)]
    upgrade: Option<Plan>,
    #[field(accept = "image/png,.jpg")]
    avatar: Option<UploadedFile>,
    #[field(scale = 2)]
    budget: f64,
    #[field(step = "0.5")]
    hours: f32,
    #[field(autocomplete = "shipping work tel webauthn", inputmode = "tel", input = "tel")]
    phone: String,
    #[field(input = "search", data(test_id = "q"), aria(label = "Search", describedby = "tips"))]
    query: Option<String>,
    #[field(input = "color")]
    colour: String,
    #[field(readonly)]
    reference: String,
    #[field(disabled, default = 1)]
    tier: u32,
    #[field(disabled)]
    coupon: Option<String>,
    #[field(radio, disabled, data(role = "plan"))]
    fixed_plan: Option<Plan>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan::Free
    }
}

fn main() {
    let schema = Settings::schema();
    assert!(schema.field("display-name").is_some());
    assert!(schema.is_secret("password"));
    let phone = schema.field("phone").expect("phone");
    assert_eq!(phone.autocomplete, Some("shipping work tel webauthn"));
    assert_eq!(schema.field("query").expect("query").attributes, [("data-test-id", "q"), ("aria-label", "Search")]);
    assert!(schema.field("reference").expect("reference").readonly);
    assert!(schema.field("tier").expect("tier").disabled);
}
