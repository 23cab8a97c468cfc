//! `security::install_headers`: the process's security headers, changed once at start-up. Installed once per
//! process, so this file is a test binary of its own, with a single test.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use askama::Template;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Html;
use axum::routing::get;
use formaction::HtmlPage;
use formaction::security::SecurityHeaders;
use formaction::{ActionError, Redirect, RouterExt, action, form, page};
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

/// A page the runtime renders itself, whose answer starts with the page headers.
#[derive(Template)]
#[template(source = "<!doctype html><title>Rendered</title>", ext = "html")]
struct Rendered;

fn values(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers.get_all(name).iter().map(|value| value.to_str().expect("text").to_owned()).collect()
}

#[tokio::test]
async fn installed_headers_replace_the_defaults_everywhere() {
    let changed = SecurityHeaders::new()
        .set(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))
        .set(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'none'"))
        .remove(header::REFERRER_POLICY)
        .set_on_pages(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"))
        .set(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    assert!(formaction::security::install_headers(changed.clone()).is_ok(), "before the first answer");
    assert_eq!(
        formaction::security::install_headers(SecurityHeaders::new()),
        Err(SecurityHeaders::new()),
        "once"
    );
    assert_eq!(formaction::security::headers(), &changed);

    let app = Router::new()
        .page("/notes", page(|| async { Html("<!doctype html><title>Notes</title>") }).action::<save>())
        .page("/rendered", page(|| async { HtmlPage::new(Rendered) }))
        .route("/download", get(|| async { "bytes" }))
        .route(formaction::render::script_path(), formaction::render::script_route())
        .layer(formaction::protect::layer());
    let server = Server::start(app).await;
    let action = format!("/notes{}", save::bind().url());
    let answers = [
        ("GET", server.client.get(server.url("/notes")).send().await, true),
        ("HtmlPage", server.client.get(server.url("/rendered")).send().await, true),
        ("422", server.post(&action).form(&[("text", "")]).send().await, true),
        ("303", server.post(&action).form(&[("text", "hi")]).send().await, true),
        (
            "JSON",
            server.post(&action).header("accept", "application/json").form(&[("text", "")]).send().await,
            true,
        ),
        (
            "403",
            server
                .client
                .post(server.url(&action))
                .header("origin", "https://evil.test")
                .form(&[("text", "")])
                .send()
                .await,
            true,
        ),
        ("download", server.client.get(server.url("/download")).send().await, false),
        ("script", server.client.get(server.url(formaction::render::script_path())).send().await, false),
    ];
    for (case, answer, page) in answers {
        let answer = answer.expect("an answer");
        let headers = answer.headers();
        assert_eq!(values(headers, "x-frame-options"), ["DENY"], "{case}");
        assert_eq!(values(headers, "content-security-policy"), ["frame-ancestors 'none'"], "{case}");
        assert_eq!(values(headers, "x-content-type-options"), ["nosniff"], "{case}: a default kept");
        assert_eq!(values(headers, "strict-transport-security"), ["max-age=31536000"], "{case}");
        assert_eq!(values(headers, "referrer-policy"), Vec::<String>::new(), "{case}: removed");
        let cache = values(headers, "cache-control");
        if page {
            assert_eq!(cache, ["private, no-cache"], "{case}");
        } else {
            assert!(!cache.contains(&"private, no-cache".to_owned()), "{case}: {cache:?}");
        }
    }
}
