use formaction::form;

#[form]
struct SignUp {
    #[validate(lenght(min = 1))]
    name: String,
}

fn main() {}
