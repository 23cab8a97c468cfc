use formaction::{ActionError, Redirect, action};

#[action]
async fn archive(#[bind] id: &str) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{id}")))
}

fn main() {}
