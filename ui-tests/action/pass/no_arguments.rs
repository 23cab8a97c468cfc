use axum::Router;
use axum::response::Html;
use formaction::{ActionError, Redirect, action, page};

#[action]
async fn sign_out() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

async fn show() -> Html<String> {
    Html(format!("<form method=post action='{}'></form>", sign_out::bind().url()))
}

fn main() {
    let _app: Router = Router::new().route("/", page(show).action::<sign_out>().into());
    assert!(sign_out::ID.ends_with("sign_out"));
}
