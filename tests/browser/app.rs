//! The app under test: the invoices example on a fresh SQLite file, served on 127.0.0.1 in the
//! test's process, with a few test-only pages beside it: a probe that tells whether the browser
//! runs scripts, a form whose actions are slow and counted, a table whose rows each have an
//! instance of one form, a form answered with a state, two forms on one page, actions answering
//! with a page of their own; and, to serve apart (a site of its own, stopped by the test), a page
//! whose form posts to that site.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use example_invoices::Db;
use example_invoices::forms::{InvoiceForm, LineItem, Status};
use formaction::render::{FormView, script_path, script_route, script_tag};
use formaction::{
    ActionError, ActionErrors, ActionState, Flash, FormState, Redirect, RouterExt, action, form, page,
};
use serde::Serialize;
use tempfile::TempDir;

use crate::support::Server;

/// The page whose inline script says whether scripts run.
pub(crate) const JS_PROBE: &str = "/__test/js";
/// The page of the slow form.
pub(crate) const SLOW: &str = "/__test/slow";
/// How long a slow action takes.
pub(crate) const SLOW_ACTION: Duration = Duration::from_millis(1500);
/// How long the slow action of the two-forms page takes: long enough for the other form to
/// submit and be answered meanwhile, even on a busy machine.
pub(crate) const SLOWER_ACTION: Duration = Duration::from_secs(3);
/// The page of a table whose rows each have an instance of the rename form.
pub(crate) const ROWS: &str = "/__test/rows";
/// The rows of that table: id and name.
pub(crate) const ROW_NAMES: [(u32, &str); 3] = [(1, "Alpha"), (2, "Beta"), (3, "Gamma")];
/// The page of the greeting form, whose action answers with a state.
pub(crate) const GREET: &str = "/__test/greet";
/// A page with two enhanced forms: a slower note and the greeting.
pub(crate) const TWO_FORMS: &str = "/__test/two-forms";
/// The page of a form whose actions answer with a page of their own (500, and 200).
pub(crate) const UNEXPECTED: &str = "/__test/unexpected";
/// A list whose rows each have a "Delete" button of their own, an action without a form.
pub(crate) const TODOS: &str = "/__test/todos";
/// Its rows: id and title. Deleting the second fails.
pub(crate) const TODO_ROWS: [(u64, &str); 3] = [(1, "Milk"), (2, "Gone"), (3, "Bread")];
/// The page of [`offline_site`], whose form posts to [`NOWHERE`] on the same site.
pub(crate) const OFFLINE: &str = "/__test/offline";
/// Where that form posts.
pub(crate) const NOWHERE: &str = "/__test/nowhere";

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
    /// How the posts to the actions of [`UNEXPECTED`] came.
    pub(crate) posts: Posts,
    /// A folder for the test's files (the database, uploads).
    pub(crate) dir: TempDir,
}

impl App {
    /// The invoices app on a new SQLite file, and the test-only pages.
    pub(crate) async fn start() -> App {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db_file = dir.path().join("invoices.db");
        let db = Db::connect(&format!("sqlite://{}", db_file.display())).await.expect("open the SQLite file");
        let state = TestState::default();
        let (slow_runs, posts) = (state.slow_runs.clone(), state.posts.clone());
        let router = example_invoices::app(db.clone()).merge(test_pages(state)).merge(crate::checks::pages());
        let server = Server::start(router).await;
        App { server, db, db_file, slow_runs, posts, dir }
    }

    /// A second connection to the database file, to see what really is in it.
    pub(crate) async fn reopen(&self) -> Db {
        assert!(self.db_file.is_file(), "the database file {} is missing", self.db_file.display());
        Db::connect(&format!("sqlite://{}", self.db_file.display())).await.expect("reopen the SQLite file")
    }

    /// Stores an invoice numbered `number` directly, as if created earlier.
    pub(crate) async fn seed(&self, number: &str) -> i64 {
        self.seed_for(number, "Seeded Customer").await
    }

