// Whether a type is an extractor depends on the router's state, so it is checked where the
// action is registered: the error is reported there, and points at the argument.
use axum::Router;
use axum::response::Html;
use formaction::{ActionError, Redirect, action, page, RouterExt};

struct Team {
    slug: String,
}

async fn show() -> Html<&'static str> {
    Html("<form method=post></form>")
}

#[action]
async fn archive(team: Team) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/{}/invoices", team.slug)))
}

fn main() {
    let _app: Router = Router::new().page("/", page(show).action::<archive>());
}
