use http::{HeaderMap, HeaderValue, Uri};

use super::origin::{HostPort, parse_origins, split_host};
use super::request::{is_loopback, known_host};
use super::*;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

fn origins(list: &str) -> OriginPolicy {
    OriginPolicy { origins: parse_origins(list).unwrap(), ..OriginPolicy::default() }
}

/// The request's origin for these headers (and no authority in its target), as text.
fn origin_of(pairs: &[(&'static str, &str)], settings: &OriginPolicy) -> Result<String, Refusal> {
    let uri = Uri::from_static("/x");
    let headers = headers(pairs);
    request_origin(&uri, &headers, settings)
        .map(|own| format!("{}://{}:{}", own.scheme.as_str(), String::from_utf8_lossy(own.host), own.port))
}

fn same(pairs: &[(&'static str, &str)], settings: &OriginPolicy) -> Result<(), Refusal> {
    same_origin(&Uri::from_static("/x"), &headers(pairs), settings)
}

#[test]
fn hosts_as_received() {
    let split = |value: &str| {
        split_host(value.as_bytes()).map(|h| (String::from_utf8_lossy(h.name).into_owned(), h.port))
    };
    let some = |name: &str, port: Option<u16>| Some((name.to_owned(), port));
    assert_eq!(split("Shop.Test:3000"), some("Shop.Test", Some(3000)));
    assert_eq!(split("shop.test."), some("shop.test", None));
    assert_eq!(split("shop.test.:65535"), some("shop.test", Some(65535)));
    assert_eq!(split("[::1]:1"), some("[::1]", Some(1)));
    assert_eq!(split("[::ffff:127.0.0.1]"), some("[::ffff:127.0.0.1]", None));
    assert_eq!(split("xn--bcher-kva.example"), some("xn--bcher-kva.example", None));
    assert_eq!(split("under_score.test"), some("under_score.test", None));
    for bad in [
        "",
        ".",
        "..",
        "shop.test..",
        ".shop.test",
        "shop..test",
        "shop.test:",
        "shop.test:0",
        "shop.test:080",
        "shop.test:65536",
        "shop.test:99999999999",
        "shop.test:+1",
        "shop.test:1:2",
        "user@shop.test",
        "shop test",
        "shop\ttest",
        "shop.test/x",
        "shop.test?",
        "shop.test#",
        "bücher.test",
        "[::1",
        "[]",
        "[::1]x",
        "[::1]:",
        "::1",
        "[v1.x]",
        "[::1%eth0]",
        "shop.test\\x",
        "*.test",
        "%73hop.test",
    ] {
        assert_eq!(split(bad), None, "{bad:?}");
    }
    for name in ["localhost", "LocalHost", "a.localhost", "a.b.LOCALHOST", "127.0.0.1", "[::1]"] {
        assert!(is_loopback(name.as_bytes()), "{name}");
    }
    for name in [
        "localhostx",
        "xlocalhost",
        "localhost.test",
        "127.0.0.2",
        "127.0.0.1.test",
        "[::ffff:127.0.0.1]",
        "0.0.0.0",
        "[0:0:0:0:0:0:0:1]",
        ".localhost",
    ] {
        assert!(!is_loopback(name.as_bytes()), "{name}");
    }
}

#[test]
fn a_known_host_is_read_as_split_host_reads_it() {
    let read = |host: Option<HostPort<'_>>| host.map(|h| (h.name.to_vec(), h.port));
    let dev = OriginPolicy::default();
    let configured = origins("https://shop.test,http://[::1]:8080,http://127.0.0.1");
    let names = ["localhost", "127.0.0.1", "[::1]", "shop.test", "Shop.test", "shop.test.", "localhostx"];
    let ports = ["", ":1", ":3000", ":65535", ":0", ":080", ":65536", ":", ":3000x", ":+1", " ", ".", "/"];
    for settings in [&dev, &configured] {
        for name in names {
            for port in ports {
                let raw = format!("{name}{port}");
                if let Some(known) = read(known_host(raw.as_bytes(), settings)) {
                    assert_eq!(Some(known), read(split_host(raw.as_bytes())), "{raw:?}");
                }
            }
        }
    }
    // The usual hosts take the quick way.
    for raw in ["localhost:3000", "127.0.0.1:3200", "[::1]", "localhost"] {
        assert!(known_host(raw.as_bytes(), &dev).is_some(), "{raw}");
    }
    for raw in ["shop.test", "shop.test:443", "[::1]:8080", "127.0.0.1"] {
        assert!(known_host(raw.as_bytes(), &configured).is_some(), "{raw}");
    }
    assert!(known_host(b"localhost:3000", &configured).is_none());
}

#[test]
fn origins_from_the_setting() {
    let origin = |text: &str| Origin::parse(text).map(|o| (o.scheme, o.host.clone(), o.port, o.to_string()));
    assert_eq!(
        origin("https://App.Example.com/"),
        Ok((Scheme::Https, "app.example.com".into(), 443, "https://app.example.com".into()))
    );
    assert_eq!(
        origin(" HTTP://app.example.com.:8080 "),
        Ok((Scheme::Http, "app.example.com".into(), 8080, "http://app.example.com:8080".into()))
    );
    assert_eq!(origin("http://x.test:80").map(|o| o.3), Ok("http://x.test".into()));
    assert_eq!(origin("https://x.test:80").map(|o| o.3), Ok("https://x.test:80".into()));
    assert_eq!(origin("https://[0:0::1]").map(|o| o.1), Ok("[::1]".into()));
    assert_eq!(origin("http://[::FFFF:127.0.0.1]:8080").map(|o| o.1), Ok("[::ffff:7f00:1]".into()));
    assert_eq!(origin("http://[1:0:0:2:0:0:0:3]").map(|o| o.1), Ok("[1:0:0:2::3]".into()));
    assert_eq!(origin("http://[1:2:3:4:5:6:7:8]").map(|o| o.1), Ok("[1:2:3:4:5:6:7:8]".into()));
    assert_eq!(
        origin("http://[1:0:2:3:4:5:6:7]").map(|o| o.1),
        Ok("[1:0:2:3:4:5:6:7]".into()),
        "one zero piece stays"
    );
    assert_eq!(origin("http://[::]").map(|o| o.1), Ok("[::]".into()));
    for (bad, why) in [
        ("app.example.com", "http:// or https://"),
        ("ftp://app.example.com", "http:// or https://"),
        ("https//app.example.com", "http:// or https://"),
        ("https://", "host"),
        ("https://app.example.com/login", "no path"),
        ("https://app.example.com//", "no path"),
        ("https://app.example.com?x", "no path, query"),
        ("https://app.example.com#x", "fragment"),
        ("https://user@app.example.com", "user info"),
        ("https://app.example.com:", "port"),
        ("https://app.example.com:0", "port"),
        ("https://app.example.com:65536", "port"),
        ("https://*.example.com", "host"),
        ("https://app example.com", "host"),
        ("https://bücher.example", "punycode"),
        ("https://[::1", "host"),
        ("https://[1::2::3]", "IPv6"),
    ] {
        let error = Origin::parse(bad).unwrap_err().to_string();
        assert!(error.contains(why) && error.contains(bad.trim()), "{bad}: {error}");
    }
    assert_eq!(parse_origins(" https://a.test , ,http://b.test:8080/ ").unwrap().len(), 2);
    assert!(parse_origins(" , ").unwrap_err().to_string().contains("empty"));
    assert!(parse_origins("https://a.test,b.test").is_err());
}

#[test]
fn development_serves_loopback_names_only() {
    let dev = OriginPolicy::default();
    assert_eq!(origin_of(&[("host", "127.0.0.1:3000")], &dev), Ok("http://127.0.0.1:3000".into()));
    assert_eq!(origin_of(&[("host", "LOCALHOST.")], &dev), Ok("http://LOCALHOST:80".into()));
    assert_eq!(origin_of(&[("host", " [::1]:8080\t")], &dev), Ok("http://[::1]:8080".into()));
    // No host at all: a loopback request with nothing to compare an Origin with.
    assert_eq!(origin_of(&[], &dev), Ok("http://:80".into()));
    for host in [
        "shop.test",
        "rebind.attacker.test:3000",
        "localhost.attacker.test",
        "127.0.0.1:",
        "bücher.localhost",
    ] {
        let refusal = origin_of(&[("host", host)], &dev).unwrap_err();
        assert_eq!(refusal.status(), StatusCode::BAD_REQUEST, "{host}");
        assert!(refusal.message().contains("only loopback hosts are served"), "{host}: {refusal:?}");
    }
    assert_eq!(
        origin_of(&[("host", "127.0.0.1"), ("host", "127.0.0.1")], &dev),
        Err(Refusal::Host("the request has several Host headers".into()))
    );
    // The target's authority comes before Host (RFC 9112, 3.2.2), and is held to the same.
    let absolute = Uri::from_static("http://rebind.attacker.test/x");
    assert!(request_origin(&absolute, &headers(&[("host", "127.0.0.1")]), &dev).is_err());
    let absolute = Uri::from_static("http://localhost:3000/x");
    let map = headers(&[("host", "rebind.attacker.test")]);
    let own = request_origin(&absolute, &map, &dev).unwrap();
    assert_eq!((own.host, own.port), (&b"localhost"[..], 3000));
}

#[test]
fn configured_origins_name_the_hosts_and_their_scheme() {
    let s = origins("https://app.example.com, http://app.example.com:8080, https://[::1]");
    assert_eq!(origin_of(&[("host", "app.example.com")], &s), Ok("https://app.example.com:443".into()));
    assert_eq!(origin_of(&[("host", "APP.example.com.:443")], &s), Ok("https://APP.example.com:443".into()));
    assert_eq!(origin_of(&[("host", "app.example.com:8080")], &s), Ok("http://app.example.com:8080".into()));
    assert_eq!(origin_of(&[("host", "[::1]")], &s), Ok("https://[::1]:443".into()));
    for host in [
        "app.example.com:80",
        "app.example.com:8443",
        "www.example.com",
        "127.0.0.1",
        "localhost",
        "[::1]:80",
    ] {
        let refusal = origin_of(&[("host", host)], &s).unwrap_err();
        assert!(refusal.message().contains("does not answer to that name"), "{host}: {refusal:?}");
    }
    assert_eq!(origin_of(&[], &s), Err(Refusal::Host("the request has no Host header".into())));
    // The same host under two schemes: the first listed, unless the trusted proxy says which.
    let both = origins("https://app.example.com:8443,http://app.example.com:8443").trust_proxy(true);
    assert_eq!(
        origin_of(&[("host", "app.example.com:8443")], &both),
        Ok("https://app.example.com:8443".into())
    );
    assert_eq!(
        origin_of(&[("host", "app.example.com:8443"), ("x-forwarded-proto", "http")], &both),
        Ok("http://app.example.com:8443".into())
    );
    // A configured origin's scheme wins over the proxy's.
    let one = origins("https://app.example.com").trust_proxy(true);
    assert_eq!(
        origin_of(&[("host", "app.example.com"), ("x-forwarded-proto", "http")], &one),
        Ok("https://app.example.com:443".into())
    );
}

#[test]
fn a_trusted_proxy_is_read_from_its_own_entry() {
    let proxy = OriginPolicy::default().trust_proxy(true);
    let of = |pairs: &[(&'static str, &str)]| origin_of(pairs, &proxy);
    let ok = |text: &str| Ok::<String, Refusal>(text.to_owned());
    assert_eq!(
        of(&[("host", "shop.test"), ("x-forwarded-host", "shop.test, localhost:3000")]),
        ok("http://localhost:3000")
    );
    assert_eq!(
        of(&[("x-forwarded-host", "localhost"), ("x-forwarded-host", "evil.test,127.0.0.1")]),
        ok("http://127.0.0.1:80")
    );
    assert_eq!(
        of(&[("host", "localhost"), ("x-forwarded-proto", "http, https")]),
        ok("https://localhost:443")
    );
    assert_eq!(
        of(&[("host", "localhost"), ("x-forwarded-proto", "https"), ("x-forwarded-proto", " HTTP ")]),
        ok("http://localhost:80")
    );
    assert_eq!(
        of(&[
            ("host", "shop.test"),
            (
                "forwarded",
                r#"host=evil.test;proto=http, for="[2001:db8::1]:4711";HOST = "localhost:3000" ; Proto=HTTPS"#
            )
        ]),
        ok("https://localhost:3000")
    );
    assert_eq!(
        of(&[("forwarded", "host=evil.test"), ("forwarded", "for=1.2.3.4;host=localhost")]),
        ok("http://localhost:80")
    );
    assert_eq!(of(&[("forwarded", r#"for="a,b";host="localhost""#)]), ok("http://localhost:80"));
    assert_eq!(of(&[("forwarded", "for=1.2.3.4;;host=localhost;")]), ok("http://localhost:80"));
    assert_eq!(of(&[("forwarded", "for=1.2.3.4"), ("host", "localhost")]), ok("http://localhost:80"));
    assert_eq!(
        of(&[
            ("x-forwarded-host", "localhost"),
            ("forwarded", "host=LOCALHOST"),
            ("x-forwarded-proto", "https"),
            ("forwarded", "proto=https")
        ]),
        ok("https://localhost:443")
    );
    for pairs in [
        &[("host", "localhost"), ("x-forwarded-host", "localhost, evil.test")][..],
        &[("host", "localhost"), ("x-forwarded-host", "localhost,")],
        &[("host", "localhost"), ("x-forwarded-host", "")],
        &[("host", "localhost"), ("x-forwarded-proto", "ftp")],
        &[("host", "localhost"), ("x-forwarded-proto", "https,")],
        &[("host", "localhost"), ("forwarded", "host=localhost, host=evil.test")],
        &[("host", "localhost"), ("forwarded", r#"host="evil.test,localhost""#)],
        &[("host", "localhost"), ("forwarded", r#"host="localhost"#)],
        &[("host", "localhost"), ("forwarded", r#"host="local\"host""#)],
        &[("host", "localhost"), ("forwarded", r#"host=local"host"#)],
        &[("host", "localhost"), ("forwarded", "host=")],
        &[("host", "localhost"), ("forwarded", "host")],
        &[("host", "localhost"), ("forwarded", "host=localhost;host=localhost")],
        &[("host", "localhost"), ("forwarded", "proto=https;proto=https")],
        &[("host", "localhost"), ("forwarded", "proto=wss")],
        &[("host", "localhost"), ("x-forwarded-host", "localhost"), ("forwarded", "host=127.0.0.1")],
        &[("host", "localhost"), ("x-forwarded-proto", "https"), ("forwarded", "proto=http")],
    ] {
        let refusal = of(pairs).unwrap_err();
        assert_eq!(refusal.status(), StatusCode::BAD_REQUEST, "{pairs:?}");
    }
    // Not trusted: none of it counts.
    let untrusted = OriginPolicy::default();
    assert_eq!(
        origin_of(
            &[
                ("host", "localhost"),
                ("x-forwarded-host", "evil.test"),
                ("x-forwarded-proto", "https"),
                ("forwarded", "host=evil.test")
            ],
            &untrusted
        ),
        ok("http://localhost:80")
    );
    // Non-ASCII bytes from the proxy are refused, not skipped.
    let mut map = headers(&[("host", "localhost")]);
    map.append("x-forwarded-host", HeaderValue::from_bytes("bücher.test".as_bytes()).unwrap());
    assert!(request_origin(&Uri::from_static("/"), &map, &proxy).is_err());
}

#[test]
fn same_origin_rules() {
    let dev = OriginPolicy::default();
    assert!(same(&[("host", "localhost:3000"), ("origin", "http://localhost:3000")], &dev).is_ok());
    assert!(same(&[("host", "LocalHost"), ("origin", "HTTP://localhost.")], &dev).is_ok());
    assert!(same(&[("host", "localhost"), ("origin", "http://localhost:80")], &dev).is_ok());
    assert!(same(&[("host", "localhost:80"), ("origin", "http://localhost")], &dev).is_ok());
    assert!(same(&[("host", "localhost"), ("referer", "http://localhost/new?x#y")], &dev).is_ok());
    for referer in [
        "http://localhost:3000",
        "http://localhost:3000/",
        "http://localhost:3000?x",
        "http://localhost:3000#y",
    ] {
        assert!(same(&[("host", "localhost:3000"), ("referer", referer)], &dev).is_ok(), "{referer}");
    }
    let refused = [
        &[("host", "localhost"), ("origin", "https://evil.test")][..],
        &[("host", "localhost"), ("origin", "https://localhost")],
        &[("host", "localhost:443"), ("origin", "https://localhost")],
        &[("host", "localhost"), ("origin", "http://localhost:8080")],
        &[("host", "localhost"), ("origin", "http://localhost/")],
        &[("host", "localhost"), ("origin", "null")],
        &[("host", "localhost"), ("origin", "http://localhost.evil.test")],
        &[("host", "localhost"), ("origin", "http://evil@localhost")],
        &[("host", "localhost"), ("origin", "http://localhost:")],
        &[("host", "localhost:3000"), ("origin", "http://localhost:30000")],
        &[("host", "localhost:3000"), ("origin", "http://localhost:3000/")],
        &[("host", "localhost:3000"), ("origin", "http://localhost:3000?")],
        &[("host", "localhost:3000"), ("origin", "https://localhost:3000")],
        &[("host", "localhost:3000"), ("referer", "http://localhost:3000x/")],
        &[("host", "localhost:3000"), ("referer", "http://localhost:3000@evil.test/")],
        &[("host", "localhost"), ("origin", " http ://localhost")],
        &[("host", "localhost"), ("origin", "ws://localhost")],
        &[("host", "localhost")],
        &[("host", "localhost"), ("referer", "https://localhost/new")],
        &[("host", "localhost"), ("referer", "http://evil.test/localhost")],
        &[("host", "localhost"), ("origin", "http://localhost"), ("origin", "http://localhost")],
        &[("host", "localhost"), ("origin", "https://evil.test"), ("origin", "http://localhost")],
        &[("host", "localhost"), ("referer", "http://localhost/a"), ("referer", "http://localhost/b")],
        &[("origin", "http://localhost")],
        &[("host", "localhost"), ("x-forwarded-host", "evil.test"), ("origin", "http://evil.test")],
    ];
    for case in refused {
        let refusal = same(case, &dev).unwrap_err();
        assert_eq!(refusal.status(), StatusCode::FORBIDDEN, "{case:?}");
    }
    assert!(same(&[("origin", "http://localhost")], &dev).unwrap_err().message().contains("no Host"));
    // https when the configured origin is, or when the trusted proxy says so.
    let configured = origins("https://shop.test");
    assert!(same(&[("host", "shop.test"), ("origin", "https://shop.test")], &configured).is_ok());
    assert!(same(&[("host", "shop.test"), ("origin", "http://shop.test")], &configured).is_err());
    let behind_proxy = origins("https://shop.test").trust_proxy(true);
    let proxied =
        [("host", "127.0.0.1:8080"), ("x-forwarded-host", "shop.test"), ("origin", "https://shop.test")];
    assert!(same(&proxied, &behind_proxy).is_ok());
    assert_eq!(same(&proxied, &configured).unwrap_err().status(), StatusCode::BAD_REQUEST);
    let dev_proxy = OriginPolicy::default().trust_proxy(true);
    assert!(
        same(
            &[("host", "localhost"), ("x-forwarded-proto", "https"), ("origin", "https://localhost")],
            &dev_proxy
        )
        .is_ok()
    );
    assert!(
        same(
            &[("host", "localhost"), ("x-forwarded-proto", "https"), ("origin", "http://localhost")],
            &dev_proxy
        )
        .is_err()
    );
    let allow_missing = OriginPolicy::default().allow_missing_origin(true);
    assert!(same(&[("host", "localhost")], &allow_missing).is_ok());
    assert_eq!(same(&[("host", "evil.test")], &allow_missing).unwrap_err().status(), StatusCode::BAD_REQUEST);
}

#[test]
fn allowed_origins() {
    let s = OriginPolicy::default().allow_origin("*.example.com").allow_origin("https://partner.test");
    let from = |origin: &'static str| [("host", "localhost"), ("origin", origin)];
    assert!(same(&from("https://admin.example.com"), &s).is_ok());
    assert!(same(&from("https://a.b.example.com:8443"), &s).is_ok());
    assert!(same(&from("https://example.com"), &s).is_err());
    assert!(same(&from("https://badexample.com"), &s).is_err());
    assert!(same(&from("https://partner.test"), &s).is_ok());
    assert!(same(&from("HTTPS://Partner.test"), &s).is_ok());
    assert!(same(&from("http://partner.test"), &s).is_err(), "scheme must match a full origin");
    // An allowed origin posts; it is not a host the app answers to.
    assert!(same(&[("host", "partner.test"), ("origin", "https://partner.test")], &s).is_err());
}

/// Every refusal the guards write is one of the catalogues' messages, so it is said in the
/// request's language (`locale::recognise` finds it from the English text).
#[test]
fn every_refusal_is_a_catalogue_message() {
    use crate::problem::Problem;
    let development = OriginPolicy::default();
    let configured = origins("https://shop.test");
    let proxy = OriginPolicy::default().trust_proxy(true);
    let host =
        |pairs: &[(&'static str, &str)], settings: &OriginPolicy| origin_of(pairs, settings).unwrap_err();
    let mut refusals = vec![
        host(&[], &configured),
        host(&[("host", "a"), ("host", "b")], &development),
        host(&[("host", "evil.test")], &development),
        host(&[("host", "evil.test")], &configured),
        host(&[("host", "localhost"), ("x-forwarded-host", "localhost, evil.test")], &proxy),
        host(&[("x-forwarded-host", "localhost"), ("forwarded", "host=evil.test")], &proxy),
        host(&[("host", "localhost"), ("x-forwarded-proto", "https"), ("forwarded", "proto=http")], &proxy),
        host(&[("host", "localhost"), ("x-forwarded-host", "localhost,")], &proxy),
        host(&[("host", "localhost"), ("x-forwarded-proto", "ftp")], &proxy),
        host(&[("host", "localhost"), ("forwarded", "host=")], &proxy),
        same(&[("host", "localhost")], &development).unwrap_err(),
        same(&[("host", "localhost"), ("origin", "https://evil.test")], &development).unwrap_err(),
        same(&[("host", "localhost"), ("origin", "a"), ("origin", "b")], &development).unwrap_err(),
        same(&[("origin", "http://localhost")], &development).unwrap_err(),
    ];
    let mut non_ascii = headers(&[("host", "localhost")]);
    non_ascii.insert("x-forwarded-host", HeaderValue::from_bytes(b"caf\xc3\xa9").unwrap());
    refusals.push(request_origin(&Uri::from_static("/x"), &non_ascii, &proxy).unwrap_err());
    for sent in ["text/plain", "image/png"] {
        refusals.push(content_type(&headers(&[("content-type", sent)])).unwrap_err());
    }
    let mut unreadable = HeaderMap::new();
    unreadable.insert("content-type", HeaderValue::from_bytes(b"text/\xff").unwrap());
    refusals.push(content_type(&unreadable).unwrap_err());
    refusals.push(content_encoding(&headers(&[("content-encoding", "gzip")])).unwrap_err());
    for refusal in refusals {
        assert!(refusal.localized().is_some(), "not a catalogue message: {:?}", refusal.message());
    }
}
