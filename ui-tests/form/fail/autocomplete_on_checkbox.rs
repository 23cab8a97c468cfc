use formaction::form;

#[form]
struct SignUp {
    #[field(autocomplete = "off")]
    newsletter: bool,
}

fn main() {}
