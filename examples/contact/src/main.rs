//! A contact form in one file: `cargo run -p example-contact`, then open the URL it prints.
//!
//! The form is a struct, its rules are validator's attributes, the action is an `async fn`, and the
//! page is an askama template that shows the form (with every error beside its field after an
//! invalid submission) or the flash message after a valid one. It works with JavaScript off; with
//! it on, the enhancement script submits without a reload.
//!
//! `PORT` sets the port on 127.0.0.1 (3000 by default, `0` for any free one).

use axum::Router;
use axum::response::{IntoResponse, Response};
use formaction::askama::Template;
use formaction::{
    ActionError, Flash, FormState, FormView, HtmlPage, Redirect, RouterExt, action, form, page,
};

/// What a visitor sends.
#[form]
struct Contact {
    #[validate(length(min = 1, max = 80, message = "Tell us your name"))]
    name: String,
    #[validate(email)]
    email: String,
    #[field(textarea, help = "A few sentences are enough.")]
    #[validate(length(min = 10, max = 2000))]
    message: String,
}

/// Sends the message (here: prints it), then back to the page with a thank-you note.
#[action]
async fn send(#[form] contact: Contact) -> Result<Redirect, ActionError> {
    if contact.email.ends_with("@example.invalid") {
        // A business rule, shown beside the field like a validation error.
        return Err(ActionError::field("email", "We cannot answer to this address"));
    }
    println!("message from {} <{}>: {}", contact.name, contact.email, contact.message);
    Ok(Redirect::to("/").with_flash(format!("Thank you, {}: we will answer soon.", contact.name)))
}

#[derive(Template)]
#[template(
    askama = formaction::askama,
    ext = "html",
    source = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Contact us</title></head>
<body>
<main>
<h1>Contact us</h1>
{% if let Some(flash) = flash %}<p role="status">{{ flash }}</p>{% endif %}
{{ form }}
</main>
{{ script|safe }}
</body>
</html>
"#
)]
struct ContactPage<'a> {
    form: FormView<'a, Contact>,
    flash: Option<&'a str>,
    script: &'static str,
}

async fn contact_page(state: FormState<Contact>, flash: Flash) -> Response {
    let form = FormView::from_state(&state, send::bind()).submit_label("Send");
    let page = ContactPage { form, flash: flash.message(), script: formaction::render::script_tag() };
    HtmlPage::new(page).into_response()
}

/// The whole app: the page and its action on `/`, and the enhancement script.
fn app() -> Router {
    Router::new()
        .page("/", page(contact_page).action::<send>())
        .route(formaction::render::script_path(), formaction::render::script_route())
        .layer(formaction::protect::layer())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT").ok().and_then(|port| port.parse().ok()).unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("Contact form on http://{}/", listener.local_addr()?);
    axum::serve(listener, app()).await?;
    Ok(())
}
