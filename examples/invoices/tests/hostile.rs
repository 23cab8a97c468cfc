//! The invoices app against hostile requests (issue 7), over raw TCP on 127.0.0.1 with a real
//! SQLite file: bytes no client library would send, lying headers, sealed values tampered with,
//! requests from other sites, slow clients and clients that vanish mid-upload.
//!
//! Every case of the corpus states its exact answer: a 4xx status and the words of its message.
//! After each one the test checks that the answer shows no internals (paths, Rust names, panics),
//! that the database is exactly as before, and that the server still answers a normal request.

mod support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use example_invoices::Db;
use example_invoices::actions::{create_invoice, delete_invoice, mark_paid, save_draft, update_invoice};
use formaction::protect::Protection;
use formaction::seal::Keys;
use support::invoice;
use support::raw::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The corpus, against a server holding invoice `id` (with its sealed buttons).
fn corpus(id: i64) -> Vec<Case> {
    let create = new_url(create_invoice::bind());
    let draft = new_url(save_draft::bind());
    let paid_url = format!("/invoices/{id}{}", mark_paid::bind(id).url());
    let delete_url = format!("/invoices/{id}{}", delete_invoice::bind(id).url());
    let edit_url = format!("/invoices/{id}/edit{}", update_invoice::bind(id).url());
    let paid_sealed = mark_paid::bind(id).sealed().expect("sealed").to_owned();
    let delete_sealed = delete_invoice::bind(id).sealed().expect("sealed").to_owned();
    let form = |body: Vec<u8>| Request::post(&create, FORM, &body);
    let field = |name: &str, value: &str| form(urlencoded(&invoice_with("INV-0100", name, value)));
    let raw = |raw: &str| form(invoice_and("INV-0100", raw));
    let paid = |sealed: &str| Request::post(&paid_url, FORM, &bound_body(sealed));
    let keys = Keys::new(KEY);
    let removed_key = Keys::new([9; 32]);
    let mut cases = vec![
        // --- urlencoded bytes ---------------------------------------------------------------
        case(
            "malformed percent-encoding",
            form(b"customer=%zz".to_vec()),
            400,
            "invalid percent-encoding at byte 9",
        ),
        case(
            "a percent sign at the very end",
            form(b"number=INV-0100&customer=%".to_vec()),
            400,
            "invalid percent-encoding at byte 25",
        ),
        case(
            "a percent sign with one hex digit",
            form(b"customer=ab%4".to_vec()),
            400,
            "invalid percent-encoding",
        ),
        case(
            "invalid UTF-8 as a raw byte",
            form(invoice_and_bytes(b"customer=Ada\xff")),
            400,
            "the value of `customer` is not valid UTF-8",
        ),
        case(
            "invalid UTF-8, percent-encoded",
            raw("notes=%C3%28"),
            400,
            "the value of `notes` is not valid UTF-8",
        ),
        case("an overlong UTF-8 encoding of /", raw("notes=%C0%AF"), 400, "is not valid UTF-8"),
        case("a UTF-16 surrogate encoded as UTF-8", raw("notes=%ED%A0%80"), 400, "is not valid UTF-8"),
        case("a field name that is not UTF-8", raw("%FF%FE=1"), 400, "is not valid UTF-8"),
        case(
            "a NUL byte in a value",
            field("customer", "Ada\0Lovelace"),
            422,
            "Must not contain control characters",
        ),
        case(
            "a NUL byte in a JSON string",
            Request::post(&create, JSON, br#"{"number":"INV-0100","customer":"\u0000"}"#).json(),
            422,
            "Must not contain control characters",
        ),
        // --- sizes and counts ---------------------------------------------------------------
        case(
            "a 10 MB field, its length declared",
            form([b"notes=".as_slice(), &vec![b'a'; 10 * 1024 * 1024]].concat()),
            413,
            "larger than this action&#39;s limit of 5242880 bytes",
        ),
        case(
            "a 10 MB field, chunked",
            form([b"notes=".as_slice(), &vec![b'a'; 10 * 1024 * 1024]].concat()).length(Length::Chunked),
            413,
            "larger than this action&#39;s limit of 5242880 bytes",
        ),
        case(
            "a 2 MB field, under the body limit",
            form(invoice_and("INV-0100", &format!("notes={}", "a".repeat(2 * 1024 * 1024)))),
            413,
            "the value of `notes` is larger than the limit of 1048576 bytes",
        ),
        case(
            "100,000 fields",
            form("a=1&".repeat(100_000).into_bytes()),
            413,
            "too many fields: the limit is 1000",
        ),
        case(
            "10,000 repeated keys",
            form(invoice_and("INV-0100", &"tags=billing&".repeat(10_000))),
            413,
            "too many fields: the limit is 1000",
        ),
        case(
            "a name nested 10,000 deep",
            form(invoice_and("INV-0100", &format!("items{}.description=x", "[0]".repeat(10_000)))),
            413,
            "a field name is longer than the limit of 1024 bytes",
        ),
        case(
            "a name nested 300 deep, under the name limit",
            form(urlencoded(&{
                let mut fields = invoice("INV-0100");
                fields.retain(|(name, _)| !name.starts_with("items"));
                fields.push((
                    Box::leak(format!("items{}.description", "[0]".repeat(300)).into_boxed_str()),
                    "x".to_owned(),
                ));
                fields
            })),
            422,
            "This field is required",
        ),
        case(
            "a 10,000-digit quantity",
            field("items[0].quantity", &"9".repeat(10_000)),
            422,
            "Enter a number from 0 to 4294967295",
        ),
        // --- list indices -------------------------------------------------------------------
        case(
            "an index of 2^64",
            raw("items[18446744073709551616].description=x"),
            422,
            "This list position is not valid",
        ),
        case("a negative index", raw("items[-1].description=x"), 422, "This list position is not valid"),
        case(
            "an index with a leading zero",
            raw("items[01].description=x"),
            422,
            "This list position is not valid",
        ),
        case(
            "an index that is not a number",
            raw("items[x].description=x"),
            422,
            "This list position is not valid",
        ),
        case("an unclosed index", raw("items[1.description=x"), 422, "This list position is not valid"),
        // --- numbers and dates (decided in runtime/src/parse/value.rs) -------------------------
        case("amount 1e999", field("amount", "1e999"), 422, "Enter a number"),
        case("amount NaN", field("amount", "NaN"), 422, "Enter a number"),
        case("amount inf", field("amount", "inf"), 422, "Enter a number"),
        case("amount -0 (zero, under the minimum)", field("amount", "-0"), 422, "Must be at least 0.01"),
        case("amount 0x10", field("amount", "0x10"), 422, "Enter a number"),
        case("amount 1_000", field("amount", "1_000"), 422, "Enter a number"),
        case("amount with a decimal comma", field("amount", "12,50"), 422, "Enter a number"),
        case(
            "amount with more decimals than cents",
            field("amount", "1.005"),
            422,
            "Use at most 2 decimal places",
        ),
        case("quantity 0x10", field("items[0].quantity", "0x10"), 422, "Enter a whole number"),
        case("quantity 1_000", field("items[0].quantity", "1_000"), 422, "Enter a whole number"),
        case("quantity in Arabic-Indic digits", field("items[0].quantity", "٣"), 422, "Enter a whole number"),
        case("quantity 1.5", field("items[0].quantity", "1.5"), 422, "Enter a whole number"),
        case(
            "quantity 1e999",
            field("items[0].quantity", "1e999"),
            422,
            "Enter a number from 0 to 4294967295",
        ),
        case("quantity -1", field("items[0].quantity", "-1"), 422, "Enter a number from 0 to 4294967295"),
        case(
            "quantity 2e3, whole but over the rule",
            field("items[0].quantity", "2e3"),
            422,
            "Must be at most 1000",
        ),
        case("due 2026-02-30", field("due", "2026-02-30"), 422, "Enter a real date"),
        case("due 0000-01-01", field("due", "0000-01-01"), 422, "Enter a real date"),
        case("due in another format", field("due", "30/01/2026"), 422, "Enter a real date"),
        case("an unknown status", field("status", "cancelled"), 422, "Choose one of the options"),
        case("a checkbox that says maybe", field("urgent", "maybe"), 422, "Choose yes or no"),
        // --- JSON bodies ----------------------------------------------------------------------
        case(
            "a JSON array",
            Request::post(&create, JSON, b"[1,2,3]").json(),
            400,
            "the JSON body must be an object",
        ),
        case(
            "a JSON string",
            Request::post(&create, JSON, br#""invoice""#).json(),
            400,
            "the JSON body must be an object",
        ),
        case(
            "JSON null",
            Request::post(&create, JSON, b"null").json(),
            400,
            "the JSON body must be an object",
        ),
        case("truncated JSON", Request::post(&create, JSON, br#"{"number":"#).json(), 400, "invalid JSON"),
        case("JSON with NaN", Request::post(&create, JSON, br#"{"amount":NaN}"#).json(), 400, "invalid JSON"),
        case(
            "JSON with 1e999",
            Request::post(&create, JSON, br#"{"amount":1e999}"#).json(),
            400,
            "invalid JSON",
        ),
        case(
            "JSON that is not UTF-8",
            Request::post(&create, JSON, b"{\"customer\":\"\xff\"}").json(),
            400,
            "invalid JSON",
        ),
        case(
            "JSON nested 10,000 deep",
            Request::post(
                &create,
                JSON,
                format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)).as_bytes(),
            )
            .json(),
            400,
            "nested deeper than the limit of",
        ),
        case(
            "JSON amount as the string 1e999",
            Request::post(&create, JSON, br#"{"number":"INV-0100","amount":"1e999"}"#).json(),
            422,
            "Enter a number",
        ),
        // --- multipart ------------------------------------------------------------------------
        case(
            "multipart with no boundary",
            Request::post(&create, "multipart/form-data", &invoice_multipart("INV-0100", None)),
            400,
            "multipart content type without a boundary",
        ),
        case(
            "multipart with the wrong boundary",
            Request::post(
                &create,
                "multipart/form-data; boundary=Other",
                &invoice_multipart("INV-0100", None),
            ),
            400,
            "malformed multipart body",
        ),
        case(
            "multipart with an unterminated part",
            Request::post(
                &create,
                MULTIPART,
                b"--XyZ\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\nINV-0100",
            ),
            400,
            "malformed multipart body",
        ),
        case(
            "multipart that stops inside the part headers",
            Request::post(&create, MULTIPART, b"--XyZ\r\nContent-Disposition: form-da"),
            400,
            "malformed multipart body",
        ),
        case(
            "a part with no name",
            Request::post(
                &create,
                MULTIPART,
                &multipart("XyZ", &[("Content-Disposition: form-data; filename=\"a.pdf\"", b"%PDF-1.4")]),
            ),
            400,
            "a part has no name",
        ),
        case(
            "a file name with a NUL byte",
            Request::post(
                &create,
                MULTIPART,
                &invoice_multipart("INV-0100", Some(("scan\0.pdf", "application/pdf", &pdf(100)))),
            ),
            400,
            "malformed multipart body: the headers of a part are invalid",
        ),
        case(
            "a file name with an encoded NUL byte",
            Request::post(
                &create,
                MULTIPART,
                &invoice_multipart_raw(
                    "INV-0100",
                    "Content-Disposition: form-data; name=\"attachment\"; filename*=UTF-8''scan%00.pdf\r\nContent-Type: application/pdf",
                    &pdf(100),
                ),
            ),
            // Only `filename` makes a part a file (RFC 7578 has no `filename*`): this one is text.
            422,
            "Choose a file",
        ),
        case(
            "a part with no Content-Disposition",
            Request::post(&create, MULTIPART, &multipart("XyZ", &[("Content-Type: text/plain", b"x")])),
            400,
            "malformed multipart body",
        ),
        case(
            "a file of 0 bytes",
            Request::post(
                &create,
                MULTIPART,
                &invoice_multipart("INV-0100", Some(("empty.pdf", "application/pdf", b""))),
            ),
            422,
            "The contents of this file do not match its type",
        ),
        case(
            "a file whose declared type lies",
            Request::post(
                &create,
                MULTIPART,
                &invoice_multipart("INV-0100", Some(("scan.png", "image/png", b"MZ\x90\x00 a program"))),
            ),
            422,
            "The contents of this file do not match its type",
        ),
        case(
            "a PDF declared as a PNG",
            Request::post(
                &create,
                MULTIPART,
                &invoice_multipart("INV-0100", Some(("scan.png", "image/png", &pdf(100)))),
            ),
            422,
            "The contents of this file do not match its type",
        ),
        case(
            "a file over the action's body limit",
            Request::post(
                &create,
                MULTIPART,
                &invoice_multipart("INV-0100", Some(("big.pdf", "application/pdf", &pdf(6 * 1024 * 1024)))),
            ),
            413,
            "larger than this action&#39;s limit",
        ),
        case(
            "text where the file goes",
            Request::post(
                &create,
                MULTIPART,
                &multipart("XyZ", &[("Content-Disposition: form-data; name=\"attachment\"", b"not a file")]),
            ),
            422,
            "Choose a file",
        ),
        case(
            "101 files",
            Request::post(
                &create,
                MULTIPART,
                &multipart(
                    "XyZ",
                    &vec![
                        (
                            "Content-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"",
                            b"%PDF-".as_slice()
                        );
                        101
                    ],
                ),
            ),
            413,
            "too many files: the limit is 100",
        ),
        // --- sealed bound arguments -------------------------------------------------------------
        case(
            "mark paid without the bound id",
            Request::post(&paid_url, FORM, b""),
            400,
            "the bound arguments of this action are missing",
        ),
        case("a bound id that is not base64", paid("!!!!"), 400, "the bound arguments are malformed"),
        case(
            "a bound id cut in half",
            paid(&paid_sealed[..paid_sealed.len() / 2]),
            400,
            "the bound arguments",
        ),
        case(
            "a bound id one character short",
            paid(&paid_sealed[..paid_sealed.len() - 1]),
            400,
            "the bound arguments",
        ),
        case(
            "a bound id with a character more",
            paid(&format!("{paid_sealed}A")),
            400,
            "the bound arguments",
        ),
        case(
            "mark paid's bound id replayed to delete",
            Request::post(&delete_url, FORM, &bound_body(&paid_sealed)),
            400,
            "belong to another action",
        ),
        case(
            "delete's bound id replayed to edit",
            Request::post(
                &edit_url,
                FORM,
                &[urlencoded(&invoice("INV-0100")), b"&".to_vec(), bound_body(&delete_sealed)].concat(),
            ),
            400,
            "belong to another action",
        ),
        case(
            "a bound id sealed with a removed key",
            paid(&sealed_at(&removed_key, mark_paid::ID, &format!("[{id}]"), Duration::ZERO)),
            400,
            "sealed with a key that is no longer accepted",
        ),
        case(
            "a bound id older than the action's max_age",
            paid(&sealed_at(&keys, mark_paid::ID, &format!("[{id}]"), Duration::from_secs(2 * 86_400))),
            400,
            "the bound arguments have expired",
        ),
        case(
            "a bound value of the wrong type",
            paid(&sealed_at(&keys, mark_paid::ID, r#"["seven"]"#, Duration::ZERO)),
            400,
            "do not have the expected shape",
        ),
        case("a bound id of 900 KB", paid(&"A".repeat(900 * 1024)), 400, "the bound arguments"),
        // --- origins and content types ----------------------------------------------------------
        case("Origin: null", raw("").header("Origin", Some("null")), 403, "cross-site request refused"),
        case(
            "a lookalike host",
            raw("").header("Origin", Some("http://{host}.evil.test")),
            403,
            "cross-site request refused",
        ),
        case(
            "user info in Origin",
            raw("").header("Origin", Some("http://{host}@evil.test")),
            403,
            "cross-site request refused",
        ),
        case(
            "another site",
            raw("").header("Origin", Some("https://evil.test")),
            403,
            "cross-site request refused",
        ),
        case("neither Origin nor Referer", raw("").header("Origin", None), 403, "neither Origin nor Referer"),
        case(
            "a Referer from another site",
            raw("").header("Origin", None).header("Referer", Some("https://evil.test/{host}/")),
            403,
            "cross-site request refused",
        ),
        case(
            "a text/plain body (a cross-site form's trick)",
            Request::post(&create, "text/plain", b"customer=Ada"),
            415,
            "unsupported content type",
        ),
        case(
            "a text/plain body from another site",
            Request::post(&create, "text/plain", b"customer=Ada").header("Origin", Some("https://evil.test")),
            403,
            "cross-site request refused",
        ),
        case("no Content-Type", raw("").header("Content-Type", None), 415, "unsupported content type"),
        case(
            "a lookalike content type",
            raw("").header("Content-Type", Some("application/x-www-form-urlencodedx")),
            415,
            "unsupported content type",
        ),
        // --- methods, actions, paths ------------------------------------------------------------
        // axum's method router answers 405 with `Allow` and no body.
        Case { name: "PUT to a page".into(), request: raw("").method("PUT"), status: 405, message: None },
        case(
            "an action this page does not have",
            Request::post("/invoices/new?_action=drop_tables", FORM, b"a=1"),
            404,
            "this page has no action `drop_tables`",
        ),
        case(
            "no action named on a page with two",
            Request::post("/invoices/new", FORM, b"a=1"),
            400,
            "this page has several actions",
        ),
        case(
            "a malformed chunk size",
            raw("").length(Length::Omitted).header("Transfer-Encoding", Some("chunked")),
            400,
            "the body could not be read",
        ),
        case(
            "an invoice id beyond i64",
            Request::get("/invoices/99999999999999999999"),
            404,
            "There is no such page or invoice",
        ),
        case(
            "an invoice id that is not a number",
            Request::get("/invoices/..%2F..%2Fetc%2Fpasswd"),
            404,
            "There is no such page or invoice",
        ),
        // --- refused by hyper before the app: a status and nothing else -------------------------
        Case {
            name: "a header value with a NUL byte".into(),
            request: raw("").header("X-Note", Some("a\0b")),
            status: 400,
            message: None,
        },
        Case {
            name: "two different Content-Lengths".into(),
            request: raw("")
                .length(Length::Omitted)
                .extra_header("Content-Length", "5")
                .extra_header("Content-Length", "7"),
            status: 400,
            message: None,
        },
        Case {
            name: "a Content-Length that is not a number".into(),
            request: raw("").length(Length::Omitted).header("Content-Length", Some("ten")),
            status: 400,
            message: None,
        },
        Case {
            name: "a 1 MiB header".into(),
            request: raw("").header("Cookie", Some(&"a".repeat(1024 * 1024))),
            status: 431,
            message: None,
        },
    ];
    // A draft posted without its own action name, with everything valid but the origin.
    cases.push(case(
        "save draft from another site",
        Request::post(&draft, FORM, &urlencoded(&invoice("INV-0100")))
            .header("Origin", Some("https://evil.test")),
        403,
        "cross-site request refused",
    ));
    cases
}

async fn run(server: &Server, case: &Case) {
    let before = server.snapshot().await;
    let answer = exchange(server.addr, &case.request.bytes(server)).await;
    assert_eq!(answer.status, case.status, "{}: {}\n{}", case.name, answer.head, answer.body);
    match case.message {
        Some(message) => {
            assert!(answer.body.contains(message), "{}: `{message}` not in {}", case.name, answer.body)
        }
        None => assert!(answer.body.is_empty(), "{}: {}", case.name, answer.body),
    }
    assert_no_internals(&case.name, &answer);
    assert_eq!(server.snapshot().await, before, "{}: the database changed", case.name);
    server.still_serves().await;
}

#[tokio::test]
async fn the_corpus_is_answered_with_4xx_and_a_message_and_changes_nothing() {
    let server = Server::start(Protection::new()).await;
    let id = server.create("INV-0001").await;
    let cases = corpus(id);
    assert!(cases.len() >= 60, "the issue asks for at least 60 hostile requests, there are {}", cases.len());
    for case in &cases {
        run(&server, case).await;
    }
    println!("{} hostile requests answered as expected", cases.len());
}

#[tokio::test]
async fn a_sealed_value_tampered_at_every_byte_is_refused() {
    let server = Server::start(Protection::new()).await;
    let id = server.create("INV-0001").await;
    let url = format!("/invoices/{id}{}", mark_paid::bind(id).url());
    let sealed = mark_paid::bind(id).sealed().expect("sealed").to_owned();
    let before = server.snapshot().await;
    for position in 0..sealed.len() {
        let mut tampered = sealed.clone().into_bytes();
        // Another base64url character: a different byte where it counts, or padding bits the
        // decoder refuses (the last character).
        tampered[position] = if tampered[position] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).expect("ASCII");
        let answer =
            exchange(server.addr, &Request::post(&url, FORM, &bound_body(&tampered)).bytes(&server)).await;
        assert_eq!(answer.status, 400, "position {position}: {}", answer.body);
        assert!(answer.body.contains("the bound arguments"), "position {position}: {}", answer.body);
        assert_no_internals("tampered", &answer);
    }
    assert_eq!(server.snapshot().await, before, "nothing marked paid");
    // The untouched value still works: the refusals were about the changes.
    let answer = exchange(server.addr, &Request::post(&url, FORM, &bound_body(&sealed)).bytes(&server)).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(server.db.get(id).await.expect("get").expect("invoice").status, "paid");
    println!("{} tampered values refused", sealed.len());
}

/// Writes `bytes` one at a time, `pause` apart, until the server closes the connection; how long
/// that took and what the server said.
async fn trickle(
    addr: SocketAddr,
    head: Vec<u8>,
    bytes: Vec<u8>,
    pause: Duration,
) -> (Duration, Vec<u8>, bool) {
    // Bounded: a server that never cuts the client off fails the test after this, not never.
    const GIVE_UP: Duration = Duration::from_secs(8);
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(&head).await.expect("head");
    let mut answer = Vec::new();
    let mut closed = false;
    let mut buffer = [0; 4096];
    for byte in bytes {
        if started.elapsed() > GIVE_UP {
            break;
        }
        if stream.write_all(&[byte]).await.is_err() {
            closed = true;
            break;
        }
        match tokio::time::timeout(pause, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                closed = true;
                break;
            }
            Ok(Ok(n)) => answer.extend_from_slice(&buffer[..n]),
            Err(_) => {}
        }
    }
    if !closed && started.elapsed() <= GIVE_UP {
        // Everything sent: read what is left, for a bounded time.
        while let Ok(Ok(n)) = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await {
            if n == 0 {
                closed = true;
                break;
            }
            answer.extend_from_slice(&buffer[..n]);
        }
    }
    (started.elapsed(), answer, closed)
}

#[tokio::test]
async fn slow_clients_are_cut_off_while_others_are_served() {
    let timeout = Duration::from_secs(2);
    let server =
        Arc::new(Server::start(Protection::new().header_timeout(timeout).request_timeout(timeout)).await);
    let before = server.snapshot().await;
    let create = new_url(create_invoice::bind());

    // Three clients send their headers a byte a second; three more send complete headers and
    // then their body a byte a second. Each would take over a minute.
    let slow_head =
        format!("POST {create} HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\n", server.addr, server.origin());
    let body = urlencoded(&invoice("INV-0500"));
    let complete_head = format!(
        "POST {create} HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nContent-Type: {FORM}\r\nContent-Length: {}\r\n\r\n",
        server.addr,
        server.origin(),
        body.len()
    );
    let mut slow = Vec::new();
    for _ in 0..3 {
        slow.push(tokio::spawn(trickle(
            server.addr,
            Vec::new(),
            slow_head.clone().into_bytes(),
            Duration::from_secs(1),
        )));
        slow.push(tokio::spawn(trickle(
            server.addr,
            complete_head.clone().into_bytes(),
            body.clone(),
            Duration::from_secs(1),
        )));
    }

    // Meanwhile, normal requests are answered at once.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for _ in 0..5 {
        let started = Instant::now();
        server.still_serves().await;
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "a normal request waited {:?}",
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    for (index, client) in slow.into_iter().enumerate() {
        let (elapsed, answer, closed) = client.await.expect("client");
        let answer = String::from_utf8_lossy(&answer).into_owned();
        println!(
            "slow client {index}: closed {closed} after {elapsed:?}, answer {:?}",
            answer.lines().next()
        );
        assert!(closed, "client {index} was not cut off: {answer}");
        assert!(
            elapsed >= timeout - Duration::from_millis(100) && elapsed < timeout + Duration::from_secs(1),
            "client {index} was cut off after {elapsed:?}, the timeout is {timeout:?}"
        );
        if index % 2 == 1 {
            // A slow body: the request had begun, so it gets an answer before the connection closes.
            assert!(answer.starts_with("HTTP/1.1 408"), "client {index}: {answer}");
            assert!(
                answer.contains("The request was not completed within 2 seconds"),
                "client {index}: {answer}"
            );
        } else {
            // Slow headers: hyper closes the connection (there is no request to answer yet).
            assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "client {index}: {answer}");
        }
    }
    assert_eq!(server.snapshot().await, before, "no slow client stored anything");
    server.still_serves().await;
}

#[tokio::test]
async fn a_client_that_disconnects_mid_upload_leaves_nothing_behind() {
    let server = Server::start(Protection::new()).await;
    let before = server.snapshot().await;
    let create = new_url(create_invoice::bind());
    let body = invoice_multipart("INV-0600", Some(("scan.pdf", "application/pdf", &pdf(512 * 1024))));
    for cut in [body.len() / 10, body.len() / 2, body.len() - 10] {
        let request = Request::post(&create, MULTIPART, &body).bytes(&server);
        let head_len = request.len() - body.len();
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        stream.write_all(&request[..head_len + cut]).await.expect("part of the upload");
        stream.flush().await.expect("flush");
        tokio::time::sleep(Duration::from_millis(100)).await;
        drop(stream);
        // The server notices, gives up the request, and stores nothing.
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(server.snapshot().await, before, "cut after {cut} of {} bytes", body.len());
        server.still_serves().await;
    }
    // The same upload, whole, is stored: the cuts were the only difference.
    let whole = exchange(server.addr, &Request::post(&create, MULTIPART, &body).bytes(&server)).await;
    assert_eq!(whole.status, 303, "{}", whole.body);
    assert_eq!(server.db.count().await.expect("count"), 1);
}

#[tokio::test]
async fn after_a_key_rotation_the_previous_key_opens_and_a_removed_key_does_not() {
    install_key();
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("invoices.db").display());
    let (current, previous, removed) = ([21; 32], [22; 32], [23; 32]);
    let app = start_process(&database, current, &[previous]);
    let db = Db::connect(&database).await.expect("database");
    let server = Server { addr: app.addr, db: db.clone(), own: None };
    let id = server.create("INV-0700").await;
    let url = format!("/invoices/{id}{}", mark_paid::bind(id).url());
    let before = server.snapshot().await;

    let refused = exchange(
        app.addr,
        &Request::post(
            &url,
            FORM,
            &bound_body(&sealed_at(&Keys::new(removed), mark_paid::ID, &format!("[{id}]"), Duration::ZERO)),
        )
        .bytes(&server),
    )
    .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body.contains("sealed with a key that is no longer accepted"), "{}", refused.body);
    assert_no_internals("removed key", &refused);
    assert_eq!(server.snapshot().await, before);

    let accepted = exchange(
        app.addr,
        &Request::post(
            &url,
            FORM,
            &bound_body(&sealed_at(&Keys::new(previous), mark_paid::ID, &format!("[{id}]"), Duration::ZERO)),
        )
        .bytes(&server),
    )
    .await;
    assert_eq!(accepted.status, 303, "a page rendered before the rotation still works: {}", accepted.body);
    assert_eq!(db.get(id).await.expect("get").expect("invoice").status, "paid");
}
