use axum::Router;
use axum::response::Html;
use formaction::{ActionError, Redirect, action, page, RouterExt};

#[action]
async fn sign_out() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

/// A raw identifier: the id has the name without `r#`.
#[action]
async fn r#move() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/"))
}

async fn show() -> Html<String> {
    Html(format!("<form method=post action='{}'></form>", sign_out::bind().url()))
}

fn main() {
    let _app: Router = Router::new().page("/", page(show).action::<sign_out>());
    // The name, `.`, and 12 characters of a hash of the module path: no module named.
    let (name, hash) = sign_out::ID.split_once('.').expect("name.hash");
    assert_eq!(name, "sign_out");
    assert_eq!(hash.len(), 12);
    assert!(hash.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
    assert!(r#move::ID.starts_with("move.") && r#move::ID.len() == "move.".len() + 12);
}
