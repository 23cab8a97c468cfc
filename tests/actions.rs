//! `#[action]` over real HTTP on 127.0.0.1: how a page and its actions answer, by who asked.
//!
//! Rows of the HTTP contract covered here (the guards, limits and bound arguments have their own
//! targets, `action_guards` and `action_bound`):
//!
//! - JavaScript off: an invalid submission gets the page again with 422 (values kept, never a
//!   secret; errors by field name); a redirect is a 303 with a one-shot flash cookie; a state or
//!   `()` renders the page again with 200.
//! - JSON callers (`Accept: application/json` or `x-formaction`), whatever the body's encoding:
//!   the exact zod-like JSON, business errors answered like validation errors.
//! - Several actions on one page, chosen by `?_action=`; unknown (404) or unnamed (400) actions;
//!   two actions running at the same time.
//! - Methods other than GET and POST (405 with `Allow`), and an action served as an endpoint.
//! - Internal errors: a 500 that shows nothing of the error.
//! - The action stays a plain async fn.
//!
//! Every test builds its own app around its own [`Log`], so what one test's actions did never
//! shows up in another's, even with the tests running in parallel.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use std::io;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::Method;
use axum::response::Html;
use formaction::{
    ActionError, ActionState, Flash, FormState, Redirect, RouterExt, action, endpoint, form, page,
};
use reqwest::StatusCode;
use serde::Serialize;
use serde_json::{Value, json};
use support::Server;
use tokio::sync::Barrier;

/// What the actions of one test's app did.
#[derive(Clone)]
struct Log {
    runs: Arc<Mutex<Vec<String>>>,
    count: Arc<AtomicU32>,
    /// Two parties: `wait_a` and `wait_b` each wait for the other.
    barrier: Arc<Barrier>,
}

impl Log {
    fn new() -> Self {
        Log { runs: Arc::default(), count: Arc::default(), barrier: Arc::new(Barrier::new(2)) }
    }

    fn record(&self, what: impl Into<String>) {
        self.runs.lock().unwrap().push(what.into());
    }

    fn runs(&self) -> Vec<String> {
        self.runs.lock().unwrap().clone()
    }
}

#[form]
#[derive(Debug)]
struct SignUp {
    #[validate(length(min = 1, max = 50))]
    name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u8,
    #[field(secret)]
    #[validate(length(min = 8))]
    password: String,
}

#[action]
async fn sign_up(
    State(log): State<Log>,
    #[bind] team: String,
    #[form] input: SignUp,
) -> Result<Redirect, ActionError> {
    log.record(format!("sign_up {team} {}", input.name));
    match input.name.as_str() {
        "taken" => Err(ActionError::field("name", "That name is taken")),
        "closed" => Err(ActionError::form("Sign-ups are closed today")),
        _ => Ok(Redirect::to(format!("/welcome?team={team}")).with_flash(format!("Welcome, {}", input.name))),
    }
}

#[form]
#[derive(Debug)]
struct Step {
    #[validate(range(min = 1, max = 10))]
    by: u32,
}

/// The state `increment` answers with.
#[derive(Clone, Debug, Serialize)]
struct Counted {
    count: u32,
    message: String,
}

#[action]
async fn increment(State(log): State<Log>, #[form] input: Step) -> Result<ActionState<Counted>, ActionError> {
    let count = log.count.fetch_add(input.by, Ordering::SeqCst) + input.by;
    log.record(format!("increment {}", input.by));
    Ok(ActionState(Counted { count, message: format!("Counted to {count}") }))
}

#[action]
async fn touch(State(log): State<Log>) -> Result<(), ActionError> {
    log.record("touch");
    Ok(())
}

/// Text that an internal error carries and no answer may show.
const INTERNAL_DETAIL: &str = "db-primary.internal:5432 password=swordfish-7731";
/// Text of an `io::Error` that no answer may show.
const IO_DETAIL: &str = "/var/lib/ledger/secret-ledger-5521.db is locked";

#[action]
async fn crash(State(log): State<Log>) -> Result<Redirect, ActionError> {
    log.record("crash");
    Err(ActionError::internal(format!("cannot connect to {INTERNAL_DETAIL}")))
}

fn read_ledger() -> io::Result<String> {
    Err(io::Error::other(IO_DETAIL))
}

#[action]
async fn crash_io(State(log): State<Log>) -> Result<Redirect, ActionError> {
    log.record("crash_io");
    let ledger = read_ledger()?;
    Ok(Redirect::to(ledger))
}

