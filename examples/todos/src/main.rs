//! A todo list with buttons on every row: `cargo run -p example-todos`, then open the URL it prints.
//!
//! Each row's Done and Delete buttons post to an action with the row's id **bound** to it
//! (`done::bind(id)`, like JavaScript's `done.bind(null, id)`): the id travels sealed in the
//! button's form, so nobody can change it into another row's. A button whose action fails (Done
//! on a todo deleted in another tab) shows its message beside itself, with JavaScript off too
//! ([`ActionErrors`] and `form_button`). The list lives in memory.
//!
//! `PORT` sets the port on 127.0.0.1 (3000 by default, `0` for any free one).

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use formaction::askama::Template;
use formaction::render::Markup;
use formaction::{
    ActionError, ActionErrors, Flash, FormState, FormView, HtmlPage, Redirect, RouterExt, action, form, page,
};

/// One todo.
#[derive(Clone)]
struct Todo {
    id: u64,
    title: String,
    done: bool,
}

/// The list, shared by every request.
#[derive(Clone, Default)]
struct Todos(Arc<Mutex<(u64, Vec<Todo>)>>);

impl Todos {
    fn with<R>(&self, f: impl FnOnce(&mut (u64, Vec<Todo>)) -> R) -> R {
        // A panic while the lock was held leaves the list as it was: keep using it.
        let mut list = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut list)
    }
}

/// The form that adds a todo.
#[form]
struct NewTodo {
    #[validate(length(min = 1, max = 120, message = "Write what there is to do"))]
    title: String,
}

#[action]
async fn add(State(todos): State<Todos>, #[form] new: NewTodo) -> Result<Redirect, ActionError> {
    todos.with(|(next, list)| {
        *next += 1;
        list.push(Todo { id: *next, title: new.title, done: false });
    });
    Ok(Redirect::to("/"))
}

#[action]
async fn done(#[bind] id: u64, State(todos): State<Todos>) -> Result<Redirect, ActionError> {
    let title = todos.with(|(_, list)| {
        let todo = list.iter_mut().find(|todo| todo.id == id)?;
        todo.done = true;
        Some(todo.title.clone())
    });
    match title {
        Some(title) => Ok(Redirect::to("/").with_flash(format!("Done: {title}"))),
        // Deleted in another tab meanwhile.
        None => Err(ActionError::form("This todo is gone")),
    }
}

#[action]
async fn delete(#[bind] id: u64, State(todos): State<Todos>) -> Result<Redirect, ActionError> {
    todos.with(|(_, list)| list.retain(|todo| todo.id != id));
    Ok(Redirect::to("/").with_flash("Deleted"))
}

/// A row of the list, with its two buttons bound to its id (each a form of its own, with its
/// error beside it when it is the button that just failed).
struct Row {
    todo: Todo,
    done: Markup,
    delete: Markup,
}

#[derive(Template)]
#[template(
    askama = formaction::askama,
    ext = "html",
    source = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Todos</title></head>
<body>
<main>
<h1>Todos</h1>
{% if let Some(flash) = flash %}<p role="status">{{ flash }}</p>{% endif %}
{% if !unclaimed.is_empty() %}<ul class="fa-errors" role="alert">{% for message in unclaimed %}<li>{{ message }}</li>{% endfor %}</ul>{% endif %}
<ul>
{% for row in rows %}<li>
{% if row.todo.done %}<s>{{ row.todo.title }}</s>{% else %}{{ row.todo.title }}
{{ row.done }}{% endif %}
{{ row.delete }}
</li>
{% endfor %}</ul>
{{ form }}
</main>
{{ script|safe }}
</body>
</html>
"#
)]
struct ListPage<'a> {
    rows: Vec<Row>,
    unclaimed: Vec<String>,
    form: FormView<'a, NewTodo>,
    flash: Option<&'a str>,
    script: &'static str,
}

async fn list_page(
    State(todos): State<Todos>,
    state: FormState<NewTodo>,
    errors: ActionErrors,
    flash: Flash,
) -> Response {
    let rows = todos.with(|(_, list)| {
        list.iter()
            .map(|todo| Row {
                done: done::bind(todo.id).form_button("Done", &errors),
                delete: delete::bind(todo.id).form_button("Delete", &errors),
                todo: todo.clone(),
            })
            .collect()
    });
    // A button's error shows beside it; one whose row is gone (deleted in another tab) has no
    // button left to show it beside, so it shows at the top.
    let claimed = todos.with(|(_, list)| {
        list.iter().any(|todo| {
            !errors.errors_of(&done::bind(todo.id)).is_empty()
                || !errors.errors_of(&delete::bind(todo.id)).is_empty()
        })
    });
    let unclaimed: Vec<String> = if claimed {
        Vec::new()
    } else {
        errors.errors().form_errors().iter().map(|error| error.message().into_owned()).collect()
    };
    let form = FormView::from_state(&state, add::bind()).submit_label("Add");
    let page =
        ListPage { rows, unclaimed, form, flash: flash.message(), script: formaction::render::script_tag() };
    HtmlPage::new(page).into_response()
}

/// The whole app: the list and its three actions on `/`, and the enhancement script.
fn app(todos: Todos) -> Router {
    Router::new()
        .page("/", page(list_page).action::<add>().action::<done>().action::<delete>())
        .route(formaction::render::script_path(), formaction::render::script_route())
        .layer(formaction::protect::layer())
        .with_state(todos)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT").ok().and_then(|port| port.parse().ok()).unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("Todos on http://{}/", listener.local_addr()?);
    axum::serve(listener, app(Todos::default())).await?;
    Ok(())
}
