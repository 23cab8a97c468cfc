use formaction::{ActionError, Redirect, action};

#[action]
async fn archive(#[bind(max_age = "1h")] id: u64) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{id}")))
}

fn main() {}
