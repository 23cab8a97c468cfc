use formaction::{ActionError, Redirect, action, form};

#[form]
struct Invoice {
    customer: String,
}

#[action]
async fn save(
    #[bind]
    #[form]
    invoice: Invoice,
) -> Result<Redirect, ActionError> {
    let _ = invoice.customer;
    Ok(Redirect::to("/"))
}

fn main() {}
