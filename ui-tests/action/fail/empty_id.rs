use formaction::{ActionError, Redirect, action};

#[action(id = " ")]
async fn archive() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
