//! A formaction page rendered with [maud](https://maud.lambda.xyz) instead of askama.
//!
//! `FormView` writes a whole form; a renderer of your own reads the same form as data instead:
//! [`FormView::field_views`] gives each field's name, id, label, help, errors and their ids,
//! [`FieldView::control`] which markup it has, [`FieldView::attribute_list`] its attributes as
//! `(name, value)` pairs, [`FieldView::options`] its choices, and the form its summary entries,
//! hidden fields, buttons and the enhancement script's messages ([`FormView::client_messages`]).
//! [`form`] below writes them with maud, in the same markup as `FormView` (the tests compare the
//! two byte for byte), texts escaped with [`escape_html`] so that even the entities match. maud's
//! own `(text)` escaping is as safe; it only picks other entities for the same characters.

use axum::Router;
use axum::response::IntoResponse;
use formaction::render::{FieldView, choose_option, escape_html, summary_title};
use formaction::{
    ActionError, Flash, FormState, FormView, Redirect, RouterExt, action, form as form_attr, page,
};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The plans a team can choose.
#[form_attr]
#[derive(Debug, Clone, Copy)]
pub enum Plan {
    /// Free, up to three people.
    Free,
    /// Paid per seat.
    Team,
}

/// The sign-up form.
#[form_attr]
pub struct SignUp {
    #[field(
        help = "As it should appear on invoices.",
        placeholder = "Ada \"Countess\" Lovelace",
        autocomplete = "name"
    )]
    #[validate(length(min = 1, max = 50))]
    name: String,
    #[field(autocomplete = "email", data(role = "<primary>"))]
    #[validate(email)]
    email: String,
    plan: Plan,
    #[field(textarea)]
    #[validate(length(max = 500))]
    about: Option<String>,
    newsletter: bool,
}

/// Signs up, then to the page again with a welcome.
#[action]
async fn sign_up(#[form] input: SignUp) -> Result<Redirect, ActionError> {
    let plan = match input.plan {
        Plan::Free => "Free",
        Plan::Team => "Team",
    };
    Ok(Redirect::to("/").with_flash(format!("Welcome, {} ({plan})", input.name)))
}

/// A text, escaped as `FormView` escapes it.
fn t(text: &str) -> PreEscaped<std::borrow::Cow<'_, str>> {
    PreEscaped(escape_html(text))
}

/// The help and the errors of a field.
fn notes(field: &FieldView<'_>) -> Markup {
    html! {
        @if let Some(help) = field.help() {
            "\n" p class="fa-help" id=(t(&field.help_id())) { (t(help)) }
        }
        @if field.is_invalid() {
            "\n" ul class="fa-errors" id=(t(&field.error_id())) {
                @for error in field.errors { "\n" li { (t(&error.message())) } }
                "\n"
            }
        }
    }
}

/// The attributes of a control after its id and name.
fn attributes(field: &FieldView<'_>) -> Markup {
    let mut out = String::new();
    for (name, value) in field.attribute_list() {
        out.push(' ');
        out.push_str(name);
        if let Some(value) = value {
            out.push_str("=\"");
            out.push_str(&escape_html(&value));
            out.push('"');
        }
    }
    PreEscaped(out)
}

/// `fa-field`, with `fa-invalid` when the field has errors.
fn class(field: &FieldView<'_>, base: &str) -> String {
    if field.is_invalid() { format!("{base} fa-invalid") } else { base.to_owned() }
}

/// One field, in `FormView`'s markup: the controls this form uses.
fn field(field: &FieldView<'_>) -> Markup {
    let label = html! { "\n" label for=(t(&field.id)) { (t(field.label())) } (notes(field)) };
    match field.control() {
        "checkbox" => html! {
            div class=(class(field, "fa-field fa-checkbox")) data-field=(t(&field.name)) {
                "\n" (PreEscaped(format!(
                    r#"<input type="checkbox" id="{}" name="{}" value="on"{}{}>"#,
                    escape_html(&field.id),
                    escape_html(&field.name),
                    if field.is_checked() { " checked" } else { "" },
                    attributes(field).into_string(),
                )))
                (label) "\n"
            }
        },
        "textarea" => html! {
            div class=(class(field, "fa-field")) data-field=(t(&field.name)) {
                (label) "\n"
                (PreEscaped(format!(
                    "<textarea id=\"{}\" name=\"{}\"{}>\n{}</textarea>",
                    escape_html(&field.id),
                    escape_html(&field.name),
                    attributes(field).into_string(),
                    escape_html(field.shown_value()),
                )))
                "\n"
            }
        },
        "select" => html! {
            div class=(class(field, "fa-field")) data-field=(t(&field.name)) {
                (label) "\n"
                (PreEscaped(format!(
                    "<select id=\"{}\" name=\"{}\"{}>",
                    escape_html(&field.id),
                    escape_html(&field.name),
                    attributes(field).into_string(),
                )))
                "\n" option value="" { (choose_option()) }
                @for option in field.options() {
                    "\n" option value=(t(option.choice.value)) selected[option.selected] { (t(option.choice.label)) }
                }
                "\n" (PreEscaped("</select>")) "\n"
            }
        },
        // A text, email or number input.
        _ => html! {
            div class=(class(field, "fa-field")) data-field=(t(&field.name)) {
                (label) "\n"
                (PreEscaped(format!(
                    "<input type=\"{}\" id=\"{}\" name=\"{}\"{}{}>",
                    field.input_type(),
                    escape_html(&field.id),
                    escape_html(&field.name),
                    match field.shown_value() {
                        "" => String::new(),
                        value => format!(" value=\"{}\"", escape_html(value)),
                    },
                    attributes(field).into_string(),
                )))
                "\n"
            }
        },
    }
}

