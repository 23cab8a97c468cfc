//! `formaction::protect`: a panic inside an action (or a page) is a 500 with nothing of it inside,
//! its details go to the `tracing` log, and the server goes on serving; a request past its deadline
//! is a 408 with a message. Over HTTP on 127.0.0.1.

#[allow(dead_code, unreachable_pub, reason = "this file uses the server, not the action log")]
mod support;

use std::time::Duration;

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use formaction::protect::Protection;
use formaction::{ActionError, FormState, Redirect, RouterExt, action, form, page};
use support::{Server, capture_log};

#[form]
struct Order {
    #[validate(length(min = 1))]
    item: String,
}

#[action]
async fn place(#[form] input: Order) -> Result<Redirect, ActionError> {
    if input.item == "boom" {
        panic!("secret detail: the warehouse at /srv/stock.db is gone");
    }
    if input.item == "slow" {
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
    Ok(Redirect::to("/done"))
}

async fn order_page(state: FormState<Order>) -> Html<String> {
    Html(format!("<!doctype html><title>Order</title><p>errors: {}</p>", state.errors().len()))
}

async fn broken_page() -> Html<String> {
    let stock: Vec<u32> = Vec::new();
    Html(format!("{}", stock[3]))
}

fn app(protection: &Protection) -> Router {
    Router::new()
        .page("/order", page(order_page).action::<place>())
        .route("/broken", get(broken_page))
        .route("/", get(|| async { "still here" }))
        .layer(protection.layer())
}

const SECRETS: &[&str] = &["secret detail", "/srv/stock.db", "panicked", "index out of bounds", ".rs:"];

#[tokio::test]
async fn a_panicking_action_is_a_blank_500_logged_and_the_server_goes_on() {
    let (log, _guard) = capture_log();
    let server = Server::start(app(&Protection::new())).await;
    let place_url = format!("/order{}", place::bind().url());

    let html = server.post(&place_url).form(&[("item", "boom")]).send().await.expect("POST");
    assert_eq!(html.status(), 500);
    assert_eq!(html.headers()["content-type"], "text/html; charset=utf-8");
    let body = html.text().await.expect("body");
    assert!(body.contains("Something went wrong on our side. Please try again."), "{body}");
    for secret in SECRETS {
        assert!(!body.contains(secret), "the page shows `{secret}`: {body}");
    }

    let json = server
        .post(&place_url)
        .header("accept", "application/json")
        .form(&[("item", "boom")])
        .send()
        .await
        .expect("POST");
    assert_eq!(json.status(), 500);
    let body: serde_json::Value = json.json().await.expect("JSON");
    assert_eq!(
        body,
        serde_json::json!({"ok": false, "error": "Something went wrong on our side. Please try again."})
    );

    let logged = log.text();
    assert_eq!(logged.matches("a handler panicked").count(), 2, "{logged}");
    assert!(logged.contains("ERROR"), "{logged}");
    assert!(logged.contains("secret detail: the warehouse at /srv/stock.db is gone"), "{logged}");
    assert!(logged.contains("method=POST") && logged.contains("path=\"/order\""), "{logged}");

    // The same server, the same action, a good submission: served.
    let ok = server.post(&place_url).form(&[("item", "tea")]).send().await.expect("POST");
    assert_eq!(ok.status(), 303);
    assert_eq!(ok.headers()["location"], "/done");
    let home = server.client.get(server.url("/")).send().await.expect("GET");
    assert_eq!(home.text().await.expect("body"), "still here");
}

#[tokio::test]
async fn a_panicking_page_is_a_blank_500_too() {
    let (log, _guard) = capture_log();
    let server = Server::start(app(&Protection::new())).await;
    for _ in 0..3 {
        let response = server.client.get(server.url("/broken")).send().await.expect("GET");
        assert_eq!(response.status(), 500);
        let body = response.text().await.expect("body");
        for secret in SECRETS {
            assert!(!body.contains(secret), "the page shows `{secret}`: {body}");
        }
    }
    let logged = log.text();
    assert_eq!(logged.matches("a handler panicked").count(), 3, "{logged}");
    assert!(logged.contains("index out of bounds"), "{logged}");
    let home = server.client.get(server.url("/")).send().await.expect("GET");
    assert_eq!(home.status(), 200);
}

#[tokio::test]
async fn a_request_past_its_deadline_is_a_408_with_a_message() {
    let (log, _guard) = capture_log();
    let server = Server::start(app(&Protection::new().request_timeout(Duration::from_millis(500)))).await;
    let place_url = format!("/order{}", place::bind().url());
    let started = std::time::Instant::now();
    let slow = server.post(&place_url).form(&[("item", "slow")]).send().await.expect("POST");
    assert_eq!(slow.status(), 408);
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    let body = slow.text().await.expect("body");
    assert!(body.contains("The request was not completed within 0.5 seconds. Please try again."), "{body}");
    let json = server
        .post(&place_url)
        .header("accept", "application/json")
        .form(&[("item", "slow")])
        .send()
        .await
        .expect("POST");
    assert_eq!(json.status(), 408);
    let body: serde_json::Value = json.json().await.expect("JSON");
    assert_eq!(body["ok"], false);
    assert!(log.text().contains("request timed out"), "{}", log.text());
    let ok = server.post(&place_url).form(&[("item", "tea")]).send().await.expect("POST");
    assert_eq!(ok.status(), 303);
}

#[tokio::test]
async fn serve_cuts_off_slow_headers_and_keeps_serving() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let protection = Protection::new().header_timeout(Duration::from_millis(500));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn({
        let protection = protection.clone();
        async move {
            protection
                .serve(listener, app(&protection), async {
                    let _ = stopped.await;
                })
                .await
        }
    });

    // A client that sends part of its headers, then nothing.
    let mut stalled = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stalled.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.expect("write");
    let started = std::time::Instant::now();
    // No connection pool: each request below opens a connection of its own. A kept-alive one
    // would sit idle while the stalled client is cut off, be closed by the same header deadline,
    // and the second request could race that close.
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().expect("client");
    let home = client.get(format!("http://{addr}/")).send().await.expect("GET");
    assert_eq!(home.text().await.expect("body"), "still here", "served while the other stalls");
    let mut buffer = [0; 64];
    let read = tokio::time::timeout(Duration::from_secs(5), stalled.read(&mut buffer)).await;
    assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "the stalled connection is closed: {read:?}");
    let elapsed = started.elapsed();
    println!("stalled headers closed after {elapsed:?}");
    assert!(elapsed >= Duration::from_millis(400) && elapsed < Duration::from_secs(3), "{elapsed:?}");

    // A complete request on a connection of its own is still answered; then a graceful stop.
    let again = client.get(format!("http://{addr}/")).send().await.expect("GET");
    assert_eq!(again.status(), 200);
    let _ = stop.send(());
    let result = tokio::time::timeout(Duration::from_secs(5), serving).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "serve stops when told: {result:?}");
}

