//! The invoices app on 127.0.0.1 for tests, on a database the test chooses.

#![allow(dead_code, unreachable_pub, reason = "each test target uses a different part of this shared module")]

use std::net::SocketAddr;

use example_invoices::Db;

pub mod raw;

/// The app running on a free port.
pub struct App {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    /// A client that does not follow redirects.
    pub client: reqwest::Client,
    /// The database, to check what was stored.
    pub db: Db,
    task: tokio::task::JoinHandle<()>,
}

impl App {
    /// Starts the app on the database at `url`.
    pub async fn start(url: &str) -> App {
        let db = Db::connect(url).await.expect("connect to the database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr: SocketAddr = listener.local_addr().expect("address");
        // As `main` does: the answers of forms sent once in the same database.
        let once = formaction::protect::OnceSettings::new(db.once_store().await.expect("the once table"));
        let protection = formaction::protect::Protection::default().once_store(once);
        let app = example_invoices::app_with(db.clone(), &protection);
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve");
        });
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        App { base: format!("http://{addr}"), client, db, task }
    }

    /// The URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET `path`: status and body.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self.client.get(self.url(path)).send().await.expect("GET");
        (response.status().as_u16(), response.text().await.expect("body"))
    }

    /// POST a urlencoded form to `path` as a browser with JavaScript off does.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(self.url(path)).header("origin", &self.base).form(fields).send().await.expect("POST")
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The fields of a valid invoice numbered `number`.
pub fn invoice(number: &str) -> Vec<(&'static str, String)> {
    vec![
        ("number", number.to_owned()),
        ("customer", "Ada Lovelace".to_owned()),
        ("email", "ada@example.com".to_owned()),
        ("amount", "120.50".to_owned()),
        ("status", "pending".to_owned()),
        ("due", "2026-12-31".to_owned()),
        ("notes", "Thanks!".to_owned()),
        ("urgent", "on".to_owned()),
        ("tags", "billing".to_owned()),
        ("tags", "consulting".to_owned()),
        ("items[0].description", "Analysis".to_owned()),
        ("items[0].quantity", "2".to_owned()),
        ("items[0].price", "50.25".to_owned()),
        ("items[1].description", "Report".to_owned()),
        ("items[1].quantity", "1".to_owned()),
        ("items[1].price", "20".to_owned()),
    ]
}

/// `(name, value)` pairs borrowed, for `post_form`.
pub fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(name, value)| (*name, value.as_str())).collect()
}

/// The sealed value of the `$bound` input of the form posting to `action_url` in `html`.
pub fn bound_for(html: &str, action_url: &str) -> String {
    let form_start = html.find(&format!(r#"action="{action_url}""#)).expect("the form is on the page");
    let rest = &html[form_start..];
    let marker = r#"name="$bound" value=""#;
    let start = rest.find(marker).expect("the form has bound arguments") + marker.len();
    rest[start..].split('"').next().expect("a value").to_owned()
}

/// The text of the element with `id` (its inner HTML up to the next tag).
pub fn text_of(html: &str, id: &str) -> String {
    let marker = format!(r#"id="{id}">"#);
    let start = html.find(&marker).unwrap_or_else(|| panic!("no element #{id}")) + marker.len();
    html[start..].split('<').next().unwrap_or("").to_owned()
}

/// The id in a `Location: /invoices/{id}`.
pub fn id_from(response: &reqwest::Response) -> i64 {
    let location = response.headers().get("location").expect("a Location header").to_str().expect("text");
    location.trim_start_matches("/invoices/").parse().expect("an invoice id")
}
