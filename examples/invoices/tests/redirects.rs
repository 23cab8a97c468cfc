//! `Redirect::to` stays on the site (issue 15, defect 1, the server's half), over raw TCP on
//! 127.0.0.1: an action that redirects wherever its form says, as an action that honours a `next`
//! parameter would. A path on the site is a 303 (or `{"ok":true,"redirect":...}`); anything else
//! (another site, a script, a path that browsers turn into another site) is the plain 500 of an
//! internal error, logged at `error` with the refused target, never a redirect, in HTML and JSON.
//! `Redirect::to_external` opts into `http`/`https` addresses on other sites, and still refuses
//! the rest; its JSON says `"external":true`, the one case where the enhancement script leaves the
//! site. An action's own redirect (an axum `Response`) reaches a JSON caller as the same JSON, so
//! `fetch` never follows it itself.

mod support;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::response::Html;
use example_invoices::Db;
use formaction::protect::Protection;
use formaction::{ActionError, Redirect, RouterExt, action, form, page};
use support::raw::*;

#[form]
#[derive(Debug)]
struct Go {
    /// Where to go, as a `next` parameter would say.
    to: String,
    /// Whether the action opts into other sites.
    external: bool,
}

#[action]
async fn go(#[form] input: Go) -> Result<Redirect, ActionError> {
    let redirect = if input.external { Redirect::to_external(input.to) } else { Redirect::to(input.to) };
    Ok(redirect.with_flash("Gone"))
}

/// Answers with a redirect of its own making, and a cookie.
#[action]
async fn hand_off(#[form] input: Go) -> Result<axum::response::Response, ActionError> {
    use axum::response::IntoResponse;
    let cookie = [(axum::http::header::SET_COOKIE, "handed=1; Path=/")];
    Ok((cookie, axum::response::Redirect::to(&input.to)).into_response())
}

async fn go_page() -> Html<&'static str> {
    Html("<!doctype html><title>Go</title>")
}

/// The test's router, served as the app is (the protect layer, the raw client's `Server`).
async fn start() -> Server {
    install_key();
    let dir = tempfile::tempdir().expect("temp dir");
    let db =
        Db::connect(&format!("sqlite://{}", dir.path().join("unused.db").display())).await.expect("database");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let protection = Protection::default();
    let app = Router::new()
        .page("/go", page(go_page).action::<go>().action::<hand_off>())
        .layer(protection.layer());
    let task = tokio::spawn(async move {
        protection.serve(listener, app, std::future::pending()).await.expect("serve");
    });
    Server { addr, db, own: Some((dir, task)) }
}

/// The log of this test (its server runs on the same thread), at `info` and above.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Log {
    fn capture() -> (Log, tracing::subscriber::DefaultGuard) {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        (log, tracing::subscriber::set_default(subscriber))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())).into_owned()
    }
}

fn go_to(to: &str, external: bool) -> Request {
    let mut fields = vec![("to", to.to_owned())];
    if external {
        fields.push(("external", "on".to_owned()));
    }
    Request::post(&format!("/go{}", go::bind().url()), FORM, &urlencoded(&fields))
}

/// Paths on the site: followed, by a browser and by a JSON caller.
const ON_THE_SITE: &[&str] = &[
    "/",
    "/invoices/7",
    "/x?y#z",
    "/search?next=https://evil.example&back=//evil.example",
    "/%2F%2Fevil.example",
    "/javascript:alert(1)",
    "/@evil.example",
];

/// Refused from `Redirect::to`: every way to another site or a script.
const OFF_THE_SITE: &[&str] = &[
    "//evil.example",
    "//evil.example/invoices",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "\u{8}//evil.example",
    "/x\u{1b}[2J",
    "https://evil.example/",
    "HTTPS://evil.example/",
    "http:evil.example",
    "https:\\\\evil.example",
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "invoices/7",
];

/// Followed from `Redirect::to_external`.
const EXTERNAL: &[&str] =
    &["https://pay.example/checkout?id=7", "HTTP://pay.example:8080/", "http://[::1]:3000/x"];

/// Refused even from `Redirect::to_external`.
const NOT_EXTERNAL: &[&str] = &[
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,x",
    "ftp://pay.example/",
    "https:pay.example",
    "https:///pay.example",
    "https://app.example@evil.example/",
    "https://app.example\\@evil.example/",
    "https://user:pass@evil.example/",
    "https://pay.example/\tx",
    " https://pay.example/",
    "https://bücher.example/",
    "//evil.example",
];

