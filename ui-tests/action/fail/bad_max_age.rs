use formaction::{ActionError, Redirect, action};

#[action(max_age = "1 week")]
async fn archive(#[bind] id: u64) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{id}")))
}

fn main() {}
