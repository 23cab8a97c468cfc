use formaction::form;

#[form]
struct SignUp {
    #[validate(length(min = 1, maximum = 80))]
    name: String,
}

fn main() {}
