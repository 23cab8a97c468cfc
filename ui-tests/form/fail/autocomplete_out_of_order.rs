use formaction::form;

#[form]
struct SignUp {
    #[field(autocomplete = "home name")]
    name: String,
}

fn main() {}
