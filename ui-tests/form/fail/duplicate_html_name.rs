use formaction::form;

#[form]
struct SignUp {
    email: String,
    #[field(rename = "email")]
    backup_email: String,
}

fn main() {}
