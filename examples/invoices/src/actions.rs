//! What the invoice forms do.

use axum::extract::State;
use formaction::messages::Language;
use formaction::{ActionError, Redirect, action};
use serde_json::Value;

use crate::db::{Db, WriteError};
use crate::forms::InvoiceForm;

/// The app's text `id` with the invoice's number, in the language of the request being answered
/// (an action runs inside it).
fn with_number(id: &str, number: &str) -> String {
    Language::current().text(id, &[("number", Value::from(number))])
}

fn taken(number: &str) -> ActionError {
    ActionError::field("number", with_number("invoice-number-taken", number))
}

async fn store(db: &Db, input: &InvoiceForm, status: &str) -> Result<Redirect, ActionError> {
    match db.insert(input, status).await {
        Ok(id) => {
            Ok(Redirect::to(format!("/invoices/{id}"))
                .with_flash(with_number("flash-created", &input.number)))
        }
        Err(WriteError::NumberTaken) => Err(taken(&input.number)),
        Err(WriteError::Db(error)) => Err(ActionError::internal(error)),
    }
}

/// "Create invoice": stores the invoice with the status chosen.
#[action(body_limit = "5MB")]
pub async fn create_invoice(
    State(db): State<Db>,
    #[form] input: InvoiceForm,
) -> Result<Redirect, ActionError> {
    let status = formaction::Choices::value(&input.status);
    store(&db, &input, status).await
}

/// "Save draft": stores the invoice as a draft.
#[action(body_limit = "5MB")]
pub async fn save_draft(State(db): State<Db>, #[form] input: InvoiceForm) -> Result<Redirect, ActionError> {
    store(&db, &input, "draft").await
}

/// Saves changes to invoice `id`.
#[action(body_limit = "5MB")]
pub async fn update_invoice(
    State(db): State<Db>,
    #[bind] id: i64,
    #[form] input: InvoiceForm,
) -> Result<Redirect, ActionError> {
    match db.update(id, &input).await {
        Ok(true) => {
            Ok(Redirect::to(format!("/invoices/{id}")).with_flash(with_number("flash-saved", &input.number)))
        }
        Ok(false) => Err(ActionError::form("invoice-gone")),
        Err(WriteError::NumberTaken) => Err(taken(&input.number)),
        Err(WriteError::Db(error)) => Err(ActionError::internal(error)),
    }
}

/// "Mark paid". The button's bound id is good for a day: a page left open longer is reloaded
/// first (a 400 says so), so a stale tab cannot act on an invoice changed since.
#[action(max_age = "1d")]
pub async fn mark_paid(State(db): State<Db>, #[bind] id: i64) -> Result<Redirect, ActionError> {
    if db.mark_paid(id).await? {
        Ok(Redirect::to(format!("/invoices/{id}")).with_flash(Language::current().text("flash-paid", &[])))
    } else {
        Err(ActionError::form("invoice-gone"))
    }
}

/// "Delete". Like "Mark paid", the button is good for a day.
#[action(max_age = "1d")]
pub async fn delete_invoice(State(db): State<Db>, #[bind] id: i64) -> Result<Redirect, ActionError> {
    db.delete(id).await?;
    Ok(Redirect::to("/invoices").with_flash(Language::current().text("flash-deleted", &[])))
}
