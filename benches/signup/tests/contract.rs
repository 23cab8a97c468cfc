//! The three servers of the signup benchmark answer the same contract, over HTTP on 127.0.0.1:
//! 200 for the page, 303 to `/signup/done` for a valid submission (stored), 422 with every error
//! and every value kept for an invalid one. formaction and the by-hand side with the same
//! guarantees (`guarded`) also refuse an altered team id (400) and a submission from another
//! site (403); the plain by-hand side accepts both, which is the difference the benchmark prices.
//!
//! Requests are written by hand on a `TcpStream`, so that duplicate or missing headers are sent
//! exactly as written.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use bench_signup::by_hand_guarded::{self, Sealer};
use bench_signup::{Store, by_hand, with_formaction};

const VALID: &str = "name=Ada+Lovelace&email=ada%40example.com&age=36";
const INVALID: &str = "name=&email=not-an-email&age=12";

/// A server on a free port of 127.0.0.1, on a runtime of its own that lives as long as the test.
fn serve(which: &str) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let addr = listener.local_addr().expect("an address");
    listener.set_nonblocking(true).expect("non-blocking");
    let origin = format!("http://{addr}");
    let app = match which {
        "formaction" => with_formaction::app(Store::default()),
        "by_hand" => by_hand::app(Store::default()),
        _ => by_hand_guarded::app(Store::default(), Sealer::random(), &origin),
    };
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            axum::serve(listener, app).await.expect("the server runs");
        });
    });
    addr
}

/// Status, headers (lowercase names) and body of one request; `headers` are written as given.
fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &str,
) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).expect("the server accepts");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("a timeout");
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nconnection: close\r\ncontent-length: {}\r\n", body.len());
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).expect("the request is sent");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("the answer is read");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status line");
    (status, head.to_ascii_lowercase(), body.to_owned())
}

/// What a browser sends: its host, its origin, a urlencoded body.
fn browser(addr: SocketAddr) -> Vec<(&'static str, String)> {
    vec![
        ("host", addr.to_string()),
        ("origin", format!("http://{addr}")),
        ("content-type", "application/x-www-form-urlencoded".to_owned()),
    ]
}

