//! What an action refuses before it runs, over real HTTP on 127.0.0.1: other origins (403), body
//! types it does not read (415), bodies over a limit (413) and malformed bodies (400).
//!
//! Every refusal is checked twice: by its answer (status and message, as HTML for a browser and
//! as JSON for a script), and by the action's log, which must stay empty. The known bypasses are
//! here too: `text/plain` bodies (which a cross-site form sends without a preflight), lookalike
//! hosts, odd spellings of content types, and bodies without a `Content-Length`.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use formaction::security::OriginPolicy;
use formaction::{ActionError, Redirect, RouterExt, action, form, page};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Log, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[form]
#[derive(Debug)]
struct Note {
    #[validate(length(min = 1))]
    text: String,
}

#[action]
async fn note(State(log): State<Log>, #[form] input: Note) -> Result<Redirect, ActionError> {
    log.record(format!("note {}", input.text.len()));
    Ok(Redirect::to("/done"))
}

#[action(body_limit = "2KB")]
async fn small(State(log): State<Log>, #[form] input: Note) -> Result<Redirect, ActionError> {
    log.record(format!("small {}", input.text.len()));
    Ok(Redirect::to("/done"))
}

#[action(max_fields = 5)]
async fn few(State(log): State<Log>, #[form] input: Note) -> Result<Redirect, ActionError> {
    log.record(format!("few {}", input.text.len()));
    Ok(Redirect::to("/done"))
}

#[action(max_files = 2)]
async fn upload(State(log): State<Log>, #[form] input: Note) -> Result<Redirect, ActionError> {
    log.record(format!("upload {}", input.text.len()));
    Ok(Redirect::to("/done"))
}

async fn show() -> Html<&'static str> {
    Html("<h1>Note</h1>")
}

fn app(log: Log) -> Router {
    let strict = OriginPolicy::default();
    Router::new()
        .page("/note", page(show).action::<note>().origin_policy(strict.clone()))
        .page(
            "/wild",
            page(show).action::<note>().origin_policy(OriginPolicy::default().allow_origin("*.example.com")),
        )
        .page(
            "/proxied",
            page(show).action::<note>().origin_policy(
                OriginPolicy::default()
                    .trust_proxy(true)
                    .origin("https://shop.test".parse().expect("an origin")),
            ),
        )
        .page(
            "/limits",
            page(show).action::<small>().action::<few>().action::<upload>().origin_policy(strict),
        )
        .with_state(log)
}

async fn start() -> (Server, Log) {
    let log = Log::default();
    (Server::start(app(log.clone())).await, log)
}

async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(content_type.as_deref(), Some("application/json"), "a JSON answer ({status})");
    (status, response.json().await.unwrap())
}

/// The refusal message of a JSON answer, after checking its status.
async fn refusal(response: reqwest::Response, status: StatusCode) -> String {
    let (actual, json) = json_of(response).await;
    assert_eq!(actual, status, "{json}");
    let object = json.as_object().unwrap();
    assert_eq!((object.len(), &json["ok"]), (2, &json!(false)), "{{ok, error}} expected: {json}");
    json["error"].as_str().unwrap_or_else(|| panic!("an error message: {json}")).to_owned()
}

/// A request with no `Origin` (reqwest sends none unless told).
fn bare(server: &Server, path: &str) -> reqwest::RequestBuilder {
    server.client.post(server.url(path))
}

