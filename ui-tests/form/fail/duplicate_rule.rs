use formaction::form;

#[form]
struct SignUp {
    #[validate(length(min = 1), length(max = 80))]
    name: String,
}

fn main() {}
