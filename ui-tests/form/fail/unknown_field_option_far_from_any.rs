use formaction::form;

#[form]
struct SignUp {
    #[field(autocomplete = "name")]
    name: String,
}

fn main() {}