#[action]
async fn wait_a(State(log): State<Log>) -> Result<ActionState<String>, ActionError> {
    log.record("wait_a entered");
    log.barrier.wait().await;
    log.record("wait_a left");
    Ok(ActionState("a".to_owned()))
}

#[action]
async fn wait_b(State(log): State<Log>) -> Result<ActionState<String>, ActionError> {
    log.record("wait_b entered");
    log.barrier.wait().await;
    log.record("wait_b left");
    Ok(ActionState("b".to_owned()))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The sign-up page: every value kept (one `<input>` each), the errors as JSON, the flash.
async fn show_sign_up(form: FormState<SignUp>, flash: Flash, method: Method) -> Html<String> {
    let bound = sign_up::bind("team-42".to_owned());
    let values: String = form
        .values()
        .into_iter()
        .flat_map(|values| values.iter())
        .filter_map(|(name, value)| value.as_text().map(|text| (name, text)))
        .map(|(name, text)| format!("<input name=\"{}\" value=\"{}\">", escape(name), escape(text)))
        .collect();
    let errors = serde_json::to_string(&form.errors().flatten()).unwrap();
    Html(format!(
        "<h1>Sign up</h1><p id=method>{method}</p><form method=post action=\"{}\">{}{values}</form>\
         <script type=application/json id=errors>{errors}</script><p id=flash>{}</p>",
        escape(&bound.url()),
        bound.hidden_input(),
        escape(&flash.into_message().unwrap_or_default()),
    ))
}

/// The page a sign-up redirects to: shows the flash.
async fn show_welcome(flash: Flash) -> Html<String> {
    Html(format!(
        "<h1>Welcome page</h1><p id=flash>{}</p>",
        escape(&flash.into_message().unwrap_or_default())
    ))
}

/// The counter page, with several actions.
async fn show_counter(
    step: FormState<Step>,
    state: Option<ActionState<Counted>>,
    method: Method,
) -> Html<String> {
    let errors = serde_json::to_string(&step.errors().flatten()).unwrap();
    let state = state.map_or_else(|| "no state".to_owned(), |ActionState(counted)| counted.message);
    Html(format!(
        "<h1>Counter</h1><p id=method>{method}</p><p id=state>{}</p><p id=by>{}</p>\
         <script type=application/json id=errors>{errors}</script>",
        escape(&state),
        escape(step.value("by").unwrap_or("")),
    ))
}

fn app(log: Log) -> Router {
    Router::new()
        .page("/signup", page(show_sign_up).action::<sign_up>())
        .page("/welcome", page(show_welcome))
        .page(
            "/counter",
            page(show_counter)
                .action::<increment>()
                .action::<touch>()
                .action::<crash>()
                .action::<crash_io>()
                .action::<wait_a>()
                .action::<wait_b>(),
        )
        .route("/api/increment", endpoint::<increment, Log>())
        .with_state(log)
}

async fn start() -> (Server, Log) {
    let log = Log::new();
    (Server::start(app(log.clone())).await, log)
}

/// The sealed bound arguments in a page's hidden input.
fn sealed_from(html: &str) -> String {
    let marker = "name=\"$bound\" value=\"";
    let start = html.find(marker).expect("a hidden $bound input") + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// The text of the element `<tag id=id>` in a page.
fn element<'a>(html: &'a str, tag: &str, id: &str) -> &'a str {
    let open = format!("<{tag} id={id}>");
    let open_end = open.trim_end_matches('>').to_owned();
    let start =
        html.find(&open).or_else(|| html.find(&open_end)).unwrap_or_else(|| panic!("no {open} in {html}"));
    let start = start + html[start..].find('>').unwrap() + 1;
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    &html[start..end]
}

/// The errors a page rendered, as JSON.
fn page_errors(html: &str) -> Value {
    let marker = "<script type=application/json id=errors>";
    let start = html.find(marker).expect("errors in the page") + marker.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

/// The sealed bound arguments of the sign-up page, as a browser would find them.
async fn sign_up_sealed(server: &Server) -> String {
    let page = server.client.get(server.url("/signup")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    sealed_from(&page.text().await.unwrap())
}

fn sign_up_url() -> String {
    format!("/signup{}", sign_up::bind(String::new()).url())
}

const PASSWORD: &str = "pw-hunter2-never-echoed";
/// A password too short, and distinctive enough to search for in an answer.
const SHORT_PASSWORD: &str = "zq9~xk";

fn invalid_fields(sealed: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "Ada <Lovelace>".to_owned()),
        ("email", "ada-at-example".to_owned()),
        ("age", "12".to_owned()),
        ("password", SHORT_PASSWORD.to_owned()),
        ("$bound", sealed.to_owned()),
    ]
}

