use formaction::form;

#[form]
struct SignUp {
    #[field(placeholder = "Yes")]
    newsletter: bool,
}

fn main() {}
