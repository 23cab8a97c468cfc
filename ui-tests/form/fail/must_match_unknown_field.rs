use formaction::form;

#[form]
struct SignUp {
    #[field(secret)]
    password: String,
    #[field(secret)]
    #[validate(must_match(other = "pasword"))]
    confirm: String,
}

fn main() {}
