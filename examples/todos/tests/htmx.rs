//! The htmx contract, row by row (the crate's htmx section), against the todos example over HTTP:
//! each request as htmx 2 sends it (`HX-Request: true`, `HX-Trigger: <id of the element>`), and
//! the same request without it, as a browser with JavaScript off sends it.

mod support;

use support::Server;

/// The headers htmx sends for a submission of the form `id` (boosted, as `#new-todo` is).
fn htmx_from(id: &'static str) -> [(&'static str, &'static str); 3] {
    [("HX-Request", "true"), ("HX-Trigger", id), ("HX-Boosted", "true")]
}

const HTMX: [(&str, &str); 1] = [("HX-Request", "true")];

fn header<'a>(answer: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    answer.headers().get(name).map(|value| value.to_str().expect("a text header"))
}

/// Every name the answer's `Vary` values list, lowercased.
fn vary(answer: &reqwest::Response) -> Vec<String> {
    answer
        .headers()
        .get_all("vary")
        .iter()
        .flat_map(|value| value.to_str().expect("text").split(','))
        .map(|name| name.trim().to_ascii_lowercase())
        .collect()
}

fn assert_varies(answer: &reqwest::Response, what: &str) {
    let names = vary(answer);
    for name in ["hx-request", "accept", "x-formaction"] {
        assert!(names.iter().any(|n| n == name), "{what}: Vary {names:?} lacks {name}");
    }
}

async fn add(server: &Server, title: &str) {
    let answer = server.press(&server.page().await, None, "Add", &[("title", title)]).await;
    assert_eq!(answer.status(), 303, "{title}");
}