/// Clients that stall or trickle at the very start of a connection, where a server that first
/// sniffs for HTTP/2's preface (`PRI * HTTP/2.0`) would wait for them with no deadline at all.
#[tokio::test]
async fn serve_cuts_off_clients_that_stall_in_their_first_bytes() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let timeout = Duration::from_millis(1500);
    let protection = Protection::new().header_timeout(timeout);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let _serving = tokio::spawn({
        let protection = protection.clone();
        async move { protection.serve(listener, app(&protection), std::future::pending()).await }
    });
    let starts: [&[u8]; 4] = [
        b"P",
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r",
        b"POST /order HTTP/1.1\r\nHost: x\r\n",
        b"GET / HTTP/1.1\r\n",
    ];
    let mut clients = Vec::new();
    for (index, start) in starts.into_iter().enumerate() {
        clients.push(tokio::spawn(async move {
            let started = std::time::Instant::now();
            let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
            let mut buffer = [0; 256];
            // A byte every 400 ms; then nothing.
            for byte in start {
                if stream.write_all(&[*byte]).await.is_err() {
                    break;
                }
                if let Ok(read) =
                    tokio::time::timeout(Duration::from_millis(400), stream.read(&mut buffer)).await
                {
                    return (index, started.elapsed(), read.map(|n| n == 0).unwrap_or(true));
                }
            }
            let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await;
            (index, started.elapsed(), matches!(read, Ok(Ok(0)) | Ok(Err(_))))
        }));
    }
    for client in clients {
        let (index, elapsed, closed) = client.await.expect("client");
        println!("client {index}: closed {closed} after {elapsed:?}");
        assert!(closed, "client {index} was not cut off");
        assert!(
            elapsed >= timeout - Duration::from_millis(100) && elapsed < timeout + Duration::from_secs(1),
            "client {index} was cut off after {elapsed:?}, the deadline is {timeout:?}"
        );
    }
}