#[tokio::test]
async fn other_origins_are_refused_with_403() {
    let (server, log) = start().await;
    let port = server.addr.port();
    let other_port = if port == 1 { 2 } else { port - 1 };
    let origins = [
        "http://evil.test".to_owned(),
        "null".to_owned(),
        "NULL".to_owned(),
        "http://127.0.0.1.evil.test".to_owned(),
        format!("http://127.0.0.1.evil.test:{port}"),
        format!("http://127.0.0.1:{port}.evil.test"),
        format!("http://evil.test@127.0.0.1:{port}"),
        format!("http://127.0.0.1:{other_port}"),
        format!("http://localhost:{port}"),
        format!("ftp://127.0.0.1:{port}"),
        format!("127.0.0.1:{port}"),
        String::new(),
    ];
    let mismatch = "cross-site request refused: Origin does not match this site";
    for origin in &origins {
        let response = bare(&server, "/note")
            .header("origin", origin)
            .header("accept", "application/json")
            .form(&[("text", "hi")])
            .send()
            .await
            .unwrap();
        assert_eq!(refusal(response, StatusCode::FORBIDDEN).await, mismatch, "Origin: {origin:?}");
        // A browser gets a page that says why.
        let response =
            bare(&server, "/note").header("origin", origin).form(&[("text", "hi")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "Origin: {origin:?}");
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        assert!(response.text().await.unwrap().contains(mismatch), "Origin: {origin:?}");
    }

    // No Origin: the Referer decides; with neither, refused.
    let response = bare(&server, "/note")
        .header("accept", "application/json")
        .form(&[("text", "hi")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        refusal(response, StatusCode::FORBIDDEN).await,
        "cross-site request refused: the request has neither Origin nor Referer"
    );
    for referer in
        ["http://evil.test/note".to_owned(), format!("http://127.0.0.1.evil.test/{port}/note"), "null".into()]
    {
        let response = bare(&server, "/note")
            .header("referer", &referer)
            .header("accept", "application/json")
            .form(&[("text", "hi")])
            .send()
            .await
            .unwrap();
        assert_eq!(
            refusal(response, StatusCode::FORBIDDEN).await,
            "cross-site request refused: Referer does not match this site",
            "Referer: {referer}"
        );
    }
    // A same-origin Referer does not excuse a foreign Origin.
    let response = bare(&server, "/note")
        .header("origin", "http://evil.test")
        .header("referer", server.url("/note"))
        .form(&[("text", "hi")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // The control: the same request from this site runs.
    let response = server.post("/note").form(&[("text", "hi")]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["note 2"]);
}

#[tokio::test]
async fn a_same_origin_referer_stands_in_for_a_missing_origin() {
    let (server, log) = start().await;
    let response = bare(&server, "/note")
        .header("referer", server.url("/note?x=1"))
        .form(&[("text", "hi")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["note 2"]);
}

#[tokio::test]
async fn allowed_origins_match_by_glob() {
    let (server, log) = start().await;
    for origin in ["https://admin.example.com", "http://a.b.example.com:8443"] {
        let response =
            bare(&server, "/wild").header("origin", origin).form(&[("text", "hi")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{origin}");
    }
    assert_eq!(log.runs(), ["note 2", "note 2"]);
    for origin in ["https://example.com", "https://badexample.com", "https://admin.example.com.evil.test"] {
        let response =
            bare(&server, "/wild").header("origin", origin).form(&[("text", "hi")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{origin}");
        // Other pages do not allow it.
        let response =
            bare(&server, "/note").header("origin", origin).form(&[("text", "hi")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{origin}");
    }
    let response = bare(&server, "/note")
        .header("origin", "https://admin.example.com")
        .form(&[("text", "hi")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "only the page that allows it");
    // This host stays allowed.
    let response = server.post("/wild").form(&[("text", "hi")]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["note 2", "note 2", "note 2"]);
}

#[tokio::test]
async fn a_forwarded_host_counts_only_when_trusted() {
    let (server, log) = start().await;
    let proxied = |path: &str| {
        bare(&server, path)
            .header("x-forwarded-host", "shop.test")
            .header("origin", "https://shop.test")
            .form(&[("text", "hi")])
    };
    let response = proxied("/proxied").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["note 2"]);

    let response = proxied("/note").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "not trusted: the Host header counts");
    // Trusted, the forwarded host replaces the Host header: the direct origin no longer matches.
    let response = server
        .post("/proxied")
        .header("x-forwarded-host", "shop.test")
        .form(&[("text", "hi")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(log.runs(), ["note 2"]);
}

#[tokio::test]
async fn text_plain_is_refused_and_origin_is_checked_first() {
    let (server, log) = start().await;
    // What a cross-site `<form enctype=text/plain>` sends: refused as cross-site, before anything.
    let response = bare(&server, "/note")
        .header("origin", "http://evil.test")
        .header("content-type", "text/plain")
        .header("accept", "application/json")
        .body(r#"{"text":"hi", "x":"="}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        refusal(response, StatusCode::FORBIDDEN).await,
        "cross-site request refused: Origin does not match this site"
    );
    // The same from this site: 415.
    let response = server
        .post("/note")
        .header("content-type", "text/plain")
        .header("accept", "application/json")
        .body(r#"{"text":"hi"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        refusal(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await,
        "unsupported content type `text/plain`: send application/x-www-form-urlencoded, multipart/form-data or \
         application/json"
    );
    assert!(log.runs().is_empty(), "{:?}", log.runs());
}

#[tokio::test]
async fn content_types_are_read_by_their_media_type_only() {
    let (server, log) = start().await;
    for content_type in [
        "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
        "application/x-www-form-urlencoded;charset=utf-8",
        " APPLICATION/X-WWW-FORM-URLENCODED ",
    ] {
        let response =
            server.post("/note").header("content-type", content_type).body("text=hi").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{content_type:?}");
    }
    for content_type in ["Application/JSON; charset=utf-8", "application/vnd.api+json"] {
        let response = server
            .post("/note")
            .header("content-type", content_type)
            .body(r#"{"text":"hi"}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{content_type:?}");
    }
    assert_eq!(log.runs().len(), 5);

    for content_type in [
        "application/x-www-form-urlencodedx",
        "text/plain; application/json",
        "text/plain; charset=application/x-www-form-urlencoded",
        "application/xml",
        "text/html",
        "application/jsonx",
        "multipart/mixed; boundary=x",
        "",
    ] {
        let response = server
            .post("/note")
            .header("content-type", content_type)
            .header("accept", "application/json")
            .body("text=hi")
            .send()
            .await
            .unwrap();
        let message = refusal(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
        assert!(message.starts_with("unsupported content type"), "{content_type:?}: {message}");
    }
    // A body with no Content-Type at all.
    let response =
        server.post("/note").header("accept", "application/json").body("text=hi").send().await.unwrap();
    assert_eq!(
        refusal(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await,
        "unsupported content type: the request has no Content-Type"
    );
    assert_eq!(log.runs().len(), 5, "{:?}", log.runs());
}

#[tokio::test]
async fn malformed_bodies_are_400_with_a_readable_message() {
    let (server, log) = start().await;
    let send = |content_type: &'static str, body: &'static str| {
        server
            .post("/note")
            .header("content-type", content_type)
            .header("accept", "application/json")
            .body(body)
            .send()
    };

    let message =
        refusal(send("application/x-www-form-urlencoded", "a=%zz").await.unwrap(), StatusCode::BAD_REQUEST)
            .await;
    assert_eq!(message, "invalid percent-encoding at byte 2");
    let message = refusal(
        send("application/x-www-form-urlencoded", "text=ok&b=%4").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(message, "invalid percent-encoding at byte 10");

    let message =
        refusal(send("application/json", r#"{"text": "hi""#).await.unwrap(), StatusCode::BAD_REQUEST).await;
    assert!(message.starts_with("invalid JSON: ") && message.contains("line 1 column"), "{message}");
    let message =
        refusal(send("application/json", r#"["text"]"#).await.unwrap(), StatusCode::BAD_REQUEST).await;
    assert_eq!(message, "the JSON body must be an object");

    let wrong_boundary = "--BBBB\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--BBBB--\r\n";
    let response = send("multipart/form-data; boundary=AAAA", wrong_boundary).await.unwrap();
    let message = refusal(response, StatusCode::BAD_REQUEST).await;
    assert!(message.starts_with("malformed multipart body: "), "{message}");
    let message =
        refusal(send("multipart/form-data", wrong_boundary).await.unwrap(), StatusCode::BAD_REQUEST).await;
    assert_eq!(message, "multipart content type without a boundary");

    // A browser gets the message in a page.
    let response = server
        .post("/note")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("a=%zz")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await.unwrap().contains("<p>invalid percent-encoding at byte 2</p>"));
    assert!(log.runs().is_empty(), "{:?}", log.runs());
}

/// A urlencoded body of exactly `len` bytes: `text=aaa...`.
fn body_of(len: usize) -> String {
    format!("text={}", "a".repeat(len - 5))
}

#[tokio::test]
async fn bodies_over_the_default_limit_are_413() {
    let (server, log) = start().await;
    let response = server
        .post("/note")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(body_of(1024 * 1024 + 1))
        .send()
        .await
        .unwrap();
    assert_eq!(
        refusal(response, StatusCode::PAYLOAD_TOO_LARGE).await,
        "the body is larger than this action's limit of 1048576 bytes"
    );
    let response = server
        .post("/note")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body_of(2 * 1024 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap().contains("1048576"));
    assert!(log.runs().is_empty());

    // At the limit exactly: read.
    let response = server
        .post("/note")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body_of(1024 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), [format!("note {}", 1024 * 1024 - 5)]);
}

#[tokio::test]
async fn an_action_sets_its_own_limits() {
    let (server, log) = start().await;
    let small = format!("/limits{}", small::bind().url());
    let post = |path: &str, len: usize| {
        server
            .post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(body_of(len))
            .send()
    };
    let response = post(&small, 3 * 1024).await.unwrap();
    assert_eq!(
        refusal(response, StatusCode::PAYLOAD_TOO_LARGE).await,
        "the body is larger than this action's limit of 2048 bytes"
    );
    assert_eq!(
        refusal(post(&small, 2049).await.unwrap(), StatusCode::PAYLOAD_TOO_LARGE).await,
        "the body is larger than this action's limit of 2048 bytes",
        "one byte over"
    );
    assert!(log.runs().is_empty());
    assert_eq!(
        json_of(post(&small, 1024).await.unwrap()).await,
        (StatusCode::OK, json!({"ok": true, "redirect": "/done"}))
    );
    assert_eq!(json_of(post(&small, 2048).await.unwrap()).await.0, StatusCode::OK);
    assert_eq!(log.runs(), ["small 1019", "small 2043"]);

    // Six fields where five are allowed.
    let few = format!("/limits{}", few::bind().url());
    let six = [("text", "a"), ("b", "1"), ("c", "1"), ("d", "1"), ("e", "1"), ("f", "1")];
    let response = server.post(&few).header("accept", "application/json").form(&six).send().await.unwrap();
    assert_eq!(refusal(response, StatusCode::PAYLOAD_TOO_LARGE).await, "too many fields: the limit is 5");
    let response = server.post(&few).form(&six).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap().contains("too many fields: the limit is 5"));
    let response = server
        .post(&few)
        .header("accept", "application/json")
        .json(&json!({"text": "a", "b": [1, 2, 3, 4, 5]}))
        .send()
        .await
        .unwrap();
    assert_eq!(refusal(response, StatusCode::PAYLOAD_TOO_LARGE).await, "too many fields: the limit is 5");
    assert_eq!(log.runs().len(), 2);
    let response = server.post(&few).form(&six[..5]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs().last().unwrap(), "few 1");

    // Three files where two are allowed.
    let upload = format!("/limits{}", upload::bind().url());
    let files = |count: usize| {
        (0..count).fold(reqwest::multipart::Form::new().text("text", "hi"), |form, i| {
            form.part("f", reqwest::multipart::Part::bytes(vec![b'x'; 10]).file_name(format!("{i}.txt")))
        })
    };
    let response =
        server.post(&upload).header("accept", "application/json").multipart(files(3)).send().await.unwrap();
    assert_eq!(refusal(response, StatusCode::PAYLOAD_TOO_LARGE).await, "too many files: the limit is 2");
    assert_eq!(log.runs().len(), 3);
    let response = server.post(&upload).multipart(files(2)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(log.runs().last().unwrap(), "upload 2");
}

/// Sends a chunked POST (no `Content-Length`) over a raw connection, writing while reading, and
/// returns the status and the body of the answer.
async fn post_chunked(server: &Server, path: &str, chunks: Vec<Vec<u8>>) -> (u16, String) {
    let stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\norigin: {base}\r\naccept: application/json\r\n\
         content-type: application/x-www-form-urlencoded\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n",
        addr = server.addr,
        base = server.base,
    );
    let write = tokio::spawn(async move {
        writer.write_all(head.as_bytes()).await?;
        for chunk in chunks {
            writer.write_all(format!("{:x}\r\n", chunk.len()).as_bytes()).await?;
            writer.write_all(&chunk).await?;
            writer.write_all(b"\r\n").await?;
        }
        writer.write_all(b"0\r\n\r\n").await?;
        writer.flush().await
    });
    let mut answer = Vec::new();
    let read = async {
        let mut buffer = [0; 8192];
        // The server may close while the body is still coming: keep what was read.
        while let Ok(n @ 1..) = reader.read(&mut buffer).await {
            answer.extend_from_slice(&buffer[..n]);
        }
    };
    tokio::time::timeout(Duration::from_secs(10), read).await.expect("an answer");
    write.abort();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status =
        answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status in {answer:?}"));
    let body = answer.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default();
    (status, body)
}

#[tokio::test]
async fn bodies_without_a_length_are_held_to_the_limit_too() {
    let (server, log) = start().await;
    let small = format!("/limits{}", small::bind().url());
    let (status, body) =
        post_chunked(&server, &small, vec![b"text=".to_vec(), vec![b'a'; 1500], vec![b'a'; 1500]]).await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("the body is larger than this action's limit of 2048 bytes"), "{body}");

    let (status, body) = post_chunked(&server, "/note", {
        let mut chunks = vec![b"text=".to_vec()];
        chunks.extend((0..17).map(|_| vec![b'a'; 64 * 1024]));
        chunks
    })
    .await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("the body is larger than this action's limit of 1048576 bytes"), "{body}");
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // The control: a chunked body within the limit is read.
    let (status, body) =
        post_chunked(&server, &small, vec![b"text=".to_vec(), vec![b'a'; 500], vec![b'a'; 500]]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(log.runs(), ["small 1000"]);
}

#[tokio::test]
async fn a_page_without_actions_refuses_posts() {
    let log = Log::default();
    let app = Router::new().page("/plain", page(show)).with_state(log.clone());
    let server = Server::start(app).await;
    let response = server.post("/plain").form(&[("text", "hi")]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let allow = response.headers().get("allow").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(allow.as_deref(), Some("GET,HEAD"), "a 405 names the methods allowed");
    assert!(log.runs().is_empty());
}
