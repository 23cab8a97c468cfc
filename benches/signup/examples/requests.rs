//! Sends N requests of one scenario to one of the three signup routers, in-process (tower's
//! `oneshot`, no network), so that callgrind can count the instructions per request:
//!
//! ```sh
//! cargo build --release -p bench-signup --example requests
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/a.out target/release/examples/requests formaction invalid 1000
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/b.out target/release/examples/requests formaction invalid 3000
//! ```
//!
//! (instructions of the second run − those of the first) / 2000 is the cost of one request: the
//! router, the handler, the response body collected, without start-up. `benches/signup/count.sh`
//! does this for every scenario on both sides.
//!
//! Arguments: `formaction|axum|guarded` (by hand with the same guarantees), `valid|invalid|invalid-de|get|htmx`, the number of requests. Every answer's
//! status is checked (303, 422, 200, 200); a wrong one stops the run with an error.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bench_signup::by_hand_guarded::{self, Sealer};
use bench_signup::{Store, by_hand, with_formaction};
use tower::ServiceExt as _;

const ORIGIN: &str = "http://127.0.0.1:3200";
const VALID: &str = "name=Ada+Lovelace&email=ada%40example.com&age=36";
const INVALID: &str = "name=&email=not-an-email&age=12";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(side), Some(scenario), Some(count)) = (args.next(), args.next(), args.next()) else {
        return Err(
            "usage: requests formaction|axum|guarded valid|invalid|invalid-de|get|htmx <count>".into()
        );
    };
    let count: usize = count.parse()?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(run(&side, &scenario, count))
}

async fn run(side: &str, scenario: &str, count: usize) -> Result<(), Box<dyn std::error::Error>> {
    let (app, url, extra) = match side {
        "formaction" => {
            let app = with_formaction::app(Store::default());
            // What a browser would post: the page's action URL and its sealed team.
            let (_, page) = send(&app, Request::get("/signup").body(Body::empty())?).await?;
            let action = between(&page, r#"<form id="sign-up" method="post" action=""#, "\"")?;
            let sealed = between(&page, r#"name="$bound" value=""#, "\"")?;
            let bound: String = form_urlencoded_value(&sealed);
            (app, format!("/signup{}", action.replace("&amp;", "&")), format!("&%24bound={bound}"))
        }
        "axum" => (by_hand::app(Store::default()), "/signup".to_owned(), "&team=team-42".to_owned()),
        "guarded" => {
            let app = by_hand_guarded::app(Store::default(), Sealer::random(), ORIGIN);
            let get = Request::get("/signup").header(header::HOST, "127.0.0.1:3200").body(Body::empty())?;
            let (_, page) = send(&app, get).await?;
            let sealed = between(&page, r#"name="team" value=""#, "\"")?;
            (app, "/signup".to_owned(), format!("&team={}", form_urlencoded_value(&sealed)))
        }
        other => return Err(format!("unknown side `{other}`: formaction, axum or guarded").into()),
    };
    let (body, expected) = match scenario {
        "valid" => (Some(format!("{VALID}{extra}")), StatusCode::SEE_OTHER),
        "invalid" => (Some(format!("{INVALID}{extra}")), StatusCode::UNPROCESSABLE_ENTITY),
        // The invalid submission asked in German (`Accept-Language: de`): formaction answers in
        // German; the hand-written sides know English only and answer as to `invalid`.
        "invalid-de" => (Some(format!("{INVALID}{extra}")), StatusCode::UNPROCESSABLE_ENTITY),
        "get" => (None, StatusCode::OK),
        // The invalid submission from htmx: the form alone (by hand) or the page picked by
        // `HX-Reselect` (formaction), 200 both.
        "htmx" => (Some(format!("{INVALID}{extra}")), StatusCode::OK),
        other => {
            return Err(format!("unknown scenario `{other}`: valid, invalid, invalid-de, get or htmx").into());
        }
    };
    let htmx = scenario == "htmx";
    let german = scenario == "invalid-de";
    for _ in 0..count {
        let request = match &body {
            Some(body) if htmx => Request::post(url.as_str())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, ORIGIN)
                .header(header::HOST, "127.0.0.1:3200")
                .header("hx-request", "true")
                .header("hx-trigger", "sign-up")
                .body(Body::from(body.clone()))?,
            Some(body) if german => Request::post(url.as_str())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, ORIGIN)
                .header(header::HOST, "127.0.0.1:3200")
                .header(header::ACCEPT_LANGUAGE, "de")
                .body(Body::from(body.clone()))?,
            Some(body) => Request::post(url.as_str())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, ORIGIN)
                .header(header::HOST, "127.0.0.1:3200")
                .body(Body::from(body.clone()))?,
            None => Request::get("/signup").header(header::HOST, "127.0.0.1:3200").body(Body::empty())?,
        };
        let (status, page) = send(&app, request).await?;
        if status != expected {
            return Err(format!("{side} {scenario}: answered {status}, expected {expected}: {page}").into());
        }
    }
    Ok(())
}

async fn send(
    app: &Router,
    request: Request<Body>,
) -> Result<(StatusCode, String), Box<dyn std::error::Error>> {
    let response = app.clone().oneshot(request).await?;
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
    Ok((status, String::from_utf8(bytes.to_vec())?))
}

fn between(text: &str, start: &str, end: &str) -> Result<String, Box<dyn std::error::Error>> {
    let from = text.find(start).ok_or_else(|| format!("`{start}` not in the page"))? + start.len();
    let to = text[from..].find(end).ok_or("unterminated attribute")? + from;
    Ok(text[from..to].to_owned())
}

/// Percent-encodes a sealed value (base64url: only `-` and `_` besides letters and digits, all
/// safe) for a urlencoded body.
fn form_urlencoded_value(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("%{:02X}", c as u32)
            }
        })
        .collect()
}
