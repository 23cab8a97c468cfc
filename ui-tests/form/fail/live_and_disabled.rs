use formaction::form;

#[form]
struct Profile {
    #[field(live, disabled)]
    handle: Option<String>,
    #[field(hidden, live)]
    token: String,
}

fn main() {}
