use formaction::{ActionError, Redirect, action};

#[action(body_limt = "2MB")]
async fn upload() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
