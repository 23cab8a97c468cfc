use formaction::{ActionError, Redirect, action};

#[derive(serde::Serialize)]
struct InvoiceId(u64);

#[action]
async fn archive(#[bind] id: InvoiceId) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{}", id.0)))
}

fn main() {}
