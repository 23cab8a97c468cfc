//! A todo list driven by htmx, on SQLite: `cargo run -p example-todos`, then open the URL it
//! prints (the binary is `src/main.rs`; the app is here, for the browser tests too). Every behaviour works with JavaScript off too (each button is a form that posts).
//!
//! - Add (`#new-todo`, inside `hx-boost`): htmx appends the new row to `#todos` and swaps in an
//!   empty form; an invalid title comes back as the form alone, with its error.
//! - Done / Undo and Delete: each row's buttons are one-button forms with the row's id **bound**
//!   to their action (`toggle::bind(id)`, sealed: nobody can change it into another row's), and
//!   `hx-post` + `hx-target="#todo-<id>"`: htmx swaps the row (Delete: removes it, and "Deleted"
//!   shows in `#flash`). JavaScript off: 303 back to the list, the flash message on it.
//! - Clear done: a plain redirect, which htmx follows as `HX-Location` (the list loaded again, with
//!   the flash message).
//! - The filter (`#filter`, a `GET` form read with [`FormQuery`]): htmx narrows `#todos` as the
//!   user types; an invalid value shows its error beside its field, with JavaScript off too.
//!
//! Environment, as for the invoices app:
//!
//! - `PORT`: the port on 127.0.0.1 (3000 by default, `0` for any free one).
//! - `DATABASE_URL`: `sqlite://todos.db` by default (created with its table on first start).
//! - `FORMACTION_SECRET`: base64 of 32 bytes, the key that seals bound ids and flash messages;
//!   without it, a random key for this process.
//! - `HTMX_JS`: the path of htmx 2's `htmx.min.js` (from the npm package `htmx.org`), served at
//!   `/htmx.min.js`; without it the page loads no htmx, and works as plain HTML forms.

use std::str::FromStr;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use formaction::askama::Template;
use formaction::render::Markup;
use formaction::{
    ActionError, ActionErrors, Flash, FormQuery, FormState, FormView, HtmlPage, Redirect, RouterExt, action,
    form, page,
};
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqliteRow};

/// One todo.
#[derive(Clone)]
struct Todo {
    id: i64,
    title: String,
    done: bool,
}

impl Todo {
    fn from_row(row: &SqliteRow) -> Result<Todo, sqlx::Error> {
        Ok(Todo { id: row.try_get("id")?, title: row.try_get("title")?, done: row.try_get("done")? })
    }
}

/// The store and the htmx script's path, shared by every request.
#[derive(Clone)]
pub struct App {
    db: SqlitePool,
    htmx: Option<std::sync::Arc<String>>,
}

impl App {
    /// The app on the SQLite file `url` (created with its table when missing), serving htmx from
    /// the file `htmx` (`htmx.min.js` of the npm package `htmx.org`), if given.
    pub async fn open(url: &str, htmx: Option<String>) -> Result<App, sqlx::Error> {
        Ok(App { db: connect(url).await?, htmx: htmx.map(std::sync::Arc::new) })
    }
}

/// The form that adds a todo.
#[form]
struct NewTodo {
    #[validate(length(
        min = 1,
        max = 120,
        message = "Write what there is to do, in at most 120 characters"
    ))]
    title: String,
}

/// Which todos the list shows.
#[form]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    /// Every todo.
    All,
    /// Those not done.
    Open,
    /// Those done.
    Done,
}

/// The filter of the list: a `GET` form.
#[form]
struct Filter {
    #[validate(length(max = 60, message = "Search for at most 60 characters"))]
    q: Option<String>,
    status: Option<Show>,
}

#[action]
async fn add(State(app): State<App>, #[form] new: NewTodo) -> Result<Redirect, ActionError> {
    let inserted = sqlx::query("INSERT INTO todos (title, done) VALUES (?, 0) RETURNING id, title, done")
        .bind(&new.title)
        .fetch_one(&app.db)
        .await?;
    let todo = Todo::from_row(&inserted)?;
    // htmx: the new row at the end of the list, and the form empty again.
    let empty = FormView::<NewTodo>::empty(add::bind()).id("new-todo").submit_label("Add").to_string();
    Ok(Redirect::to("/")
        .htmx(row(&todo, &ActionErrors::default())?)
        .htmx_target("#todos")
        .htmx_swap("beforeend")
        .htmx_also(empty))
}

#[action]
async fn toggle(#[bind] id: i64, State(app): State<App>) -> Result<Redirect, ActionError> {
    let updated = sqlx::query("UPDATE todos SET done = NOT done WHERE id = ? RETURNING id, title, done")
        .bind(id)
        .fetch_optional(&app.db)
        .await?;
    // Deleted in another tab meanwhile.
    let todo = Todo::from_row(&updated.ok_or("This todo is gone")?)?;
    let message =
        if todo.done { format!("Done: {}", todo.title) } else { format!("Not done: {}", todo.title) };
    Ok(Redirect::to("/").with_flash(message).htmx(row(&todo, &ActionErrors::default())?))
}

