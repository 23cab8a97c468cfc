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
//!   `formaction::seal::open_bound` on the sealed text the page gave (base64url, AES-256-GCM-SIV
//!   under the action's purpose, the stamp, the JSON), from the decoded submission.
//!
//! The figures to compare are ratios within one run: `invalid/formaction` ÷ `invalid/by_hand`, and
//! the same with `open_bound` taken off formaction's side (BENCHMARKS.md).
//!
//! Run with `cargo bench -p bench-signup --bench requests`.

use std::hint::black_box;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use criterion::{Criterion, criterion_group, criterion_main};
use tower::ServiceExt as _;

#[path = "../tests/support/mod.rs"]
mod support;

use support::{INVALID, expected_status, sides};

/// One request and its whole answer: the status and the body, collected.
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = app.clone().oneshot(request).await.expect("the router is infallible");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("an in-memory body");
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn requests(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let sides = runtime.block_on(sides());

    for scenario in ["get", "valid", "invalid", "htmx"] {
        let mut group = c.benchmark_group(scenario);
        for side in &sides {
            let (status, body) = runtime.block_on(send(&side.app, side.request(scenario)));
            assert_eq!(status, expected_status(scenario), "{} {scenario}: {body}", side.name);
            group.bench_function(side.name, |b| {
                b.iter(|| runtime.block_on(send(&side.app, black_box(side.request(scenario)))))
            });
        }
        group.finish();
    }

    // formaction's `bound` is the urlencoded `$bound=<sealed team>` the page gave.
    let formaction = sides.iter().find(|side| side.name == "formaction").expect("formaction is a side");
    let body = format!("{INVALID}&{}", formaction.bound);
    let data = formaction::decode::decode_urlencoded(body.as_bytes(), &formaction::Limits::default())
        .expect("the submission decodes");
    let id = <bench_signup::with_formaction::sign_up as formaction::Action<bench_signup::Store>>::ID;
    let opened: (String,) = formaction::seal::open_bound(&data, id, None).expect("the page's team opens");
    assert_eq!(opened.0, "team-42");
    c.bench_function("open_bound", |b| {
        b.iter(|| formaction::seal::open_bound::<(String,)>(black_box(&data), id, None))
    });
}

criterion_group!(benches, requests);
criterion_main!(benches);
