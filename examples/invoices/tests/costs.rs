//! What one request may cost the server (issue 15): a sealed value too long to be one, thousands
//! of invalid list rows, more uploads at once than the body budget holds, and bodies in an
//! encoding the app does not decode. Raw HTTP/1.1 on 127.0.0.1, a real SQLite file.
//!
//! Each refusal is a 4xx or a 503 with a message, never a panic or internals, and changes nothing
//! stored. Costs are pinned by the work done, not by a clock: what a refusal says shows how far
//! the request got.

mod support;

use std::time::Duration;

use example_invoices::actions::{create_invoice, delete_invoice};
use formaction::protect::Protection;
use formaction::seal::MAX_SEALED_LEN;
use support::invoice;
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

#[tokio::test]
async fn a_body_in_a_content_coding_is_refused_with_415_before_it_is_read() {
    // A short request deadline: a server that waited for the rest of a body it should refuse
    // would answer 408 in 2 s rather than 415 at once.
    let server = Server::start(Protection::new().request_timeout(Duration::from_secs(2))).await;
    let create = new_url(create_invoice::bind());
    let refused: &[&[&str]] = &[
        &["gzip"],
        &["GZIP"],
        &[" gzip "],
        &["\tgzip"],
        &["x-gzip"],
        &["br"],
        &["deflate"],
        &["compress"],
        &["zstd"],
        &["gzip, identity"],
        &["identity, gzip"],
        &["identity,gzip"],
        &["identity;q=1"],
        &["identity identity"],
        &["identity", "gzip"],
        &["gzip", "identity"],
        &["Gzip", "gzip"],
    ];
    let before = server.snapshot().await;
    for codings in refused {
        let body = urlencoded(&invoice("INV-0100"));
        let multipart_body = invoice_multipart("INV-0100", Some(("scan.pdf", "application/pdf", &pdf(2048))));
        let json_body = serde_json::to_vec(&serde_json::json!({"number": "INV-0100"})).expect("JSON");
        let requests = [
            ("urlencoded", Request::post(&create, FORM, &body)),
            ("urlencoded, JSON answer", Request::post(&create, FORM, &body).json()),
            ("multipart", Request::post(&create, MULTIPART, &multipart_body)),
            ("a JSON body", Request::post(&create, JSON, &json_body).json()),
        ];
        for (how, mut request) in requests {
            for coding in *codings {
                request = request.extra_header("Content-Encoding", coding);
            }
            let case = format!("{codings:?} ({how})");
            // Only half the body is sent: the answer must not wait for the rest.
            let mut bytes = request.bytes(&server);
            bytes.truncate(bytes.len() - request.body.len() / 2);
            let answer = exchange(server.addr, &bytes).await;
            assert_eq!(answer.status, 415, "{case}: {}", answer.body);
            assert!(answer.body.contains("unsupported Content-Encoding"), "{case}: {}", answer.body);
            assert!(answer.body.contains("send the body uncompressed"), "{case}: {}", answer.body);
            assert_eq!(answer.header("accept-encoding").as_deref(), Some("identity"), "{case}");
            assert_no_internals(&case, &answer);
        }
    }
    assert_eq!(server.snapshot().await, before, "nothing stored");

    // `identity` is the body as it is, however it is written.
    let accepted: &[&[&str]] =
        &[&["identity"], &["IDENTITY"], &[" identity, identity "], &["identity", "iDentity"], &[""]];
    for (index, codings) in accepted.iter().enumerate() {
        let mut request = Request::post(&create, FORM, &urlencoded(&invoice(&format!("INV-02{index:02}"))));
        for coding in *codings {
            request = request.extra_header("Content-Encoding", coding);
        }
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_eq!(answer.status, 303, "{codings:?}: {}", answer.body);
    }
    assert_eq!(server.db.count().await.expect("count"), accepted.len() as i64);
    server.still_serves().await;
}
