use formaction::{ActionError, Redirect, action};

#[action(once = "no")]
async fn search(#[bind] id: u64) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{id}")))
}

fn main() {}