/// The page's action URL and its bound team field (`name=value`, urlencoded).
fn form_of(addr: SocketAddr) -> (String, String) {
    let (status, _, page) = send(addr, "GET", "/signup", &[("host", addr.to_string())], "");
    assert_eq!(status, 200, "{page}");
    let action =
        attribute(&page, r#"method="post" action=""#).expect("the form has an action").replace("&amp;", "&");
    let action = if action.starts_with('?') { format!("/signup{action}") } else { action };
    (action, team_field(&page))
}

/// The text after `start` up to the next `"`.
fn attribute(page: &str, start: &str) -> Option<String> {
    page.split(start).nth(1).and_then(|rest| rest.split('"').next()).map(str::to_owned)
}

/// The bound team field a page writes (`name=value`, urlencoded): formaction's sealed `$bound`,
/// or the `team` field by hand.
fn team_field(page: &str) -> String {
    let encode = |value: &str| form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>();
    match attribute(page, r#"name="$bound" value=""#) {
        Some(sealed) => format!("%24bound={}", encode(&sealed)),
        None => format!("team={}", encode(&attribute(page, r#"name="team" value=""#).expect("a team field"))),
    }
}

/// The submitted team with one character changed in the middle (still base64url).
fn tampered(field: &str) -> String {
    let (name, value) = field.split_once('=').expect("name=value");
    let mut bytes = value.as_bytes().to_vec();
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    format!("{name}={}", String::from_utf8(bytes).expect("ASCII"))
}

fn count(addr: SocketAddr) -> String {
    let (_, _, page) = send(addr, "GET", "/signup/done", &[("host", addr.to_string())], "");
    page.split(r#"<p id="count">"#).nth(1).and_then(|rest| rest.split('<').next()).unwrap_or("").to_owned()
}

#[test]
fn every_side_answers_the_same_statuses_and_keeps_values() {
    for side in ["formaction", "by_hand", "guarded"] {
        let addr = serve(side);
        let (action, team) = form_of(addr);

        let (status, head, body) = send(addr, "POST", &action, &browser(addr), &format!("{INVALID}&{team}"));
        assert_eq!(status, 422, "{side} invalid: {body}");
        assert!(
            body.contains(r#"value="not-an-email""#) && body.contains(r#"value="12""#),
            "{side}: values kept: {body}"
        );
        for field in ["name", "email", "age"] {
            let error = body.split(&format!(r#"id="{field}-error""#)).nth(1).unwrap_or_default();
            let shown = error.split_once('>').map(|(_, rest)| rest.trim_start()).unwrap_or_default();
            assert!(!shown.starts_with('<'), "{side}: no error shown for {field}: {body}");
        }
        assert!(head.contains("text/html"), "{side}: {head}");
        // The page answering an invalid submission binds the same team again: it still submits.
        let again = team_field(&body);
        let (status, head, body) = send(addr, "POST", &action, &browser(addr), &format!("{VALID}&{again}"));
        assert_eq!(status, 303, "{side} valid after invalid: {body}");
        assert!(head.contains("location: /signup/done"), "{side}: {head}");

        let (status, _, body) = send(addr, "POST", &action, &browser(addr), &format!("{VALID}&{team}"));
        assert_eq!(status, 303, "{side} valid: {body}");
        assert_eq!(count(addr), "2", "{side}: both valid submissions stored");
    }
}

#[test]
fn the_guarded_sides_refuse_what_the_plain_one_accepts() {
    for side in ["formaction", "guarded", "by_hand"] {
        let addr = serve(side);
        let (action, team) = form_of(addr);
        let guarded = side != "by_hand";
        let refused = |status: u16, want: u16, what: &str, body: &str| {
            if guarded {
                assert_eq!(status, want, "{side} {what}: {body}");
            } else {
                assert_eq!(status, 303, "{side} {what} (no guarantee by hand): {body}");
            }
        };
        let post = |headers: &[(&str, String)], team: &str| {
            send(addr, "POST", &action, headers, &format!("{VALID}&{team}"))
        };
        let mut headers = browser(addr);

        let (status, _, body) = post(&headers, &tampered(&team));
        refused(status, 400, "altered team", &body);

        headers[1].1 = "http://evil.example".to_owned();
        let (status, _, body) = post(&headers, &team);
        refused(status, 403, "another site", &body);
        // Same host, another port or scheme: another origin.
        headers[1].1 = format!("http://127.0.0.1:{}", addr.port() + 1);
        let (status, _, body) = post(&headers, &team);
        refused(status, 403, "another port", &body);
        headers[1].1 = format!("https://{addr}");
        let (status, _, body) = post(&headers, &team);
        refused(status, 403, "another scheme", &body);

        // Neither Origin nor Referer: refused; a Referer of the site alone: accepted.
        headers.remove(1);
        let (status, _, body) = post(&headers, &team);
        refused(status, 403, "no Origin, no Referer", &body);
        headers.push(("referer", format!("http://{addr}/signup")));
        let (status, _, body) = post(&headers, &team);
        assert_eq!(status, 303, "{side} a same-site Referer: {body}");
        headers.pop();
        headers.push(("referer", format!("http://{addr}.evil.example/signup")));
        let (status, _, body) = post(&headers, &team);
        refused(status, 403, "a Referer whose host only starts like ours", &body);
        headers.pop();

        // The right Origin twice, or the right one and another: refused.
        headers.push(("origin", format!("http://{addr}")));
        headers.push(("origin", "http://evil.example".to_owned()));
        let (status, _, body) = post(&headers, &team);
        refused(status, 403, "two Origin headers", &body);
        headers.truncate(2);

        // A host the app does not serve (DNS rebinding): refused.
        let mut rebound = browser(addr);
        rebound[0].1 = format!("evil.example:{}", addr.port());
        rebound[1].1 = format!("http://evil.example:{}", addr.port());
        let (status, _, body) = post(&rebound, &team);
        refused(status, 400, "another host", &body);

        // Case differences in the origin are the same origin.
        let mut upper = browser(addr);
        upper[1].1 = format!("HTTP://{addr}");
        let (status, _, body) = post(&upper, &team);
        assert_eq!(status, 303, "{side} an Origin in capitals: {body}");
    }
}
