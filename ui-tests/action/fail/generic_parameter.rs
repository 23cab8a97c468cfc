use formaction::{ActionError, Redirect, action};

#[action]
async fn archive<T: Send>(_: T) -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
