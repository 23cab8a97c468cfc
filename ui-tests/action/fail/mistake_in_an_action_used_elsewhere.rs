// An action with one mistake, registered on a page and bound in it: only the mistake is
// reported, not a cascade from each place that uses the action.
use axum::Router;
use axum::response::Html;
use formaction::{ActionError, Redirect, action, page, RouterExt};

#[action]
fn archive(#[bind] team: String, #[bind] invoice: u64) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/{team}/invoices/{invoice}")))
}

async fn show() -> Html<String> {
    let bound = archive::bind(String::from("acme"), 7);
    Html(format!("<form method=post action='{}'>{}</form>", bound.url(), bound.hidden_input()))
}

fn main() {
    let _ = archive::ID;
    let _ = archive(String::from("acme"), 7);
    let _app: Router = Router::new().page("/", page(show).action::<archive>());
}
