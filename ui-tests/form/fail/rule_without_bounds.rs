use formaction::form;

#[form]
struct SignUp {
    #[validate(length(message = "Too long"))]
    name: String,
}

fn main() {}
