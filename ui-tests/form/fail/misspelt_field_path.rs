use formaction::{ActionError, Redirect, action, form};

#[form]
struct SignUp {
    email: String,
}

#[action]
async fn sign_up(#[form] input: SignUp) -> Result<Redirect, ActionError> {
    if input.email.ends_with("@example.com") {
        return Err(ActionError::field(SignUp::paths().emial, "That email is taken"));
    }
    Ok(Redirect::to("/welcome"))
}

fn main() {}