#[tokio::test]
async fn a_path_on_the_site_is_followed_by_a_browser_and_a_json_caller() {
    let server = start().await;
    for (to, external) in
        ON_THE_SITE.iter().map(|to| (*to, false)).chain(EXTERNAL.iter().map(|to| (*to, true)))
    {
        let answer = exchange(server.addr, &go_to(to, external).bytes(&server)).await;
        assert_eq!(answer.status, 303, "{to:?}: {}", answer.body);
        assert_eq!(answer.header("location").as_deref(), Some(to), "{to:?}");
        assert!(answer.header("set-cookie").is_some_and(|cookie| cookie.starts_with("formaction_flash=")));
        let json = exchange(server.addr, &go_to(to, external).json().bytes(&server)).await;
        assert_eq!(json.status, 200, "{to:?}: {}", json.body);
        let body: serde_json::Value = serde_json::from_str(&json.body).expect("JSON");
        let expected = match external && !to.starts_with('/') {
            true => serde_json::json!({"ok": true, "redirect": to, "external": true}),
            false => serde_json::json!({"ok": true, "redirect": to}),
        };
        assert_eq!(body, expected, "{to:?}");
    }
}

/// An action's own redirect: as it is for a browser; as JSON for a JSON caller, its cookie kept
/// and another site said to be one.
#[tokio::test]
async fn an_actions_own_redirect_is_json_to_a_json_caller() {
    let server = start().await;
    for (to, external) in [("/invoices/7", false), ("https://pay.example/x", true), ("//pay.example/x", true)]
    {
        let request = |json: bool| {
            let request = Request::post(
                &format!("/go{}", hand_off::bind().url()),
                FORM,
                &urlencoded(&[("to", to.to_owned())]),
            );
            if json { request.json() } else { request }
        };
        let answer = exchange(server.addr, &request(false).bytes(&server)).await;
        assert_eq!(answer.status, 303, "{to:?}: {}", answer.body);
        assert_eq!(answer.header("location").as_deref(), Some(to), "{to:?}");
        let json = exchange(server.addr, &request(true).bytes(&server)).await;
        assert_eq!(json.status, 200, "{to:?}: {}", json.head);
        assert_eq!(json.header("location"), None, "{to:?}");
        assert_eq!(json.header("set-cookie").as_deref(), Some("handed=1; Path=/"), "{to:?}");
        let body: serde_json::Value = serde_json::from_str(&json.body).expect("JSON");
        let expected = match external {
            true => serde_json::json!({"ok": true, "redirect": to, "external": true}),
            false => serde_json::json!({"ok": true, "redirect": to}),
        };
        assert_eq!(body, expected, "{to:?}");
    }
}

#[tokio::test]
async fn a_target_off_the_site_is_a_500_never_a_redirect_and_logged_with_the_target() {
    let server = start().await;
    let (log, _guard) = Log::capture();
    let cases = OFF_THE_SITE.iter().map(|to| (*to, false)).chain(NOT_EXTERNAL.iter().map(|to| (*to, true)));
    for (to, external) in cases {
        let answer = exchange(server.addr, &go_to(to, external).bytes(&server)).await;
        assert_eq!(answer.status, 500, "{to:?}: {}", answer.body);
        assert_eq!(answer.header("location"), None, "{to:?}");
        assert_eq!(answer.header("set-cookie"), None, "{to:?}: no flash for a page never reached");
        assert!(answer.body.contains("Something went wrong on our side"), "{to:?}: {}", answer.body);
        assert!(!answer.body.contains("evil") && !answer.body.contains("script:"), "{to:?}: {}", answer.body);
        assert_no_internals(to, &answer);

        let json = exchange(server.addr, &go_to(to, external).json().bytes(&server)).await;
        assert_eq!(json.status, 500, "{to:?}: {}", json.body);
        let body: serde_json::Value = serde_json::from_str(&json.body).expect("JSON");
        assert_eq!(
            body,
            serde_json::json!({"ok": false, "error": "Something went wrong on our side. Please try again."}),
            "{to:?}: no `redirect` for the script to follow"
        );
        assert_eq!(json.header("set-cookie"), None, "{to:?}");

        // The log names the target (escaped, as Rust writes a string) at `error`.
        let made = if external { "Redirect::to_external" } else { "Redirect::to" };
        let logged = format!("redirect refused: {made}({to:?})");
        let text = log.text();
        let line =
            text.lines().find(|line| line.contains(&logged)).unwrap_or_else(|| panic!("{logged} in {text}"));
        assert!(line.contains("ERROR"), "{line}");
    }
}
