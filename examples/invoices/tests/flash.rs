//! Flash messages (issue 15, defect 7), over raw TCP on 127.0.0.1 against the invoices app: a flash
//! shows once, on the page its redirect leads to, within its age as the server counts it; a junk
//! cookie of the same name does not hide it; on https its cookie is `Secure` and `__Host-`.

mod support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use example_invoices::actions::delete_invoice;
use formaction::protect::Protection;
use formaction::seal::Keys;
use support::raw::*;

/// The purpose flash messages are sealed for (the runtime's).
const FLASH_PURPOSE: &[u8] = b"formaction:flash";

/// A flash cookie's value made by hand: `json` sealed with `keys` for flash messages, stamped `age`
/// ago (what the runtime seals: the time, then the JSON `[path, message]`).
fn flash_sealed(keys: &Keys, json: &str, age: Duration) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_secs();
    let mut plaintext = (now - age.as_secs()).to_be_bytes().to_vec();
    plaintext.extend_from_slice(json.as_bytes());
    keys.seal(FLASH_PURPOSE, &plaintext).expect("sealed")
}

/// Every `Set-Cookie` of an answer.
fn set_cookies(answer: &Answer) -> Vec<String> {
    answer
        .head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case("set-cookie"))
        .map(|(_, value)| value.trim().to_owned())
        .collect()
}

/// The `name=value` of the one flash cookie an answer sets.
fn flash_cookie(answer: &Answer) -> String {
    let cookies = set_cookies(answer);
    assert_eq!(cookies.len(), 1, "one cookie: {cookies:?}");
    let pair = cookies[0].split(';').next().expect("name=value").to_owned();
    assert!(pair.contains("formaction_flash="), "{cookies:?}");
    pair
}

/// Whether an answer clears the flash cookie `name`.
fn clears(answer: &Answer, name: &str) -> bool {
    set_cookies(answer).iter().any(|cookie| {
        cookie.starts_with(&format!("{name}=;"))
            && cookie.split("; ").any(|attribute| attribute == "Max-Age=0")
    })
}

