use formaction::{ActionError, Redirect, action};

#[action(body_limt = "2MB")]
fn archive(#[bind] id: &str) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{id}")))
}

fn main() {}
