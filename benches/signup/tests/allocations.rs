//! Heap allocations per request for the signup page, through formaction, by hand and by hand with
//! the same guarantees (`guarded`), counted by dhat's global allocator while the routers are driven in-process with `tower::ServiceExt::oneshot`
//! (no sockets, one thread, so the count is exact and the same on every run).
//!
//! Each scenario (GET the page, a valid submission, an invalid one, the invalid one from htmx) is
//! warmed up first (one-time set-up such as the sealing key or a lazily built schema is not counted), then counted over
//! [`REQUESTS`] requests built beforehand; only `oneshot` and reading the answer's body frame by
//! frame are inside the count. The figures are compared with `allocations.json` beside this crate's
//! `Cargo.toml`: the test fails when formaction needs more than 10% over the committed figure in any
//! scenario. When a change lowers a figure, write the new one into that file so it is kept.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use support::{expected_status, sides};
use tower::ServiceExt;

mod support;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Requests counted per scenario.
const REQUESTS: u64 = 200;
/// Requests sent before counting.
const WARM_UP: usize = 20;
/// How much over the committed figure a count may go before the test fails.
const TOLERANCE: f64 = 0.10;

/// Sends one request and reads its body the way a server would: frame by frame, nothing kept.
async fn send(app: &Router, request: Request<Body>, expected: StatusCode) -> usize {
    let answer = app.clone().oneshot(request).await.expect("the router is infallible");
    assert_eq!(answer.status(), expected);
    let mut body = answer.into_body();
    let mut bytes = 0;
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame.expect("the body reads").into_data() {
            bytes += data.len();
        }
    }
    bytes
}

/// Allocations per request (total over [`REQUESTS`], divided), for every side and scenario.
async fn count() -> BTreeMap<String, f64> {
    let sides = sides().await;
    let mut counts = BTreeMap::new();
    for scenario in ["get", "valid", "invalid", "htmx"] {
        for side in &sides {
            let expected = expected_status(scenario);
            for _ in 0..WARM_UP {
                send(&side.app, side.request(scenario), expected).await;
            }
            let requests: Vec<_> = (0..REQUESTS).map(|_| side.request(scenario)).collect();
            let before = dhat::HeapStats::get().total_blocks;
            let mut bytes = 0;
            for request in requests {
                bytes += send(&side.app, request, expected).await;
            }
            let allocations = dhat::HeapStats::get().total_blocks - before;
            assert!(bytes > 0 || scenario == "valid", "{} {scenario}: an empty page", side.name);
            counts.insert(format!("{}_{scenario}", side.name), allocations as f64 / REQUESTS as f64);
        }
    }
    counts
}

#[test]
fn allocations_per_request_do_not_grow() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
    let counts = runtime.block_on(count());

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/allocations.json");
    let committed: BTreeMap<String, f64> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("allocations.json is readable"))
            .expect("allocations.json is a map of numbers");

    println!("allocations per request ({REQUESTS} requests each, after {WARM_UP} to warm up):");
    println!("{:<20} {:>10} {:>10}", "scenario", "measured", "committed");
    for (key, measured) in &counts {
        let kept = committed.get(key).map_or("-".to_owned(), |c| format!("{c:.1}"));
        println!("{key:<20} {measured:>10.1} {kept:>10}");
    }
    for scenario in ["get", "valid", "invalid", "htmx"] {
        let fa = counts[&format!("formaction_{scenario}")];
        let hand = counts[&format!("by_hand_{scenario}")];
        let guarded = counts[&format!("guarded_{scenario}")];
        println!("{scenario:<8} formaction / by hand = {:.2}, / guarded = {:.2}", fa / hand, fa / guarded);
    }

    let mut over = Vec::new();
    for scenario in ["get", "valid", "invalid", "htmx"] {
        let key = format!("formaction_{scenario}");
        let limit = committed.get(&key).unwrap_or_else(|| panic!("allocations.json has no `{key}`"));
        let measured = counts[&key];
        if measured > limit * (1.0 + TOLERANCE) {
            over.push(format!("{key}: {measured:.1} allocations per request, committed {limit:.1}"));
        } else if measured < limit * (1.0 - TOLERANCE) {
            println!("note: {key} fell to {measured:.1} from {limit:.1}; write it into allocations.json");
        }
    }
    assert!(over.is_empty(), "more than 10% over the committed allocations: {over:#?}");
}