/// The flash message a page shows, if any.
fn shown(answer: &Answer) -> Option<String> {
    let start =
        answer.body.find(r#"<p class="flash" role="status">"#)? + r#"<p class="flash" role="status">"#.len();
    Some(answer.body[start..].split('<').next().unwrap_or_default().to_owned())
}

/// `GET path` with `cookies` (each one `Cookie` line).
fn get(path: &str, cookies: &[&str]) -> Request {
    cookies.iter().fold(Request::get(path), |request, cookie| request.extra_header("Cookie", cookie))
}

/// Deletes invoice `id` as its page's Delete button does: the answer (303 to the list, with the flash).
async fn delete(server: &Server, id: i64) -> Answer {
    let sealed = sealed_at(&Keys::new(KEY), delete_invoice::ID, &format!("[{id}]"), Duration::ZERO);
    let url = format!("/invoices/{id}{}", delete_invoice::bind(id).url());
    let answer = exchange(server.addr, &Request::post(&url, FORM, &bound_body(&sealed)).bytes(server)).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location").as_deref(), Some("/invoices"));
    answer
}

/// Creates invoice `number` and returns its id and the flash cookie of the answer.
async fn create(server: &Server, number: &str) -> (i64, String) {
    let fields = support::invoice(number);
    let request = Request::post(
        &new_url(example_invoices::actions::create_invoice::bind()),
        FORM,
        &urlencoded(&fields),
    );
    let answer = exchange(server.addr, &request.bytes(server)).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let id =
        answer.header("location").expect("Location").trim_start_matches("/invoices/").parse().expect("an id");
    (id, flash_cookie(&answer))
}

#[tokio::test]
async fn the_list_shows_its_flash_once() {
    let server = Server::start(Protection::new()).await;
    let (id, _) = create(&server, "INV-0001").await;
    let deleted = delete(&server, id).await;
    let cookie = flash_cookie(&deleted);
    assert!(set_cookies(&deleted)[0].contains("Max-Age=300"), "{:?}", set_cookies(&deleted));

    // A HEAD shows nothing, so it does not use the flash up.
    let head = exchange(server.addr, &get("/invoices", &[&cookie]).method("HEAD").bytes(&server)).await;
    assert_eq!(head.status, 200);
    assert!(set_cookies(&head).is_empty(), "{:?}", set_cookies(&head));

    // `/invoices` is a plain `get(...)` route reading `Flash`: shown, and cleared.
    let list = exchange(server.addr, &get("/invoices", &[&cookie]).bytes(&server)).await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(shown(&list).as_deref(), Some("Invoice deleted"));
    assert!(clears(&list, "formaction_flash"), "the list clears the flash: {:?}", set_cookies(&list));
    assert!(
        set_cookies(&list).iter().all(|c| c.contains("Path=/") && c.contains("HttpOnly")),
        "{:?}",
        set_cookies(&list)
    );
    // The browser drops it: the next visit shows nothing and sets nothing.
    let again = exchange(server.addr, &get("/invoices", &[]).bytes(&server)).await;
    assert_eq!(shown(&again), None);
    assert!(set_cookies(&again).is_empty());
}

#[tokio::test]
async fn a_flash_shows_only_on_the_page_its_redirect_leads_to() {
    let server = Server::start(Protection::new()).await;
    let (first, _) = create(&server, "INV-0001").await;
    let (second, cookie) = create(&server, "INV-0002").await;
    // Other pages, plain or with actions, neither show nor clear it.
    for path in [
        "/invoices".to_owned(),
        format!("/invoices/{first}"),
        format!("/invoices/{second}/edit"),
        format!("/invoices/{second}x"),
    ] {
        let answer = exchange(server.addr, &get(&path, &[&cookie]).bytes(&server)).await;
        assert_eq!(shown(&answer), None, "{path}: {}", answer.body);
        assert!(set_cookies(&answer).is_empty(), "{path}: {:?}", set_cookies(&answer));
    }
    // Its own page does, once its query is set aside.
    let answer =
        exchange(server.addr, &get(&format!("/invoices/{second}?from=list"), &[&cookie]).bytes(&server))
            .await;
    assert_eq!(shown(&answer).as_deref(), Some("Invoice INV-0002 created"));
    assert!(clears(&answer, "formaction_flash"), "{:?}", set_cookies(&answer));
}

#[tokio::test]
async fn the_server_checks_the_age_and_the_shape_of_a_flash() {
    let server = Server::start(Protection::new()).await;
    let keys = Keys::new(KEY);
    let at_list = r#"["/invoices","Invoice deleted"]"#;
    // The control: a cookie made by hand just now shows.
    let fresh = flash_sealed(&keys, at_list, Duration::ZERO);
    let answer =
        exchange(server.addr, &get("/invoices", &[&format!("formaction_flash={fresh}")]).bytes(&server))
            .await;
    assert_eq!(shown(&answer).as_deref(), Some("Invoice deleted"), "{}", answer.body);

    for (case, value) in [
        // Captured and replayed after its 300 s (the browser would have dropped it; a replayer does not).
        ("301 s old", flash_sealed(&keys, at_list, Duration::from_secs(301))),
        ("a day old", flash_sealed(&keys, at_list, Duration::from_secs(86_400))),
        // The shape of earlier versions: a message bound to no page, sealed long ago.
        ("unbound, a day old", flash_sealed(&keys, r#""Invoice deleted""#, Duration::from_secs(86_400))),
        ("unbound, fresh", flash_sealed(&keys, r#""Invoice deleted""#, Duration::ZERO)),
        ("for another page", flash_sealed(&keys, r#"["/invoices/999","Invoice deleted"]"#, Duration::ZERO)),
        ("another key", flash_sealed(&Keys::new([8; 32]), at_list, Duration::ZERO)),
        ("a bound argument's purpose", sealed_at(&keys, delete_invoice::ID, at_list, Duration::ZERO)),
        ("from the future", {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_secs();
            let mut plaintext = (now + 86_400).to_be_bytes().to_vec();
            plaintext.extend_from_slice(at_list.as_bytes());
            keys.seal(FLASH_PURPOSE, &plaintext).expect("sealed")
        }),
    ] {
        let answer =
            exchange(server.addr, &get("/invoices", &[&format!("formaction_flash={value}")]).bytes(&server))
                .await;
        assert_eq!(answer.status, 200, "{case}: {}", answer.body);
        assert_eq!(shown(&answer), None, "{case}");
    }
}

#[tokio::test]
async fn among_several_flash_cookies_the_first_valid_one_shows() {
    let server = Server::start(Protection::new()).await;
    let keys = Keys::new(KEY);
    let real = flash_sealed(&keys, r#"["/invoices","The real one"]"#, Duration::ZERO);
    let second = flash_sealed(&keys, r#"["/invoices","The second one"]"#, Duration::ZERO);
    let elsewhere = flash_sealed(&keys, r#"["/invoices/1","Not for this page"]"#, Duration::ZERO);
    let old = flash_sealed(&keys, r#"["/invoices","Too old"]"#, Duration::from_secs(400));
    for cookies in [
        vec![format!("formaction_flash=junk; formaction_flash={real}")],
        vec![format!("formaction_flash=; formaction_flash=\"\"; formaction_flash={real}")],
        vec!["formaction_flash=junk".to_owned(), format!("formaction_flash={real}")],
        vec![format!("formaction_flash={old}; formaction_flash={elsewhere}; formaction_flash={real}")],
        vec![format!("__Host-formaction_flash=junk; formaction_flash={real}; formaction_flash={second}")],
        vec![format!("other=1; formaction_flash={real}; formaction_flash=junk")],
    ] {
        let lines: Vec<&str> = cookies.iter().map(String::as_str).collect();
        let answer = exchange(server.addr, &get("/invoices", &lines).bytes(&server)).await;
        assert_eq!(shown(&answer).as_deref(), Some("The real one"), "{cookies:?}: {}", answer.body);
        assert!(clears(&answer, "formaction_flash"), "{cookies:?}: {:?}", set_cookies(&answer));
    }
}

/// Whether a `Set-Cookie` value is the `__Host-` flash cookie with what the prefix requires.
fn is_host_cookie(cookie: &str) -> bool {
    let attributes: Vec<&str> = cookie.split("; ").collect();
    cookie.starts_with("__Host-formaction_flash=")
        && attributes.contains(&"Secure")
        && attributes.contains(&"Path=/")
        && attributes.contains(&"HttpOnly")
        && !cookie.to_ascii_lowercase().contains("domain=")
}

#[tokio::test]
async fn on_plain_http_the_cookie_is_not_secure() {
    let server = Server::start(Protection::new()).await;
    let fields = support::invoice("INV-0002");
    let request = Request::post(
        &new_url(example_invoices::actions::create_invoice::bind()),
        FORM,
        &urlencoded(&fields),
    );
    let answer = exchange(server.addr, &request.bytes(&server)).await;
    let cookies = set_cookies(&answer);
    assert!(cookies[0].starts_with("formaction_flash="), "{cookies:?}");
    assert!(!cookies[0].split("; ").any(|a| a == "Secure"), "{cookies:?}");
}

#[tokio::test]
async fn on_https_the_cookie_is_secure_and_host_prefixed() {
    // https through the configured origin, and through a trusted proxy's X-Forwarded-Proto.
    let (_configured, configured, _dir) =
        start_binary(&[("FORMACTION_ORIGIN", "https://app.example.test")]).await;
    let (_proxied, proxied, _dir2) = start_binary(&[("FORMACTION_TRUST_PROXY", "1")]).await;
    let proxied_origin = format!("https://{}", proxied.addr);
    for (case, server, host, origin, forwarded) in [
        ("configured", &configured, "app.example.test", "https://app.example.test", None),
        ("proxied", &proxied, "{host}", proxied_origin.as_str(), Some("https")),
    ] {
        let with =
            |request: Request| request.header("Host", Some(host)).header("X-Forwarded-Proto", forwarded);
        let fields = support::invoice("INV-0001");
        let request = with(Request::post(
            &new_url(example_invoices::actions::create_invoice::bind()),
            FORM,
            &urlencoded(&fields),
        ))
        .header("Origin", Some(origin));
        let answer = exchange(server.addr, &request.bytes(server)).await;
        assert_eq!(answer.status, 303, "{case}: {}", answer.body);
        let cookies = set_cookies(&answer);
        assert!(cookies.len() == 1 && is_host_cookie(&cookies[0]), "{case}: {cookies:?}");
        let location = answer.header("location").expect("Location");
        let pair = cookies[0].split(';').next().expect("name=value").to_owned();

        let page = exchange(server.addr, &with(get(&location, &[&pair])).bytes(server)).await;
        assert_eq!(shown(&page).as_deref(), Some("Invoice INV-0001 created"), "{case}: {}", page.body);
        let cleared = set_cookies(&page);
        assert!(clears(&page, "__Host-formaction_flash"), "{case}: {cleared:?}");
        assert!(
            cleared.iter().all(|c| is_host_cookie(c)),
            "{case}: the clearing cookie keeps the prefix's rules: {cleared:?}"
        );

        // The plain name (set before the site moved to https) is still read.
        let value = pair.split_once('=').expect("=").1;
        let plain = exchange(
            server.addr,
            &with(get(&location, &[&format!("formaction_flash={value}")])).bytes(server),
        )
        .await;
        assert_eq!(shown(&plain).as_deref(), Some("Invoice INV-0001 created"), "{case}");
        assert!(clears(&plain, "formaction_flash"), "{case}: {:?}", set_cookies(&plain));
    }
}
