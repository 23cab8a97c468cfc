//! Security headers (issue 15, defect 6) on every kind of answer of the invoices app, read off the
//! wire over raw TCP on 127.0.0.1: pages, the 422 page, the 303, JSON, each refusal, the script,
//! the attachment download and the fallback 404. And the download's name (defect 10): the
//! extension of its checked type, quoted so that no uploaded name can break the header.

mod support;

use example_invoices::actions::{create_invoice, delete_invoice, mark_paid};
use formaction::protect::Protection;
use support::invoice;
use support::raw::*;

/// The headers every answer carries by default.
const EVERY: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "SAMEORIGIN"),
    ("content-security-policy", "frame-ancestors 'self'"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
];

/// Every value of header `name` in `answer` (the raw client's `header` gives the first only).
fn all(answer: &Answer, name: &str) -> Vec<String> {
    answer
        .head
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
        .collect()
}

/// `answer` carries each of [`EVERY`] exactly once, and `no-store` exactly when `no_store`.
fn assert_secured(case: &str, answer: &Answer, no_store: bool) {
    for (name, value) in EVERY {
        assert_eq!(all(answer, name), [*value], "{case}: `{name}` in\n{}", answer.head);
    }
    let cache = all(answer, "cache-control");
    if no_store {
        assert_eq!(cache, ["no-store"], "{case}: Cache-Control in\n{}", answer.head);
    } else {
        assert!(
            !cache.iter().any(|value| value.contains("no-store")),
            "{case}: no-store in\n{}",
            answer.head
        );
    }
}

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let server = Server::start(Protection::default()).await;
    let id = server.create("INV-0001").await;
    let create = new_url(create_invoice::bind());
    let invalid = urlencoded(&invoice_with("INV-0002", "email", "nope"));
    let valid = urlencoded(&invoice("INV-0003"));
    let paid_url = format!("/invoices/{id}{}", mark_paid::bind(id).url());
    // (case, request, status, whether it is a page's or an action's answer: `no-store`)
    let cases = [
        ("GET a page with a form", Request::get("/invoices/new"), 200, true),
        ("GET the page of an invoice", Request::get(&format!("/invoices/{id}")), 200, true),
        ("GET the edit page", Request::get(&format!("/invoices/{id}/edit")), 200, true),
        ("the 422 page", Request::post(&create, FORM, &invalid), 422, true),
        ("the 303", Request::post(&create, FORM, &valid), 303, true),
        ("JSON 422", Request::post(&create, FORM, &invalid).json(), 422, true),
        (
            "JSON 200",
            Request::post(&create, FORM, &urlencoded(&invoice("INV-0004"))).header("X-Formaction", Some("1")),
            200,
            true,
        ),
        (
            "400: a sealed value that does not open",
            Request::post(&paid_url, FORM, &bound_body("nope")),
            400,
            true,
        ),
        ("400: JSON", Request::post(&paid_url, FORM, &bound_body("nope")).json(), 400, true),
        (
            "403: another site",
            Request::post(&create, FORM, &valid).header("Origin", Some("https://evil.test")),
            403,
            true,
        ),
        ("404: no such action", Request::post("/invoices/new?_action=nope", FORM, b"a=1"), 404, true),
        (
            "413: over the body limit",
            Request::post(&create, FORM, &[b"notes=".as_slice(), &vec![b'a'; 6 * 1024 * 1024]].concat()),
            413,
            true,
        ),
        ("415: text/plain", Request::post(&create, "text/plain", b"customer=Ada"), 415, true),
        ("400: several actions, none named", Request::post("/invoices/new", FORM, b"a=1"), 400, true),
        // Not `page()`'s: the protect layer's headers only.
        ("405: axum's method router", Request::post("/invoices", FORM, b"a=1"), 405, false),
        ("405: PUT to a page", Request::post(&create, FORM, b"a=1").method("PUT"), 405, false),
        ("the list (a plain handler)", Request::get("/invoices"), 200, false),
        ("404: the fallback page", Request::get("/nowhere"), 404, false),
        ("404: no such invoice (a page's own)", Request::get("/invoices/999"), 404, true),
        ("the redirect of `/` (axum's)", Request::get("/"), 303, false),
        ("the script", Request::get(formaction::render::script_path()), 200, false),
    ];
    for (case, request, status, no_store) in cases {
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_eq!(answer.status, status, "{case}: {}", answer.body);
        assert_secured(case, &answer, no_store);
    }
}

