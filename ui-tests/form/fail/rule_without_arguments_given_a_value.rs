use formaction::form;

#[form]
struct SignUp {
    #[validate(email = true)]
    email: String,
}

fn main() {}
