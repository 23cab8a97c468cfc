//! `#[field(live)]`: the enhancement script asks the server about one field as the user types
//! (`X-Formaction-Live`), over real HTTP on 127.0.0.1. The question is a submission to the
//! action's own URL, checked as any (origin, method), parsed and checked by the form's own rules;
//! the action never runs, and the answer names that field alone.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use formaction::{ActionError, Form, Redirect, RouterExt, action, form, page};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Log, Server};
use validator::ValidationError;

/// Names already taken: a rule only the server can check.
fn free(name: &str) -> Result<(), ValidationError> {
    if ["ada", "grace"].contains(&name.trim()) {
        return Err(ValidationError::new("taken").with_message("That name is taken".into()));
    }
    Ok(())
}

#[form]
#[derive(Debug)]
struct SignUp {
    #[field(live)]
    #[validate(length(min = 2), custom(function = free))]
    username: String,
    #[validate(email)]
    email: String,
}

#[action]
async fn sign_up(State(log): State<Log>, #[form] input: SignUp) -> Result<Redirect, ActionError> {
    log.record(format!("sign up {}", input.username));
    Ok(Redirect::to("/welcome"))
}

async fn show() -> Html<&'static str> {
    Html("<h1>Sign up</h1>")
}

fn path() -> String {
    format!("/signup{}", sign_up::bind().url())
}

async fn ask(server: &Server, field: &str, body: &str) -> (StatusCode, Value) {
    let response = server
        .post(&path())
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("x-formaction", "1")
        .header("x-formaction-live", field)
        .body(body.to_owned())
        .send()
        .await
        .expect("an answer");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

fn app(log: Log) -> Router {
    Router::new().page("/signup", page(show).action::<sign_up>()).with_state(log)
}

#[tokio::test]
async fn a_question_about_a_field_runs_its_rules_and_never_the_action() {
    let log = Log::default();
    let server = Server::start(app(log.clone())).await;

    // The field's own errors only, with the rules of the server (the custom one too).
    let (status, body) = ask(&server, "username", "username=ada&email=nope").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["ok"], json!(false));
    assert_eq!(body["fieldErrors"], json!({"username": ["That name is taken"]}), "{body}");
    let (_, body) = ask(&server, "username", "username=a&email=nope").await;
    assert_eq!(body["fieldErrors"], json!({"username": ["Must be at least 2 characters"]}), "{body}");
    let (_, body) = ask(&server, "username", "email=nope").await;
    assert_eq!(body["fieldErrors"], json!({"username": ["This field is required"]}), "{body}");
    let (_, body) = ask(&server, "email", "username=ada&email=nope").await;
    assert_eq!(body["fieldErrors"], json!({"email": ["Enter a valid email address"]}), "{body}");

    // Valid, whatever the other fields hold; and valid altogether: still not run.
    let (status, body) = ask(&server, "username", "username=ada%20l&email=nope").await;
    assert_eq!((status, body), (StatusCode::OK, json!({"ok": true})));
    let (status, body) = ask(&server, "username", "username=ada%20l&email=ada%40example.com").await;
    assert_eq!((status, body), (StatusCode::OK, json!({"ok": true})));
    assert!(log.runs().is_empty(), "the action never ran: {:?}", log.runs());

    // A question that names no one field is refused, and runs nothing either.
    for bad in ["", "%20"] {
        let (status, _) = ask(&server, bad, "username=bob&email=bob%40example.com").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad:?}");
    }
    let response = server
        .post(&path())
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-formaction", "1")
        .header("x-formaction-live", "username")
        .header("x-formaction-live", "email")
        .body("username=bob&email=bob%40example.com")
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "two fields asked about");
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // Guarded as any submission: another origin is refused, another method too.
    let response = server
        .client
        .post(server.url(&path()))
        .header("origin", "https://evil.test")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-formaction", "1")
        .header("x-formaction-live", "username")
        .body("username=ada&email=nope")
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .client
        .put(server.url(&path()))
        .header("x-formaction-live", "username")
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // The same body without the header is a submission: the action runs (the log works).
    let response = server
        .post(&path())
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-formaction", "1")
        .body("username=bob&email=bob%40example.com")
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(log.runs(), ["sign up bob"]);
}

#[test]
fn a_live_field_is_marked_in_the_schema_and_the_scripts_data() {
    let schema = SignUp::schema();
    assert!(schema.field("username").is_some_and(|field| field.live));
    assert!(schema.field("email").is_some_and(|field| !field.live));
}
