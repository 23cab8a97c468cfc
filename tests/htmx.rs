//! htmx requests over real HTTP on 127.0.0.1, for what the todos example (its own test,
//! examples/todos/tests/htmx.rs) does not show: the opt-in 422, a secret never sent back, a
//! redirect of the action's own or to another site, `full_reload`, and who wins when a request
//! asks for JSON and comes from htmx.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use formaction::{ActionError, FormState, FormView, Redirect, RouterExt, action, form, page};
use support::Server;

#[form]
struct Login {
    #[validate(length(min = 1, message = "Enter your name"))]
    name: String,
    #[field(secret)]
    #[validate(length(min = 8, message = "At least 8 characters"))]
    password: String,
}

#[action]
async fn sign_in(#[form] login: Login) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/hello?name={}", login.name.len())).with_flash("Welcome"))
}

#[action]
async fn pay() -> Result<Redirect, ActionError> {
    Ok(Redirect::to_external("https://pay.example/checkout?id=7"))
}

#[action]
async fn reload() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/fresh").full_reload())
}

#[action]
async fn own() -> Result<Response, ActionError> {
    Ok((StatusCode::SEE_OTHER, [("location", "/elsewhere"), ("set-cookie", "seen=1; Path=/")])
        .into_response())
}

#[action]
async fn fragment() -> Result<Redirect, ActionError> {
    Ok(Redirect::to("/list").with_flash("Saved").htmx("<li>new</li>"))
}

async fn login_page(state: FormState<Login>) -> Html<String> {
    let form = FormView::from_state(&state, sign_in::bind()).id("login").submit_label("Sign in");
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><title>Log in</title></head><body><main>{form}</main></body></html>"
    ))
}

/// The login page with every action of this file.
fn login() -> formaction::Page<()> {
    page(login_page)
        .action::<sign_in>()
        .action::<pay>()
        .action::<reload>()
        .action::<own>()
        .action::<fragment>()
}

/// How many times `tick` ran.
static TICKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[action]
async fn tick() -> Result<Redirect, ActionError> {
    TICKS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    Ok(Redirect::to("/ticked").with_flash("Ticked"))
}

/// A page with an htmx button outside any form (`hx_attributes`).
async fn ticks_page() -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><title>Ticks</title></head><body><main>\
         <button {}>Tick</button></main></body></html>",
        tick::bind().hx_attributes()
    ))
}

fn app() -> Router {
    Router::new()
        .page("/ticks", page(ticks_page).action::<tick>())
        .page("/", login())
        .page("/strict", login().htmx_invalid_status(StatusCode::UNPROCESSABLE_ENTITY))
}

async fn post(
    server: &Server,
    path: &str,
    action: &str,
    fields: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = server.post(&format!("{path}?_action={}", action_id(action))).form(fields);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("POST")
}

/// The id of the action `name` of this file.
fn action_id(name: &str) -> &'static str {
    match name {
        "sign_in" => <sign_in as formaction::Action<()>>::ID,
        "pay" => <pay as formaction::Action<()>>::ID,
        "reload" => <reload as formaction::Action<()>>::ID,
        "own" => <own as formaction::Action<()>>::ID,
        "fragment" => <fragment as formaction::Action<()>>::ID,
        other => panic!("no action {other}"),
    }
}

fn header<'a>(answer: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    answer.headers().get(name).map(|value| value.to_str().expect("text"))
}

const HTMX: [(&str, &str); 2] = [("HX-Request", "true"), ("HX-Trigger", "login")];

#[tokio::test]
async fn an_invalid_submission_keeps_no_secret_and_is_422_when_the_page_opts_in() {
    let server = Server::start(app()).await;
    for (path, status) in [("/", 200), ("/strict", 422)] {
        let answer = post(&server, path, "sign_in", &[("name", ""), ("password", "hunter2")], &HTMX).await;
        assert_eq!(answer.status().as_u16(), status, "{path}");
        assert_eq!(header(&answer, "hx-retarget"), Some("#login"), "{path}");
        assert_eq!(header(&answer, "hx-reselect"), Some("#login"), "{path}");
        assert_eq!(header(&answer, "hx-reswap"), Some("outerHTML"), "{path}");
        let html = answer.text().await.unwrap();
        assert!(html.contains("Enter your name") && html.contains("At least 8 characters"), "{html}");
        assert!(!html.contains("hunter2"), "the password is never sent back: {html}");
    }
    // Sent from an element that is no form of the page (a button with `hx-post` inside the form,
    // say): swapping it alone would drop the errors, so the page's body takes the page.
    let from_button = [("HX-Request", "true"), ("HX-Trigger", "sign-in-button")];
    let answer = post(&server, "/", "sign_in", &[("name", ""), ("password", "x")], &from_button).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "hx-retarget"), Some("body"));
    assert_eq!(header(&answer, "hx-reswap"), Some("innerHTML"));
    assert!(answer.text().await.unwrap().contains("Enter your name"));
    // A browser with JavaScript off: 422 on both pages, as ever.
    for path in ["/", "/strict"] {
        let answer = post(&server, path, "sign_in", &[("name", ""), ("password", "x")], &[]).await;
        assert_eq!(answer.status(), 422, "{path}");
    }
}

