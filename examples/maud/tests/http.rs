//! The maud example's binary on a free port of 127.0.0.1, spoken to as a browser with
//! JavaScript off speaks: the page rendered by maud works as `FormView`'s does.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The example's binary, started by this test and stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_example-maud"))
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the example");
    let mut reader = BufReader::new(child.stdout.take().expect("its output"));
    let mut line = String::new();
    reader.read_line(&mut line).expect("its first line");
    std::thread::spawn(move || for _ in reader.lines() {});
    let base =
        line.trim().strip_prefix("Sign-up page (maud) on ").expect("the address line").trim_end_matches('/');
    Server { base: base.to_owned(), child }
}

#[tokio::test]
async fn the_maud_page_shows_errors_beside_fields_then_redirects() {
    let server = start();
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let html = client.get(format!("{}/", server.base)).send().await.expect("GET").text().await.expect("page");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains(r#"<form id="sign-up""#), "{html}");
    let action =
        html.split(r#"action=""#).nth(1).expect("an action").split('"').next().expect("URL").to_owned();
    let url = format!("{}/{}", server.base, action.replace("&amp;", "&"));
    let post = |fields: Vec<(&'static str, &'static str)>| {
        client.post(url.clone()).header("origin", server.base.clone()).form(&fields).send()
    };

    let answer = post(vec![("name", ""), ("email", "nope"), ("plan", "team")]).await.expect("POST");
    assert_eq!(answer.status(), 422);
    let html = answer.text().await.expect("page");
    assert!(html.contains(r#"<ul class="fa-errors" id="sign-up-email-error">"#), "{html}");
    assert!(html.contains(r#"<option value="team" selected>"#), "{html}");

    let answer =
        post(vec![("name", "Ada"), ("email", "ada@example.com"), ("plan", "team")]).await.expect("POST");
    assert_eq!(answer.status(), 303);
    assert_eq!(answer.headers()["location"], "/");
}
