//! What one request may cost the server (issue 15): a sealed value too long to be one, thousands
//! of invalid list rows, more uploads at once than the body budget holds, and bodies in an
//! encoding the app does not decode. Raw HTTP/1.1 on 127.0.0.1, a real SQLite file.
//!
//! Each refusal is a 4xx or a 503 with a message, never a panic or internals, and changes nothing
//! stored. Costs are pinned by the work done, not by a clock: what a refusal says shows how far
//! the request got.

mod support;

use example_invoices::actions::delete_invoice;
use formaction::protect::Protection;
use formaction::seal::MAX_SEALED_LEN;
use support::raw::*;

#[tokio::test]
async fn a_bound_value_longer_than_any_sealed_is_refused_before_it_is_opened() {
    let server = Server::start(Protection::new()).await;
    let id = server.create("INV-0001").await;
    let before = server.snapshot().await;
    let url = format!("/invoices/{id}{}", delete_invoice::bind(id).url());
    let too_long = "the bound arguments are too long: a sealed value has at most 8192 characters";
    let cases = [
        // Within the action's body limit of 1 MiB.
        ("a megabyte of base64url", "A".repeat(1_000_000), too_long),
        ("one character over", "A".repeat(MAX_SEALED_LEN + 1), too_long),
        ("one character over, between blanks", format!(" {} ", "A".repeat(MAX_SEALED_LEN + 1)), too_long),
        // At the limit it is opened (with every key), and refused for what it is.
        ("at the limit", "A".repeat(MAX_SEALED_LEN), "the bound arguments were changed"),
    ];
    for (name, value, message) in &cases {
        let json_body = serde_json::to_vec(&serde_json::json!({ "$bound": value })).expect("JSON");
        let requests = [
            ("urlencoded", Request::post(&url, FORM, &bound_body(value))),
            ("urlencoded, JSON answer", Request::post(&url, FORM, &bound_body(value)).json()),
            ("a JSON body", Request::post(&url, JSON, &json_body).json()),
        ];
        for (how, request) in requests {
            let answer = exchange(server.addr, &request.bytes(&server)).await;
            let case = format!("{name} ({how})");
            assert_eq!(answer.status, 400, "{case}: {}", answer.body);
            assert!(answer.body.contains(message), "{case}: {}", answer.body);
            assert_no_internals(&case, &answer);
        }
    }
    assert_eq!(server.snapshot().await, before, "nothing deleted");
    // The page's own sealed value still deletes: the refusals were about the length.
    let sealed = delete_invoice::bind(id).sealed().expect("sealed").to_owned();
    let answer = exchange(server.addr, &Request::post(&url, FORM, &bound_body(&sealed)).bytes(&server)).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(server.db.count().await.expect("count"), 0);
}