#[tokio::test]
async fn redirects_become_hx_location_or_hx_redirect_never_a_3xx() {
    let server = Server::start(app()).await;
    let cases = [
        ("sign_in", Some("/hello?name=3"), None),
        ("pay", None, Some("https://pay.example/checkout?id=7")),
        ("reload", None, Some("/fresh")),
        ("own", Some("/elsewhere"), None),
    ];
    for (action, location, redirect) in cases {
        let fields = [("name", "Ada"), ("password", "long enough")];
        let answer = post(&server, "/", action, &fields, &HTMX).await;
        assert_eq!(answer.status(), 200, "{action}");
        assert_eq!(header(&answer, "location"), None, "{action}");
        assert_eq!(header(&answer, "hx-location"), location, "{action}");
        assert_eq!(header(&answer, "hx-redirect"), redirect, "{action}");
        let cookies: Vec<_> = answer.headers().get_all("set-cookie").iter().collect();
        match action {
            "sign_in" => assert_eq!(cookies.len(), 1, "the flash"),
            "own" => assert_eq!(cookies, ["seen=1; Path=/"], "the action's own cookie"),
            _ => assert!(cookies.is_empty(), "{action}"),
        }
    }
    // htmx wins over an `Accept` that prefers JSON: htmx swaps HTML.
    let json_too = [("HX-Request", "true"), ("Accept", "application/json")];
    let answer = post(&server, "/", "reload", &[], &json_too).await;
    assert_eq!(header(&answer, "hx-redirect"), Some("/fresh"));
}

#[tokio::test]
async fn a_fragment_is_for_htmx_only() {
    let server = Server::start(app()).await;
    let answer = post(&server, "/", "fragment", &[], &HTMX).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.text().await.unwrap(),
        r#"<li>new</li><div hx-swap-oob="innerHTML:#flash">Saved</div>"#
    );
    // A JSON caller: the redirect, as for any redirect.
    let answer = post(&server, "/", "fragment", &[], &[("Accept", "application/json")]).await;
    assert_eq!(
        answer.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"ok": true, "redirect": "/list"})
    );
    // JavaScript off: the 303, with the flash for the next page.
    let answer = post(&server, "/", "fragment", &[], &[]).await;
    assert_eq!(answer.status(), 303);
    assert_eq!(header(&answer, "location"), Some("/list"));
    assert!(header(&answer, "set-cookie").is_some());
}

/// An htmx button sent twice (a double click) runs its action once: `hx-vals` carries the
/// one-time token, and the answer sent again is one htmx follows (`HX-Location`), not a 303 that
/// htmx would follow inside the request and swap in whole.
#[tokio::test]
async fn an_htmx_button_sent_twice_runs_once_and_is_answered_for_htmx_both_times() {
    let server = Server::start(app()).await;
    let html = server.client.get(server.url("/ticks")).send().await.unwrap().text().await.unwrap();
    let token = html
        .split("&quot;$once&quot;:&quot;")
        .nth(1)
        .and_then(|rest| rest.split("&quot;").next())
        .unwrap_or_else(|| panic!("a token in hx-vals: {html}"))
        .to_owned();
    let path = format!("/ticks?_action={}", <tick as formaction::Action<()>>::ID);
    let send = || server.post(&path).header("HX-Request", "true").form(&[("$once", token.as_str())]).send();
    let first = send().await.unwrap();
    let second = send().await.unwrap();
    for (answer, replayed) in [(&first, None), (&second, Some("true"))] {
        assert_eq!(answer.status(), 200);
        assert_eq!(header(answer, "hx-location"), Some("/ticked"));
        assert_eq!(header(answer, "idempotent-replayed"), replayed);
        assert!(header(answer, "set-cookie").is_some_and(|cookie| cookie.starts_with("formaction_flash=")));
    }
    assert_eq!(TICKS.load(std::sync::atomic::Ordering::SeqCst), 1, "the action ran once");
}
