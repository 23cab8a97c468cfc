//! The todos example started for a test, and its forms pressed over HTTP.

#![allow(dead_code, reason = "each test file uses part of it")]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The example's binary, started by this test and stopped when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) base: String,
    pub(crate) client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Starts the example on a free port, on a SQLite file of its own.
    pub(crate) fn start() -> Server {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut child = Command::new(env!("CARGO_BIN_EXE_example-todos"))
            .env("PORT", "0")
            .env("DATABASE_URL", format!("sqlite://{}", dir.path().join("todos.db").display()))
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
        Server { base: base.to_owned(), child, client, _dir: dir }
    }

    pub(crate) async fn page(&self) -> String {
        let page = self.client.get(format!("{}/", self.base)).send().await.expect("GET /");
        assert_eq!(page.status(), 200);
        page.text().await.expect("the page")
    }

    /// Submits the form of `html` whose button says `button` inside the list item holding
    /// `row` (or the page's last form, for `row` = None), with `extra` fields.
    pub(crate) async fn press(
        &self,
        html: &str,
        row: Option<&str>,
        button: &str,
        extra: &[(&str, &str)],
    ) -> reqwest::Response {
        self.press_with(html, row, button, extra, &[]).await
    }

    /// [`Server::press`], with the request headers `headers` (`HX-Request: true`, say).
    pub(crate) async fn press_with(
        &self,
        html: &str,
        row: Option<&str>,
        button: &str,
        extra: &[(&str, &str)],
        headers: &[(&str, &str)],
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
        let mut request = self.client.post(url).header("origin", &self.base).form(&fields);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("POST")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
