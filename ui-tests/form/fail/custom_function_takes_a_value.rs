use formaction::form;
use validator::ValidationError;

fn not_reserved(name: String) -> Result<(), ValidationError> {
    if name == "admin" { Err(ValidationError::new("reserved")) } else { Ok(()) }
}

#[form]
struct SignUp {
    #[validate(custom(function = not_reserved))]
    name: String,
}

fn main() {}
