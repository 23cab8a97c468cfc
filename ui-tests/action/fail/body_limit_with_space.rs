use formaction::{ActionError, Redirect, action};

#[action(body_limit = "2 MB")]
async fn upload() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
