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
}
