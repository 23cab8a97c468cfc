// Every kind of argument, in any order: extractors (`State`, `HeaderMap`, the application's own),
// `#[bind]` arguments of several types, and the `#[form]` argument.
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Html;
use formaction::{ActionError, Redirect, action, form, page, RouterExt};
use serde::{Deserialize, Serialize};

#[derive(Clone)]
struct Db;

/// The application's own extractor.
struct CurrentUser(String);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let user = parts.headers.get("x-user").and_then(|value| value.to_str().ok());
        user.map(|user| CurrentUser(user.to_owned())).ok_or(StatusCode::UNAUTHORIZED)
    }
}

#[derive(Serialize, Deserialize)]
struct InvoiceRef {
    team: String,
    number: u32,
}

#[form]
struct Payment {
    #[validate(range(min = 0.01))]
    amount: f64,
}

#[action]
async fn pay(
    user: CurrentUser,
    #[bind] invoice: InvoiceRef,
    State(_db): State<Db>,
    #[form] payment: Payment,
    headers: HeaderMap,
    #[bind] attempt: u8,
    method: Method,
    #[bind] tags: Vec<String>,
) -> Result<Redirect, ActionError> {
    let _ = (user.0, headers.len(), method, attempt, tags, payment.amount);
    Ok(Redirect::to(format!("/{}/invoices/{}", invoice.team, invoice.number)))
}

async fn show() -> Html<String> {
    let bound = pay::bind(InvoiceRef { team: "acme".to_owned(), number: 7 }, 1, vec!["a".to_owned()]);
    Html(format!("<form method=post action='{}'>{}</form>", bound.url(), bound.hidden_input()))
}

fn main() {
    let _app: Router = Router::new().page("/", page(show).action::<pay>()).with_state(Db);
}
