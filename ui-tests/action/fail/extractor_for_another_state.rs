use axum::Router;
use axum::extract::State;
use axum::response::Html;
use formaction::{ActionError, Redirect, action, page, RouterExt};

#[derive(Clone)]
struct Db;

async fn show() -> Html<&'static str> {
    Html("<form method=post></form>")
}

#[action]
async fn archive(State(_db): State<Db>) -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

fn main() {
    let _app: Router = Router::new().page("/", page(show).action::<archive>());
}
