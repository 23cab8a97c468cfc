use formaction::form;

#[form]
struct SignUp {
    #[field(secret)]
    password: String,
    #[field(secret)]
    #[validate(must_match(other = confirm))]
    confirm: String,
}

fn main() {}
