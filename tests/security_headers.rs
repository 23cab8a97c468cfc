//! The security headers (issue 15, defect 6) over real HTTP on 127.0.0.1, with the defaults: a
//! page's answers carry them whether or not the protect layer is there; the layer adds them to
//! every other answer; a handler that sets its own header keeps it, and a Content-Security-Policy
//! is never sent twice.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use askama::Template;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{AppendHeaders, Html, IntoResponse, Response};
use axum::routing::get;
use formaction::HtmlPage;
use formaction::{ActionError, Redirect, RouterExt, action, endpoint, form, page};
use support::Server;

#[form]
struct Note {
    #[validate(length(min = 1))]
    text: String,
}

#[action]
async fn save(#[form] note: Note) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/notes?saved={}", note.text.len())))
}

/// An action that answers with a response of its own, which sets its own headers.
#[action]
async fn export(#[form] note: Note) -> Result<Response, ActionError> {
    Ok(own_headers(note.text))
}

/// A page that sets its own policy, caching and framing.
fn own_headers(body: String) -> Response {
    (
        [
            (header::CONTENT_SECURITY_POLICY, "default-src 'self'; frame-ancestors 'none'"),
            (header::CACHE_CONTROL, "private, max-age=60"),
            (header::X_FRAME_OPTIONS, "DENY"),
        ],
        Html(body),
    )
        .into_response()
}

/// A page answered by the runtime's own [`HtmlPage`], which starts with the page headers when a
/// page's handler makes it.
#[derive(Template)]
#[template(source = "<!doctype html><title>{{ title }}</title>", ext = "html")]
struct Titled {
    title: &'static str,
}

fn html_page() -> Response {
    HtmlPage::new(Titled { title: "Runtime's own" }).into_response()
}

