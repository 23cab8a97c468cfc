use formaction::form;

#[form]
struct SignIn {
    #[field(secret = true)]
    password: String,
}

fn main() {}