    /// Stores a pending invoice numbered `number` for `customer` directly, as if created earlier.
    pub(crate) async fn seed_for(&self, number: &str, customer: &str) -> i64 {
        let invoice = InvoiceForm {
            number: number.to_owned(),
            customer: customer.to_owned(),
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

/// How a post reached an action: `fetch` (the enhancement script's, which says so in a header) or
/// `plain` (the browser's own form submission).
#[derive(Clone, Default)]
pub(crate) struct Posts(Arc<Mutex<Vec<&'static str>>>);

impl Posts {
    fn record(&self, headers: &HeaderMap) {
        let how = if headers.contains_key("x-formaction") { "fetch" } else { "plain" };
        self.0.lock().expect("the posts' lock").push(how);
    }

    /// The posts so far, in order.
    pub(crate) fn seen(&self) -> Vec<&'static str> {
        self.0.lock().expect("the posts' lock").clone()
    }
}

/// The state of the test-only pages.
#[derive(Clone, Default)]
struct TestState {
    slow_runs: Arc<AtomicUsize>,
    posts: Posts,
}

impl FromRef<TestState> for Arc<AtomicUsize> {
    fn from_ref(state: &TestState) -> Self {
        state.slow_runs.clone()
    }
}

impl FromRef<TestState> for Posts {
    fn from_ref(state: &TestState) -> Self {
        state.posts.clone()
    }
}

fn test_pages(state: TestState) -> Router {
    Router::new()
        .route(JS_PROBE, get(js_probe))
        .page(SLOW, page(slow_page).action::<slow_save>().action::<slow_archive>())
        .page("/__test/slow/done", page(flash_page))
        .page(ROWS, page(rows_page).action::<rename>())
        .page(GREET, page(greet_page).action::<greet>())
        .page(TWO_FORMS, page(two_forms_page).action::<slower_save>().action::<greet>())
        .page(TODOS, page(todos_page).action::<delete_todo>().action::<clear_todos>())
        .page(
            UNEXPECTED,
            page(unexpected_page).action::<fail_html>().action::<plain_html>().action::<break_inside>(),
        )
        .with_state(state)
}

/// `text` made safe for HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A whole page titled `title` with `body` in its `<main>`, and the enhancement script.
pub(crate) fn document(title: &str, body: &str) -> Html<String> {
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

/// A page that shows the flash message.
pub(crate) async fn flash_page(flash: Flash) -> Html<String> {
    let message = flash.into_message().unwrap_or_default().replace('&', "&amp;").replace('<', "&lt;");
    document("Done", &format!("<p class=\"flash\" role=\"status\">{message}</p>"))
}

/// A row's new name.
#[form]
#[derive(Debug)]
struct Rename {
    #[validate(length(min = 1, max = 40))]
    name: String,
}

/// Renames row `row`, unless another row has that name already (which only the server knows).
#[action]
async fn rename(#[bind] row: u32, #[form] input: Rename) -> Result<Redirect, ActionError> {
    let wanted = input.name.trim();
    let other = ROW_NAMES.iter().find(|(id, name)| *id != row && name.eq_ignore_ascii_case(wanted));
    if let Some((other, _)) = other {
        return Err(ActionError::field("name", format!("Row {other} is called {wanted} already")));
    }
    Ok(Redirect::to(ROWS).with_flash(format!("Row {row} renamed to {wanted}")))
}

/// A table with an instance of the rename form in each row: ids `row-<id>`, keyed by the row's id.
async fn rows_page(state: FormState<Rename>, flash: Flash) -> Html<String> {
    let mut body = String::new();
    if let Some(message) = flash.into_message() {
        body.push_str(&format!("<p class=\"flash\" role=\"status\">{}</p>\n", escape(&message)));
    }
    body.push_str(
        "<table>\n<thead><tr><th scope=\"col\">Row</th><th scope=\"col\">New name</th></tr></thead>\n",
    );
    body.push_str("<tbody>\n");
    for (id, name) in ROW_NAMES {
        let form = FormView::from_state(&state, rename::bind(id))
            .id(format!("row-{id}"))
            .key(id.to_string())
            .submit_label(format!("Rename {name}"));
        body.push_str(&format!("<tr><th scope=\"row\">{name}</th><td>{form}</td></tr>\n"));
    }
    body.push_str("</tbody>\n</table>");
    document("Rows", &body)
}

/// Who to greet.
#[form]
#[derive(Debug)]
struct Greet {
    #[validate(length(min = 1, max = 40, message = "Enter your name"))]
    name: String,
    #[validate(email(message = "Enter an email address"))]
    email: String,
}

/// The greeting's state.
#[derive(Clone, Debug, Serialize)]
struct Greeting {
    message: String,
}

/// Answers with a state: the user stays on the page.
#[action]
async fn greet(#[form] input: Greet) -> Result<ActionState<Greeting>, ActionError> {
    Ok(ActionState(Greeting { message: format!("Hello, {} ({})", input.name.trim(), input.email.trim()) }))
}

/// The greeting form in markup of its own, so it can hold the elements that show the state: one
/// for its `message`, one (an empty key) for the whole state as JSON.
fn greet_form(state: &FormState<Greet>, answer: Option<&Greeting>) -> String {
    let view = FormView::from_state(state, greet::bind()).id("greet");
    let fields: String = view.field_views().iter().map(|field| format!("{field}\n")).collect();
    let message = answer.map(|greeting| escape(&greeting.message)).unwrap_or_default();
    let json = answer
        .map(|greeting| escape(&serde_json::to_string(greeting).expect("a greeting as JSON")))
        .unwrap_or_default();
    format!(
        "<form id=\"greet\" method=\"post\" action=\"{}\" data-enhance>\n{}{}\n{fields}\
         <p>Answer: <output id=\"greet-message\" data-action-state=\"message\">{message}</output></p>\n\
         <p id=\"greet-state\" data-action-state>{json}</p>\n\
         <div class=\"fa-actions\"><button type=\"submit\">Greet</button></div>\n</form>",
        escape(&view.action_url()),
        view.summary(),
        view.hidden_inputs(),
    )
}

async fn greet_page(state: FormState<Greet>, answer: Option<ActionState<Greeting>>) -> Html<String> {
    document("Greeting", &greet_form(&state, answer.as_ref().map(|answer| &answer.0)))
}

/// Counts the run, then takes [`SLOWER_ACTION`] to save.
#[action]
async fn slower_save(
    State(runs): State<Arc<AtomicUsize>>,
    #[form] input: Note,
) -> Result<Redirect, ActionError> {
    runs.fetch_add(1, Ordering::SeqCst);
    tokio::time::sleep(SLOWER_ACTION).await;
    Ok(Redirect::to("/__test/slow/done").with_flash(format!("Saved {}", input.text)))
}

/// Two enhanced forms on one page: the slower note and the greeting.
async fn two_forms_page(
    note: FormState<Note>,
    greeting: FormState<Greet>,
    answer: Option<ActionState<Greeting>>,
) -> Html<String> {
    let note = FormView::from_state(&note, slower_save::bind()).id("note").submit_label("Save note");
    let greeting = greet_form(&greeting, answer.as_ref().map(|answer| &answer.0));
    document("Two forms", &format!("{note}\n{greeting}"))
}

/// Deletes todo `id`; the second is gone already.
#[action]
async fn delete_todo(#[bind] id: u64) -> Result<Redirect, ActionError> {
    if id == 2 {
        return Err(ActionError::form("No such todo"));
    }
    Ok(Redirect::to(TODOS).with_flash(format!("Deleted todo {id}")))
}

/// Fails with text, from a form of the page's own markup that has no `id`.
#[action]
async fn clear_todos() -> Result<Redirect, ActionError> {
    Err("Nothing to clear".into())
}

/// The list: a "Delete" button per row (`BoundAction::form_button`), and a form without an `id`
/// of hand-written markup.
async fn todos_page(errors: ActionErrors, flash: Flash) -> Html<String> {
    let mut body = String::new();
    if let Some(message) = flash.into_message() {
        body.push_str(&format!("<p class=\"flash\" role=\"status\">{}</p>\n", escape(&message)));
    }
    body.push_str("<ul>\n");
    for (id, title) in TODO_ROWS {
        let button = delete_todo::bind(id).form_button(&format!("Delete {title}"), &errors);
        body.push_str(&format!("<li id=\"todo-{id}\">{title} {button}</li>\n"));
    }
    body.push_str("</ul>\n");
    let clear = clear_todos::bind();
    body.push_str(&format!(
        "<form method=\"post\" action=\"{}\" data-enhance><button type=\"submit\">Clear all</button></form>",
        escape(&clear.url())
    ));
    document("Todos", &body)
}

/// Answers with a page of its own and status 500, whoever asks (a JSON caller included).
#[action]
async fn fail_html(
    State(posts): State<Posts>,
    headers: HeaderMap,
    #[form] input: Note,
) -> Result<Response, ActionError> {
    posts.record(&headers);
    let page = document("Server trouble", &format!("<p id=\"said\">{}</p>", escape(&input.text)));
    Ok((StatusCode::INTERNAL_SERVER_ERROR, page).into_response())
}

/// Answers with a page of its own (`200 text/html`), whoever asks.
#[action]
async fn plain_html(
    State(posts): State<Posts>,
    headers: HeaderMap,
    #[form] input: Note,
) -> Result<Response, ActionError> {
    posts.record(&headers);
    Ok(document("Plain answer", &format!("<p id=\"said\">{}</p>", escape(&input.text))).into_response())
}

/// Fails inside with an internal error whose text must never reach the browser.
#[action]
async fn break_inside(
    State(posts): State<Posts>,
    headers: HeaderMap,
    #[form] input: Note,
) -> Result<Redirect, ActionError> {
    posts.record(&headers);
    Err(ActionError::internal(format!("database on fire: secret-detail {}", input.text)))
}

async fn unexpected_page(state: FormState<Note>) -> Html<String> {
    let form = FormView::from_state(&state, fail_html::bind())
        .id("odd")
        .submit_label("Fail")
        .button("Plain page", plain_html::bind())
        .button("Break", break_inside::bind());
    document("Unexpected answers", &form.to_string())
}

/// A site with a page whose enhanced form posts to the same site, served on its own so that a test
/// can stop it with the page open.
pub(crate) fn offline_site() -> Router {
    Router::new().route(OFFLINE, get(offline_page)).route(script_path(), script_route())
}

async fn offline_page() -> Html<String> {
    document(
        "Offline",
        &format!(
            "<form id=\"offline\" method=\"post\" action=\"{NOWHERE}\" data-enhance>\n\
             <input type=\"hidden\" name=\"text\" value=\"hello\">\n\
             <button type=\"submit\">Send</button>\n</form>"
        ),
    )
}
