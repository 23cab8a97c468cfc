// What an action may answer with, and fail with.
use axum::Router;
use axum::response::{Html, IntoResponse, Response};
use formaction::{ActionError, ActionState, Redirect, action, page, RouterExt};

#[action]
async fn redirect() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/").with_flash("Done"))
}

#[action]
async fn stay() -> Result<(), ActionError> {
    Err(ActionError::form("Try again"))
}

#[action]
async fn state() -> Result<ActionState<u32>, std::io::Error> {
    Ok(ActionState(7))
}

#[action]
async fn response() -> Result<Response, String> {
    Ok("plain".into_response())
}

#[action]
async fn failing() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    Err("boom".into())
}

async fn show() -> Html<&'static str> {
    Html("<form method=post></form>")
}

fn main() {
    let page = page(show)
        .action::<redirect>()
        .action::<stay>()
        .action::<state>()
        .action::<response>()
        .action::<failing>();
    let _app: Router = Router::new().page("/", page);
}
