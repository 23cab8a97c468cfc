//! The signup with formaction.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use formaction::{ActionError, FormState, Redirect, action, form, page};
use formaction::{FormView, HtmlPage, RouterExt};

use crate::{Record, Store};

/// The sign-up form: the peer's zod schema as rules.
#[form]
#[derive(Debug)]
pub struct SignUp {
    #[validate(length(min = 1, max = 50))]
    name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u8,
}

/// Stores the sign-up for the bound team.
#[action]
pub async fn sign_up(
    State(store): State<Store>,
    #[bind] team: String,
    #[form] input: SignUp,
) -> Result<Redirect, ActionError> {
    store.push(Record { team, name: input.name, email: input.email, age: input.age });
    Ok(Redirect::to("/signup/done"))
}

#[derive(Template)]
#[template(path = "formaction.html")]
struct SignUpPage<'a> {
    form: FormView<'a, SignUp>,
    /// The enhancement script's tag: with JavaScript on, the form submits with `fetch`.
    script: &'static str,
}

async fn show(state: FormState<SignUp>) -> Response {
    let form = FormView::from_state(&state, sign_up::bind("team-42".to_owned())).submit_label("Sign up");
    HtmlPage::new(SignUpPage { form, script: formaction::render::script_tag() }).into_response()
}

async fn done(State(store): State<Store>) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><title>Done</title><p id=\"count\">{}</p></html>",
        store.len()
    ))
}

/// The app.
pub fn app(store: Store) -> Router {
    Router::new()
        .page("/signup", page(show).action::<sign_up>())
        .route("/signup/done", get(done))
        .route(formaction::render::script_path(), formaction::render::script_route())
        .with_state(store)
}
