use formaction::form;

#[form]
struct SignUp {
    #[field(rename = 5)]
    name: String,
}

fn main() {}
