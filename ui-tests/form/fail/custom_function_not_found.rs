use formaction::form;

#[form]
struct SignUp {
    #[validate(custom(function = not_reserved))]
    name: String,
}

fn main() {}
