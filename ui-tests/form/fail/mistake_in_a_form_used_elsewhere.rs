// A form with one mistake, used everywhere a form is used: only the mistake is reported, not a
// cascade from each place that uses the form.
use axum::Router;
use axum::response::Html;
use formaction::FormView;
use formaction::{ActionError, Form, FormData, FormState, Redirect, action, form, page, RouterExt};

#[form]
struct Invoice {
    #[validate(lenght(min = 1))]
    customer: String,
    amount: f64,
}

#[action]
async fn create_invoice(#[form] invoice: Invoice) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/invoices/{}", invoice.customer)))
}

async fn show(state: FormState<Invoice>) -> Html<String> {
    let view = FormView::from_state(&state, create_invoice::bind());
    Html(format!("{} {} {}", view, view.customer.label(), view.amount.value()))
}

fn main() {
    let data = FormData::from_pairs([("customer", "Ada"), ("amount", "12")]);
    let _ = Invoice::parse(&data);
    let _ = Invoice::schema();
    let _app: Router = Router::new().page("/", page(show).action::<create_invoice>());
}
