//! The contact example as a newcomer runs it: the binary on a free port of 127.0.0.1, spoken to
//! over HTTP as a browser with JavaScript off speaks.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The example's binary, started by this test and stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_example-contact"))
            .env("PORT", "0")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the example");
        let stdout = child.stdout.take().expect("its output");
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).expect("its first line");
        // The app prints each message it sends: read on, so its output never meets a closed pipe.
        std::thread::spawn(move || for _ in reader.lines() {});
        let base =
            line.trim().strip_prefix("Contact form on ").expect("the address line").trim_end_matches('/');
        Server { base: base.to_owned(), child }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

/// The form's `action` URL as the page writes it.
fn action_of(html: &str) -> String {
    let at = html.find("action=\"").expect("a form with an action") + "action=\"".len();
    html[at..].split('"').next().expect("the URL").replace("&amp;", "&")
}

#[tokio::test]
async fn the_contact_form_shows_every_error_then_thanks_the_sender() {
    let server = Server::start();
    let client = client();
    let page = client.get(format!("{}/", server.base)).send().await.expect("GET /");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("the page");
    assert!(html.contains("<textarea") && html.contains(r#"name="email""#), "{html}");
    let post = |fields: &'static [(&'static str, &'static str)], url: String| {
        let client = client.clone();
        let origin = server.base.clone();
        async move { client.post(url).header("origin", origin).form(fields).send().await.expect("POST") }
    };
    let url = format!("{}/{}", server.base, action_of(&html));

    // Invalid: the page again, 422, each error beside its field, what was typed kept.
    let answer = post(&[("name", ""), ("email", "ada@"), ("message", "Hi")], url.clone()).await;
    assert_eq!(answer.status(), 422);
    let html = answer.text().await.expect("the page");
    for error in ["Tell us your name", "Enter a valid email address", "at least 10 characters"] {
        assert!(html.contains(error), "{error}: {html}");
    }
    assert!(html.contains(r#"value="ada@""#), "{html}");

    // A business rule: the error beside the email field.
    let answer = post(
        &[("name", "Ada"), ("email", "ada@example.invalid"), ("message", "Hello there, team!")],
        url.clone(),
    )
    .await;
    assert_eq!(answer.status(), 422);
    assert!(answer.text().await.expect("the page").contains("We cannot answer to this address"));

    // Valid: 303 back to the page, which shows the thank-you note once.
    let answer =
        post(&[("name", "Ada"), ("email", "ada@example.com"), ("message", "Hello there, team!")], url).await;
    assert_eq!(answer.status(), 303);
    assert_eq!(answer.headers()["location"], "/");
    let cookie =
        answer.headers()["set-cookie"].to_str().expect("a cookie").split(';').next().expect("it").to_owned();
    let thanks =
        client.get(format!("{}/", server.base)).header("cookie", cookie).send().await.expect("GET /");
    assert!(thanks.text().await.expect("the page").contains("Thank you, Ada: we will answer soon."));
}