#[action]
async fn delete(#[bind] id: i64, State(app): State<App>) -> Result<Redirect, ActionError> {
    sqlx::query("DELETE FROM todos WHERE id = ?").bind(id).execute(&app.db).await?;
    // htmx: the row swapped for nothing.
    Ok(Redirect::to("/").with_flash("Deleted").htmx(""))
}

#[action]
async fn clear(State(app): State<App>) -> Result<Redirect, ActionError> {
    let cleared = sqlx::query("DELETE FROM todos WHERE done").execute(&app.db).await?.rows_affected();
    // No fragment: htmx loads the list again (`HX-Location`), which shows the message.
    Ok(Redirect::to("/").with_flash(format!("Cleared {cleared} done")))
}

/// One row of the list: its title and its two one-button forms, for htmx and for a plain post.
#[derive(Template)]
#[template(
    askama = formaction::askama,
    ext = "html",
    source = r##"<li id="todo-{{ todo.id }}">{% if todo.done %}<s>{{ todo.title }}</s>{% else %}<span>{{ todo.title }}</span>{% endif %}
<form method="post" action="{{ toggle_url }}" hx-post="{{ toggle_url }}" hx-target="#todo-{{ todo.id }}" hx-swap="outerHTML">{{ toggle_hidden }}<button type="submit">{% if todo.done %}Undo{% else %}Done{% endif %}</button>{{ toggle_error }}</form>
<form method="post" action="{{ delete_url }}" hx-post="{{ delete_url }}" hx-target="#todo-{{ todo.id }}" hx-swap="outerHTML">{{ delete_hidden }}<button type="submit">Delete</button>{{ delete_error }}</form>
</li>
"##
)]
struct RowView<'a> {
    todo: &'a Todo,
    toggle_url: String,
    toggle_hidden: Markup,
    toggle_error: Markup,
    delete_url: String,
    delete_hidden: Markup,
    delete_error: Markup,
}

/// The HTML of `todo`'s row, with the error of its button that just failed (JavaScript off).
fn row(todo: &Todo, errors: &ActionErrors) -> Result<String, ActionError> {
    let (toggle, delete) = (toggle::bind(todo.id), delete::bind(todo.id));
    let view = RowView {
        todo,
        toggle_url: toggle.url(),
        toggle_hidden: toggle.hidden_input(),
        toggle_error: toggle.error_html(errors),
        delete_url: delete.url(),
        delete_hidden: delete.hidden_input(),
        delete_error: delete.error_html(errors),
    };
    Ok(view.render()?)
}

#[derive(Template)]
#[template(
    askama = formaction::askama,
    ext = "html",
    source = r##"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Todos</title>
{% if htmx %}<script src="/htmx.min.js" defer></script>{{ htmx_hooks|safe }}{% endif %}
{{ script|safe }}
</head>
<body>
<main hx-boost="true">
<h1>Todos</h1>
<div id="flash" role="status">{% if let Some(flash) = flash %}{{ flash }}{% endif %}</div>
{% if !unclaimed.is_empty() %}<ul class="fa-errors" role="alert">{% for message in unclaimed %}<li>{{ message }}</li>{% endfor %}</ul>{% endif %}
<form id="filter" method="get" action="/" role="search">
<label for="q">Search</label>
<input id="q" name="q" type="search" maxlength="60" value="{{ q }}"{% if !q_errors.is_empty() %} aria-invalid="true" aria-describedby="q-error"{% endif %} hx-get="/" hx-trigger="input changed delay:300ms, search" hx-include="closest form" hx-target="#todos" hx-select="#todos" hx-swap="outerHTML" hx-select-oob="#q-error,#status-error" hx-push-url="true">
<div id="q-error">{% if !q_errors.is_empty() %}<ul class="fa-errors">{% for message in q_errors %}<li>{{ message }}</li>{% endfor %}</ul>{% endif %}</div>
<label for="status">Show</label>
<select id="status" name="status"{% if !status_errors.is_empty() %} aria-invalid="true" aria-describedby="status-error"{% endif %} hx-get="/" hx-trigger="change" hx-include="closest form" hx-target="#todos" hx-select="#todos" hx-swap="outerHTML" hx-select-oob="#q-error,#status-error" hx-push-url="true">
{% for (value, label) in choices %}<option value="{{ value }}"{% if *value == status %} selected{% endif %}>{{ label }}</option>{% endfor %}
</select>
<div id="status-error">{% if !status_errors.is_empty() %}<ul class="fa-errors">{% for message in status_errors %}<li>{{ message }}</li>{% endfor %}</ul>{% endif %}</div>
<button type="submit">Filter</button>
</form>
<ul id="todos">
{% for row in rows %}{{ row|safe }}{% endfor %}</ul>
{{ clear }}
{{ form }}
</main>
</body>
</html>
"##
)]
struct ListPage<'a> {
    rows: Vec<String>,
    unclaimed: Vec<String>,
    form: FormView<'a, NewTodo>,
    clear: Markup,
    flash: Option<&'a str>,
    script: &'static str,
    htmx: bool,
    /// formaction's hooks for htmx, beside it.
    htmx_hooks: &'static str,
    q: &'a str,
    q_errors: Vec<String>,
    status: &'a str,
    status_errors: Vec<String>,
    choices: [(&'static str, &'static str); 3],
}

