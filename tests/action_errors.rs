//! Errors that cannot disappear, over real HTTP on 127.0.0.1:
//!
//! - an action without a form (a row's "Delete" button with a bound id) that fails: with
//!   JavaScript off, the 422 page shows its message beside the very button that sent it
//!   ([`ActionErrors`], `BoundAction::form_button`), escaped and named by the button's
//!   `aria-describedby`; a JSON caller gets it in `formErrors`;
//! - text turned into an `ActionError` (`Err("...".into())`, `?` on a `Result<_, &str>`) is a
//!   form-level message the user sees, never a blank 500;
//! - typed field paths (`SignUp::paths().email`) put a business error beside its field.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use axum::Router;
use axum::response::Html;
use formaction::{ActionError, ActionErrors, Flash, Redirect, RouterExt, action, page};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::Server;

/// The todos of the list: id and title.
const TODOS: [(u64, &str); 3] = [(1, "Buy milk"), (2, "Gone already"), (3, "Locked")];

/// Deletes todo `id`: 2 no longer exists, 3 fails with a message that needs escaping and an
/// error on a field (which a form-less action has nowhere else to show).
#[action]
async fn delete(#[bind] id: u64) -> Result<Redirect, ActionError> {
    match id {
        2 => Err(ActionError::form("No such todo")),
        3 => {
            let mut errors = formaction::FormErrors::new();
            errors.add_form_message("Todo <3> & co is \"locked\"");
            errors.add_message("owner", "Ask its owner");
            Err(errors.into())
        }
        _ => Ok(Redirect::to("/todos").with_flash(format!("Deleted {id}"))),
    }
}

/// Marks todo `id` done, failing with plain text: `?` on a `Result<_, &str>` for 2, a `String`
/// through `.into()` for 3.
#[action]
async fn done(#[bind] id: u64) -> Result<Redirect, ActionError> {
    if id == 2 {
        Err("Already done")?;
    }
    if id == 3 {
        return Err(format!("Todo {id} is archived").into());
    }
    Ok(Redirect::to("/todos").with_flash(format!("Done {id}")))
}

/// The list: each row has its "Done" and "Delete" buttons, each a form of its own.
async fn todos(errors: ActionErrors, flash: Flash) -> Html<String> {
    let rows: String = TODOS
        .iter()
        .map(|(id, title)| {
            format!(
                "<li id=\"todo-{id}\">{title} {} {}</li>\n",
                done::bind(*id).form_button("Done", &errors),
                delete::bind(*id).form_button("Delete", &errors)
            )
        })
        .collect();
    Html(format!(
        "<h1>Todos</h1><p id=ran>{}</p><p id=flash>{}</p><ul>\n{rows}</ul>",
        errors.action().unwrap_or("none"),
        flash.message().unwrap_or_default()
    ))
}

fn app() -> Router {
    Router::new().page("/todos", page(todos).action::<delete>().action::<done>())
}

/// The HTML of `<li id="todo-{id}">` in `html`.
fn row(html: &str, id: u64) -> &str {
    let start =
        html.find(&format!("<li id=\"todo-{id}\">")).unwrap_or_else(|| panic!("no row {id} in {html}"));
    let end = html[start..].find("</li>\n").map(|end| start + end).expect("the row's end");
    &html[start..end]
}

/// The sealed bound arguments of the form posting to `action` in `html`.
fn sealed_in(html: &str, action: &str) -> String {
    let start = html.find(action).unwrap_or_else(|| panic!("no form for {action} in {html}"));
    let marker = "name=\"$bound\" value=\"";
    let at = html[start..].find(marker).expect("a hidden $bound input") + start + marker.len();
    html[at..].split('"').next().expect("a value").to_owned()
}

/// Posts the button `action` (its URL) of row `id`, as a browser with JavaScript off does, or as
/// the enhancement script does when `json`.
async fn press(server: &Server, action: &str, id: u64, json: bool) -> reqwest::Response {
    let page = server.client.get(server.url("/todos")).send().await.unwrap().text().await.unwrap();
    let sealed = sealed_in(row(&page, id), action);
    let mut post = server.post(&format!("/todos{action}")).form(&[("$bound", sealed)]);
    if json {
        post = post.header("x-formaction", "1");
    }
    post.send().await.unwrap()
}

#[tokio::test]
async fn a_failed_button_shows_its_error_beside_itself_with_javascript_off() {
    let server = Server::start(app()).await;
    let url = delete::bind(2).url();
    let error_id = delete::bind(2).error_id();
    assert_eq!(error_id, format!("{}-error", delete::ID));

    let response = press(&server, &url, 2, false).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!("<p id=ran>{}</p>", delete::ID)),
        "the page knows which action ran: {html}"
    );
    let second = row(&html, 2);
    assert!(
        second.contains(&format!(
            "<button type=\"submit\" aria-describedby=\"{error_id}\">Delete</button>\
             <ul class=\"fa-errors fa-action-error\" id=\"{error_id}\" role=\"alert\" tabindex=\"-1\">\
             <li>No such todo</li></ul></form>"
        )),
        "beside row 2's Delete button, named by it: {second}"
    );
    assert_eq!(html.matches("No such todo").count(), 1, "once, in row 2 alone: {html}");
    assert_eq!(html.matches("aria-describedby").count(), 1, "{html}");
    for other in [1, 3] {
        assert!(!row(&html, other).contains("fa-errors"), "row {other} shows nothing");
    }

    // Several messages, a field's among them: all beside the button, escaped.
    let response = press(&server, &url, 3, false).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    let third = row(&html, 3);
    assert!(
        third.contains(
            "<li>Todo &#60;3&#62; &#38; co is &#34;locked&#34;</li><li>Ask its owner</li></ul></form>"
        ),
        "{third}"
    );
    assert!(!row(&html, 2).contains("fa-errors"), "{html}");
    // "Done" of the same row did not run: no error beside it.
    assert_eq!(third.matches("fa-action-error").count(), 1, "{third}");

    // A success redirects, as before.
    let response = press(&server, &url, 1, false).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_failed_button_answers_json_with_its_message() {
    let server = Server::start(app()).await;
    let response = press(&server, &delete::bind(2).url(), 2, true).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["formErrors"], json!(["No such todo"]));
}

#[tokio::test]
async fn text_is_a_message_the_user_sees_never_a_blank_500() {
    let server = Server::start(app()).await;
    let url = done::bind(2).url();
    for (id, message) in [(2, "Already done"), (3, "Todo 3 is archived")] {
        let response = press(&server, &url, id, false).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "row {id}");
        let html = response.text().await.unwrap();
        let shown = row(&html, id);
        assert!(shown.contains(&format!("<li>{message}</li></ul></form>")), "row {id}: {shown}");

        let response = press(&server, &url, id, true).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "row {id}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["formErrors"], json!([message]), "row {id}");
    }
}
