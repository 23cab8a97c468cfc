//! Once only, over real HTTP on 127.0.0.1: the same rendered form sent again does not run its
//! action again. Sent twice (one after the other, or at the same moment) it answers the same;
//! with other values it comes back (409) with the values kept, a message and a fresh token; an
//! invalid submission, a refusal or an internal error leaves the token unused; a JSON caller gets
//! the same with an `Idempotency-Key`; `#[action(once = false)]` runs every time; and a claim
//! whose request never finishes (its process died) is never run again on a guess.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::Html;
use formaction::protect::{MemoryStore, OnceSettings, Protection};
use formaction::{
    ActionError, ActionState, Flash, FormState, FormView, Redirect, RouterExt, action, endpoint, form, page,
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Log, Server};

/// The app's state: what ran, and whether the flaky action has failed once yet.
#[derive(Clone, Default)]
struct App {
    log: Log,
    failed_once: Arc<AtomicBool>,
}

impl axum::extract::FromRef<App> for Log {
    fn from_ref(app: &App) -> Log {
        app.log.clone()
    }
}

#[form]
struct Note {
    #[validate(length(min = 1, message = "Write something"))]
    text: String,
}

/// Refuses a request with `x-deny` (as a sign-in check would), before the action runs.
struct Allowed;

impl<S: Send + Sync> FromRequestParts<S> for Allowed {
    type Rejection = (StatusCode, &'static str);

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if parts.headers.contains_key("x-deny") {
            Err((StatusCode::FORBIDDEN, "denied"))
        } else {
            Ok(Allowed)
        }
    }
}

#[action]
async fn add(State(log): State<Log>, _: Allowed, #[form] note: Note) -> Result<Redirect, ActionError> {
    log.record(format!("add {}", note.text));
    Ok(Redirect::to("/notes/1").with_flash(format!("Added {}", note.text)))
}

/// Fails with an internal error the first time.
#[action]
async fn flaky(State(app): State<App>, #[form] note: Note) -> Result<Redirect, ActionError> {
    app.log.record(format!("flaky {}", note.text));
    if !app.failed_once.swap(true, Ordering::SeqCst) {
        return Err(ActionError::internal("the database went away"));
    }
    Ok(Redirect::to("/notes/2"))
}

/// Panics the first time (a bug, caught by the protection layer: a blank 500).
#[action]
async fn panicky(State(app): State<App>, #[form] note: Note) -> Result<Redirect, ActionError> {
    app.log.record(format!("panicky {}", note.text));
    if !app.failed_once.swap(true, Ordering::SeqCst) {
        panic!("a bug in the action");
    }
    Ok(Redirect::to("/notes/4"))
}

/// Stays on the page with a state.
#[action]
async fn rename(State(log): State<Log>, #[form] note: Note) -> Result<ActionState<String>, ActionError> {
    log.record(format!("rename {}", note.text));
    Ok(ActionState(format!("Renamed to {}", note.text)))
}

/// A search runs again every time.
#[action(once = false)]
async fn search(State(log): State<Log>, #[form] note: Note) -> Result<ActionState<String>, ActionError> {
    log.record(format!("search {}", note.text));
    Ok(ActionState(note.text))
}

/// Takes its time: a browser's second click comes before its answer.
#[action]
async fn slow(State(log): State<Log>, #[form] note: Note) -> Result<Redirect, ActionError> {
    tokio::time::sleep(Duration::from_millis(400)).await;
    log.record(format!("slow {}", note.text));
    Ok(Redirect::to("/notes/3"))
}

/// Starts its work and never finishes: as far as any other request can tell, its process died
/// between running and remembering the answer.
#[action]
async fn stuck(State(log): State<Log>, #[form] note: Note) -> Result<Redirect, ActionError> {
    log.record(format!("stuck {}", note.text));
    std::future::pending::<()>().await;
    Ok(Redirect::to("/never"))
}

async fn notes(note: FormState<Note>, state: Option<ActionState<String>>, flash: Flash) -> Html<String> {
    let forms = [
        FormView::from_state(&note, add::bind()).id("add").to_string(),
        FormView::from_state(&note, flaky::bind()).id("flaky").to_string(),
        FormView::from_state(&note, rename::bind()).id("rename").to_string(),
        FormView::from_state(&note, search::bind()).id("search").to_string(),
        FormView::from_state(&note, stuck::bind()).id("stuck").to_string(),
        FormView::from_state(&note, slow::bind()).id("slow").to_string(),
        FormView::from_state(&note, panicky::bind()).id("panicky").to_string(),
    ];
    let state = state.map(|ActionState(text)| text).unwrap_or_default();
    Html(format!(
        "<p id=flash>{}</p><p id=state>{state}</p>{}",
        flash.message().unwrap_or_default(),
        forms.concat()
    ))
}

