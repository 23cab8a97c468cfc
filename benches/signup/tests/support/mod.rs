//! What the in-process checks of the signup page share (`tests/allocations.rs`, and the
//! `requests` bench through `#[path]`): the three routers, the page's action URL and sealed team
//! read from the live page, and the four scenarios' requests.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use bench_signup::by_hand_guarded::{self, Sealer};
use bench_signup::{Store, by_hand, with_formaction};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The `Host` every request names, and the `Origin` that matches it.
pub(crate) const HOST: &str = "127.0.0.1:3201";
pub(crate) const ORIGIN: &str = "http://127.0.0.1:3201";
/// A submission that passes every rule, and one that breaks all three fields.
pub(crate) const VALID: &str = "name=Ada+Lovelace&email=ada%40example.com&age=36";
pub(crate) const INVALID: &str = "name=&email=not-an-email&age=12";

/// One way of serving the page and what a scenario's request looks like there.
pub(crate) struct Side {
    /// `formaction`, `by_hand` or `guarded` (by hand with the same guarantees).
    pub(crate) name: &'static str,
    pub(crate) app: Router,
    /// Where submissions go: the page's action URL.
    pub(crate) post_path: String,
    /// Appended to every submission: the sealed team for formaction and guarded, the plain one
    /// by hand (urlencoded, `name=value`).
    pub(crate) bound: String,
}

impl Side {
    /// The request of `scenario` (`get`, `valid`, `invalid`, or `htmx`: the invalid one from
    /// htmx, `HX-Request: true` from the form `#sign-up`) for this side.
    pub(crate) fn request(&self, scenario: &str) -> Request<Body> {
        let builder = |method: &str, path: &str| {
            Request::builder().method(method).uri(path).header("host", HOST).header("origin", ORIGIN)
        };
        let post = |fields: &str| {
            builder("POST", &self.post_path)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(format!("{fields}&{}", self.bound)))
        };
        let request = match scenario {
            "get" => builder("GET", "/signup").body(Body::empty()),
            "valid" => post(VALID),
            "invalid" => post(INVALID),
            "htmx" => builder("POST", &self.post_path)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("hx-request", "true")
                .header("hx-trigger", "sign-up")
                .body(Body::from(format!("{INVALID}&{}", self.bound))),
            other => panic!("unknown scenario {other}"),
        };
        request.expect("a well-formed request")
    }
}

/// The status each scenario answers with on every side.
pub(crate) fn expected_status(scenario: &str) -> StatusCode {
    match scenario {
        "get" | "htmx" => StatusCode::OK,
        "valid" => StatusCode::SEE_OTHER,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

async fn page(app: &Router) -> String {
    let request = Request::get("/signup").header("host", HOST).body(Body::empty()).expect("a request");
    let answer = app.clone().oneshot(request).await.expect("the router is infallible");
    let bytes = answer.into_body().collect().await.expect("the body reads").to_bytes();
    String::from_utf8(bytes.to_vec()).expect("the page is UTF-8")
}

/// The text after `start` up to the next `"`.
fn attribute<'a>(html: &'a str, start: &str) -> &'a str {
    let rest = html.split(start).nth(1).unwrap_or_else(|| panic!("the page has no {start}"));
    rest.split('"').next().unwrap_or_default()
}

/// The three sides, formaction first, its action URL and sealed team read from its page (and
/// guarded's sealed team from its own).
pub(crate) async fn sides() -> Vec<Side> {
    let formaction = with_formaction::app(Store::default());
    let html = page(&formaction).await;
    let action = attribute(&html, r#"method="post" action=""#).replace("&amp;", "&");
    let sealed = attribute(&html, r#"name="$bound" value=""#).to_owned();
    let bound =
        format!("%24bound={}", form_urlencoded::byte_serialize(sealed.as_bytes()).collect::<String>());
    vec![
        Side { name: "formaction", app: formaction, post_path: format!("/signup{action}"), bound },
        Side {
            name: "by_hand",
            app: by_hand::app(Store::default()),
            post_path: "/signup".to_owned(),
            bound: "team=team-42".to_owned(),
        },
        guarded().await,
    ]
}

/// By hand with the same guarantees, served at [`ORIGIN`], its sealed team read from its page.
pub(crate) async fn guarded() -> Side {
    let app = by_hand_guarded::app(Store::default(), Sealer::random(), ORIGIN);
    let sealed = attribute(&page(&app).await, r#"name="team" value=""#).to_owned();
    let bound = format!("team={}", form_urlencoded::byte_serialize(sealed.as_bytes()).collect::<String>());
    Side { name: "guarded", app, post_path: "/signup".to_owned(), bound }
}
