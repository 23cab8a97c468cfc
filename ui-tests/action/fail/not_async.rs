use formaction::{ActionError, Redirect, action};

#[action]
fn archive() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
