//! Server Actions for axum: typed forms, every error at once, and HTML that works without
//! JavaScript.
//!
//! `#[form]` on a struct reads a browser submission into typed fields, checks them with the
//! [`validator`](https://docs.rs/validator) crate's rules, and reports **every** problem at once
//! in zod's shape, each under the field's exact HTML name. The same rules become the HTML
//! constraint attributes (`required`, `maxlength`, `min`, `type=email`, ...), so the browser and the
//! server check the same things.
//!
//! # Example
//!
//! ```
//! use formaction::{form, Form, FormData};
//!
//! #[form]
//! #[derive(Debug, PartialEq)]
//! enum Status {
//!     Pending,
//!     Paid,
//! }
//!
//! #[form]
//! #[derive(Debug)]
//! struct LineItem {
//!     #[validate(length(min = 1, message = "Describe the item"))]
//!     description: String,
//!     #[validate(range(min = 1, max = 1000))]
//!     quantity: u32,
//! }
//!
//! #[form]
//! #[derive(Debug)]
//! struct NewInvoice {
//!     #[validate(length(min = 1, max = 80, message = "Enter the customer's name"))]
//!     customer: String,
//!     #[validate(email)]
//!     email: String,
//!     #[validate(range(min = 0.01, max = 1_000_000))]
//!     #[field(scale = 2)]
//!     amount: f64,
//!     status: Status,          // a <select>, read by option value
//!     notes: Option<String>,   // empty is None
//!     urgent: bool,            // a checkbox: absent is false
//!     tags: Vec<String>,       // repeated names: tags=a&tags=b
//!     #[validate(length(min = 1, message = "Add at least one item"))]
//!     items: Vec<LineItem>,    // indexed names: items[0].description
//! }
//!
//! // What a browser sends (decoded from urlencoded or multipart by `formaction::decode`).
//! let submitted = FormData::from_pairs([
//!     ("customer", ""),
//!     ("email", "ada@"),
//!     ("amount", "12.345"),
//!     ("status", "paid"),
//!     ("items[0].description", "Consulting"),
//!     ("items[0].quantity", "many"),
//! ]);
//!
//! let errors = NewInvoice::parse(&submitted).unwrap_err();
//! assert_eq!(
//!     serde_json::to_value(errors.flatten()).unwrap(),
//!     serde_json::json!({
//!         "formErrors": [],
//!         "fieldErrors": {
//!             "customer": ["Enter the customer's name"],
//!             "email": ["Enter a valid email address"],
//!             "amount": ["Use at most 2 decimal places"],
//!             "items[0].quantity": ["Enter a whole number"]
//!         }
//!     })
//! );
//!
//! // The same rules, as the browser's constraint attributes.
//! let amount = NewInvoice::schema().field("amount").unwrap();
//! assert_eq!(amount.input_type.as_str(), "number");
//! assert_eq!(amount.constraints.to_html(), r#" required min="0.01" max="1000000" step="0.01""#);
//! ```
//!
//! # The whole flow
//!
//! A page, its form, an action with a bound argument, and what a browser with JavaScript off
//! gets back (the same router answers JSON to the enhancement script and other clients):
//!
//! ```
//! use axum::Router;
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use axum::response::Html;
//! use formaction::{action, form, page, ActionError, FormState, FormView, Redirect, RouterExt};
//! use tower::ServiceExt;
//!
//! #[form]
//! struct SignUp {
//!     #[validate(length(min = 1, max = 50))]
//!     name: String,
//!     #[validate(email)]
//!     email: String,
//! }
//!
//! #[action]
//! async fn sign_up(#[bind] team: String, #[form] input: SignUp) -> Result<Redirect, ActionError> {
//!     if input.name == "root" {
//!         return Err(ActionError::field("name", "That name is reserved"));
//!     }
//!     Ok(Redirect::to(format!("/teams/{team}")).with_flash(format!("Welcome, {}", input.name)))
//! }
//!
//! async fn sign_up_page(state: FormState<SignUp>) -> Html<String> {
//!     let form = FormView::from_state(&state, sign_up::bind("team-42".to_owned()));
//!     Html(format!("<!doctype html><title>Sign up</title>{form}"))
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let app = Router::new().page("/signup", page(sign_up_page).action::<sign_up>());
//!
//! // GET renders the form, with the bound team sealed into it.
//! let get = Request::get("/signup").body(Body::empty()).unwrap();
//! let html = body(app.clone().oneshot(get).await.unwrap()).await;
//! let sealed = html.split(r#"name="$bound" value=""#).nth(1).unwrap().split('"').next().unwrap();
//!
//! // A post names its host and comes from its origin (in development, without FORMACTION_ORIGIN,
//! // loopback hosts only; a request built without any Host, as the GET above, counts as one).
//! let post = |fields: &str| {
//!     Request::post(format!("/signup{}", sign_up::bind(String::new()).url()))
//!         .header("host", "localhost:3000")
//!         .header("origin", "http://localhost:3000")
//!         .header("content-type", "application/x-www-form-urlencoded")
//!         .body(Body::from(format!("{fields}&%24bound={sealed}")))
//!         .unwrap()
//! };
//!
//! // Invalid: the page again, 422, every error beside its field, the values kept.
//! let answer = app.clone().oneshot(post("name=&email=nope")).await.unwrap();
//! assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
//! let html = body(answer).await;
//! assert!(html.contains("This field is required") && html.contains("Enter a valid email address"));
//! assert!(html.contains(r#"name="email" value="nope""#));
//!
//! // Valid: 303 See Other, with the flash message in a sealed cookie.
//! let answer = app.clone().oneshot(post("name=Ada&email=ada%40example.com")).await.unwrap();
//! assert_eq!(answer.status(), StatusCode::SEE_OTHER);
//! assert_eq!(answer.headers()["location"], "/teams/team-42");
//!
//! // A POST from another site never runs the action.
//! let mut forged = post("name=Ada&email=ada%40example.com");
//! forged.headers_mut().insert("origin", "https://evil.example".parse().unwrap());
//! assert_eq!(app.clone().oneshot(forged).await.unwrap().status(), StatusCode::FORBIDDEN);
//! # });
//! # async fn body(response: axum::response::Response) -> String {
//! #     let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
//! #     String::from_utf8(bytes.to_vec()).unwrap()
//! # }
//! ```
//!
//! # Pages with askama
//!
//! Pages are [askama](https://docs.rs/askama) templates, answered with [`HtmlPage`]. This crate
//! re-exports the askama it renders with as [`formaction::askama`](askama), so an app needs no
//! askama dependency of its own, nor a guess at the version that matches: derive through the
//! re-export with `askama = formaction::askama` in `#[template(...)]`.
//!
//! What the runtime writes is escaped by the runtime and marked as such for askama, so `{{ x }}`
//! prints it as it is, with or without `|safe`: a [`FormView`] (`{{ form }}`), a field's view and
//! its attributes (`{{ form.email }}`, `{{ form.email.attributes() }}`), and a [`BoundAction`]'s
//! [`hidden_input`](BoundAction::hidden_input) and
//! [`button_attributes`](BoundAction::button_attributes) (both [`render::Markup`]). Any other
//! value, a `String` included, is escaped as usual.
//!
//! ```
//! use formaction::askama::Template;
//! use formaction::{form, FormView, BoundAction};
//!
//! #[form]
//! struct Search {
//!     query: String,
//! }
//!
//! #[derive(Template)]
//! #[template(
//!     source = "<h1>{{ title }}</h1>\n{{ form }}",
//!     ext = "html",
//!     askama = formaction::askama // the re-export: no askama in Cargo.toml
//! )]
//! struct SearchPage<'a> {
//!     title: &'a str,
//!     form: FormView<'a, Search>,
//! }
//!
//! let page = SearchPage { title: "Find <anything>", form: FormView::empty(BoundAction::unbound("search")) };
//! let html = page.render().unwrap();
//! assert!(html.starts_with("<h1>Find &#60;anything&#62;</h1>\n<form id=\"search\" method=\"post\""));
//! ```
//!
//! A template in a file (`#[template(path = "page.html", askama = formaction::askama)]`) is read
//! from `templates/` beside the app's `Cargo.toml`, as askama always does.
//!
//! # Buttons on each row
//!
//! A list whose rows each have their own button (Done, Delete, Archive) needs one action and one
//! small form per row. The action takes the row's id as a `#[bind]` argument; the page binds each
//! row's id with `name::bind(id)`, which seals it into that row's form, so a submission runs the
//! action for the row whose button was pressed, and a changed id is refused with a 400 before the
//! action runs. The [`BoundAction`] gives the form its URL ([`url`](BoundAction::url), for
//! `action`) and the sealed id ([`hidden_input`](BoundAction::hidden_input)); a button inside some
//! other form uses [`button_attributes`](BoundAction::button_attributes) instead
//! (`<button {{ row.done.button_attributes() }}>Done</button>`).
//!
//! ```
//! use std::sync::{Arc, Mutex};
//!
//! use axum::Router;
//! use axum::body::Body;
//! use axum::extract::State;
//! use axum::http::{Request, StatusCode};
//! use axum::response::{IntoResponse, Response};
//! use formaction::askama::Template;
//! use formaction::{action, page, ActionError, BoundAction, HtmlPage, Redirect, RouterExt};
//! use tower::ServiceExt;
//!
//! struct Task {
//!     id: u32,
//!     title: &'static str,
//!     done: bool,
//! }
//!
//! #[derive(Clone)]
//! struct Tasks(Arc<Mutex<Vec<Task>>>);
//!
//! /// Marks one task done: `id` comes from the row's form, sealed, never from what a client typed.
//! #[action]
//! async fn mark_done(State(tasks): State<Tasks>, #[bind] id: u32) -> Result<Redirect, ActionError> {
//!     let mut tasks = tasks.0.lock().map_err(|_| ActionError::internal("the task list is poisoned"))?;
//!     let task = tasks.iter_mut().find(|task| task.id == id).ok_or_else(|| ActionError::form("No such task"))?;
//!     task.done = true;
//!     Ok(Redirect::to("/tasks").with_flash(format!("Done: {}", task.title)))
//! }
//!
//! /// A row as the template shows it, with the action bound to its id.
//! struct Row {
//!     id: u32,
//!     title: &'static str,
//!     done: bool,
//!     mark_done: BoundAction,
//! }
//!
//! #[derive(Template)]
//! #[template(
//!     source = r#"<ul>
//! {%- for row in rows %}
//! <li id="task-{{ row.id }}">{{ row.title }} {% if row.done %}(done){% else -%}
//! <form method="post" action="{{ row.mark_done.url() }}">{{ row.mark_done.hidden_input() }}<button>Done</button></form>
//! {%- endif %}</li>
//! {%- endfor %}
//! </ul>"#,
//!     ext = "html",
//!     askama = formaction::askama
//! )]
//! struct TaskList {
//!     rows: Vec<Row>,
//! }
//!
//! async fn task_list(State(tasks): State<Tasks>) -> Response {
//!     let rows = match tasks.0.lock() {
//!         Ok(tasks) => tasks
//!             .iter()
//!             .map(|task| Row { id: task.id, title: task.title, done: task.done, mark_done: mark_done::bind(task.id) })
//!             .collect(),
//!         Err(_) => return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
//!     };
//!     HtmlPage::new(TaskList { rows }).into_response()
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let tasks = Tasks(Arc::new(Mutex::new(vec![
//!     Task { id: 1, title: "Write the invoice", done: false },
//!     Task { id: 2, title: "Send it", done: false },
//! ])));
//! // GET /tasks lists the tasks; POST /tasks?_action=mark_done... runs the action.
//! let app = Router::new()
//!     .page("/tasks", page(task_list).action::<mark_done>())
//!     .with_state(tasks.clone());
//!
//! // Each row has its own form, with its own sealed id.
//! let html = body(app.clone().oneshot(Request::get("/tasks").body(Body::empty()).unwrap()).await.unwrap()).await;
//! let row = |id: u32| html.split(&format!(r#"<li id="task-{id}">"#)).nth(1).unwrap().split("</li>").next().unwrap();
//! let (first, second) = (row(1), row(2));
//! assert!(first.contains(r#"<input type="hidden" name="$bound" value=""#), "{first}");
//! assert_ne!(between(first, r#"value=""#, "\""), between(second, r#"value=""#, "\""));
//!
//! // Pressing the second row's button posts that form as the browser would: its `action` URL and
//! // its hidden input. The second task is done, the first is not.
//! let post = |url: &str, sealed: &str| {
//!     Request::post(format!("/tasks{url}"))
//!         .header("host", "localhost:3000")
//!         .header("origin", "http://localhost:3000")
//!         .header("content-type", "application/x-www-form-urlencoded")
//!         .body(Body::from(format!("%24bound={sealed}")))
//!         .unwrap()
//! };
//! let request = post(between(second, r#"action=""#, "\""), between(second, r#"value=""#, "\""));
//! let answer = app.clone().oneshot(request).await.unwrap();
//! assert_eq!(answer.status(), StatusCode::SEE_OTHER);
//! assert_eq!(answer.headers()["location"], "/tasks");
//! let done: Vec<(u32, bool)> = tasks.0.lock().unwrap().iter().map(|task| (task.id, task.done)).collect();
//! assert_eq!(done, [(1, false), (2, true)]);
//!
//! // A sealed id that was changed is refused before the action runs.
//! let mut changed = between(first, r#"value=""#, "\"").to_owned();
//! changed.replace_range(10..11, if &changed[10..11] == "A" { "B" } else { "A" });
//! let request = post(between(first, r#"action=""#, "\""), &changed);
//! assert_eq!(app.clone().oneshot(request).await.unwrap().status(), StatusCode::BAD_REQUEST);
//! assert!(!tasks.0.lock().unwrap()[0].done);
//! # });
//! # fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
//! #     text.split(start).nth(1).unwrap().split(end).next().unwrap()
//! # }
//! # async fn body(response: axum::response::Response) -> String {
//! #     let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
//! #     String::from_utf8(bytes.to_vec()).unwrap()
//! # }
//! ```
//!
//! # What each caller gets
//!
//! How an action ended, answered by who asked: a browser with JavaScript off gets HTML, the
//! enhancement script and any JSON client (`Accept: application/json`) get JSON, and htmx
//! (`HX-Request: true`) gets what htmx 2 swaps with its default configuration (the README's htmx
//! section has the whole contract). Refusals (400, 403, 404, 405, 413, 415) are the same for htmx
//! as for a browser: htmx swaps none, and formaction's hooks for htmx, loaded beside it, show
//! their message in the form that was sent ([`render::htmx_script_tag`]).
//!
//! | outcome | browser, JavaScript off | JSON | htmx |
//! |---|---|---|---|
//! | redirect | 303 See Other | 200 `{"ok":true,"redirect":"/x"}` (`"external":true` for another site) | 200 with `HX-Location` (`HX-Redirect` for [`Redirect::full_reload`] or another site), the flash cookie set |
//! | redirect with [`Redirect::htmx`] | 303 See Other | as a redirect | 200, the fragment, the flash swapped into `#flash` out of band |
//! | the action's own redirect (a 3xx `Response`) | as it is | 200 `{"ok":true,"redirect":...}`, its cookies kept | 200 with `HX-Location`, its cookies kept |
//! | state | the page with the state, 200 | 200 `{"ok":true,"state":...}` | the page with the state, 200 |
//! | done | the page, 200 | 200 `{"ok":true}` | the page, 200 |
//! | invalid | the page with errors and values, 422 | 422 `{"ok":false,"formErrors":[],"fieldErrors":{},"issues":[]}` | the page, 200 ([`Page::htmx_invalid_status`]), `HX-Retarget`/`HX-Reselect: #<form id>`, `HX-Reswap: outerHTML`: the form alone is swapped |
//! | internal error | a 500 page with nothing inside | 500 `{"ok":false,"error":"..."}` | the 500 page; the htmx hooks ([`render::htmx_script_tag`]) show its message in the form |
//! | the same rendered form sent again | the first answer again (`Idempotent-Replayed: true`) | the same | the same |
//! | the same form sent again with other values | the page with the values and the `already_sent` message, 409 | 409 `{"ok":false,"formErrors":[...]}` | the page, 409 |
//!
//! Every answer of a page or an action carries `Vary: accept, x-formaction, hx-request`. A
//! search or filter form (`GET`) is read with [`FormQuery`].
//!
//! # Once only
//!
//! A double click with JavaScript off, a retry after a lost answer, the back button and another
//! submit: each sends the same rendered form again, and it runs its action once. Every form
//! `name::bind(...)` puts in a page carries a one-time token (`$once`, sealed like the bound
//! arguments). The first submission with it claims it and runs the action; its successful answer
//! (status, `Location`, flash cookie, body) is remembered, and sent again for the same token with
//! the same values, the action not run. A second submission arriving while the first runs waits
//! for its answer (5 s at most, then `409` with `Retry-After`). The same token with other values
//! is answered `409` with the page, the values kept, a fresh token and a form-level message
//! (code `already_sent`). An invalid submission, a refusal or an internal error leaves the token
//! unused. A JSON client gets the same guarantee with an `Idempotency-Key` header, keyed by the
//! header and the action. `#[action(once = false)]` turns it off (a search that must run again).
//!
//! Answers are remembered for the action's `max_age`, or 24 hours. By default in the process's
//! memory (bounded, the oldest forgotten first); instances behind a load balancer share one
//! `protect::SqlStore` on SQLite or PostgreSQL (features `sqlite`, `postgres`),
//! chosen at start-up with [`Protection::once_store`](protect::Protection::once_store).
//!
//! **A crash between running and remembering.** The action and the remembering of its answer run
//! in a task of their own, so a client that goes away (a browser's second click cancels its first
//! request) does not stop them half-way. If the process dies in between, the action may have done
//! its work, so it is never run again on a guess: the claim stays *running* until its lease ends
//! (60 s, [`OnceSettings::lease`](protect::OnceSettings::lease)), and the same form gets `409`
//! with `Retry-After` meanwhile; after it, the form comes back (`409`) with the values, a fresh
//! token and the `already_sent` message, so the user checks (the invoice list, say) and sends
//! again on purpose.
//!
//! # Details
//!
//! - **Parsing** goes through two traits: [`FromFieldValue`] for a value of one control (implement
//!   it for your own types) and [`FromForm`] for the shape around it (`Option`, `Vec`, nested
//!   groups). Blank input counts as missing, so `required` means the same in both places.
//! - **Every error at once**: a field that fails to parse does not hide the rule errors of the
//!   fields that parsed. Errors carry stable codes and parameters ([`FieldError`]); messages come
//!   from a replaceable catalogue ([`messages`]), and a rule's own `message` wins.
//! - **Languages**: every text a user reads (field messages, the summary's heading, list and
//!   submit buttons, refusal pages and their JSON `error`, the enhancement script's own texts)
//!   comes in the request's language, negotiated from `Accept-Language` among 16 shipped
//!   catalogues (or a cookie, or the app's choice), the HTML and the JSON answer alike; apps add
//!   their own `.ftl` files and languages ([`messages::Languages`], [`messages::Language`]).
//! - **Names** follow the browser: `address.city` for a nested group, `items[0].name` for a list of
//!   groups (gaps allowed; errors keep the submitted index), repeated names for a list of values.
//! - **Decoding** ([`decode`]) turns urlencoded bodies, multipart bodies (files included), GET
//!   queries and JSON objects into one [`FormData`], with [`Limits`] on fields, files and sizes,
//!   and never panics on any input.
//! - **Rendering** uses the [`schema`]: each field's control, label, choices and constraints.
//! - **Protection** ([`protect`]): a layer that turns a panic into a blank 500 page (details in the
//!   log) and gives each request a deadline, and a `serve` that cuts off clients sending their
//!   headers too slowly. [`security`] holds the hosts and origins an app answers to, the headers
//!   every answer carries, and the body budget, which caps the bytes of bodies all actions hold at
//!   once (503 with `Retry-After` past it).
//! - Optional features: `time` (dates and times from `<input type=date|time|datetime-local>`),
//!   `decimal` (`rust_decimal::Decimal`).

#[cfg(test)]
extern crate self as formaction;

mod accept;
mod action;
mod budget;
mod checks;
pub mod decode;
mod errors;
mod escape;
mod field_path;
mod flash;
mod form;
mod form_data;
mod guard;
mod headers;
mod htmx;
mod intent;
mod live;
mod locale;
mod names;
mod once;
mod page;
pub mod parse;
mod problem;
pub mod protect;
mod query;
mod redirect;
pub mod render;
mod resend;
mod respond;
pub mod schema;
pub mod seal;
pub mod security;
mod state;
mod text;
mod validate;
#[cfg(test)]
mod work;

/// The [askama](https://docs.rs/askama) this crate renders with, so pages need no askama
/// dependency of their own (nor a guess at its version): derive templates through it with
/// `#[template(..., askama = formaction::askama)]` (see [Pages with askama](crate#pages-with-askama)).
pub use askama;

pub use action::{Action, ActionConfig, ActionError, ActionOutput, ActionState, BoundAction};
pub use checks::{ActionArgument, FormArgument};
pub use decode::{DecodeError, Limits};
pub use errors::{FieldError, Flattened, FormErrors, messages};
pub use field_path::{FieldPath, ListPaths};
pub use form::Form;
pub use form_data::{FieldValue, FormData, UploadedFile};
pub use page::{Page, RouterExt, endpoint, endpoint_with, page};
pub use parse::{FromFieldValue, FromForm, ParseCx};
pub use query::FormQuery;
pub use redirect::Redirect;
pub use render::{FormView, HtmlPage};
pub use schema::{Choice, Choices};
pub use state::{ActionErrors, Flash, FormState};

/// Turns a struct with named fields into a [`Form`], or a unit enum into [`Choices`].
///
/// On a struct, each field is read by its name (or `#[field(rename = "...")]`) with
/// [`FromForm`], checked by its `#[validate(...)]` rules, and described in the [`schema`].
///
/// Field options, in `#[field(...)]`:
///
/// | option | meaning |
/// |---|---|
/// | `rename = "name"` | the HTML name, when it differs from the field's |
/// | `label = "Text"` | the label (default: the field's name in words, `due_date` is "Due date") |
/// | `default`, `default = expr` | the value when nothing is entered (not `required` then) |
/// | `secret` | never echoed back (passwords): `type=password`, dropped by [`Form::redact`] |
/// | `textarea`, `hidden`, `radio`, `select` | the control to render |
/// | `placeholder = "..."`, `help = "..."` | shown with the control (a placeholder in typed text and numbers only) |
/// | `accept = "image/png,.pdf"` | for a file input: MIME types, `type/*`, `.ext`; checked on the server too (`file_type`, and `file_content` when a PNG, JPEG, GIF, WebP, PDF or ZIP file's first bytes are not its declared type's) |
/// | `max_size = "2MB"` | for a file input: larger files are a `file_too_large` field error (units as in `#[action(max_file_size)]`) |
/// | `scale = 2` | at most 2 decimal places (and `step="0.01"`) |
/// | `step = "0.5"` | the `step` of a number, date or time input |
/// | `autocomplete = "email"` | what the browser may fill in ([WCAG 1.3.5]): the HTML standard's autofill tokens (`shipping street-address`, `work tel`, `one-time-code`, `off`...), checked while compiling |
/// | `inputmode = "numeric"` | the keyboard for typed text: `none`, `text`, `decimal`, `numeric`, `tel`, `search`, `email`, `url` |
/// | `input = "tel"` | the input type of a text field: `tel`, `search`, `color` or `text` (`email` and `url` come with their rule, `password` with `secret`) |
/// | `readonly` | shown and sent, not editable in the browser; the server reads and checks it as any other field (a value people must not change is a `#[bind]` argument) |
/// | `disabled` | shown, not editable, and never sent by browsers: the server does not read it either, and the field is its `default` (required, unless the field is an `Option`, a `bool` or a `Vec`), which the control shows when the page gives no value for it; never `required` |
/// | `data(test_id = "x")`, `aria(label = "...", describedby = "id")` | more attributes on the control (`data-test-id`, `aria-label`; `_` is written `-`), names checked while compiling, values escaped; `describedby`'s ids come before the help's and the errors' |
///
/// [WCAG 1.3.5]: https://www.w3.org/WAI/WCAG22/Understanding/identify-input-purpose
/// Rules, in `#[validate(...)]`, are the validator crate's own: `email`, `url`, `length(min, max,
/// equal)`, `range(min, max, exclusive_min, exclusive_max)`, `regex(path = *RE)`,
/// `contains(pattern = "..")`, `does_not_contain(pattern = "..")`, `must_match(other = "field")`,
/// `custom(function = path)`, `required` (on an `Option`; on a `bool`, a box that must be ticked:
/// "I accept the terms"), `non_control_character`, `ip`; each takes `message = "..."` and
/// `code = "..."`. On the struct, `#[validate(schema(function = path))]` adds a form-level check
/// that runs when the fields are valid.
///
/// On a unit enum, each variant is a choice whose value is its name in snake_case (`InProgress`
/// is `in_progress`) and whose label is that in words; `#[field(rename, label)]` change them.
///
/// `#[form(crate = path)]` names this crate when it is re-exported under another path.
#[cfg(feature = "macros")]
pub use formaction_macros::form;

/// Turns an `async fn` into an action that a [`page()`] can run.
///
/// The function stays callable as plain Rust. Its arguments, in any order:
///
/// - any axum extractor that reads the request's parts (`State`, headers, cookies, the
///   application's own signed-in user);
/// - `#[bind]` arguments: values sealed into the page by `name::bind(...)`, like JavaScript's
///   `action.bind(null, id)`; any type serde can write and read;
/// - at most one `#[form]` argument: the submission, parsed and validated before the body runs.
///
/// It returns `Result<T, E>` with `T` a [`Redirect`], an [`ActionState`], `()` or an axum
/// `Response`, and `E` convertible into [`ActionError`].
///
/// Beside the function, `#[action]` defines a type of the same name (in the type namespace only)
/// that implements [`Action`]: register it with `page(handler).action::<name>()`, and render its
/// URL and bound arguments with `name::bind(...)`.
///
/// Options, in `#[action(...)]`: `id = "..."` (default: the name and a hash of the module path,
/// `create_invoice.c21kxtws9yrv`, see [`action::action_id`]),
/// `body_limit = "5MB"` (default 1 MiB; units B, KB/KiB, MB/MiB, GB/GiB, all powers of 1024),
/// `max_fields = 1000`, `max_files = 100`, `max_field_size = "1MB"`, `max_file_size = "10MB"`,
/// `max_age = "1h"` (how long bound arguments stay valid: s, m, h, d), and `crate = path`, which
/// names this crate when it is re-exported under another path, as for `#[form]`.
#[cfg(feature = "macros")]
pub use formaction_macros::action;

/// What generated code refers to, by absolute path (`::formaction::__private::...`), so a user's
/// own names (a `struct Option;`, a local `validator` module) can never shadow it. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use core::option::Option::{self, None, Some};
    pub use std::boxed::Box;
    pub use std::time::Duration;

    pub use axum::extract::FromRequestParts;
    pub use http::request::Parts;
    pub use serde::Serialize;
    pub use serde::de::DeserializeOwned;

    pub use crate::action::{
        Action, ActionConfig, ActionOutput, Answer, BoundAction, BoxFuture, MaybeForm, NoForm, Outcome,
        Submission, action_id, action_id_text, intent,
    };
    pub use crate::decode::Limits;
    pub use crate::seal::open_bound;
    pub use core::result::Result::{self, Err, Ok};
    pub use std::sync::OnceLock;
    pub use std::vec;

    pub use validator::{AsRegex, ValidationError};

    pub use crate::field_path::{FormPaths, KindPaths, PathsOf, paths_of};

    pub use crate::checks::{
        ActionArgument, ActionFailure, BindArgument, Bound, BoundUnchecked, Finish, FinishUnchecked,
        FormArgument, FormStep, FormStepUnchecked, Probe, RuleResult, action_result, bind_argument,
        rule_result,
    };
    pub use crate::parse::{FromFieldValue, FromForm, ParseCx, child_name, kind};
    pub use crate::render::{FormFields, ViewCx, ViewOf, view_of};
    pub use crate::schema::{Choice, Choices, FieldSchema, FormSchema, Shape};
    pub use crate::validate::RuleOptions;

    /// The rules `#[validate(...)]` names, run on parsed fields.
    pub mod rules {
        pub use crate::validate::*;
    }
    pub use crate::{FieldError, Form, FormData, FormErrors};

    /// Whether nothing was entered in a nested group.
    pub fn group_is_blank(data: &FormData, prefix: &str) -> bool {
        crate::parse::group_is_blank(data, prefix)
    }
}
