//! Allowed hosts, the trusted proxy and the scheme of `Origin` (issue 15, defects 2, 3 and 4), over
//! raw TCP on 127.0.0.1 against the invoices app and its SQLite file: the app answers only to its
//! own names (loopback ones in development, `FORMACTION_ORIGIN` otherwise), reads forwarded
//! headers only from a trusted proxy and only the entry the proxy wrote, and takes a post only
//! from its own scheme, host and port.
//!
//! In process the app runs in development (no `FORMACTION_ORIGIN`); a setting goes through the
//! app's own binary (`start_process_with`), as a deployment sets it.

mod support;

use std::time::Duration;

use example_invoices::actions::{create_invoice, delete_invoice};
use formaction::protect::Protection;
use formaction::seal::Keys;
use support::raw::*;

/// `GET path` with `Host: host` (`None`: no Host at all).
fn get_with_host(path: &str, host: Option<&str>) -> Request {
    Request::get(path).header("Host", host)
}

/// The delete request of invoice `id`, its bound id sealed with the test key, with `Host` and
/// `Origin` as given.
fn delete(id: i64, host: &str, origin: &str) -> Request {
    let sealed = sealed_at(&Keys::new(KEY), delete_invoice::ID, &format!("[{id}]"), Duration::ZERO);
    Request::post(&format!("/invoices/{id}{}", delete_invoice::bind(id).url()), FORM, &bound_body(&sealed))
        .header("Host", Some(host))
        .header("Origin", Some(origin))
}

/// A valid new invoice, posted with the given `Host` and `Origin` (`None`: left out).
fn create(number: &str, host: &str, origin: Option<&str>) -> Request {
    let fields = support::invoice(number);
    Request::post(&new_url(create_invoice::bind()), FORM, &urlencoded(&fields))
        .header("Host", Some(host))
        .header("Origin", origin)
}

/// The answer must be the refusal of an unknown or malformed host: 400, with a message.
fn assert_bad_host(case: &str, answer: &Answer) {
    assert_eq!(answer.status, 400, "{case}: {}\n{}", answer.head, answer.body);
    assert!(
        answer.body.to_ascii_lowercase().contains("host") || answer.body.contains("scheme"),
        "{case}: a message saying what is wrong: {}",
        answer.body
    );
    assert_no_internals(case, answer);
}

/// The answer must be the refusal of a foreign origin: 403.
fn assert_cross_site(case: &str, answer: &Answer) {
    assert_eq!(answer.status, 403, "{case}: {}\n{}", answer.head, answer.body);
    assert!(answer.body.contains("cross-site request refused"), "{case}: {}", answer.body);
    assert_no_internals(case, answer);
}

#[tokio::test]
async fn dns_rebinding_deletes_nothing() {
    let server = Server::start(Protection::new()).await;
    let id = server.create("INV-0001").await;
    let before = server.snapshot().await;
    let port = server.addr.port();
    // The attacker's page on rebind.attacker.test, its name now pointing at 127.0.0.1: the browser
    // sends the attacker's name as Host and Origin, which agree with each other.
    for (host, origin) in [
        ("rebind.attacker.test".to_owned(), "http://rebind.attacker.test".to_owned()),
        (format!("rebind.attacker.test:{port}"), format!("http://rebind.attacker.test:{port}")),
        (format!("REBIND.attacker.test:{port}"), format!("http://rebind.attacker.test:{port}")),
        (
            format!("127.0.0.1.rebind.attacker.test:{port}"),
            format!("http://127.0.0.1.rebind.attacker.test:{port}"),
        ),
        (
            format!("localhost.rebind.attacker.test:{port}"),
            format!("http://localhost.rebind.attacker.test:{port}"),
        ),
    ] {
        let answer = exchange(server.addr, &delete(id, &host, &origin).bytes(&server)).await;
        assert_bad_host(&host, &answer);
        assert_eq!(server.snapshot().await, before, "{host}: the SQLite file changed");
    }
    // Its GETs are refused too: the page (and its sealed buttons) is never shown to it.
    let answer = exchange(
        server.addr,
        &get_with_host(&format!("/invoices/{id}"), Some("rebind.attacker.test")).bytes(&server),
    )
    .await;
    assert_bad_host("GET from the rebound name", &answer);
    assert!(!answer.body.contains("INV-0001"), "{}", answer.body);

    // The control: the same request under the app's own name deletes.
    let answer = exchange(server.addr, &delete(id, "{host}", "{origin}").bytes(&server)).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(server.db.count().await.expect("count"), 0);
}

