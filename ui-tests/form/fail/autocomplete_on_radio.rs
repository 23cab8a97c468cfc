use formaction::form;

#[form]
enum Plan {
    Free,
    Pro,
}

#[form]
struct SignUp {
    #[field(radio, autocomplete = "off")]
    plan: Plan,
}

fn main() {}
