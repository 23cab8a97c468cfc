use formaction::form;

#[form(krate = formaction)]
struct SignUp {
    name: String,
}

fn main() {}