#[tokio::test]
async fn in_development_only_loopback_names_are_served() {
    let server = Server::start(Protection::new()).await;
    let port = server.addr.port();
    let accepted = [
        format!("127.0.0.1:{port}"),
        "127.0.0.1".to_owned(),
        "127.0.0.1:80".to_owned(),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        "localhost".to_owned(),
        format!("localhost.:{port}"),
        format!("app.localhost:{port}"),
        format!("a.b.LOCALHOST:{port}"),
        format!("xn--bcher-kva.localhost:{port}"),
        format!("[::1]:{port}"),
        "[::1]".to_owned(),
        // Optional whitespace around a header's value is not part of it (RFC 9110, 5.5).
        format!("\t127.0.0.1:{port} "),
    ];
    for host in &accepted {
        let answer = exchange(server.addr, &get_with_host("/invoices", Some(host)).bytes(&server)).await;
        assert_eq!(answer.status, 200, "Host: {host:?}: {}", answer.body);
    }
    let refused = [
        "rebind.attacker.test".to_owned(),
        format!("example.com:{port}"),
        format!("localhostx:{port}"),
        format!("xlocalhost:{port}"),
        format!("localhost.attacker.test:{port}"),
        format!("127.0.0.1.attacker.test:{port}"),
        format!(".localhost:{port}"),
        format!("a..localhost:{port}"),
        format!("localhost..:{port}"),
        format!("127.0.0.2:{port}"),
        format!("0.0.0.0:{port}"),
        format!("[::ffff:127.0.0.1]:{port}"),
        format!("[0:0:0:0:0:0:0:1]:{port}"),
        format!("[::1:{port}"),
        format!("::1:{port}"),
        // Ports: empty, leading zeros, out of range, not digits, two of them.
        "127.0.0.1:".to_owned(),
        "127.0.0.1:0080".to_owned(),
        "127.0.0.1:0".to_owned(),
        "127.0.0.1:99999".to_owned(),
        "127.0.0.1:+80".to_owned(),
        format!("127.0.0.1:{port}:{port}"),
        // User info, paths, whitespace and tabs inside.
        format!("user@127.0.0.1:{port}"),
        format!("evil.test@127.0.0.1:{port}"),
        format!("127.0.0.1:{port}/x"),
        format!("127.0.0.1 :{port}"),
        format!("127.0.0.1\t:{port}"),
        format!("local host:{port}"),
        // A non-ASCII (IDN) name as UTF-8; its punycode form is served above.
        format!("bücher.localhost:{port}"),
        format!("ｌocalhost:{port}"),
        String::new(),
    ];
    for host in &refused {
        let answer = exchange(server.addr, &get_with_host("/invoices", Some(host)).bytes(&server)).await;
        assert_bad_host(&format!("Host: {host:?}"), &answer);
    }
    server.still_serves().await;
}

#[tokio::test]
async fn every_route_checks_the_host_get_and_post() {
    let server = Server::start(Protection::new()).await;
    let id = server.create("INV-0001").await;
    let before = server.snapshot().await;
    // Pages with actions, plain routes, the script, the redirect at `/`, the fallback.
    for path in [
        "/".to_owned(),
        "/invoices".to_owned(),
        "/invoices/new".to_owned(),
        format!("/invoices/{id}"),
        format!("/invoices/{id}/edit"),
        format!("/invoices/{id}/attachment"),
        formaction::render::script_path().to_owned(),
        "/no-such-page".to_owned(),
    ] {
        let answer =
            exchange(server.addr, &get_with_host(&path, Some("rebind.attacker.test")).bytes(&server)).await;
        assert_bad_host(&format!("GET {path}"), &answer);
        let head = Request::get(&path).method("HEAD").header("Host", Some("rebind.attacker.test"));
        assert_eq!(exchange(server.addr, &head.bytes(&server)).await.status, 400, "HEAD {path}");
    }
    let answer = exchange(
        server.addr,
        &create("INV-0002", "rebind.attacker.test", Some("http://rebind.attacker.test")).bytes(&server),
    )
    .await;
    assert_bad_host("POST create", &answer);
    // A JSON caller gets the refusal as JSON.
    let answer = exchange(
        server.addr,
        &create("INV-0002", "rebind.attacker.test", Some("http://rebind.attacker.test"))
            .json()
            .bytes(&server),
    )
    .await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    let json: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    assert_eq!(json["ok"], false, "{json}");
    assert!(json["error"].as_str().is_some_and(|e| e.contains("host")), "{json}");
    assert_eq!(server.snapshot().await, before);
}

