use formaction::form;

fn check(_: &SignUp) -> Result<(), validator::ValidationError> {
    Ok(())
}

#[form]
struct SignUp {
    #[validate(schema(function = check))]
    name: String,
}

fn main() {}
