use formaction::{ActionError, Redirect, action};

#[action]
async fn archive(invoice_id: u64) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{invoice_id}")))
}

fn main() {}
