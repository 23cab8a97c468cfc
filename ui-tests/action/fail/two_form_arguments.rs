use formaction::{ActionError, Redirect, action, form};

#[form]
struct Invoice {
    customer: String,
}

#[form]
struct Note {
    text: String,
}

#[action]
async fn save(#[form] invoice: Invoice, #[form] note: Note) -> Result<Redirect, ActionError> {
    let _ = (invoice.customer, note.text);
    Ok(Redirect::to("/"))
}

fn main() {}
