use formaction::form;

#[form]
struct SignUp {
    #[validate(range(min = 1, max = 80))]
    name: String,
}

fn main() {}