/// The whole form, in `FormView`'s markup.
pub fn form(view: &FormView<'_, SignUp>) -> Markup {
    let id = view.form_id();
    let entries = view.summary_entries();
    html! {
        form id=(t(id)) method="post" action=(view.action_url())
            enctype=[view.is_multipart().then_some("multipart/form-data")] data-enhance[view.is_enhanced()] {
            "\n"
            @if !entries.is_empty() {
                div class="fa-summary" id=(t(&format!("{id}-summary"))) role="alert" tabindex="-1"
                    aria-labelledby=(t(&format!("{id}-summary-title"))) {
                    "\n" h2 id=(t(&format!("{id}-summary-title"))) { (summary_title()) }
                    "\n" ul {
                        @for entry in &entries {
                            "\n" li {
                                @if let Some(target) = &entry.target {
                                    a href=(t(&format!("#{target}"))) { (t(&entry.message)) }
                                } @else {
                                    (t(&entry.message))
                                }
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
            }
            @for (name, value) in view.hidden_fields() {
                input type="hidden" name=(t(name)) value=(t(&value));
            }
            @for one in view.field_views() { "\n" (field(&one)) }
            // The enhancement script's messages (JSON), right after the fields.
            (PreEscaped(view.client_messages()))
            "\n" div class="fa-actions" {
                @for button in view.buttons() { "\n" button type="submit" { (t(&button.label)) } }
                "\n"
            }
            "\n"
        }
    }
}

async fn sign_up_page(state: FormState<SignUp>, flash: Flash) -> impl IntoResponse {
    let view = FormView::from_state(&state, sign_up::bind()).submit_label("Sign up");
    html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "Sign up" } }
            body {
                main {
                    h1 { "Sign up" }
                    @if let Some(message) = flash.message() { p role="status" { (message) } }
                    (form(&view))
                }
            }
        }
    }
}

/// The app: the page and its action on `/`.
pub fn app() -> Router {
    Router::new().page("/", page(sign_up_page).action::<sign_up>()).layer(formaction::protect::layer())
}

#[cfg(test)]
mod tests {
    use formaction::{BoundAction, Form, FormData, FormErrors};

    use super::*;

    /// The form rendered by `FormView` and by maud, from one view (one sealed value).
    fn both(values: &FormData, errors: &FormErrors) -> (String, String) {
        let view =
            FormView::<SignUp>::new(values, errors, BoundAction::unbound("sign_up")).submit_label("Sign up");
        (view.to_string(), form(&view).into_string())
    }

    #[test]
    fn an_empty_form_is_the_same_markup() {
        let (form_view, maud) = both(&FormData::new(), &FormErrors::new());
        assert_eq!(maud, form_view);
    }

    #[test]
    fn an_invalid_submission_is_the_same_markup_with_every_error_and_value() {
        let values = FormData::from_pairs([
            ("name", ""),
            ("email", "ada@<\"x\">'&"),
            ("plan", "team"),
            ("about", "\nTwo\n<b>lines</b> & 'quotes'"),
            ("newsletter", "on"),
        ]);
        let Err(errors) = SignUp::parse(&values) else { panic!("the submission is invalid") };
        let (form_view, maud) = both(&values, &errors);
        assert!(form_view.contains("fa-summary") && form_view.contains("&#60;b&#62;"), "{form_view}");
        assert_eq!(maud, form_view);
    }

    #[test]
    fn a_form_level_error_is_the_same_markup() {
        let values = FormData::from_pairs([("name", "Ada"), ("email", "ada@example.com"), ("plan", "free")]);
        let mut errors = FormErrors::new();
        errors.add_form_error(formaction::FieldError::new("taken").with_message("This team is full"));
        let (form_view, maud) = both(&values, &errors);
        assert!(form_view.contains("This team is full"));
        assert_eq!(maud, form_view);
    }
}
