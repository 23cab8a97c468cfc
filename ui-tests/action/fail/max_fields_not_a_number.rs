use formaction::{ActionError, Redirect, action};

#[action(max_fields = "many")]
async fn import() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
