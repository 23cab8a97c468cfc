//! `HtmlPage` over real HTTP on 127.0.0.1: a page rendered by an askama template answers with the
//! template's exact bytes as `text/html`, with a form in it through a page and its action (200,
//! then 422 with the errors), with another status when asked, and with a plain 500 that shows
//! nothing of the error when the template fails (the error goes to the log). The enhancement
//! script is served at a URL of its content, cached for a year.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use formaction::render::{FormView, HtmlPage, script, script_path, script_route, script_tag};
use formaction::{ActionError, FormState, Redirect, RouterExt, action, form, page};
use support::{Log, Server, capture_log};

#[form]
#[derive(Debug)]
struct Subscribe {
    #[validate(email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u8,
}

#[action]
async fn subscribe(State(log): State<Log>, #[form] input: Subscribe) -> Result<Redirect, ActionError> {
    log.record(format!("subscribed {}", input.email));
    Ok(Redirect::to("/thanks"))
}

#[derive(Template)]
#[template(
    source = "<!doctype html>\n<title>{{ title }}</title>\n<main>\n{{ form|safe }}\n</main>\n{{ filler }}",
    ext = "html"
)]
struct SubscribePage<'a> {
    title: &'a str,
    form: FormView<'a, Subscribe>,
    filler: String,
}

#[derive(serde::Deserialize)]
struct Size {
    filler: Option<usize>,
}

/// The page, answered by `HtmlPage`; what `render()` gives for the same template goes to the log,
/// for the test to compare with the body.
async fn show(State(log): State<Log>, Query(size): Query<Size>, state: FormState<Subscribe>) -> Response {
    let page = SubscribePage {
        title: "Subscribe <now> & 'save'",
        form: FormView::from_state(&state, subscribe::bind()),
        filler: "<&>\"'".repeat(size.filler.unwrap_or(0)),
    };
    log.record(page.render().expect("rendered"));
    HtmlPage::new(page).into_response()
}

/// A value whose `Display` fails.
struct Failing;

impl std::fmt::Display for Failing {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Err(std::fmt::Error)
    }
}

#[derive(Template)]
#[template(source = "<p>partial secret output</p>{{ failing }}<p>after</p>", ext = "html")]
struct BrokenPage {
    failing: Failing,
}

#[derive(Template)]
#[template(source = "<h1>No such page: {{ path }}</h1>", ext = "html")]
struct MissingPage<'a> {
    path: &'a str,
}

fn app(log: Log) -> Router {
    Router::new()
        .page("/subscribe", page(show).action::<subscribe>())
        .route("/broken", get(|| async { HtmlPage::new(BrokenPage { failing: Failing }) }))
        .route(
            "/broken-missing",
            get(|| async { HtmlPage::new(BrokenPage { failing: Failing }).status(StatusCode::NOT_FOUND) }),
        )
        .route(
            "/missing",
            get(|| async { HtmlPage::new(MissingPage { path: "/a<b>" }).status(StatusCode::NOT_FOUND) }),
        )
        .with_state(log)
}

/// The body, after checking the status and the content type.
async fn html(response: reqwest::Response, status: u16) -> String {
    assert_eq!(response.status(), status);
    assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
    response.text().await.expect("body")
}

