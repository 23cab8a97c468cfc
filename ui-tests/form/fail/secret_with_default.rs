use formaction::form;

#[form]
struct SignIn {
    #[field(secret, default = String::from("hunter2"))]
    password: String,
}

fn main() {}
