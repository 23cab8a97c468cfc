//! The app under test: the invoices example on a fresh SQLite file, served on 127.0.0.1 in the
//! test's process, with a few test-only pages beside it: a probe that tells whether the browser
//! runs scripts, and a form whose actions are slow and counted.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use example_invoices::Db;
use example_invoices::forms::{InvoiceForm, LineItem, Status};
use formaction::render::{FormView, script_tag};
use formaction::{ActionError, Flash, FormState, Redirect, action, form, page};
use tempfile::TempDir;

use crate::support::Server;

/// The page whose inline script says whether scripts run.
pub(crate) const JS_PROBE: &str = "/__test/js";
/// The page of the slow form.
pub(crate) const SLOW: &str = "/__test/slow";
/// How long a slow action takes.
pub(crate) const SLOW_ACTION: Duration = Duration::from_millis(1500);

/// The app of one test.
pub(crate) struct App {
    /// The server, on a free port.
    pub(crate) server: Server,
    /// The app's own handle on the database.
    pub(crate) db: Db,
    /// The SQLite file.
    pub(crate) db_file: PathBuf,
    /// How many times the slow actions started.
    pub(crate) slow_runs: Arc<AtomicUsize>,
    /// A folder for the test's files (the database, uploads).
    pub(crate) dir: TempDir,
}

impl App {
    /// The invoices app on a new SQLite file, and the test-only pages.
    pub(crate) async fn start() -> App {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db_file = dir.path().join("invoices.db");
        let db = Db::connect(&format!("sqlite://{}", db_file.display())).await.expect("open the SQLite file");
        let slow_runs = Arc::new(AtomicUsize::new(0));
        let router = example_invoices::app(db.clone()).merge(test_pages(slow_runs.clone()));
        let server = Server::start(router).await;
        App { server, db, db_file, slow_runs, dir }
    }

    /// A second connection to the database file, to see what really is in it.
    pub(crate) async fn reopen(&self) -> Db {
        assert!(self.db_file.is_file(), "the database file {} is missing", self.db_file.display());
        Db::connect(&format!("sqlite://{}", self.db_file.display())).await.expect("reopen the SQLite file")
    }

    /// Stores an invoice numbered `number` directly, as if created earlier.
    pub(crate) async fn seed(&self, number: &str) -> i64 {
        let invoice = InvoiceForm {
            number: number.to_owned(),
            customer: "Seeded Customer".to_owned(),
            email: "seeded@example.com".to_owned(),
            amount: 10.0,
            status: Status::Pending,
            due: None,
            notes: None,
            urgent: false,
            tags: Vec::new(),
            items: vec![LineItem { description: "Seed".to_owned(), quantity: 1, price: 10.0 }],
            attachment: None,
        };
        self.db.insert(&invoice, "pending").await.expect("seed an invoice")
    }

    /// Writes `bytes` to the file `name` in the test's folder, and returns its path.
    pub(crate) fn write_file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// How many times the slow actions have started.
    pub(crate) fn slow_runs(&self) -> usize {
        self.slow_runs.load(Ordering::SeqCst)
    }
}

fn test_pages(slow_runs: Arc<AtomicUsize>) -> Router {
    Router::new()
        .route(JS_PROBE, get(js_probe))
        .route(SLOW, page(slow_page).action::<slow_save>().action::<slow_archive>().into())
        .route("/__test/slow/done", page(slow_done).into())
        .with_state(slow_runs)
}

fn document(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n{}\n</head>\n\
         <body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n",
        script_tag()
    ))
}

async fn js_probe() -> Html<String> {
    document(
        "Script probe",
        "<p id=\"js\">scripts did not run</p>\n\
         <script>document.getElementById(\"js\").textContent = \"scripts ran\";</script>\n\
         <noscript><p id=\"noscript\">No scripts here.</p></noscript>",
    )
}

/// A note, saved slowly.
#[form]
#[derive(Debug)]
struct Note {
    #[validate(length(min = 1, max = 100))]
    text: String,
}

/// Counts the run, then takes [`SLOW_ACTION`] to save.
#[action]
async fn slow_save(
    State(runs): State<Arc<AtomicUsize>>,
    #[form] input: Note,
) -> Result<Redirect, ActionError> {
    runs.fetch_add(1, Ordering::SeqCst);
    tokio::time::sleep(SLOW_ACTION).await;
    Ok(Redirect::to("/__test/slow/done").with_flash(format!("Saved {}", input.text)))
}

/// The form's second button: as slow, and counted the same.
#[action]
async fn slow_archive(
    State(runs): State<Arc<AtomicUsize>>,
    #[form] input: Note,
) -> Result<Redirect, ActionError> {
    runs.fetch_add(1, Ordering::SeqCst);
    tokio::time::sleep(SLOW_ACTION).await;
    Ok(Redirect::to("/__test/slow/done").with_flash(format!("Archived {}", input.text)))
}

async fn slow_page(state: FormState<Note>) -> Html<String> {
    let form = FormView::from_state(&state, slow_save::bind())
        .id("note")
        .submit_label("Save note")
        .button("Archive note", slow_archive::bind());
    document("Slow note", &form.to_string())
}

async fn slow_done(flash: Flash) -> Html<String> {
    let message = flash.0.unwrap_or_default().replace('&', "&amp;").replace('<', "&lt;");
    document("Done", &format!("<p class=\"flash\" role=\"status\">{message}</p>"))
}
