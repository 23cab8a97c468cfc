//! Time per request, in process: the signup page through formaction and by hand, and, on its own,
//! the part of formaction's submission that the hand-written handler has no counterpart for:
//! opening the sealed team.
//!
//! `count.sh` counts instructions, which are repeatable but blind to how long each one takes; the
//! load runs (`run.sh`) measure the real servers, but one 10-second round varies by ±13%. This
//! measures time, in one process and one run, with the noise criterion can average out:
//!
//! - `get`, `valid`, `invalid`: one request through each router (`tower`'s `oneshot`, no network:
//!   the router, the handler, the response body collected), formaction then by hand. Every answer's
//!   status is checked before measuring. The valid scenario stores a record per request, as the
//!   load runs do.
//! - `open_bound`: what formaction does for the bound team of each submission, alone:
//!   `formaction::action::open_bound` on the sealed text the page gave (base64url, AES-256-GCM-SIV
//!   under the action's purpose, the stamp, the JSON), from the decoded submission.
//!
//! The figures to compare are ratios within one run: `invalid/formaction` ÷ `invalid/by_hand`, and
//! the same with `open_bound` taken off formaction's side (BENCHMARKS.md).
//!
//! Run with `cargo bench -p bench-signup --bench requests`.

use std::hint::black_box;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bench_signup::{Store, by_hand, with_formaction};
use criterion::{Criterion, criterion_group, criterion_main};
use tower::ServiceExt as _;

const HOST: &str = "127.0.0.1:3200";
const ORIGIN: &str = "http://127.0.0.1:3200";
const VALID: &str = "name=Ada+Lovelace&email=ada%40example.com&age=36";
const INVALID: &str = "name=&email=not-an-email&age=12";

/// One side of the comparison: its router, the URL a submission posts to, and what each body
/// carries besides the fields (the sealed team, or the plain one).
struct Side {
    name: &'static str,
    app: Router,
    url: String,
    extra: String,
}

impl Side {
    fn request(&self, scenario: &str) -> Request<Body> {
        let body = match scenario {
            "valid" => VALID,
            "invalid" => INVALID,
            _ => return get(),
        };
        Request::post(self.url.as_str())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, ORIGIN)
            .header(header::HOST, HOST)
            .body(Body::from(format!("{body}{}", self.extra)))
            .expect("a request built from constants")
    }
}

fn get() -> Request<Body> {
    Request::get("/signup")
        .header(header::HOST, HOST)
        .body(Body::empty())
        .expect("a request built from constants")
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = app.clone().oneshot(request).await.expect("the router is infallible");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("an in-memory body");
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("`{start}` not in the page")) + start.len();
    let to = text[from..].find(end).expect("an attribute ends") + from;
    &text[from..to]
}

fn requests(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let formaction = with_formaction::app(Store::default());
    let (_, page) = runtime.block_on(send(&formaction, get()));
    let action = between(&page, r#"<form id="sign-up" method="post" action=""#, "\"").replace("&amp;", "&");
    // Base64url needs no percent-encoding in a urlencoded body.
    let sealed = between(&page, r#"name="$bound" value=""#, "\"").to_owned();
    let sides = [
        Side {
            name: "formaction",
            app: formaction,
            url: format!("/signup{action}"),
            extra: format!("&%24bound={sealed}"),
        },
        Side {
            name: "by_hand",
            app: by_hand::app(Store::default()),
            url: "/signup".to_owned(),
            extra: "&team=team-42".to_owned(),
        },
    ];

    for (scenario, expected) in [
        ("get", StatusCode::OK),
        ("valid", StatusCode::SEE_OTHER),
        ("invalid", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let mut group = c.benchmark_group(scenario);
        for side in &sides {
            let (status, body) = runtime.block_on(send(&side.app, side.request(scenario)));
            assert_eq!(status, expected, "{} {scenario}: {body}", side.name);
            group.bench_function(side.name, |b| {
                b.iter(|| runtime.block_on(send(&side.app, black_box(side.request(scenario)))))
            });
        }
        group.finish();
    }

    let body = format!("{INVALID}&%24bound={sealed}");
    let data = formaction::decode::decode_urlencoded(body.as_bytes(), &formaction::Limits::default())
        .expect("the submission decodes");
    let id = <with_formaction::sign_up as formaction::Action<Store>>::ID;
    let opened: (String,) = formaction::action::open_bound(&data, id, None).expect("the page's team opens");
    assert_eq!(opened.0, "team-42");
    c.bench_function("open_bound", |b| {
        b.iter(|| formaction::action::open_bound::<(String,)>(black_box(&data), id, None))
    });
}

criterion_group!(benches, requests);
criterion_main!(benches);
