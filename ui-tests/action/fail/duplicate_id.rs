use formaction::{ActionError, Redirect, action};

#[action(id = "invoices.archive", id = "invoices.delete")]
async fn archive() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {}