fn app() -> Router {
    Router::new()
        .page("/html", page(|| async { html_page() }))
        .page(
            "/html-append",
            page(|| async {
                let mut response = html_page();
                response
                    .headers_mut()
                    .append(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("script-src 'self'"));
                response
            }),
        )
        .page(
            "/html-append-headers",
            page(|| async {
                (AppendHeaders([(header::CONTENT_SECURITY_POLICY, "default-src 'self'")]), html_page())
            }),
        )
        .page(
            "/html-insert",
            page(|| async {
                (
                    [(header::CACHE_CONTROL, "private, max-age=60"), (header::X_FRAME_OPTIONS, "DENY")],
                    html_page(),
                )
            }),
        )
        .page(
            "/html-remove",
            page(|| async {
                let mut response = html_page();
                response.headers_mut().remove(header::X_FRAME_OPTIONS);
                response.headers_mut().remove(header::CACHE_CONTROL);
                response
            }),
        )
        .route("/html-route", get(|| async { html_page() }))
        .page("/notes", page(|| async { Html("<!doctype html><title>Notes</title>") }).action::<save>())
        .page(
            "/own",
            page(|| async { own_headers("<!doctype html><title>Own</title>".to_owned()) }).action::<export>(),
        )
        .page(
            "/csp-only",
            page(|| async {
                ([(header::CONTENT_SECURITY_POLICY, "script-src 'self'")], Html("<title>CSP</title>"))
            }),
        )
        .route("/api/save", endpoint::<save, ()>())
        .route("/download", get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.4") }))
        .route("/panic", get(|| async { panic!("on purpose") as &'static str }))
}

const DEFAULTS: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "SAMEORIGIN"),
    ("content-security-policy", "frame-ancestors 'self'"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
];

fn values(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers.get_all(name).iter().map(|value| value.to_str().expect("text").to_owned()).collect()
}

fn assert_defaults(case: &str, headers: &HeaderMap, cache_control: Option<&str>) {
    for (name, value) in DEFAULTS {
        assert_eq!(values(headers, name), [*value], "{case}: {name} in {headers:?}");
    }
    assert_eq!(values(headers, "cache-control"), cache_control.into_iter().collect::<Vec<_>>(), "{case}");
}

#[tokio::test]
async fn a_pages_answers_carry_the_headers_with_or_without_the_protect_layer() {
    for (layered, server) in [
        (false, Server::start(app()).await),
        (true, Server::start(app().layer(formaction::protect::layer())).await),
    ] {
        let get = server.client.get(server.url("/notes")).send().await.expect("GET");
        assert_eq!(get.status(), 200);
        assert_defaults("GET", get.headers(), Some("no-store"));

        let action = format!("/notes{}", save::bind().url());
        let invalid = server.post(&action).form(&[("text", "")]).send().await.expect("POST");
        assert_eq!(invalid.status(), 422);
        assert_defaults("422", invalid.headers(), Some("no-store"));
        let valid = server.post(&action).form(&[("text", "hi")]).send().await.expect("POST");
        assert_eq!(valid.status(), 303);
        assert_defaults("303", valid.headers(), Some("no-store"));
        let json =
            server.post(&action).header("accept", "application/json").form(&[("text", "")]).send().await;
        let json = json.expect("POST");
        assert_eq!(json.status(), 422);
        assert_defaults("JSON", json.headers(), Some("no-store"));
        assert_eq!(values(json.headers(), "vary"), ["accept, x-formaction, hx-request"]);
        let forged = server
            .client
            .post(server.url(&action))
            .header("origin", "https://evil.test")
            .form(&[("text", "hi")])
            .send();
        let forged = forged.await.expect("POST");
        assert_eq!(forged.status(), 403);
        assert_defaults("403", forged.headers(), Some("no-store"));
        let endpoint = server.post("/api/save").form(&[("text", "hi")]).send().await.expect("POST");
        assert_eq!(endpoint.status(), 200);
        assert_defaults("endpoint", endpoint.headers(), Some("no-store"));

        // Anything else: only through the protect layer, and without `no-store`.
        let download = server.client.get(server.url("/download")).send().await.expect("GET");
        assert_eq!(download.status(), 200);
        let panicked = if layered { server.client.get(server.url("/panic")).send().await.ok() } else { None };
        if layered {
            assert_defaults("download", download.headers(), None);
            let panicked = panicked.expect("an answer");
            assert_eq!(panicked.status(), 500);
            assert_defaults("a panic's 500", panicked.headers(), Some("no-store"));
        } else {
            assert_eq!(values(download.headers(), "x-content-type-options"), Vec::<String>::new());
        }
    }
}

#[tokio::test]
async fn a_handlers_own_headers_win_and_no_policy_is_sent_twice() {
    let server = Server::start(app().layer(formaction::protect::layer())).await;
    let own = |headers: &HeaderMap, case: &str| {
        assert_eq!(
            values(headers, "content-security-policy"),
            ["default-src 'self'; frame-ancestors 'none'"],
            "{case}: one policy, the page's"
        );
        assert_eq!(values(headers, "cache-control"), ["private, max-age=60"], "{case}");
        assert_eq!(values(headers, "x-frame-options"), ["DENY"], "{case}");
        assert_eq!(values(headers, "x-content-type-options"), ["nosniff"], "{case}: the rest added");
        assert_eq!(values(headers, "referrer-policy"), ["strict-origin-when-cross-origin"], "{case}");
    };
    let get = server.client.get(server.url("/own")).send().await.expect("GET");
    own(get.headers(), "GET");
    let action = format!("/own{}", export::bind().url());
    let post = server.post(&action).form(&[("text", "x")]).send().await.expect("POST");
    assert_eq!(post.status(), 200);
    own(post.headers(), "the action's own response");

    // A policy without `frame-ancestors`: kept alone; `X-Frame-Options` still guards framing.
    let csp = server.client.get(server.url("/csp-only")).send().await.expect("GET");
    assert_eq!(values(csp.headers(), "content-security-policy"), ["script-src 'self'"]);
    assert_eq!(values(csp.headers(), "x-frame-options"), ["SAMEORIGIN"]);
    assert_eq!(values(csp.headers(), "cache-control"), ["no-store"]);
    assert!(HeaderValue::from_static("no-store") == csp.headers()["cache-control"]);
}

#[tokio::test]
async fn the_runtimes_own_pages_carry_the_headers_once_and_a_handlers_own_still_win() {
    for (layered, server) in [
        (false, Server::start(app()).await),
        (true, Server::start(app().layer(formaction::protect::layer())).await),
    ] {
        let get = |path: &'static str| {
            let request = server.client.get(server.url(path)).send();
            async move {
                let answer = request.await.expect("GET");
                assert_eq!(answer.status(), 200, "{path}");
                assert_eq!(values(answer.headers(), "content-type"), ["text/html; charset=utf-8"], "{path}");
                answer.headers().clone()
            }
        };
        let headers = get("/html").await;
        assert_defaults("HtmlPage", &headers, Some("no-store"));
        let mut names: Vec<_> = headers.keys().map(|name| name.as_str()).collect();
        names.sort_unstable();
        let expected = [
            "cache-control",
            "content-length",
            "content-security-policy",
            "content-type",
            "date",
            "referrer-policy",
            // Every page's answer: `accept, x-formaction, hx-request`.
            "vary",
            "x-content-type-options",
            "x-frame-options",
        ];
        assert_eq!(names, expected, "each once, nothing else");

        // A policy added to the page's own: the handler's alone, never two.
        let headers = get("/html-append").await;
        assert_eq!(values(&headers, "content-security-policy"), ["script-src 'self'"]);
        assert_eq!(values(&headers, "x-frame-options"), ["SAMEORIGIN"]);
        assert_eq!(values(&headers, "cache-control"), ["no-store"]);
        let headers = get("/html-append-headers").await;
        assert_eq!(values(&headers, "content-security-policy"), ["default-src 'self'"]);
        assert_eq!(values(&headers, "referrer-policy"), ["strict-origin-when-cross-origin"]);

        let headers = get("/html-insert").await;
        assert_eq!(values(&headers, "cache-control"), ["private, max-age=60"]);
        assert_eq!(values(&headers, "x-frame-options"), ["DENY"]);
        assert_eq!(values(&headers, "content-security-policy"), ["frame-ancestors 'self'"]);

        // Taken out by the handler: given back, as to any page's answer without them.
        assert_defaults("removed", &get("/html-remove").await, Some("no-store"));

        // Not a page: none of them, unless through the protect layer, and never `no-store`.
        let headers = get("/html-route").await;
        if layered {
            assert_defaults("HtmlPage on a route", &headers, None);
        } else {
            for (name, _) in DEFAULTS {
                assert_eq!(values(&headers, name), Vec::<String>::new(), "{name}");
            }
            assert_eq!(values(&headers, "cache-control"), Vec::<String>::new());
        }
    }
}
