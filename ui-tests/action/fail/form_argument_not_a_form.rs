use formaction::{ActionError, Redirect, action};

struct Invoice {
    customer: String,
}

#[action]
async fn save(#[form] invoice: Invoice) -> Result<Redirect, ActionError> {
    let _ = invoice.customer;
    Ok(Redirect::to("/"))
}

fn main() {}
