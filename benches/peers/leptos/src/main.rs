//! The benchmark's signup page with Leptos, rendered on the server only (no WebAssembly build, so
//! no client JavaScript): a `#[server]` function posted by an `ActionForm`, served by axum.
//!
//! With JavaScript off the form posts to the server function's URL. On success it answers
//! `303 /signup/done`; on failure Leptos answers a redirect back to the page (the `Referer`) with
//! the error encoded in the URL, and the page renders that error: here the error type carries the
//! field messages and the submitted values, so both survive the round trip.
//!
//! `peer-leptos <port>`; benches/signup/run.sh builds and starts it.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos_axum::{LeptosRoutes, generate_route_list};
use leptos_router::components::{Route, Router as LeptosRouter, Routes};
use leptos_router::path;
use serde::{Deserialize, Serialize};

/// One stored sign-up, kept in memory like the other servers of the benchmark.
#[allow(dead_code, reason = "only counted, like the other servers' records")]
struct Record {
    team: String,
    name: String,
    email: String,
    age: u8,
}

static STORE: Mutex<Vec<Record>> = Mutex::new(Vec::new());

/// What a failed submission carries back to the page: the submitted values and the messages by field.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Invalid {
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, Vec<String>>,
}

/// The server function's error: the form's errors, or Leptos's own (a body it could not read).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum SignUpError {
    Invalid(Invalid),
    ServerFn(String),
}

impl FromServerFnError for SignUpError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        SignUpError::ServerFn(value.to_string())
    }
}

impl std::fmt::Display for SignUpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignUpError::Invalid(_) => f.write_str("the form has errors"),
            SignUpError::ServerFn(message) => f.write_str(message),
        }
    }
}

/// Stores a sign-up for the team of the page: name 1 to 50 characters, an email, age 13 to 130.
#[server(endpoint = "sign_up")]
pub async fn sign_up(team: String, name: String, email: String, age: String) -> Result<(), SignUpError> {
    use validator::ValidateEmail;

    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let length = name.chars().count();
    if !(1..=50).contains(&length) {
        errors.entry("name".into()).or_default().push("Must be 1 to 50 characters".into());
    }
    if !email.validate_email() {
        errors.entry("email".into()).or_default().push("Enter a valid email address".into());
    }
    let parsed = match age.trim().parse::<u8>() {
        Ok(age) if (13..=130).contains(&age) => Some(age),
        Ok(_) => {
            errors.entry("age".into()).or_default().push("Must be from 13 to 130".into());
            None
        }
        Err(_) => {
            errors.entry("age".into()).or_default().push("Enter a whole number".into());
            None
        }
    };
    match parsed {
        Some(age) if errors.is_empty() => {
            STORE.lock().unwrap_or_else(|p| p.into_inner()).push(Record { team, name, email, age });
            leptos_axum::redirect("/signup/done");
            // leptos_axum's redirect answers a form post with 302; a POST's answer is a 303.
            expect_context::<leptos_axum::ResponseOptions>().set_status(axum::http::StatusCode::SEE_OTHER);
            Ok(())
        }
        _ => {
            let values = [("name", name), ("email", email), ("age", age)]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            Err(SignUpError::Invalid(Invalid { values, errors }))
        }
    }
}

#[component]
fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    // Server-side only: the page is rendered once per request, so the value is read once.
    let failed = match action.value().get_untracked() {
        Some(Err(SignUpError::Invalid(invalid))) => invalid,
        _ => Invalid::default(),
    };
    let value = |field: &str| failed.values.get(field).cloned().unwrap_or_default();
    let error = |field: &str| failed.errors.get(field).map(|e| e.join(" ")).unwrap_or_default();
    // Owned, as the form's children outlive this function.
    let (name, email, age) = (value("name"), value("email"), value("age"));
    let (name_error, email_error, age_error) = (error("name"), error("email"), error("age"));
    view! {
        <main>
            <h1>"Sign up"</h1>
            <ActionForm action=action>
                <input type="hidden" name="team" value="team-42"/>
                <div>
                    <label for="name">"Name"</label>
                    <p id="name-error">{name_error}</p>
                    <input id="name" name="name" value=name required minlength="1" maxlength="50"/>
                </div>
                <div>
                    <label for="email">"Email"</label>
                    <p id="email-error">{email_error}</p>
                    <input id="email" type="email" name="email" value=email required/>
                </div>
                <div>
                    <label for="age">"Age"</label>
                    <p id="age-error">{age_error}</p>
                    <input id="age" type="number" name="age" value=age required min="13" max="130" step="1"/>
                </div>
                <button type="submit">"Sign up"</button>
            </ActionForm>
        </main>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <LeptosRouter>
            <Routes fallback=|| "Not found">
                <Route path=path!("/signup") view=SignUpPage/>
            </Routes>
        </LeptosRouter>
    }
}

/// The document around the app; no hydration scripts, as there is no WebAssembly build.
fn shell() -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <title>"Sign up"</title>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

async fn done() -> Html<String> {
    let count = STORE.lock().unwrap_or_else(|p| p.into_inner()).len();
    Html(format!("<!doctype html><html lang=\"en\"><title>Done</title><p id=\"count\">{count}</p></html>"))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::args().nth(1).as_deref().unwrap_or("3300").parse()?;
    let options =
        LeptosOptions::builder().output_name("peer-leptos").site_addr(([127, 0, 0, 1], port)).build();
    let routes = generate_route_list(App);
    let app = Router::new()
        .leptos_routes(&options, routes, shell)
        .route("/signup/done", get(done))
        // The server functions (the form's action) at /api/sign_up.
        .route("/api/{*fn_name}", axum::routing::post(leptos_axum::handle_server_fns))
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("leptos signup on http://127.0.0.1:{port}/signup");
    axum::serve(listener, app).await?;
    Ok(())
}