#[tokio::test]
async fn json_answers_keep_their_vary_and_the_script_its_cache_control() {
    let server = Server::start(Protection::default()).await;
    let create = new_url(create_invoice::bind());
    let invalid = urlencoded(&invoice_with("INV-0002", "email", "nope"));
    let answer = exchange(server.addr, &Request::post(&create, FORM, &invalid).json().bytes(&server)).await;
    assert_eq!(answer.status, 422);
    assert_eq!(all(&answer, "vary"), ["accept, x-formaction, hx-request"], "{}", answer.head);
    let script = exchange(server.addr, &Request::get(formaction::render::script_path()).bytes(&server)).await;
    assert_eq!(
        all(&script, "cache-control"),
        ["public, max-age=31536000, immutable"],
        "the script's own, not no-store"
    );
}

/// The page with the Delete button: another site must not frame it (clickjacking), and a page
/// with a sealed value in it must not be stored by a cache.
#[tokio::test]
async fn the_page_with_the_delete_button_cannot_be_framed_by_another_site() {
    let server = Server::start(Protection::default()).await;
    let id = server.create("INV-0001").await;
    let answer = exchange(server.addr, &Request::get(&format!("/invoices/{id}")).bytes(&server)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains(&delete_invoice::bind(id).url()), "the Delete form is on the page");
    assert!(answer.body.contains(r#"name="$bound""#), "with a sealed value");
    assert_eq!(all(&answer, "x-frame-options"), ["SAMEORIGIN"]);
    assert_eq!(all(&answer, "content-security-policy"), ["frame-ancestors 'self'"]);
    assert_eq!(all(&answer, "cache-control"), ["no-store"]);
}

#[tokio::test]
async fn a_download_is_named_by_its_checked_type_and_never_sniffed() {
    let server = Server::start(Protection::default()).await;
    let create = new_url(create_invoice::bind());
    // (uploaded name, declared type, bytes, the name it downloads as)
    let png = b"\x89PNG\r\n\x1a\n rest of the image".to_vec();
    let cases: [(&str, &str, Vec<u8>, &str); 4] = [
        ("scan.html", "application/pdf", pdf(200), r#"filename="scan.pdf"; filename*=UTF-8''scan.pdf"#),
        ("logo.svg", "image/png", png.clone(), r#"filename="logo.png"; filename*=UTF-8''logo.png"#),
        (
            "Rechnung März.exe",
            "application/pdf",
            pdf(200),
            r#"filename="Rechnung_M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf"#,
        ),
        (
            "x; filename=evil.html",
            "image/png",
            png,
            r#"filename="x__filename_evil.png"; filename*=UTF-8''x%3B%20filename%3Devil.png"#,
        ),
    ];
    for (number, (name, content_type, bytes, download_name)) in cases.into_iter().enumerate() {
        let body = invoice_multipart(&format!("INV-010{number}"), Some((name, content_type, &bytes)));
        let created = exchange(server.addr, &Request::post(&create, MULTIPART, &body).bytes(&server)).await;
        assert_eq!(created.status, 303, "{name}: {}", created.body);
        let id: i64 = created
            .header("location")
            .expect("Location")
            .trim_start_matches("/invoices/")
            .parse()
            .expect("id");
        let download =
            exchange(server.addr, &Request::get(&format!("/invoices/{id}/attachment")).bytes(&server)).await;
        assert_eq!(download.status, 200, "{name}");
        assert_eq!(all(&download, "content-type"), [content_type], "{name}");
        assert_eq!(all(&download, "content-disposition"), [format!("attachment; {download_name}")], "{name}");
        assert_secured(name, &download, false);
        // Read as text: a PNG's first bytes are not UTF-8, its ASCII tail is.
        let tail = &bytes[8..];
        assert!(download.body.as_bytes().ends_with(tail), "{name}: the file itself");
    }
}
