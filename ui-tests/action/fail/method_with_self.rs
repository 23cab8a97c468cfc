use formaction::{ActionError, Redirect, action};

struct Invoices;

impl Invoices {
    #[action]
    async fn archive(&self) -> Result<Redirect, ActionError> {
        Ok(Redirect::to("/"))
    }
}

fn main() {}