fn valid_fields(sealed: &str, name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_owned()),
        ("email", "ada@example.com".to_owned()),
        ("age", "36".to_owned()),
        ("password", PASSWORD.to_owned()),
        ("$bound", sealed.to_owned()),
    ]
}

/// What an invalid sign-up (`invalid_fields`) answers a JSON caller, exactly.
fn invalid_json() -> Value {
    json!({
        "ok": false,
        "formErrors": [],
        "fieldErrors": {
            "email": ["Enter a valid email address"],
            "age": ["Must be at least 13"],
            "password": ["Must be at least 8 characters"],
        },
        "issues": [
            {"name": "email", "code": "invalid_email", "message": "Enter a valid email address"},
            {"name": "age", "code": "too_small", "message": "Must be at least 13", "min": 13},
            {"name": "password", "code": "too_short", "message": "Must be at least 8 characters", "min": 8},
        ],
    })
}

async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(content_type.as_deref(), Some("application/json"), "a JSON answer ({status})");
    (status, response.json().await.unwrap())
}

fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect()
}

/// The `name=value` of the flash cookie a response sets.
fn flash_cookie(response: &reqwest::Response) -> String {
    let cookies = set_cookies(response);
    let [cookie] = cookies.as_slice() else { panic!("one Set-Cookie expected, got {cookies:?}") };
    assert!(cookie.starts_with("formaction_flash="), "{cookie}");
    for attribute in ["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=300"] {
        assert!(cookie.split("; ").any(|a| a == attribute), "{attribute} in {cookie}");
    }
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn js_off_invalid_renders_the_page_again_with_values_and_errors() {
    let (server, log) = start().await;
    let sealed = sign_up_sealed(&server).await;

    let response = server.post(&sign_up_url()).form(&invalid_fields(&sealed)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<h1>Sign up</h1>"), "the page itself: {html}");
    assert_eq!(element(&html, "p", "method"), "POST", "rendered for the submission");
    // Every value kept (escaped by the page), the password never.
    assert!(html.contains(r#"<input name="name" value="Ada &lt;Lovelace&gt;">"#), "{html}");
    assert!(html.contains(r#"<input name="email" value="ada-at-example">"#), "{html}");
    assert!(html.contains(r#"<input name="age" value="12">"#), "{html}");
    assert!(!html.contains(r#"name="password""#), "{html}");
    assert!(!html.contains(SHORT_PASSWORD), "the password's value is never echoed: {html}");
    // Each error under its field's name.
    assert_eq!(
        page_errors(&html),
        json!({
            "formErrors": [],
            "fieldErrors": {
                "email": ["Enter a valid email address"],
                "age": ["Must be at least 13"],
                "password": ["Must be at least 8 characters"],
            },
        })
    );
    assert_eq!(log.runs(), Vec::<String>::new(), "an invalid form never reaches the action");
}

#[tokio::test]
async fn js_off_redirect_is_a_303_with_a_flash_shown_once() {
    let (server, log) = start().await;
    let sealed = sign_up_sealed(&server).await;

    let response = server.post(&sign_up_url()).form(&valid_fields(&sealed, "Ada")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/welcome?team=team-42");
    let cookie = flash_cookie(&response);
    assert!(!cookie.contains("Welcome") && !cookie.contains("Ada"), "the flash is sealed: {cookie}");
    assert_eq!(log.runs(), ["sign_up team-42 Ada"]);

    // The next page shows it, and clears it.
    let next = server
        .client
        .get(server.url("/welcome?team=team-42"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(next.status(), StatusCode::OK);
    let cleared = set_cookies(&next);
    assert_eq!(cleared.len(), 1, "{cleared:?}");
    assert!(cleared[0].starts_with("formaction_flash=;"), "{cleared:?}");
    assert!(cleared[0].split("; ").any(|a| a == "Max-Age=0"), "{cleared:?}");
    assert!(cleared[0].split("; ").any(|a| a == "Path=/"), "the same path as when set: {cleared:?}");
    assert_eq!(element(&next.text().await.unwrap(), "p", "flash"), "Welcome, Ada");

    // Once cleared, the browser sends no cookie: nothing to show, nothing to clear.
    let again = server.client.get(server.url("/welcome?team=team-42")).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::OK);
    assert!(set_cookies(&again).is_empty());
    assert_eq!(element(&again.text().await.unwrap(), "p", "flash"), "");

    // A forged or altered cookie shows nothing either.
    let forged = format!("{}A", cookie.replace("formaction_flash=", "formaction_flash=A"));
    let tampered = server.client.get(server.url("/welcome")).header("cookie", forged).send().await.unwrap();
    assert_eq!(tampered.status(), StatusCode::OK);
    assert_eq!(element(&tampered.text().await.unwrap(), "p", "flash"), "");
}

#[tokio::test]
async fn js_off_state_and_unit_render_the_page_again_with_200() {
    let (server, log) = start().await;

    let response = server
        .post(&format!("/counter{}", increment::bind().url()))
        .form(&[("by", "3")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<h1>Counter</h1>"), "{html}");
    assert_eq!(element(&html, "p", "method"), "POST");
    assert_eq!(element(&html, "p", "state"), "Counted to 3");
    assert_eq!(element(&html, "p", "by"), "3", "the submitted value is there too");
    assert_eq!(page_errors(&html), json!({"formErrors": [], "fieldErrors": {}}));

    let response = server.post(&format!("/counter{}", touch::bind().url())).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<h1>Counter</h1>"), "{html}");
    assert_eq!(element(&html, "p", "method"), "POST", "rendered after the action, not a redirect");
    assert_eq!(element(&html, "p", "state"), "no state");

    // An invalid step: the counter page again with 422.
    let response = server
        .post(&format!("/counter{}", increment::bind().url()))
        .form(&[("by", "11")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert_eq!(element(&html, "p", "by"), "11");
    assert_eq!(page_errors(&html), json!({"formErrors": [], "fieldErrors": {"by": ["Must be at most 10"]}}));

    // A plain GET has no state.
    let html = server.client.get(server.url("/counter")).send().await.unwrap().text().await.unwrap();
    assert_eq!(element(&html, "p", "method"), "GET");
    assert_eq!(element(&html, "p", "state"), "no state");
    assert_eq!(log.runs(), ["increment 3", "touch"]);
}

#[tokio::test]
async fn json_callers_get_the_exact_errors_with_every_body_encoding() {
    let (server, log) = start().await;
    let sealed = sign_up_sealed(&server).await;
    let url = sign_up_url();
    let accept = ("accept", "application/json");

    let urlencoded =
        server.post(&url).header(accept.0, accept.1).form(&invalid_fields(&sealed)).send().await.unwrap();
    let mut multipart = reqwest::multipart::Form::new();
    for (name, value) in invalid_fields(&sealed) {
        multipart = multipart.text(name, value);
    }
    let multipart = server.post(&url).header(accept.0, accept.1).multipart(multipart).send().await.unwrap();
    let body = json!({"name": "Ada <Lovelace>", "email": "ada-at-example", "age": 12, "password": SHORT_PASSWORD, "$bound": sealed});
    let json_body = server.post(&url).header(accept.0, accept.1).json(&body).send().await.unwrap();

    for (encoding, response) in [("urlencoded", urlencoded), ("multipart", multipart), ("json", json_body)] {
        let vary = response.headers().get("vary").map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(vary.as_deref(), Some("accept, x-formaction, hx-request"), "{encoding}");
        let text = response.text().await.unwrap();
        assert!(!text.contains(SHORT_PASSWORD), "{encoding}: the password's value is never echoed: {text}");
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json, invalid_json(), "{encoding}");
    }
    // The status, checked apart so the comparison above prints the body on failure.
    let response = server.post(&url).header(accept.0, accept.1).json(&body).send().await.unwrap();
    assert_eq!(json_of(response).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(log.runs().is_empty(), "{:?}", log.runs());
}

#[tokio::test]
async fn json_callers_get_redirects_and_states_as_json() {
    let (server, log) = start().await;
    let sealed = sign_up_sealed(&server).await;
    let url = sign_up_url();

    // A redirect, from each encoding: 200 with the target, and the flash cookie riding along.
    let urlencoded = server
        .post(&url)
        .header("accept", "application/json")
        .form(&valid_fields(&sealed, "Ada"))
        .send()
        .await
        .unwrap();
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in valid_fields(&sealed, "Bea") {
        form = form.text(name, value);
    }
    let multipart =
        server.post(&url).header("accept", "application/json").multipart(form).send().await.unwrap();
    let body =
        json!({"name": "Cy", "email": "cy@example.com", "age": 40, "password": PASSWORD, "$bound": sealed});
    let json_body = server.post(&url).header("accept", "application/json").json(&body).send().await.unwrap();
    for (encoding, response) in [("urlencoded", urlencoded), ("multipart", multipart), ("json", json_body)] {
        let cookie = flash_cookie(&response);
        let (status, json) = json_of(response).await;
        assert_eq!(status, StatusCode::OK, "{encoding}");
        assert_eq!(json, json!({"ok": true, "redirect": "/welcome?team=team-42"}), "{encoding}");
        // The cookie is the flash, as a browser would carry it to the next page.
        let next = server.client.get(server.url("/welcome")).header("cookie", cookie).send().await.unwrap();
        let shown = next.text().await.unwrap();
        assert!(element(&shown, "p", "flash").starts_with("Welcome, "), "{encoding}: {shown}");
    }
    assert_eq!(log.runs(), ["sign_up team-42 Ada", "sign_up team-42 Bea", "sign_up team-42 Cy"]);

    // A state.
    let response = server
        .post(&format!("/counter{}", increment::bind().url()))
        .header("accept", "application/json")
        .form(&[("by", "2")])
        .send()
        .await
        .unwrap();
    assert!(set_cookies(&response).is_empty());
    assert_eq!(
        json_of(response).await,
        (StatusCode::OK, json!({"ok": true, "state": {"count": 2, "message": "Counted to 2"}}))
    );
    let response = server
        .post(&format!("/counter{}", increment::bind().url()))
        .header("accept", "application/json")
        .json(&json!({"by": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (StatusCode::OK, json!({"ok": true, "state": {"count": 7, "message": "Counted to 7"}}))
    );

    // `()`: ok and nothing else.
    let response = server
        .post(&format!("/counter{}", touch::bind().url()))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(response).await, (StatusCode::OK, json!({"ok": true})));

    // An `Accept` that prefers HTML gets HTML.
    let response = server
        .post(&format!("/counter{}", increment::bind().url()))
        .header("accept", "text/html, application/json;q=0.5")
        .form(&[("by", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(element(&response.text().await.unwrap(), "p", "state"), "Counted to 8");
}

#[tokio::test]
async fn the_enhancement_header_gets_json() {
    let (server, log) = start().await;
    let sealed = sign_up_sealed(&server).await;
    // The script's header, with a browser's own Accept.
    let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    let response = server
        .post(&sign_up_url())
        .header("x-formaction", "1")
        .header("accept", accept)
        .form(&invalid_fields(&sealed))
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(response).await, (StatusCode::UNPROCESSABLE_ENTITY, invalid_json()));

    let response = server
        .post(&sign_up_url())
        .header("x-formaction", "1")
        .header("accept", accept)
        .form(&valid_fields(&sealed, "Ada"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (StatusCode::OK, json!({"ok": true, "redirect": "/welcome?team=team-42"}))
    );

    // Without the header, the same browser gets the 303.
    let response = server
        .post(&sign_up_url())
        .header("accept", accept)
        .form(&valid_fields(&sealed, "Bo"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["sign_up team-42 Ada", "sign_up team-42 Bo"]);
}

#[tokio::test]
async fn business_errors_answer_like_validation_errors() {
    let (server, log) = start().await;
    let sealed = sign_up_sealed(&server).await;

    let response = server
        .post(&sign_up_url())
        .header("accept", "application/json")
        .form(&valid_fields(&sealed, "taken"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({
                "ok": false,
                "formErrors": [],
                "fieldErrors": {"name": ["That name is taken"]},
                "issues": [{"name": "name", "code": "custom", "message": "That name is taken"}],
            })
        )
    );

    let response = server
        .post(&sign_up_url())
        .header("accept", "application/json")
        .json(&json!({"name": "closed", "email": "c@example.com", "age": 20, "password": PASSWORD, "$bound": sealed}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({
                "ok": false,
                "formErrors": ["Sign-ups are closed today"],
                "fieldErrors": {},
                "issues": [{"name": null, "code": "custom", "message": "Sign-ups are closed today"}],
            })
        )
    );

    // JavaScript off: the page again, values kept (not the password), the error by its field.
    let response = server.post(&sign_up_url()).form(&valid_fields(&sealed, "taken")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(set_cookies(&response).is_empty(), "no flash for a failed action");
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<input name="name" value="taken">"#), "{html}");
    assert!(html.contains(r#"<input name="email" value="ada@example.com">"#), "{html}");
    assert!(html.contains(r#"<input name="age" value="36">"#), "{html}");
    assert!(!html.contains(PASSWORD), "{html}");
    assert_eq!(
        page_errors(&html),
        json!({"formErrors": [], "fieldErrors": {"name": ["That name is taken"]}})
    );
    assert_eq!(log.runs(), ["sign_up team-42 taken", "sign_up team-42 closed", "sign_up team-42 taken"]);
}

#[tokio::test]
async fn several_actions_on_one_page_are_chosen_by_the_query() {
    let (server, log) = start().await;
    // The name and a hash of `actions::touch`: no module path in the URL.
    assert_eq!(touch::ID, "touch.8fryxa3vfpf6");
    assert_eq!(touch::bind().url(), "?_action=touch.8fryxa3vfpf6");

    let response = server.post(&format!("/counter{}", touch::bind().url())).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let response = server
        .post(&format!("/counter{}", increment::bind().url()))
        .form(&[("by", "4")])
        .send()
        .await
        .unwrap();
    assert_eq!(element(&response.text().await.unwrap(), "p", "state"), "Counted to 4");
    // The query parameter may come with others, and percent-encoded.
    let response = server
        .post("/counter?x=1&_action=touch%2E8fryxa3vfpf6")
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(response).await, (StatusCode::OK, json!({"ok": true})));
    assert_eq!(log.runs(), ["touch", "increment 4", "touch"]);

    // An id the page does not have: 404, as HTML or JSON, and nothing runs.
    let response = server.post("/counter?_action=actions::nope").form(&[("by", "1")]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.text().await.unwrap().contains("this page has no action `actions::nope`"));
    // An action of another page is unknown here.
    let response =
        server.post(&format!("/counter{}", sign_up::bind(String::new()).url())).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = server
        .post("/counter?_action=actions::nope")
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (StatusCode::NOT_FOUND, json!({"ok": false, "error": "this page has no action `actions::nope`"}))
    );

    // Several actions and none named: 400.
    let response = server.post("/counter").form(&[("by", "1")]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("this page has several actions: name one with ?_action=&lt;id&gt;")
    );
    let response = server
        .post("/counter")
        .header("accept", "application/json")
        .json(&json!({"by": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::BAD_REQUEST,
            json!({"ok": false, "error": "this page has several actions: name one with ?_action=<id>"})
        )
    );
    assert_eq!(log.runs(), ["touch", "increment 4", "touch"], "no refused request ran anything");

    // A page with one action needs no name.
    let sealed = sign_up_sealed(&server).await;
    let response = server.post("/signup").form(&valid_fields(&sealed, "Ada")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs().last().map(String::as_str), Some("sign_up team-42 Ada"));
}

#[tokio::test]
async fn two_actions_of_a_page_run_at_the_same_time() {
    let (server, log) = start().await;
    let post = |action: String| {
        let request = server.post(&format!("/counter{action}")).header("accept", "application/json").send();
        async move { json_of(request.await.unwrap()).await }
    };
    let first = tokio::spawn(post(wait_a::bind().url()));
    // `wait_a` is inside its action, waiting for `wait_b`, and cannot finish alone.
    tokio::time::timeout(Duration::from_secs(5), async {
        while !log.runs().contains(&"wait_a entered".to_owned()) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("wait_a started");
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(!first.is_finished(), "wait_a waits for wait_b");

    // `wait_b` releases it: if anything serialised the two, neither would ever finish.
    let (first, second) = tokio::time::timeout(Duration::from_secs(5), async {
        tokio::join!(first, post(wait_b::bind().url()))
    })
    .await
    .expect("both actions finish: they ran at the same time");
    assert_eq!(first.unwrap(), (StatusCode::OK, json!({"ok": true, "state": "a"})));
    assert_eq!(second, (StatusCode::OK, json!({"ok": true, "state": "b"})));
    let runs = log.runs();
    assert_eq!(&runs[..2], ["wait_a entered", "wait_b entered"]);
}

#[tokio::test]
async fn other_methods_on_a_page_are_405_with_allow() {
    let (server, log) = start().await;
    for method in [reqwest::Method::PUT, reqwest::Method::DELETE, reqwest::Method::PATCH] {
        for path in ["/signup", "/counter", &format!("/counter{}", touch::bind().url())] {
            let response = server
                .client
                .request(method.clone(), server.url(path))
                .header("origin", &server.base)
                .header("accept", "application/json")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert_eq!(response.headers()["allow"], "GET,HEAD,POST", "{method} {path}");
        }
    }
    assert!(log.runs().is_empty(), "{:?}", log.runs());
}

#[tokio::test]
async fn an_endpoint_is_post_only_and_always_json() {
    let (server, log) = start().await;
    for method in [reqwest::Method::GET, reqwest::Method::PUT, reqwest::Method::DELETE] {
        let response =
            server.client.request(method.clone(), server.url("/api/increment?by=1")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(response.headers()["allow"], "POST", "{method}");
    }
    assert!(log.runs().is_empty());

    // No Accept at all, or a browser's: JSON anyway.
    let response = server
        .post("/api/increment")
        .header("accept", "text/html")
        .form(&[("by", "2")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (StatusCode::OK, json!({"ok": true, "state": {"count": 2, "message": "Counted to 2"}}))
    );
    let response = server.post("/api/increment").json(&json!({"by": 0})).send().await.unwrap();
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({
                "ok": false,
                "formErrors": [],
                "fieldErrors": {"by": ["Must be at least 1"]},
                "issues": [{"name": "by", "code": "too_small", "message": "Must be at least 1", "min": 1}],
            })
        )
    );
    // Refusals too.
    let response = server
        .client
        .post(server.url("/api/increment"))
        .header("origin", "http://evil.test")
        .json(&json!({"by": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::FORBIDDEN,
            json!({"ok": false, "error": "cross-site request refused: Origin does not match this site"})
        )
    );
    assert_eq!(log.runs(), ["increment 2"]);
}

#[tokio::test]
async fn internal_errors_are_a_500_that_shows_nothing() {
    let (server, log) = start().await;
    let generic = "Something went wrong on our side. Please try again.";
    for (action, detail) in [(crash::bind().url(), INTERNAL_DETAIL), (crash_io::bind().url(), IO_DETAIL)] {
        // JavaScript off: a page.
        let response = server.post(&format!("/counter{action}")).form(&[("x", "1")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR, "{action}");
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let html = response.text().await.unwrap();
        assert!(html.contains(generic), "{html}");
        for leak in [detail, "swordfish", "ledger", "5432", "cannot connect"] {
            assert!(!html.contains(leak), "{action}: `{leak}` in {html}");
        }
        // JSON.
        let response = server
            .post(&format!("/counter{action}"))
            .header("accept", "application/json")
            .send()
            .await
            .unwrap();
        let (status, json) = json_of(response).await;
        assert_eq!(
            (status, &json),
            (StatusCode::INTERNAL_SERVER_ERROR, &json!({"ok": false, "error": generic}))
        );
        assert!(!json.to_string().contains(detail));
    }
    assert_eq!(log.runs(), ["crash", "crash", "crash_io", "crash_io"], "the actions ran, and failed inside");
}

#[tokio::test]
async fn the_action_is_still_a_plain_async_fn() {
    let log = Log::new();
    let input =
        SignUp { name: "Ada".into(), email: "ada@example.com".into(), age: 36, password: PASSWORD.into() };
    let redirect = sign_up(State(log.clone()), "team".into(), input).await.unwrap();
    assert_eq!(redirect.target(), "/welcome?team=team");
    assert_eq!(redirect.flash(), Some("Welcome, Ada"));

    let input =
        SignUp { name: "taken".into(), email: "t@example.com".into(), age: 20, password: PASSWORD.into() };
    let error = sign_up(State(log.clone()), "team".into(), input).await.unwrap_err();
    assert!(error.is_invalid());
    assert_eq!(error.errors().unwrap().field("name")[0].message(), "That name is taken");

    let ActionState(counted) = increment(State(log.clone()), Step { by: 2 }).await.unwrap();
    assert_eq!((counted.count, counted.message.as_str()), (2, "Counted to 2"));
    assert!(!crash(State(log.clone())).await.unwrap_err().is_invalid());
    assert_eq!(log.runs(), ["sign_up team Ada", "sign_up team taken", "increment 2", "crash"]);
}
