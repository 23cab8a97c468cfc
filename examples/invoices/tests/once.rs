//! Once only in the invoices app, over HTTP on 127.0.0.1 on a real SQLite file: the "New invoice"
//! form sent twice (a double click with JavaScript off, at the same moment or one after the
//! other, on one instance or on two processes sharing the database) creates one invoice and
//! answers both with the same 303; sent again with other values it comes back (409) with them.

mod support;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use example_invoices::Db;
use example_invoices::actions::{create_invoice, update_invoice};
use support::{App, bound_for, id_from, invoice, pairs};

async fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("invoices.db").display());
    (App::start(&url).await, dir)
}

/// The `$once` token of the first form posting to `action_url` in `html`.
fn token_for(html: &str, action_url: &str) -> String {
    let form_start = html.find(&format!(r#"action="{action_url}""#)).expect("the form is on the page");
    let rest = &html[form_start..];
    let rest = &rest[..rest.find("</form>").expect("the form's end")];
    let marker = r#"name="$once" value=""#;
    let start = rest.find(marker).expect("the form has a one-time token") + marker.len();
    rest[start..].split('"').next().expect("a value").to_owned()
}

fn new_url() -> String {
    format!("/invoices/new{}", create_invoice::bind().url())
}

/// The fields of invoice `number` as the page `html` rendered them: with its token.
fn rendered(html: &str, number: &str) -> Vec<(&'static str, String)> {
    let mut fields = invoice(number);
    fields.push(("$once", token_for(html, &create_invoice::bind().url())));
    fields
}

/// Status, `Location` and `Set-Cookie` (the flash): what makes two answers the same answer.
fn answer_of(response: &reqwest::Response) -> (u16, Option<String>, Vec<String>) {
    let location = response.headers().get("location").map(|v| v.to_str().unwrap().to_owned());
    let cookies =
        response.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    (response.status().as_u16(), location, cookies)
}

#[tokio::test]
async fn a_double_click_with_javascript_off_creates_one_invoice() {
    let (app, _dir) = app().await;
    let (_, html) = app.get("/invoices/new").await;
    let fields = rendered(&html, "INV-0100");
    let first = app.post_form(&new_url(), &pairs(&fields)).await;
    let second = app.post_form(&new_url(), &pairs(&fields)).await;
    assert_eq!(first.status(), 303);
    assert_eq!(answer_of(&first), answer_of(&second), "the same 303 to the same invoice, the same flash");
    assert!(
        answer_of(&first).2.iter().any(|cookie| cookie.starts_with("formaction_flash=")),
        "{:?}",
        answer_of(&first)
    );
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(app.db.count().await.unwrap(), 1);
    // The invoice shows once, with its flash.
    let cookie = answer_of(&second).2[0].split(';').next().unwrap().to_owned();
    let page = app
        .client
        .get(app.url(second.headers()["location"].to_str().unwrap()))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Invoice INV-0100 created"), "{page}");
}

#[tokio::test]
async fn the_same_form_sent_twice_at_the_same_moment_creates_one_invoice() {
    let (app, _dir) = app().await;
    for round in 0..10 {
        let (_, html) = app.get("/invoices/new").await;
        let fields = rendered(&html, &format!("INV-{round:04}"));
        let (url, sent) = (new_url(), pairs(&fields));
        let (a, b) = tokio::join!(app.post_form(&url, &sent), app.post_form(&url, &sent));
        assert_eq!(a.status(), 303, "round {round}");
        assert_eq!(answer_of(&a), answer_of(&b), "round {round}");
        assert_eq!(app.db.count().await.unwrap(), round + 1, "round {round}");
    }
}

#[tokio::test]
async fn sent_again_with_other_values_the_form_comes_back_with_them() {
    let (app, _dir) = app().await;
    let (_, html) = app.get("/invoices/new").await;
    let fields = rendered(&html, "INV-0200");
    assert_eq!(app.post_form(&new_url(), &pairs(&fields)).await.status(), 303);
    // Back, change the customer, send again.
    let mut edited = fields.clone();
    edited.iter_mut().find(|(name, _)| *name == "customer").unwrap().1 = "Grace Hopper".to_owned();
    let resent = app.post_form(&new_url(), &pairs(&edited)).await;
    assert_eq!(resent.status(), 409);
    let page = resent.text().await.unwrap();
    assert!(page.contains(r#"value="Grace Hopper""#), "nothing typed is lost");
    assert!(page.contains("This form had already been sent. Check the values below, then send it again."));
    assert_eq!(app.db.count().await.unwrap(), 1, "not created on stale assumptions");
    // The page has a fresh token: checked, and sent again on purpose (with a new number).
    let mut again = rendered(&page, "INV-0201");
    again.iter_mut().find(|(name, _)| *name == "customer").unwrap().1 = "Grace Hopper".to_owned();
    assert_ne!(again.last().unwrap().1, fields.last().unwrap().1);
    assert_eq!(app.post_form(&new_url(), &pairs(&again)).await.status(), 303);
    assert_eq!(app.db.count().await.unwrap(), 2);
}

#[tokio::test]
async fn an_invalid_form_or_a_taken_number_leaves_the_token_unused() {
    let (app, _dir) = app().await;
    let first = invoice("INV-0300");
    assert_eq!(app.post_form(&new_url(), &pairs(&first)).await.status(), 303, "no token: runs as before");
    let (_, html) = app.get("/invoices/new").await;
    let taken = rendered(&html, "INV-0300");
    let refused = app.post_form(&new_url(), &pairs(&taken)).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("INV-0300 is already taken"));
    // The user fixes the number and sends the same form: it runs.
    let mut fixed = taken.clone();
    fixed.iter_mut().find(|(name, _)| *name == "number").unwrap().1 = "INV-0301".to_owned();
    let created = app.post_form(&new_url(), &pairs(&fixed)).await;
    assert_eq!(created.status(), 303);
    assert!(created.headers().get("idempotent-replayed").is_none());
    assert_eq!(app.db.count().await.unwrap(), 2);
    // The edit form's token, with its bound id: a tampered id is refused (400) and the token
    // stays good for the real one.
    let id = id_from(&created);
    let (_, edit) = app.get(&format!("/invoices/{id}/edit")).await;
    let action = update_invoice::bind(id).url();
    let mut fields = invoice("INV-0302");
    fields.push(("$once", token_for(&edit, &action)));
    let mut tampered = fields.clone();
    tampered.push(("$bound", "AAAA".to_owned()));
    let path = format!("/invoices/{id}/edit{action}");
    assert_eq!(app.post_form(&path, &pairs(&tampered)).await.status(), 400);
    fields.push(("$bound", bound_for(&edit, &action)));
    assert_eq!(app.post_form(&path, &pairs(&fields)).await.status(), 303);
    assert_eq!(app.db.get(id).await.unwrap().unwrap().number, "INV-0302");
}

#[tokio::test]
async fn a_json_client_with_an_idempotency_key_creates_one_invoice() {
    let (app, _dir) = app().await;
    let send = |key: &'static str, number: &'static str| {
        app.client
            .post(app.url(&new_url()))
            .header("origin", &app.base)
            .header("accept", "application/json")
            .header("idempotency-key", key)
            .form(&pairs(&invoice(number)))
            .send()
    };
    let first = send("7f3c", "INV-0400").await.unwrap();
    let second = send("7f3c", "INV-0400").await.unwrap();
    assert_eq!((first.status().as_u16(), second.status().as_u16()), (200, 200));
    let (first, second): (serde_json::Value, serde_json::Value) =
        (first.json().await.unwrap(), second.json().await.unwrap());
    assert_eq!(first, second);
    assert!(first["redirect"].as_str().unwrap().starts_with("/invoices/"));
    assert_eq!(app.db.count().await.unwrap(), 1);
    assert_eq!(send("7f3d", "INV-0401").await.unwrap().status(), 200, "another key: another invoice");
    assert_eq!(send("7f3c", "INV-0402").await.unwrap().status(), 409, "the same key, other values");
    assert_eq!(app.db.count().await.unwrap(), 2);
}

/// The app's binary, started on its own port, killed when dropped.
struct Process {
    child: Child,
    base: String,
}

impl Process {
    fn start(database_url: &str) -> Process {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(env!("CARGO_BIN_EXE_example-invoices"))
            .env("PORT", port.to_string())
            .env("DATABASE_URL", database_url)
            // The same key on both instances, as a deployment has.
            .env("FORMACTION_SECRET", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start the app's binary");
        Process { child, base: format!("http://127.0.0.1:{port}") }
    }

    async fn ready(&self, client: &reqwest::Client) {
        for _ in 0..200 {
            if client.get(format!("{}/invoices", self.base)).send().await.is_ok_and(|r| r.status() == 200) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the app at {} did not start", self.base);
    }

    fn post(&self, client: &reqwest::Client, fields: &[(&'static str, String)]) -> reqwest::RequestBuilder {
        client.post(format!("{}{}", self.base, new_url())).header("origin", &self.base).form(&pairs(fields))
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_processes_sharing_one_sqlite_file_create_one_invoice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("invoices.db").display());
    // The tables exist before both start, as after a deployment's first start.
    let db = Db::connect(&url).await.unwrap();
    let (a, b) = (Process::start(&url), Process::start(&url));
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    a.ready(&client).await;
    b.ready(&client).await;
    for round in 0..10 {
        // The form rendered by one instance, sent to both at the same moment.
        let html = client.get(format!("{}/invoices/new", a.base)).send().await.unwrap().text().await.unwrap();
        let fields = rendered(&html, &format!("INV-{round:04}"));
        let (first, second) = tokio::join!(a.post(&client, &fields).send(), b.post(&client, &fields).send());
        let (first, second) = (first.unwrap(), second.unwrap());
        assert_eq!(first.status(), 303, "round {round}");
        assert_eq!(answer_of(&first), answer_of(&second), "round {round}");
        assert_eq!(db.count().await.unwrap(), round + 1, "round {round}");
    }
}