fn app(state: App, settings: OnceSettings) -> Router {
    Router::new()
        .route("/api/add", endpoint::<add, App>())
        .page(
            "/notes",
            page(notes)
                .action::<add>()
                .action::<flaky>()
                .action::<rename>()
                .action::<search>()
                .action::<stuck>()
                .action::<slow>()
                .action::<panicky>(),
        )
        .with_state(state)
        .layer(Protection::default().once_store(settings).layer())
}

async fn start() -> (Server, Log) {
    start_with(OnceSettings::new(MemoryStore::default())).await
}

async fn start_with(settings: OnceSettings) -> (Server, Log) {
    let state = App::default();
    let log = state.log.clone();
    (Server::start(app(state, settings)).await, log)
}

/// The `$once` token of the form whose `id` is `form` in `html`.
fn token(html: &str, form: &str) -> String {
    let start = html.find(&format!(r#"id="{form}""#)).unwrap_or_else(|| panic!("no form {form} in {html}"));
    let rest = &html[start..];
    let rest = &rest[..rest.find("</form>").expect("the form's end")];
    let marker = r#"name="$once" value=""#;
    let at = rest.find(marker).unwrap_or_else(|| panic!("no token in form {form}: {rest}")) + marker.len();
    rest[at..].split('"').next().expect("a value").to_owned()
}

async fn page_html(server: &Server) -> String {
    server.client.get(server.url("/notes")).send().await.unwrap().text().await.unwrap()
}

/// Posts `text` with `token` to `action`, as a browser with JavaScript off.
async fn post(server: &Server, action: &str, token: &str, text: &str) -> reqwest::Response {
    let path = format!("/notes?_action={action}");
    server.post(&path).form(&[("text", text), ("$once", token)]).send().await.unwrap()
}

/// What two answers must share to be "the same answer".
fn answer_of(response: &reqwest::Response) -> (u16, Option<String>, Vec<String>) {
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let cookies =
        response.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    (response.status().as_u16(), header("location"), cookies)
}

#[tokio::test]
async fn a_form_sent_twice_runs_once_and_answers_the_same() {
    let (server, log) = start().await;
    let html = page_html(&server).await;
    let token = token(&html, "add");
    assert_ne!(token, self::token(&html, "flaky"), "every form its own token");
    let first = post(&server, add::ID, &token, "milk").await;
    let second = post(&server, add::ID, &token, "milk").await;
    assert_eq!(first.status(), 303);
    assert_eq!(answer_of(&first), answer_of(&second), "the same 303, to the same place, with the same flash");
    assert_eq!(first.headers()["location"], "/notes/1");
    assert!(first.headers().get("idempotent-replayed").is_none());
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(log.runs(), ["add milk"]);
    // A page loaded anew has a fresh token: the same values run again, on purpose.
    let again = self::token(&page_html(&server).await, "add");
    assert_ne!(again, token);
    assert_eq!(post(&server, add::ID, &again, "milk").await.status(), 303);
    assert_eq!(log.runs(), ["add milk", "add milk"]);
}

#[tokio::test]
async fn sent_at_the_same_moment_one_runs_and_the_others_wait_for_its_answer() {
    let (server, log) = start().await;
    for round in 0..5 {
        let token = token(&page_html(&server).await, "add");
        let text = format!("note {round}");
        let sends = (0..8).map(|_| post(&server, add::ID, &token, &text));
        let answers: Vec<_> = futures_util::future::join_all(sends).await;
        let first = answer_of(&answers[0]);
        assert_eq!(first.0, 303);
        for answer in &answers {
            assert_eq!(answer_of(answer), first);
        }
        let runs = log.runs().iter().filter(|run| **run == format!("add {text}")).count();
        assert_eq!(runs, 1, "round {round}: eight at once, one run");
    }
}

#[tokio::test]
async fn other_values_come_back_with_409_the_values_kept_and_a_fresh_token() {
    let (server, log) = start().await;
    let token = token(&page_html(&server).await, "add");
    assert_eq!(post(&server, add::ID, &token, "milk").await.status(), 303);
    // Back button, edit, send again.
    let resent = post(&server, add::ID, &token, "oat milk").await;
    assert_eq!(resent.status(), StatusCode::CONFLICT);
    assert!(resent.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = resent.text().await.unwrap();
    assert!(html.contains(r#"value="oat milk""#), "the new values kept: {html}");
    assert!(html.contains("This form had already been sent. Check the values below, then send it again."));
    let fresh = self::token(&html, "add");
    assert_ne!(fresh, token);
    assert_eq!(log.runs(), ["add milk"], "not run on stale assumptions");
    // Checked, and sent again on purpose.
    let sent = post(&server, add::ID, &fresh, "oat milk").await;
    assert_eq!(sent.status(), 303);
    assert_eq!(log.runs(), ["add milk", "add oat milk"]);
    // A JSON caller (the enhancement script) gets the message with 409, and a fresh token for the
    // form that stays on its page.
    let path = format!("/notes?_action={}", add::ID);
    let json = server
        .post(&path)
        .header("x-formaction", "1")
        .form(&[("text", "soy milk"), ("$once", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), StatusCode::CONFLICT);
    let fresh = json.headers()["x-formaction-once"].to_str().unwrap().to_owned();
    let body: Value = json.json().await.unwrap();
    assert_eq!(body["ok"], false);
    assert_eq!(
        body["formErrors"][0],
        "This form had already been sent. Check the values below, then send it again."
    );
    assert_eq!(post(&server, add::ID, &fresh, "soy milk").await.status(), 303);
    assert_eq!(log.runs(), ["add milk", "add oat milk", "add soy milk"]);
}

#[tokio::test]
async fn an_invalid_submission_a_refusal_or_an_internal_error_leaves_the_token_unused() {
    let (server, log) = start().await;
    let html = page_html(&server).await;
    let token = token(&html, "add");
    // Invalid: the page again (422); the token still good.
    let invalid = post(&server, add::ID, &token, "").await;
    assert_eq!(invalid.status(), 422);
    assert!(invalid.text().await.unwrap().contains("Write something"));
    // Refused by an extractor (403): the action did not run; the token still good.
    let path = format!("/notes?_action={}", add::ID);
    let refused = server
        .post(&path)
        .header("x-deny", "1")
        .form(&[("text", "milk"), ("$once", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    // Invalid again, asked in German: the claim's task answers in the request's language.
    let german = server
        .post(&path)
        .header("accept-language", "de")
        .form(&[("text", ""), ("$once", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(german.status(), 422);
    let html_de = german.text().await.unwrap();
    assert!(html_de.contains("Es gibt ein Problem"), "{html_de}");
    let sent = post(&server, add::ID, &token, "milk").await;
    assert_eq!(sent.status(), 303);
    assert!(sent.headers().get("idempotent-replayed").is_none(), "it ran, now");
    assert_eq!(log.runs(), ["add milk"]);
    // An internal error (500): the user retries with the same form, and it runs.
    let flaky = self::token(&html, "flaky");
    assert_eq!(post(&server, flaky::ID, &flaky, "tea").await.status(), 500);
    let retried = post(&server, flaky::ID, &flaky, "tea").await;
    assert_eq!(retried.status(), 303);
    assert_eq!(retried.headers()["location"], "/notes/2");
    assert_eq!(log.runs(), ["add milk", "flaky tea", "flaky tea"]);
    // A token that was tampered with is refused (400), the action not run.
    let mut tampered = token.clone();
    tampered.replace_range(4..5, if &token[4..5] == "A" { "B" } else { "A" });
    let bad = post(&server, add::ID, &tampered, "milk").await;
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("one-time token"));
    assert_eq!(log.runs().len(), 3);
}

#[tokio::test]
async fn a_json_caller_gets_the_guarantee_with_an_idempotency_key() {
    let (server, log) = start().await;
    let send = |action: &'static str, key: &'static str, text: &'static str| {
        server
            .post(&format!("/notes?_action={action}"))
            .header("accept", "application/json")
            .header("idempotency-key", key)
            .json(&json!({ "text": text }))
            .send()
    };
    let first = send(add::ID, "order-7", "milk").await.unwrap();
    let second = send(add::ID, "order-7", "milk").await.unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let (first, second): (Value, Value) = (first.json().await.unwrap(), second.json().await.unwrap());
    assert_eq!(first, json!({"ok": true, "redirect": "/notes/1"}));
    assert_eq!(first, second);
    assert_eq!(log.runs(), ["add milk"]);
    // Keyed by the header and the action: the same key for another action is another key.
    let renamed = send(rename::ID, "order-7", "milk").await.unwrap();
    assert_eq!(renamed.status(), 200);
    let renamed_again: Value = send(rename::ID, "order-7", "milk").await.unwrap().json().await.unwrap();
    assert_eq!(renamed_again, json!({"ok": true, "state": "Renamed to milk"}));
    assert_eq!(log.runs(), ["add milk", "rename milk"]);
    // The same key with another body: 409 with the message.
    let other = send(add::ID, "order-7", "tea").await.unwrap();
    assert_eq!(other.status(), StatusCode::CONFLICT);
    let other: Value = other.json().await.unwrap();
    assert_eq!(
        other["formErrors"][0],
        "This form had already been sent. Check the values below, then send it again."
    );
    // A key that cannot be one: 400, nothing run.
    let long: &'static str = Box::leak("k".repeat(256).into_boxed_str());
    assert_eq!(send(add::ID, long, "milk").await.unwrap().status(), 400);
    let repeated = server
        .post(&format!("/notes?_action={}", add::ID))
        .header("accept", "application/json")
        .header("idempotency-key", "a")
        .header("idempotency-key", "b")
        .json(&json!({ "text": "milk" }))
        .send()
        .await
        .unwrap();
    assert_eq!(repeated.status(), 400);
    // Without the header or a token, a JSON caller runs the action every time, as before.
    for _ in 0..2 {
        let plain = server
            .post(&format!("/notes?_action={}", add::ID))
            .header("accept", "application/json")
            .json(&json!({ "text": "plain" }))
            .send()
            .await
            .unwrap();
        assert_eq!(plain.status(), 200);
    }
    assert_eq!(log.runs(), ["add milk", "rename milk", "add plain", "add plain"]);
}

#[tokio::test]
async fn a_form_that_stays_on_its_page_gets_a_fresh_token_for_the_script() {
    let (server, log) = start().await;
    let token = token(&page_html(&server).await, "rename");
    let path = format!("/notes?_action={}", rename::ID);
    let send = |token: String, text: &'static str| {
        server
            .post(&path)
            .header("x-formaction", "1")
            .form(&[("text", text), ("$once", token.as_str())])
            .send()
    };
    let first = send(token.clone(), "a").await.unwrap();
    assert_eq!(first.status(), 200);
    let fresh = first.headers()["x-formaction-once"].to_str().unwrap().to_owned();
    assert_ne!(fresh, token);
    assert_eq!(first.json::<Value>().await.unwrap(), json!({"ok": true, "state": "Renamed to a"}));
    // The script put it in the form: the next rename runs.
    let second = send(fresh, "b").await.unwrap();
    assert_eq!(second.json::<Value>().await.unwrap(), json!({"ok": true, "state": "Renamed to b"}));
    assert_eq!(log.runs(), ["rename a", "rename b"]);
    // The first form sent again with JavaScript off (the script's fallback): not run again; the
    // page loaded anew, as the JSON answer has no page to show.
    let fallback = post(&server, rename::ID, &token, "a").await;
    assert_eq!(fallback.status(), 303);
    assert_eq!(fallback.headers()["location"], "/notes");
    assert_eq!(log.runs().len(), 2, "sent again: not run");
    // With JavaScript off, the page rendered with a state is the answer sent again, the same
    // page; it has a fresh token of its own.
    let token = self::token(&page_html(&server).await, "rename");
    let first = post(&server, rename::ID, &token, "c").await;
    assert_eq!(first.status(), 200);
    let first = first.text().await.unwrap();
    assert!(first.contains("<p id=state>Renamed to c</p>"), "{first}");
    assert_ne!(self::token(&first, "rename"), token);
    let again = post(&server, rename::ID, &token, "c").await;
    assert_eq!(
        (again.status(), &again.headers()["idempotent-replayed"]),
        (StatusCode::OK, &"true".parse().unwrap())
    );
    assert_eq!(again.text().await.unwrap(), first);
    assert_eq!(log.runs(), ["rename a", "rename b", "rename c"]);
}

#[tokio::test]
async fn an_action_marked_once_false_runs_every_time() {
    let (server, log) = start().await;
    let html = page_html(&server).await;
    let start = html.find(r#"id="search""#).unwrap();
    let form = &html[start..start + html[start..].find("</form>").unwrap()];
    assert!(!form.contains("$once"), "no token: {form}");
    for _ in 0..2 {
        let path = format!("/notes?_action={}", search::ID);
        let response = server.post(&path).form(&[("text", "milk")]).send().await.unwrap();
        assert_eq!(response.status(), 200);
    }
    // Even with a token from another form (a hand-made submission), it runs again.
    let token = token(&html, "add");
    for _ in 0..2 {
        assert_eq!(post(&server, search::ID, &token, "milk").await.status(), 200);
    }
    assert_eq!(log.runs(), ["search milk"; 4]);
}

/// The written decision (see `formaction::protect`'s once only): a claim whose request never
/// finished is not run again on a guess. While its lease lasts, the same form waits, then gets a
/// 409 with `Retry-After`; after it, the form comes back with the values kept, the message and a
/// fresh token, so the user checks and sends again on purpose.
#[tokio::test]
async fn a_claim_whose_request_never_finished_is_never_run_again_on_a_guess() {
    let settings = OnceSettings::new(MemoryStore::default())
        .wait(Duration::from_millis(200))
        .lease(Duration::from_millis(1500));
    let (server, log) = start_with(settings).await;
    let token = token(&page_html(&server).await, "stuck");
    // The first request starts the action, which never answers.
    let first =
        tokio::time::timeout(Duration::from_millis(300), post(&server, stuck::ID, &token, "milk")).await;
    assert!(first.is_err(), "no answer");
    assert_eq!(log.runs(), ["stuck milk"]);
    // Within the lease: it waited 200 ms for an answer, then 409 with Retry-After.
    let waiting = post(&server, stuck::ID, &token, "milk").await;
    assert_eq!(waiting.status(), StatusCode::CONFLICT);
    assert_eq!(waiting.headers()["retry-after"], "2");
    assert!(waiting.text().await.unwrap().contains("being sent already"));
    // The same, asked in German: the message from the catalogue, the page in German.
    let path = format!("/notes?_action={}", stuck::ID);
    let german = server
        .post(&path)
        .header("accept-language", "de")
        .form(&[("text", "milk"), ("$once", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(german.status(), StatusCode::CONFLICT);
    let html = german.text().await.unwrap();
    assert!(html.contains(r#"<html lang="de""#), "{html}");
    assert!(html.contains("Dieses Formular wird bereits gesendet."), "{html}");
    // After the lease: the form, its values, the message, a fresh token; still one run.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after = post(&server, stuck::ID, &token, "milk").await;
    assert_eq!(after.status(), StatusCode::CONFLICT);
    let html = after.text().await.unwrap();
    assert!(html.contains(r#"value="milk""#));
    assert!(html.contains("This form had already been sent. Check the values below, then send it again."));
    assert_ne!(self::token(&html, "stuck"), token);
    assert_eq!(log.runs(), ["stuck milk"]);
}

/// A browser's second click cancels its first request (it closes the connection): the action
/// still finishes, and the second request gets its answer.
#[tokio::test]
async fn a_client_that_goes_away_does_not_stop_the_action_half_way() {
    let (server, log) = start().await;
    let token = token(&page_html(&server).await, "slow");
    // Given up after 100 ms, while the action sleeps: the connection is closed.
    let dropped =
        tokio::time::timeout(Duration::from_millis(100), post(&server, slow::ID, &token, "milk")).await;
    assert!(dropped.is_err(), "the first request was given up");
    let second = post(&server, slow::ID, &token, "milk").await;
    assert_eq!(second.status(), 303);
    assert_eq!(second.headers()["location"], "/notes/3");
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(log.runs(), ["slow milk"]);
}

/// An action served as a JSON endpoint keeps the guarantee too: the key, then the same key with
/// other values.
#[tokio::test]
async fn an_endpoint_answers_a_key_sent_again_from_the_store() {
    let (server, log) = start().await;
    let send = |text: &'static str| {
        server.post("/api/add").header("idempotency-key", "k-1").json(&json!({ "text": text })).send()
    };
    let first = send("milk").await.unwrap();
    let second = send("milk").await.unwrap();
    assert_eq!((first.status(), second.status()), (StatusCode::OK, StatusCode::OK));
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let (first, second): (Value, Value) = (first.json().await.unwrap(), second.json().await.unwrap());
    assert_eq!(first, json!({"ok": true, "redirect": "/notes/1"}));
    assert_eq!(first, second);
    let other = send("tea").await.unwrap();
    assert_eq!(other.status(), StatusCode::CONFLICT);
    assert_eq!(log.runs(), ["add milk"]);
}

/// A panic in the action is an internal error too: the claim is released, and the same form sent
/// again runs.
#[tokio::test]
async fn a_panic_in_the_action_leaves_the_token_unused() {
    let (server, log) = start().await;
    let token = token(&page_html(&server).await, "panicky");
    assert_eq!(post(&server, panicky::ID, &token, "tea").await.status(), 500);
    // Released once the panic has unwound (a task of its own): the retry claims it anew, at
    // once or after waiting for the release.
    let retried = post(&server, panicky::ID, &token, "tea").await;
    assert_eq!(retried.status(), 303);
    assert_eq!(retried.headers()["location"], "/notes/4");
    assert_eq!(log.runs(), ["panicky tea", "panicky tea"]);
}