#[tokio::test]
async fn an_invalid_submission_is_the_form_alone_with_a_2xx_htmx_swaps() {
    let server = Server::start();
    let long = "x".repeat(121);
    // Whatever the case and the spaces around `true`.
    for request in ["true", " TRUE ", "True"] {
        let headers = [("HX-Request", request), ("HX-Trigger", "new-todo"), ("HX-Boosted", "true")];
        let answer =
            server.press_with(&server.page().await, None, "Add", &[("title", &long)], &headers).await;
        assert_eq!(answer.status(), 200, "{request:?}");
        assert_eq!(header(&answer, "hx-retarget"), Some("#new-todo"));
        assert_eq!(header(&answer, "hx-reswap"), Some("outerHTML"));
        assert_eq!(header(&answer, "hx-reselect"), Some("#new-todo"));
        assert_eq!(header(&answer, "location"), None);
        assert_varies(&answer, "invalid, htmx");
        let html = answer.text().await.expect("the page");
        let form = &html[html.find(r#"<form id="new-todo""#).expect("the form, by its id")..];
        let form = &form[..form.find("</form>").expect("its end")];
        assert!(form.contains("in at most 120 characters"), "the error beside the field: {form}");
        assert!(form.contains(&format!(r#"value="{long}""#)), "the value kept: {form}");
        assert!(form.contains(r#"aria-invalid="true""#), "{form}");
    }
    // Nothing was added, and with JavaScript off the same submission is still the 422 page.
    assert!(!server.page().await.contains(&long));
    let answer = server.press(&server.page().await, None, "Add", &[("title", "")]).await;
    assert_eq!(answer.status(), 422);
    assert_eq!(header(&answer, "hx-retarget"), None);
    assert_varies(&answer, "invalid, JavaScript off");
    // An element id htmx could not select by is not echoed: the page's body takes the page.
    let headers = [("HX-Request", "true"), ("HX-Trigger", "x,body")];
    let answer = server.press_with(&server.page().await, None, "Add", &[("title", "")], &headers).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "hx-retarget"), Some("body"));
    assert_eq!(header(&answer, "hx-reselect"), Some("unset"));
}

#[tokio::test]
async fn a_redirect_is_hx_location_to_the_same_target_and_its_flash_shows_there() {
    let server = Server::start();
    add(&server, "Buy milk").await;
    let html = server.page().await;
    assert_eq!(server.press(&html, Some("Buy milk"), "Done", &[]).await.status(), 303);
    // "Clear done" answers a plain redirect (no fragment).
    let html = server.page().await;
    let answer = server.press_with(&html, None, "Clear done", &[], &htmx_from("")).await;
    assert_eq!(answer.status(), 200, "no 3xx for htmx");
    assert_eq!(header(&answer, "location"), None);
    assert_eq!(header(&answer, "hx-location"), Some("/"));
    assert_eq!(header(&answer, "hx-redirect"), None);
    assert_varies(&answer, "redirect, htmx");
    let cookie =
        header(&answer, "set-cookie").expect("the flash cookie").split(';').next().unwrap().to_owned();
    // The page htmx then loads (an htmx GET, with the cookie) shows the message.
    let next = server
        .client
        .get(format!("{}/", server.base))
        .header("HX-Request", "true")
        .header("cookie", cookie)
        .send()
        .await
        .expect("GET /");
    assert_eq!(next.status(), 200);
    assert_varies(&next, "page, htmx");
    assert!(next.text().await.unwrap().contains(r#"<div id="flash" role="status">Cleared 1 done</div>"#));
    // JavaScript off: the same target, as a 303.
    add(&server, "Write the report").await;
    let html = server.page().await;
    assert_eq!(server.press(&html, Some("Write the report"), "Done", &[]).await.status(), 303);
    let answer = server.press(&server.page().await, None, "Clear done", &[]).await;
    assert_eq!(answer.status(), 303);
    assert_eq!(header(&answer, "location"), Some("/"));
    assert_varies(&answer, "redirect, JavaScript off");
}

#[tokio::test]
async fn an_action_answers_htmx_a_fragment_and_a_plain_browser_a_303_from_one_value() {
    let server = Server::start();
    add(&server, "Buy milk").await;
    // Add, with htmx: the new row, appended to #todos, and the form empty again, out of band.
    let answer = server
        .press_with(
            &server.page().await,
            None,
            "Add",
            &[("title", "Write <the> report")],
            &htmx_from("new-todo"),
        )
        .await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "hx-retarget"), Some("#todos"));
    assert_eq!(header(&answer, "hx-reswap"), Some("beforeend"));
    assert_eq!(header(&answer, "location"), None);
    assert_varies(&answer, "fragment");
    let fragment = answer.text().await.unwrap();
    assert!(fragment.starts_with(r#"<li id="todo-2"><span>Write &#60;the&#62; report</span>"#), "{fragment}");
    assert!(!fragment.contains("<html") && !fragment.contains("Buy milk"), "the row alone: {fragment}");
    assert!(fragment.contains(r#"<form hx-swap-oob="true" id="new-todo""#), "{fragment}");
    let form = &fragment[fragment.find(r#"id="new-todo""#).unwrap()..];
    assert!(!form.contains("report"), "the form is empty again: {form}");

    // Done, with htmx: the row, done (its button says Undo), and the flash out of band; no cookie.
    let html = server.page().await;
    let answer = server.press_with(&html, Some("Buy milk"), "Done", &[], &HTMX).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "hx-retarget"), None, "the row's own hx-target");
    assert_eq!(header(&answer, "set-cookie"), None);
    let fragment = answer.text().await.unwrap();
    assert!(fragment.starts_with(r#"<li id="todo-1"><s>Buy milk</s>"#), "{fragment}");
    assert!(fragment.contains(">Undo</button>"), "{fragment}");
    assert!(fragment.ends_with(r#"<div hx-swap-oob="innerHTML:#flash">Done: Buy milk</div>"#), "{fragment}");
    // Undo, with htmx: back again.
    let html = server.page().await;
    let answer = server.press_with(&html, Some("Buy milk"), "Undo", &[], &HTMX).await;
    let fragment = answer.text().await.unwrap();
    assert!(fragment.starts_with(r#"<li id="todo-1"><span>Buy milk</span>"#), "{fragment}");
    assert!(fragment.contains(">Done</button>"), "{fragment}");

    // The same button with JavaScript off: 303 to the list, the flash in a cookie.
    let html = server.page().await;
    let answer = server.press(&html, Some("Buy milk"), "Done", &[]).await;
    assert_eq!(answer.status(), 303);
    assert_eq!(header(&answer, "location"), Some("/"));
    assert!(header(&answer, "set-cookie").is_some());
}

#[tokio::test]
async fn a_flash_with_a_fragment_goes_to_the_flash_region_out_of_band() {
    let server = Server::start();
    add(&server, "Buy milk").await;
    add(&server, "Write the report").await;
    let html = server.page().await;
    let answer = server.press_with(&html, Some("Buy milk"), "Delete", &[], &HTMX).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "set-cookie"), None, "shown now, not kept for another page");
    assert_eq!(answer.text().await.unwrap(), r#"<div hx-swap-oob="innerHTML:#flash">Deleted</div>"#);
    let html = server.page().await;
    assert!(!html.contains("Buy milk") && html.contains("Write the report"), "{html}");
    // The page has the region the message goes to.
    assert!(html.contains(r#"<div id="flash" role="status"></div>"#), "{html}");
}

#[tokio::test]
async fn refusals_keep_their_status_and_message_for_htmx() {
    let server = Server::start();
    add(&server, "Buy milk").await;
    let html = server.page().await;
    let url = |html: &str, button: &str| {
        let at = html.find(&format!(">{button}</button>")).expect("the button");
        let form = &html[..at];
        let form = &form[form.rfind("<form").expect("its form")..];
        let action = form.split("action=\"").nth(1).unwrap().split('"').next().unwrap().replace("&amp;", "&");
        format!("{}/{action}", server.base)
    };
    let done = url(&html, "Done");
    let sealed = html.split(r#"name="$bound" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
    let post = |to: &str| server.client.post(to).header("HX-Request", "true").header("HX-Trigger", "x");
    let cases: Vec<(u16, reqwest::RequestBuilder)> = vec![
        // A bound id changed on the way.
        (400, post(&done).header("origin", &server.base).form(&[("$bound", format!("{sealed}A"))])),
        // Another site.
        (403, post(&done).header("origin", "https://evil.example").form(&[("$bound", sealed.clone())])),
        // An action this page has not.
        (
            404,
            post(&format!("{}/?_action=nope", server.base))
                .header("origin", &server.base)
                .form(&[("a", "b")]),
        ),
        // Not a form's media type.
        (
            415,
            post(&done).header("origin", &server.base).header("content-type", "text/plain").body("title=x"),
        ),
    ];
    for (status, request) in cases {
        let answer = request.send().await.expect("the request");
        assert_eq!(answer.status().as_u16(), status);
        assert!(
            header(&answer, "content-type").unwrap().starts_with("text/html"),
            "{status}: HTML, not JSON"
        );
        assert_eq!(header(&answer, "hx-retarget"), None, "{status}");
        assert_varies(&answer, &format!("{status}"));
        let body = answer.text().await.unwrap();
        let message = body.split("<p>").nth(1).and_then(|p| p.split("</p>").next()).unwrap_or("");
        assert!(message.len() > 10, "{status}: a message in <main><p>: {body}");
    }
    // Over the body limit (1 MiB), by its declared length: answered before the body is read. Over
    // a socket of its own, as the server may close while the body is still coming.
    let (status, answer) = over_the_limit(&server, &done);
    assert_eq!(status, 413, "{answer}");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    assert!(head.to_ascii_lowercase().contains("content-type: text/html"), "{head}");
    assert!(head.to_ascii_lowercase().contains("hx-request"), "Vary: {head}");
    assert!(body.contains("<p>") && body.contains("1048576"), "{body}");
    let put = server.client.put(&done).header("HX-Request", "true").send().await.unwrap();
    assert_eq!(put.status(), 405);
    assert!(header(&put, "allow").is_some_and(|allow| allow.contains("POST")), "{:?}", put.headers());
    assert!(!server.page().await.contains("<s>Buy milk</s>"), "no refused request ran the action");
}

/// A POST to `url` from htmx that declares a body of 1 MiB and one byte and sends a little of it:
/// the answer's status and text (head and body).
fn over_the_limit(server: &Server, url: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let address = server.base.trim_start_matches("http://");
    let path = url.trim_start_matches(&server.base);
    let mut socket = std::net::TcpStream::connect(address).expect("connect");
    socket.set_read_timeout(Some(std::time::Duration::from_secs(10))).expect("a timeout");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\nHX-Request: true\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\ntitle=",
        server.base,
        1024 * 1024 + 1
    );
    socket.write_all(head.as_bytes()).expect("send the head");
    let mut answer = Vec::new();
    // The server may close while the body is still owed: keep what was read.
    let mut buffer = [0; 8192];
    while let Ok(n @ 1..) = socket.read(&mut buffer) {
        answer.extend_from_slice(&buffer[..n]);
    }
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status =
        answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status: {answer:?}"));
    (status, answer)
}

#[tokio::test]
async fn a_get_form_gives_the_page_its_typed_value_or_its_errors_never_a_400() {
    let server = Server::start();
    for title in ["Buy milk", "Buy bread", "Write the report"] {
        add(&server, title).await;
    }
    let html = server.page().await;
    assert_eq!(server.press(&html, Some("Buy bread"), "Done", &[]).await.status(), 303);
    let get = |query: &str, htmx: bool| {
        let query = query.to_owned();
        let mut request = server.client.get(format!("{}/{query}", server.base));
        if htmx {
            request = request.header("HX-Request", "true").header("HX-Trigger", "q");
        }
        async move {
            let answer = request.send().await.expect("GET");
            assert_eq!(answer.status(), 200, "{query}");
            assert_varies(&answer, &query);
            answer.text().await.unwrap()
        }
    };
    let list = |html: &str| {
        html[html.find(r#"<ul id="todos">"#).unwrap()..].split("</ul>").next().unwrap().to_owned()
    };
    for htmx in [false, true] {
        let found = list(&get("?q=BUY&status=open", htmx).await);
        assert!(
            found.contains("Buy milk") && !found.contains("Buy bread") && !found.contains("report"),
            "{found}"
        );
        let done = list(&get("?q=&status=done", htmx).await);
        assert!(done.contains("Buy bread") && !done.contains("Buy milk"), "{done}");
        // Invalid values: every todo, and each error beside its field, the values kept.
        let long = "y".repeat(61);
        let html = get(&format!("?q={long}&status=someday"), htmx).await;
        let q_error = html.split(r#"<div id="q-error">"#).nth(1).unwrap().split("</div>").next().unwrap();
        assert!(q_error.contains("Search for at most 60 characters"), "{html}");
        let status_error =
            html.split(r#"<div id="status-error">"#).nth(1).unwrap().split("</div>").next().unwrap();
        assert!(status_error.contains("<li>"), "{html}");
        assert!(html.contains(&format!(r#"value="{long}""#)));
        assert_eq!(list(&html).matches("<li id=").count(), 3);
        // Bytes no form sends: still the page.
        let odd = get("?q=%FF%FE&status=%00", htmx).await;
        assert!(odd.contains(r#"<ul id="todos">"#));
    }
    // A GET never runs an action, whatever its query names.
    let html = get("?_action=add&title=Sneaky", false).await;
    assert!(!html.contains("Sneaky</span>"));
    assert!(!server.page().await.contains("Sneaky"));
}

#[tokio::test]
async fn every_page_and_action_answer_varies_on_hx_request() {
    let server = Server::start();
    let page = server.client.get(format!("{}/", server.base)).send().await.unwrap();
    assert_varies(&page, "GET /");
    let json = server
        .client
        .post(format!("{}/?_action=nope", server.base))
        .header("origin", &server.base)
        .header("accept", "application/json")
        .form(&[("a", "b")])
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 404);
    assert_varies(&json, "JSON refusal");
}

/// The README's htmx section shows this example's code: each line of its `rust` block (but the
/// comments standing for what it leaves out) is a line of `src/lib.rs`.
#[test]
fn the_readmes_htmx_code_is_this_examples() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("the README");
    let section = readme.split("\n## htmx\n").nth(1).expect("an htmx section").split("\n## ").next().unwrap();
    let code = section.split("```rust\n").nth(1).expect("a rust block").split("```").next().unwrap();
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).expect("lib.rs");
    let lines: Vec<&str> = source.lines().map(str::trim).collect();
    let mut shown = 0;
    for line in code.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with("//")) {
        assert!(lines.contains(&line), "the README's line {line:?} is not in examples/todos/src/lib.rs");
        shown += 1;
    }
    assert!(shown > 10, "{code}");
}
