//! The signup by hand: axum's `Form`, the validator derive, an askama template.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Form, FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use validator::Validate;

use crate::{Record, Store};

/// What the form posts. Every field is text, so a bad age is a validation error on the page
/// rather than axum's plain-text 422 from a failed deserialisation.
#[derive(Debug, Default, Deserialize, Validate)]
pub struct SignUp {
    #[validate(length(min = 1, max = 50, message = "Must be 1 to 50 characters"))]
    #[serde(default)]
    pub(crate) name: String,
    #[validate(email(message = "Enter a valid email address"))]
    #[serde(default)]
    pub(crate) email: String,
    #[serde(default)]
    pub(crate) age: String,
    #[serde(default)]
    pub(crate) team: String,
}

#[derive(Template)]
#[template(path = "by_hand.html")]
struct SignUpPage<'a> {
    input: &'a SignUp,
    errors: HashMap<&'static str, Vec<String>>,
}

impl SignUpPage<'_> {
    fn error(&self, field: &str) -> String {
        self.errors.get(field).map(|e| e.join(" ")).unwrap_or_default()
    }
}

/// The form alone, for htmx: what a careful user answers an `HX-Request` with by hand.
#[derive(Template)]
#[template(path = "by_hand_form.html")]
struct SignUpForm<'a> {
    input: &'a SignUp,
    errors: HashMap<&'static str, Vec<String>>,
}

impl SignUpForm<'_> {
    fn error(&self, field: &str) -> String {
        self.errors.get(field).map(|e| e.join(" ")).unwrap_or_default()
    }
}

/// The form alone with its errors, 200 (htmx 2 swaps no 4xx), swapped in place of the form
/// whatever the form's `hx-target`.
pub(crate) fn render_form(input: &SignUp, errors: HashMap<&'static str, Vec<String>>) -> Response {
    let form = SignUpForm { input, errors };
    let headers = [("hx-retarget", "#sign-up"), ("hx-reswap", "outerHTML"), ("vary", "hx-request")];
    (StatusCode::OK, headers, Html(form.render().unwrap_or_default())).into_response()
}

pub(crate) fn render(
    input: &SignUp,
    errors: HashMap<&'static str, Vec<String>>,
    status: StatusCode,
) -> Response {
    let page = SignUpPage { input, errors };
    (status, Html(page.render().unwrap_or_default())).into_response()
}

async fn show() -> Response {
    let input = SignUp { team: "team-42".to_owned(), ..SignUp::default() };
    render(&input, HashMap::new(), StatusCode::OK)
}

/// Whether htmx sent the request (`HX-Request: true`), read without copying the headers.
pub(crate) struct HxRequest(pub(crate) bool);

impl<S: Sync> FromRequestParts<S> for HxRequest {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let htmx =
            parts.headers.get("hx-request").is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"true"));
        Ok(HxRequest(htmx))
    }
}

async fn submit(
    State(store): State<Store>,
    HxRequest(htmx): HxRequest,
    Form(input): Form<SignUp>,
) -> Response {
    match check(&input) {
        Ok(age) => {
            store.push(Record { team: input.team, name: input.name, email: input.email, age });
            Redirect::to("/signup/done").into_response()
        }
        Err(errors) if htmx => render_form(&input, errors),
        Err(errors) => render(&input, errors, StatusCode::UNPROCESSABLE_ENTITY),
    }
}

/// The rules: the age when every field passes, else the messages by field.
pub(crate) fn check(input: &SignUp) -> Result<u8, HashMap<&'static str, Vec<String>>> {
    let mut errors: HashMap<&'static str, Vec<String>> = HashMap::new();
    if let Err(failed) = input.validate() {
        for (field, field_errors) in failed.field_errors() {
            let key = if field == "name" { "name" } else { "email" };
            errors.entry(key).or_default().extend(field_errors.iter().map(|e| e.to_string()));
        }
    }
    let age = match input.age.trim().parse::<u8>() {
        Ok(age) if (13..=130).contains(&age) => Some(age),
        Ok(_) => {
            errors.entry("age").or_default().push("Must be from 13 to 130".to_owned());
            None
        }
        Err(_) => {
            errors.entry("age").or_default().push("Enter a whole number".to_owned());
            None
        }
    };
    match age {
        Some(age) if errors.is_empty() => Ok(age),
        _ => Err(errors),
    }
}

pub(crate) async fn done(State(store): State<Store>) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><title>Done</title><p id=\"count\">{}</p></html>",
        store.len()
    ))
}

/// The app.
pub fn app(store: Store) -> Router {
    Router::new().route("/signup", get(show).post(submit)).route("/signup/done", get(done)).with_state(store)
}