async fn list_page(
    State(app): State<App>,
    state: FormState<NewTodo>,
    errors: ActionErrors,
    flash: Flash,
    filter: FormQuery<Filter>,
) -> Result<Response, StoreError> {
    let all = sqlx::query("SELECT id, title, done FROM todos ORDER BY id").fetch_all(&app.db).await?;
    let all = all.iter().map(Todo::from_row).collect::<Result<Vec<_>, _>>()?;
    // An invalid filter shows every todo, and its errors beside its fields.
    let (q, show) = match filter.value() {
        Some(Filter { q, status }) => {
            (q.as_deref().unwrap_or("").to_lowercase(), status.unwrap_or(Show::All))
        }
        None => (String::new(), Show::All),
    };
    let mut rows = Vec::new();
    for todo in &all {
        let shown = match show {
            Show::All => true,
            Show::Open => !todo.done,
            Show::Done => todo.done,
        };
        if shown && todo.title.to_lowercase().contains(&q) {
            rows.push(row(todo, &errors).map_err(|_| StoreError)?);
        }
    }
    // A button's error shows beside it; one whose row is gone (deleted in another tab) has no
    // button left to show it beside, so it shows at the top.
    let claimed = all.iter().any(|todo| {
        !errors.errors_of(&toggle::bind(todo.id)).is_empty()
            || !errors.errors_of(&delete::bind(todo.id)).is_empty()
    });
    let unclaimed: Vec<String> = if claimed {
        Vec::new()
    } else {
        errors.errors().form_errors().iter().map(|error| error.message().into_owned()).collect()
    };
    let messages = |name: &str| -> Vec<String> {
        filter.errors().field(name).iter().map(|error| error.message().into_owned()).collect()
    };
    let form = FormView::from_state(&state, add::bind()).id("new-todo").submit_label("Add");
    let page = ListPage {
        rows,
        unclaimed,
        form,
        clear: clear::bind().form_button("Clear done", &errors),
        flash: flash.message(),
        script: formaction::render::script_tag(),
        htmx: app.htmx.is_some(),
        htmx_hooks: formaction::render::htmx_script_tag(),
        q: filter.values().text("q").unwrap_or(""),
        q_errors: messages("q"),
        status: filter.values().text("status").unwrap_or("all"),
        status_errors: messages("status"),
        choices: [("all", "All"), ("open", "Open"), ("done", "Done")],
    };
    Ok(HtmlPage::new(page).into_response())
}

/// The store failed while a page was read: a 500 that shows nothing of why (logged).
struct StoreError;

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        eprintln!("example-todos: {error}");
        StoreError
    }
}

impl IntoResponse for StoreError {
    fn into_response(self) -> Response {
        (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side.").into_response()
    }
}

/// htmx, from the file `HTMX_JS` names (nothing of it is in this repository).
async fn htmx_js(State(app): State<App>) -> Response {
    let Some(path) = &app.htmx else { return StatusCode::NOT_FOUND.into_response() };
    match tokio::fs::read(path.as_str()).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], bytes).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Opens (or creates) the SQLite file `url`, with its table.
async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?.create_if_missing(true);
    let db = SqlitePool::connect_with(options).await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS todos (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, done BOOLEAN NOT NULL DEFAULT 0)")
        .execute(&db)
        .await?;
    Ok(db)
}

/// The whole app: the list and its four actions on `/`, the enhancement script, htmx.
pub fn app(state: App) -> Router {
    Router::new()
        .page("/", page(list_page).action::<add>().action::<toggle>().action::<delete>().action::<clear>())
        .route(formaction::render::script_path(), formaction::render::script_route())
        .route(formaction::render::htmx_script_path(), formaction::render::htmx_script_route())
        .route("/htmx.min.js", get(htmx_js))
        .layer(formaction::protect::layer())
        .with_state(state)
}