#[tokio::test]
async fn duplicate_or_missing_host_headers() {
    let server = Server::start(Protection::new()).await;
    let before = server.snapshot().await;
    // Two Host headers (RFC 9112, 3.2: a 400), whatever their order and values.
    for (first, second) in
        [("{host}", "{host}"), ("{host}", "rebind.attacker.test"), ("rebind.attacker.test", "{host}")]
    {
        let request = Request::get("/invoices").header("Host", Some(first)).extra_header("Host", second);
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_bad_host(&format!("Host: {first} + Host: {second}"), &answer);
        let request = create("INV-0002", first, Some("{origin}")).extra_header("Host", second);
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_bad_host(&format!("POST, Host: {first} + Host: {second}"), &answer);
    }
    // No Host at all (only a non-browser client sends that): in development, served as a
    // loopback request; a post still needs a host to compare its Origin with.
    let answer = exchange(server.addr, &get_with_host("/invoices", None).bytes(&server)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let answer = exchange(
        server.addr,
        &create("INV-0002", "{host}", Some("{origin}")).header("Host", None).bytes(&server),
    )
    .await;
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert!(answer.body.contains("no Host"), "{}", answer.body);
    // Control characters in the value never reach the app (hyper refuses the request).
    for host in ["127.0.0.1\u{1}", "127.0.0.1\u{7f}"] {
        let answer = exchange(server.addr, &get_with_host("/invoices", Some(host)).bytes(&server)).await;
        assert_eq!(answer.status, 400, "{host:?}: {}", answer.body);
    }
    assert_eq!(server.snapshot().await, before);
    server.still_serves().await;
}

#[tokio::test]
async fn origin_must_have_the_scheme_host_and_port_of_the_request() {
    let server = Server::start(Protection::new()).await;
    let port = server.addr.port();
    let other_port = if port == 1 { 2 } else { port - 1 };
    let before = server.snapshot().await;
    let refused = [
        // An http app, and Origin says https (a page of the same host over TLS, or a forgery).
        format!("https://127.0.0.1:{port}"),
        format!("HTTPS://127.0.0.1:{port}"),
        format!("http://127.0.0.1:{other_port}"),
        format!("http://localhost:{port}"),
        "http://127.0.0.1".to_owned(),
        format!("http://127.0.0.1:{port}/invoices"),
        format!("http://user@127.0.0.1:{port}"),
        format!("http://127.0.0.1:{port}.evil.test"),
        format!("http ://127.0.0.1:{port}"),
        format!("http:/127.0.0.1:{port}"),
        format!("ws://127.0.0.1:{port}"),
        "null".to_owned(),
    ];
    for origin in &refused {
        let answer = exchange(server.addr, &create("INV-0002", "{host}", Some(origin)).bytes(&server)).await;
        assert_cross_site(&format!("Origin: {origin}"), &answer);
    }
    // The Referer, when there is no Origin, is held to the same.
    for referer in [
        format!("https://127.0.0.1:{port}/invoices/new"),
        format!("http://127.0.0.1:{other_port}/invoices/new"),
    ] {
        let request = create("INV-0002", "{host}", None).header("Referer", Some(&referer));
        assert_cross_site(
            &format!("Referer: {referer}"),
            &exchange(server.addr, &request.bytes(&server)).await,
        );
    }
    // Two Origin headers: refused whichever comes first.
    for (first, second) in
        [("{origin}", "https://evil.test"), ("https://evil.test", "{origin}"), ("{origin}", "{origin}")]
    {
        let request = create("INV-0002", "{host}", Some(first)).extra_header("Origin", second);
        assert_cross_site(
            &format!("Origin: {first} + {second}"),
            &exchange(server.addr, &request.bytes(&server)).await,
        );
    }
    assert_eq!(server.snapshot().await, before, "nothing was created");

    // The same origin, spelled as a client may: scheme and host in capitals, the default port
    // written out or left out on either side.
    let accepted = [
        ("{host}".to_owned(), format!("HTTP://127.0.0.1:{port}")),
        ("{host}".to_owned(), format!("http://127.0.0.1:{port}")),
        (format!("LOCALHOST:{port}"), format!("http://localhost:{port}")),
        ("127.0.0.1".to_owned(), "http://127.0.0.1:80".to_owned()),
        ("127.0.0.1:80".to_owned(), "http://127.0.0.1".to_owned()),
        (format!("[::1]:{port}"), format!("http://[::1]:{port}")),
    ];
    for (number, (host, origin)) in accepted.iter().enumerate() {
        let request = create(&format!("INV-01{number:02}"), host, Some(origin));
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_eq!(answer.status, 303, "Host: {host}, Origin: {origin}: {}", answer.body);
    }
    let request = create("INV-0200", "{host}", None)
        .header("Referer", Some(&format!("http://127.0.0.1:{port}/invoices/new")));
    assert_eq!(exchange(server.addr, &request.bytes(&server)).await.status, 303, "a same-origin Referer");
    assert_eq!(server.db.count().await.expect("count"), accepted.len() as i64 + 1);
}

#[tokio::test]
async fn forwarded_headers_count_only_from_a_trusted_proxy() {
    let server = Server::start(Protection::new()).await;
    let port = server.addr.port();
    let before = server.snapshot().await;
    // Not trusted (the default): the Host header alone names the site.
    let answer = exchange(
        server.addr,
        &get_with_host("/invoices", Some("rebind.attacker.test"))
            .header("X-Forwarded-Host", Some("{host}"))
            .bytes(&server),
    )
    .await;
    assert_bad_host("X-Forwarded-Host from an untrusted client", &answer);
    let answer = exchange(
        server.addr,
        &get_with_host("/invoices", Some("rebind.attacker.test"))
            .header("Forwarded", Some("host=\"{host}\""))
            .bytes(&server),
    )
    .await;
    assert_bad_host("Forwarded from an untrusted client", &answer);
    // Nor does X-Forwarded-Proto make an https Origin acceptable.
    let request = create("INV-0002", "{host}", Some(&format!("https://127.0.0.1:{port}")))
        .header("X-Forwarded-Proto", Some("https"));
    assert_cross_site(
        "X-Forwarded-Proto from an untrusted client",
        &exchange(server.addr, &request.bytes(&server)).await,
    );
    assert_eq!(server.snapshot().await, before);
}

#[tokio::test]
async fn a_trusted_proxy_is_read_from_the_entry_it_wrote() {
    let (_app, server, _dir) = start_binary(&[("FORMACTION_TRUST_PROXY", "1")]).await;
    let port = server.addr.port();
    let own = format!("127.0.0.1:{port}");
    let before = server.snapshot().await;
    let via = |host: &str| get_with_host("/invoices", Some(host));
    // The proxy appends its entry after whatever the client sent: the last one counts.
    let accepted = [
        via("rebind.attacker.test").header("X-Forwarded-Host", Some(&format!("rebind.attacker.test, {own}"))),
        via("rebind.attacker.test").header("X-Forwarded-Host", Some(&format!("rebind.attacker.test,{own}"))),
        via("rebind.attacker.test")
            .header("X-Forwarded-Host", Some("rebind.attacker.test"))
            .extra_header("X-Forwarded-Host", &own),
        via("rebind.attacker.test").header(
            "Forwarded",
            Some(&format!("host=rebind.attacker.test, for=10.0.0.1;host=\"{own}\";proto=http")),
        ),
        via("rebind.attacker.test")
            .header("Forwarded", Some(&format!("for=10.0.0.1 ; HOST = \"{own}\" ; proto=http"))),
        via("rebind.attacker.test")
            .header("Forwarded", Some("host=rebind.attacker.test"))
            .extra_header("Forwarded", &format!("host={own}")),
        // The proxy's entry agrees in both families.
        via("rebind.attacker.test")
            .header("X-Forwarded-Host", Some(&own))
            .header("Forwarded", Some(&format!("host=\"{own}\""))),
        // No forwarded host: the Host header.
        via(&own).header("X-Forwarded-Proto", Some("https")),
    ];
    for request in &accepted {
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_eq!(answer.status, 200, "{:?}: {}", request.headers, answer.body);
    }
    let refused = [
        // The client's entry first, the proxy's (here the attacker's name) last.
        via(&own).header("X-Forwarded-Host", Some(&format!("{own}, rebind.attacker.test"))),
        via(&own)
            .header("X-Forwarded-Host", Some(&own))
            .extra_header("X-Forwarded-Host", "rebind.attacker.test"),
        via(&own).header("X-Forwarded-Host", Some(&format!("{own},"))),
        via(&own).header("Forwarded", Some(&format!("host={own}, host=rebind.attacker.test"))),
        via(&own)
            .header("Forwarded", Some(&format!("host={own}")))
            .extra_header("Forwarded", "host=rebind.attacker.test"),
        // A comma inside quotes belongs to the value, which is then no host.
        via(&own).header("Forwarded", Some(&format!("host=\"rebind.attacker.test,{own}\""))),
        via(&own).header("Forwarded", Some(&format!("host=\"{own}"))),
        via(&own).header("Forwarded", Some(&format!("host={own};host={own}"))),
        // The two families disagree: neither wins.
        via(&own).header("X-Forwarded-Host", Some(&own)).header("Forwarded", Some("host=localhost")),
        via(&own).header("X-Forwarded-Proto", Some("https")).header("Forwarded", Some("proto=http")),
        via(&own).header("X-Forwarded-Proto", Some("gopher")),
    ];
    for request in &refused {
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_bad_host(&format!("{:?}", request.headers), &answer);
    }

    // The scheme is the proxy's: X-Forwarded-Proto or Forwarded's proto, the last entry.
    let https = format!("https://{own}");
    let http = format!("http://{own}");
    let refused_posts = [
        create("INV-0002", &own, Some(&https)),
        create("INV-0002", &own, Some(&http)).header("X-Forwarded-Proto", Some("https")),
        create("INV-0002", &own, Some(&https)).header("X-Forwarded-Proto", Some("https, http")),
        create("INV-0002", &own, Some(&http)).header("Forwarded", Some("proto=https")),
        create("INV-0002", &own, Some(&https)).header("Forwarded", Some("proto=https, proto=http")),
    ];
    for request in &refused_posts {
        assert_cross_site(
            &format!("{:?}", request.headers),
            &exchange(server.addr, &request.bytes(&server)).await,
        );
    }
    assert_eq!(server.snapshot().await, before);
    let accepted_posts = [
        create("INV-0002", &own, Some(&https)).header("X-Forwarded-Proto", Some("https")),
        create("INV-0003", &own, Some(&https)).header("X-Forwarded-Proto", Some("http, HTTPS")),
        create("INV-0004", &own, Some(&https)).header("Forwarded", Some("for=10.0.0.1;proto=\"https\"")),
        create("INV-0005", &own, Some(&http)).header("Forwarded", Some("proto=https, proto=http")),
        create("INV-0006", "rebind.attacker.test", Some(&https))
            .header("X-Forwarded-Host", Some(&own))
            .header("X-Forwarded-Proto", Some("https")),
    ];
    for request in &accepted_posts {
        let answer = exchange(server.addr, &request.bytes(&server)).await;
        assert_eq!(answer.status, 303, "{:?}: {}", request.headers, answer.body);
    }
    assert_eq!(server.db.count().await.expect("count"), accepted_posts.len() as i64);
}

#[tokio::test]
async fn a_configured_origin_is_the_only_host_served() {
    let (_app, server, _dir) =
        start_binary(&[("FORMACTION_ORIGIN", "https://app.example.test, http://www.example.test:8080/")])
            .await;
    let port = server.addr.port();
    for host in [
        "app.example.test",
        "APP.Example.TEST",
        "app.example.test:443",
        "app.example.test.",
        "www.example.test:8080",
    ] {
        let answer = exchange(server.addr, &get_with_host("/invoices", Some(host)).bytes(&server)).await;
        assert_eq!(answer.status, 200, "Host: {host}: {}", answer.body);
    }
    for host in [
        format!("127.0.0.1:{port}"),
        "localhost".to_owned(),
        "app.example.test:80".to_owned(),
        "app.example.test:8443".to_owned(),
        "www.example.test".to_owned(),
        "example.test".to_owned(),
        "evil.app.example.test".to_owned(),
        "app.example.test.evil.test".to_owned(),
        "rebind.attacker.test".to_owned(),
        "äpp.example.test".to_owned(),
    ] {
        let answer = exchange(server.addr, &get_with_host("/invoices", Some(&host)).bytes(&server)).await;
        assert_bad_host(&format!("Host: {host}"), &answer);
    }
    // With a setting, a request without any Host is refused too.
    let answer = exchange(server.addr, &get_with_host("/invoices", None).bytes(&server)).await;
    assert_bad_host("no Host", &answer);

    let before = server.snapshot().await;
    for (host, origin) in [
        ("app.example.test", "http://app.example.test"),
        ("app.example.test", "https://app.example.test:8443"),
        ("app.example.test", "https://www.example.test:8080"),
        ("www.example.test:8080", "https://www.example.test:8080"),
        ("www.example.test:8080", "http://app.example.test"),
    ] {
        let answer = exchange(server.addr, &create("INV-0002", host, Some(origin)).bytes(&server)).await;
        assert_cross_site(&format!("Host: {host}, Origin: {origin}"), &answer);
    }
    assert_eq!(server.snapshot().await, before);
    for (number, (host, origin)) in [
        ("app.example.test", "https://app.example.test"),
        ("app.example.test", "https://app.example.test:443"),
        ("APP.example.test", "HTTPS://app.EXAMPLE.test"),
        ("www.example.test:8080", "http://www.example.test:8080"),
    ]
    .iter()
    .enumerate()
    {
        let answer =
            exchange(server.addr, &create(&format!("INV-010{number}"), host, Some(origin)).bytes(&server))
                .await;
        assert_eq!(answer.status, 303, "Host: {host}, Origin: {origin}: {}", answer.body);
    }
}

#[test]
fn an_invalid_origin_setting_stops_the_app_at_start_up() {
    for value in [
        "",
        "app.example.test",
        "https://",
        "ftp://app.example.test",
        "https://app.example.test/path",
        "https://app.example.test?x=1",
        "https://app.example.test#top",
        "https://user@app.example.test",
        "https://app.example.test:",
        "https://app.example.test:99999",
        "https://app.example.test:0",
        "https://*.example.test",
        "https://bücher.example.test",
        "https://app example.test",
        "https://[::1",
        "https://[not::an::address]",
        "https://app.example.test, nope",
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_example-invoices"))
            .env("PORT", "0")
            .env("DATABASE_URL", format!("sqlite://{}", dir.path().join("invoices.db").display()))
            .env("FORMACTION_SECRET", base64_key(KEY))
            .env("FORMACTION_ORIGIN", value)
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start the app");
        // An app that accepted the value serves until stopped: 10 s, then it is stopped (by its handle).
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while child.try_wait().expect("the app's status").is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if child.try_wait().expect("the app's status").is_none() {
            let _ = child.kill();
        }
        let output = child.wait_with_output().expect("the app's output");
        let said =
            format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(!output.status.success(), "FORMACTION_ORIGIN={value:?} was accepted: {said}");
        assert!(!said.contains("listening on"), "FORMACTION_ORIGIN={value:?}: {said}");
        assert!(
            said.contains("FORMACTION_ORIGIN"),
            "FORMACTION_ORIGIN={value:?}: the reason names it: {said}"
        );
        assert!(!said.contains("panicked"), "FORMACTION_ORIGIN={value:?}: a message, not a panic: {said}");
    }
}
