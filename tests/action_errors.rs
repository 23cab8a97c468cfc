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
use formaction::{
    ActionError, ActionErrors, Flash, FormState, FormView, Redirect, RouterExt, action, form, page,
};
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

/// An address, nested in the sign-up form.
#[form]
struct Address {
    city: String,
}

/// A line of the sign-up form's list.
#[form]
struct Line {
    name: String,
}

/// A sign-up whose errors only the action finds, each named by a typed path.
#[form]
struct SignUp {
    email: String,
    address: Address,
    lines: Vec<Line>,
}

#[action]
async fn sign_up(#[form] input: SignUp) -> Result<Redirect, ActionError> {
    let paths = SignUp::paths();
    let mut errors = formaction::FormErrors::new();
    if input.email == "taken@example.com" {
        errors.add_message(paths.email, "That email is taken");
    }
    if input.address.city == "Atlantis" {
        errors.add_message(paths.address.city, "We do not deliver there");
    }
    if input.lines.len() > 1 && input.lines[1].name == "twice" {
        errors.add_message(paths.lines.at(1).name, "Already ordered");
    }
    if input.lines.len() > 2 {
        errors.add_message(paths.lines, "At most two lines");
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    if input.email == "late@example.com" {
        return Err(ActionError::field(SignUp::paths().email, "Sign-ups closed for that address"));
    }
    Ok(Redirect::to("/signup"))
}

async fn sign_up_page(state: FormState<SignUp>) -> Html<String> {
    let view = FormView::from_state(&state, sign_up::bind()).id("signup");
    Html(format!("<h1>Sign up</h1>{view}"))
}

fn app() -> Router {
    Router::new()
        .page("/todos", page(todos).action::<delete>().action::<done>())
        .page("/signup", page(sign_up_page).action::<sign_up>())
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

#[test]
fn typed_paths_are_the_fields_html_names() {
    let paths = SignUp::paths();
    assert_eq!(paths.email.as_str(), "email");
    assert_eq!(paths.address.city.as_str(), "address.city");
    assert_eq!(paths.lines.as_str(), "lines");
    assert_eq!(paths.lines.at(3).name.as_str(), "lines[3].name");
    assert_eq!(String::from(SignUp::paths().email), "email");
}

/// The HTML of the field wrapper holding the control `id` (up to the next field).
fn field<'a>(html: &'a str, id: &str) -> &'a str {
    let control = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no control {id} in {html}"));
    let start = html[..control].rfind("data-field").expect("the field's wrapper");
    let end = html[control..].find("data-field").map_or(html.len(), |end| control + end);
    &html[start..end]
}

#[tokio::test]
async fn errors_named_by_typed_paths_land_beside_their_fields() {
    let server = Server::start(app()).await;
    let url = format!("/signup{}", sign_up::bind().url());
    let fields = [
        ("email", "taken@example.com"),
        ("address.city", "Atlantis"),
        ("lines[0].name", "tea"),
        ("lines[1].name", "twice"),
    ];
    let response = server.post(&url).form(&fields).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    for (id, message) in [
        ("signup-email", "That email is taken"),
        ("signup-address-city", "We do not deliver there"),
        ("signup-lines-1-name", "Already ordered"),
    ] {
        let shown = field(&html, id);
        assert!(
            shown.contains(&format!("<ul class=\"fa-errors\" id=\"{id}-error\">")) && shown.contains(message),
            "{message:?} beside {id}: {shown}"
        );
        assert!(shown.contains(&format!("aria-describedby=\"{id}-error\"")), "{shown}");
    }
    assert!(!field(&html, "signup-lines-0-name").contains("fa-errors"), "{html}");

    // `ActionError::field` takes a typed path too.
    let late = [("email", "late@example.com"), ("address.city", "Oslo"), ("lines[0].name", "tea")];
    let response = server.post(&url).form(&late).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(field(&html, "signup-email").contains("Sign-ups closed for that address"), "{html}");
}
