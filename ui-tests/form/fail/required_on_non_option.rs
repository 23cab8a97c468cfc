use formaction::form;

#[form]
struct SignUp {
    #[validate(required)]
    name: String,
}

fn main() {}