#[tokio::test]
async fn a_page_is_its_templates_bytes_whatever_its_size_and_the_renders_before_it() {
    let log = Log::default();
    let server = Server::start(app(log.clone())).await;
    // Small, large, larger than a thread keeps between renders, and small again: each page is
    // exactly what `render()` gives, nothing left over from the one before.
    for (round, filler) in [0, 2_000, 40_000, 0, 3].into_iter().enumerate() {
        let response = server.client.get(server.url(&format!("/subscribe?filler={filler}"))).send().await;
        let body = html(response.expect("GET"), 200).await;
        let runs = log.runs();
        assert_eq!(runs.len(), round + 1);
        assert_eq!(body, runs[round], "filler {filler}");
        assert!(body.contains("<title>Subscribe &#60;now&#62; &#38; &#39;save&#39;</title>"), "{body}");
        assert!(body.contains(r#"<form id="subscribe" method="post""#), "{body}");
        assert!(body.len() > filler * 20, "{} bytes", body.len());
    }
}

#[tokio::test]
async fn an_invalid_submission_gets_the_page_again_with_422_and_the_same_bytes_as_render() {
    let log = Log::default();
    let server = Server::start(app(log.clone())).await;
    let action = format!("/subscribe{}", subscribe::bind().url());

    let response = server.post(&action).form(&[("email", "<not an email>"), ("age", "7")]).send().await;
    let body = html(response.expect("POST"), 422).await;
    assert_eq!(log.runs(), std::slice::from_ref(&body), "rendered once, by the page, and nothing subscribed");
    assert!(body.contains(r#"value="&#60;not an email&#62;""#), "{body}");
    assert!(body.contains("Enter a valid email address"), "{body}");
    assert!(body.contains(r#"aria-invalid="true""#), "{body}");

    let response = server.post(&action).form(&[("email", "ada@example.com"), ("age", "36")]).send().await;
    let response = response.expect("POST");
    assert_eq!(response.status(), 303);
    assert_eq!(log.runs().last().map(String::as_str), Some("subscribed ada@example.com"));
}

#[tokio::test]
async fn another_status_is_kept_when_the_page_renders() {
    let server = Server::start(app(Log::default())).await;
    let body = html(server.client.get(server.url("/missing")).send().await.expect("GET"), 404).await;
    assert_eq!(body, "<h1>No such page: /a&#60;b&#62;</h1>");
}

#[tokio::test]
async fn a_failing_template_is_a_plain_500_that_shows_nothing_and_is_logged() {
    let (captured, _guard) = capture_log();
    let server = Server::start(app(Log::default())).await;

    // A status asked for does not hide the failure.
    for path in ["/broken", "/broken-missing", "/broken"] {
        let body = html(server.client.get(server.url(path)).send().await.expect("GET"), 500).await;
        assert!(body.contains("Something went wrong on our side. Please try again."), "{body}");
        for secret in ["partial secret output", "after", "BrokenPage", "format", "rror:"] {
            assert!(!body.contains(secret), "the page shows `{secret}`: {body}");
        }
    }
    let logged = captured.text();
    assert_eq!(logged.matches("a page's template failed").count(), 3, "{logged}");
    assert!(logged.contains("ERROR"), "{logged}");
    assert!(logged.contains("BrokenPage"), "the log names the template: {logged}");

    // The server goes on, and a page after a failed one carries nothing of it.
    let body = html(server.client.get(server.url("/missing")).send().await.expect("GET"), 404).await;
    assert_eq!(body, "<h1>No such page: /a&#60;b&#62;</h1>");
}

/// The enhancement script's URL changes with its content (`/_formaction/enhance.<hash>.js`), so
/// it is cached for a year; the unhashed name, an old hash or a changed one is not found.
#[tokio::test]
async fn the_script_is_served_at_a_url_of_its_content_cached_for_a_year() {
    let server = Server::start(Router::new().route(script_path(), script_route())).await;
    let path = script_path();
    let hash = path.strip_prefix("/_formaction/enhance.").and_then(|rest| rest.strip_suffix(".js"));
    let hash = hash.unwrap_or_else(|| panic!("not a script URL with a hash: {path}"));
    let url_safe = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    assert!(hash.len() >= 8 && hash.bytes().all(url_safe), "a short URL-safe hash: {path}");
    assert_eq!(script_tag(), format!(r#"<script src="{path}" defer></script>"#), "pages ask for that URL");

    for method in [reqwest::Method::GET, reqwest::Method::HEAD] {
        let response =
            server.client.request(method.clone(), server.url(path)).send().await.expect("the script");
        assert_eq!(response.status(), 200, "{method}");
        assert_eq!(response.headers()["content-type"], "text/javascript; charset=utf-8");
        assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
        if method == reqwest::Method::GET {
            assert_eq!(response.text().await.expect("the script"), script());
        }
    }

    // One character of the hash changed, the hash in other case, cut short, made longer, absent.
    let first = hash.as_bytes()[0];
    let changed = format!("{}{}", if first == b'A' { 'B' } else { 'A' }, &hash[1..]);
    let other_case: String = hash
        .chars()
        .map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
        .collect();
    let wrong = [
        "/_formaction/enhance.js".to_owned(),
        format!("/_formaction/enhance.{changed}.js"),
        format!("/_formaction/enhance.{other_case}.js"),
        format!("/_formaction/enhance.{}.js", &hash[..hash.len() - 1]),
        format!("/_formaction/enhance.{hash}0.js"),
        format!("/_formaction/enhance.{hash}.js/"),
        format!("/_formaction/enhance.{hash}"),
    ];
    for wrong in wrong {
        if wrong == path {
            continue;
        }
        let response = server.client.get(server.url(&wrong)).send().await.expect("GET");
        assert_eq!(response.status(), 404, "{wrong}");
    }
}

/// The enhancement script, as served, is at most 3,000 bytes once `gzip -9` compresses it (the
/// cap of issue 21): the served bytes, fetched from a server, piped through Debian's `gzip`.
#[tokio::test]
async fn the_served_script_is_at_most_3000_bytes_gzipped() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let server = Server::start(Router::new().route(script_path(), script_route())).await;
    let response = server.client.get(server.url(script_path())).send().await.expect("the script");
    let served = response.bytes().await.expect("the script");
    let mut gzip = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("Debian's gzip, to weigh the script");
    gzip.stdin.take().expect("gzip's input").write_all(&served).expect("the script written to gzip");
    let output = gzip.wait_with_output().expect("gzip's output");
    assert!(output.status.success(), "gzip failed");
    let size = output.stdout.len();
    println!("the served script: {} bytes, {size} bytes with gzip -9", served.len());
    assert!(size <= 3000, "the served script is {size} bytes with gzip -9; at most 3,000");
    assert!(size > 1000, "{size} bytes: not the script?");
}
