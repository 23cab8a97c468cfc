//! The todos example as a newcomer runs it: the binary on a free port of 127.0.0.1, its row
//! buttons pressed over HTTP as a browser with JavaScript off presses them.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The example's binary, started by this test and stopped when dropped.
struct Server {
    child: Child,
    base: String,
    client: reqwest::Client,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_example-todos"))
            .env("PORT", "0")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the example");
        let mut reader = BufReader::new(child.stdout.take().expect("its output"));
        let mut line = String::new();
        reader.read_line(&mut line).expect("its first line");
        std::thread::spawn(move || for _ in reader.lines() {});
        let base = line.trim().strip_prefix("Todos on ").expect("the address line").trim_end_matches('/');
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Server { base: base.to_owned(), child, client }
    }

    async fn page(&self) -> String {
        let page = self.client.get(format!("{}/", self.base)).send().await.expect("GET /");
        assert_eq!(page.status(), 200);
        page.text().await.expect("the page")
    }

    /// Submits the form of `html` whose button says `button` inside the list item holding
    /// `row` (or the page's last form, for `row` = None), with `extra` fields.
    async fn press(
        &self,
        html: &str,
        row: Option<&str>,
        button: &str,
        extra: &[(&str, &str)],
    ) -> reqwest::Response {
        let scope = match row {
            Some(row) => {
                let at = html.find(row).unwrap_or_else(|| panic!("no row {row:?}: {html}"));
                let end = html[at..].find("</li>").map_or(html.len(), |end| at + end);
                &html[at..end]
            }
            None => html,
        };
        let forms: Vec<&str> = scope.split("<form").skip(1).collect();
        let form = forms
            .iter()
            .find(|form| form.contains(&format!(">{button}</button>")))
            .unwrap_or_else(|| panic!("no {button} button: {scope}"));
        let action = form.split("action=\"").nth(1).expect("an action").split('"').next().expect("its URL");
        let mut fields: Vec<(String, String)> = Vec::new();
        for input in form.split("<input").skip(1) {
            let attr = |name: &str| {
                input.split(&format!("{name}=\"")).nth(1).map(|v| v.split('"').next().unwrap_or(""))
            };
            if let (Some(name), Some(value)) = (attr("name"), attr("value")) {
                fields.push((name.to_owned(), value.to_owned()));
            }
        }
        fields.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        let url = format!("{}/{}", self.base, action.replace("&amp;", "&"));
        self.client.post(url).header("origin", &self.base).form(&fields).send().await.expect("POST")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn each_row_button_acts_on_its_own_row_only() {
    let server = Server::start();
    for title in ["Buy milk", "Write the report"] {
        let answer = server.press(&server.page().await, None, "Add", &[("title", title)]).await;
        assert_eq!(answer.status(), 303, "{title}");
    }
    // Nothing to do: 422, the error beside the field, nothing added.
    let answer = server.press(&server.page().await, None, "Add", &[("title", "")]).await;
    assert_eq!(answer.status(), 422);
    assert!(answer.text().await.expect("the page").contains("Write what there is to do"));

    // Done on the second row marks that row, and only it.
    let html = server.page().await;
    let answer = server.press(&html, Some("Write the report"), "Done", &[]).await;
    assert_eq!(answer.status(), 303);
    let html = server.page().await;
    assert!(html.contains("<s>Write the report</s>"), "{html}");
    assert!(!html.contains("<s>Buy milk</s>"), "{html}");

    // Delete on the first row deletes that row.
    let answer = server.press(&html, Some("Buy milk"), "Delete", &[]).await;
    assert_eq!(answer.status(), 303);
    let html = server.page().await;
    assert!(!html.contains("Buy milk") && html.contains("Write the report"), "{html}");
}

#[tokio::test]
async fn a_failed_row_button_shows_its_message_with_javascript_off() {
    let server = Server::start();
    for title in ["Buy milk", "Write the report"] {
        let answer = server.press(&server.page().await, None, "Add", &[("title", title)]).await;
        assert_eq!(answer.status(), 303, "{title}");
    }
    // Two tabs on the same list: one deletes "Buy milk", the other then marks it done.
    let other_tab = server.page().await;
    let answer = server.press(&server.page().await, Some("Buy milk"), "Delete", &[]).await;
    assert_eq!(answer.status(), 303);
    let answer = server.press(&other_tab, Some("Buy milk"), "Done", &[]).await;
    assert_eq!(answer.status(), 422);
    let html = answer.text().await.expect("the page");
    assert!(html.contains(r#"<ul class="fa-errors" role="alert"><li>This todo is gone</li></ul>"#), "{html}");
}

#[tokio::test]
async fn a_changed_row_id_is_refused() {
    let server = Server::start();
    let answer = server.press(&server.page().await, None, "Add", &[("title", "Buy milk")]).await;
    assert_eq!(answer.status(), 303);
    let html = server.page().await;
    // The sealed id, changed by one character: the action never runs.
    let sealed =
        html.split(r#"name="$bound" value=""#).nth(1).expect("a sealed id").split('"').next().expect("it");
    let mut forged = sealed.to_owned();
    let last = if forged.ends_with('A') { 'B' } else { 'A' };
    forged.pop();
    forged.push(last);
    let forged_html = html.replacen(sealed, &forged, 1);
    let answer = server.press(&forged_html, Some("Buy milk"), "Done", &[]).await;
    assert_eq!(answer.status(), 400);
    assert!(!server.page().await.contains("<s>Buy milk</s>"));
}
