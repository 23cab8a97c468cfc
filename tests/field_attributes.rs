//! What a real form needs beyond its values, over real HTTP on 127.0.0.1 and in the exact markup:
//! a checkbox that must be ticked ("I accept the terms"), and the per-field attributes
//! (`autocomplete`, `inputmode`, `input`, `readonly`, `disabled`, `data(...)`, `aria(...)`).

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use formaction::render::{FormView, HtmlPage};
use formaction::{ActionError, Form, FormData, FormState, Redirect, RouterExt, action, form, page};
use support::{Log, Server};

#[form]
#[derive(Debug)]
struct Terms {
    #[validate(email)]
    email: String,
    #[field(label = "I accept the terms")]
    #[validate(required)]
    accept: bool,
}

#[action]
async fn join(State(log): State<Log>, #[form] input: Terms) -> Result<Redirect, ActionError> {
    log.record(format!("joined {} {}", input.email, input.accept));
    Ok(Redirect::to("/welcome"))
}

#[derive(Template)]
#[template(source = "<main>\n{{ form|safe }}\n</main>", ext = "html")]
struct JoinPage<'a> {
    form: FormView<'a, Terms>,
}

async fn show(state: FormState<Terms>) -> Response {
    HtmlPage::new(JoinPage { form: FormView::from_state(&state, join::bind()) }).into_response()
}

fn app(log: Log) -> Router {
    Router::new().page("/join", page(show).action::<join>()).with_state(log)
}

/// The box, `required`, before the submission.
const UNTICKED: &str = "<div class=\"fa-field fa-checkbox\" data-field=\"accept\">
<input type=\"checkbox\" id=\"terms-accept\" name=\"accept\" value=\"on\" required>
<label for=\"terms-accept\">I accept the terms</label>
</div>";

/// The box after a submission without it: the error beside it, linked to it.
const REFUSED: &str = "<div class=\"fa-field fa-checkbox fa-invalid\" data-field=\"accept\">
<input type=\"checkbox\" id=\"terms-accept\" name=\"accept\" value=\"on\" required aria-invalid=\"true\" aria-describedby=\"terms-accept-error\">
<label for=\"terms-accept\">I accept the terms</label>
<ul class=\"fa-errors\" id=\"terms-accept-error\">
<li>This field is required</li>
</ul>
</div>";

#[tokio::test]
async fn a_box_that_must_be_ticked_refuses_the_submission_until_it_is() {
    let log = Log::default();
    let server = Server::start(app(log.clone())).await;

    let response = server.client.get(server.url("/join")).send().await.expect("GET");
    assert_eq!(response.status(), 200);
    let body = response.text().await.expect("body");
    assert!(body.contains(UNTICKED), "{body}");

    let action = format!("/join{}", join::bind().url());
    // Absent (what a browser sends for an unticked box), and sent as not ticked.
    for unticked in
        [vec![("email", "ada@example.com")], vec![("email", "ada@example.com"), ("accept", "off")]]
    {
        let response = server.post(&action).form(&unticked).send().await.expect("POST");
        assert_eq!(response.status(), 422);
        let body = response.text().await.expect("body");
        assert!(body.contains(REFUSED), "{body}");
        assert!(body.contains("<li><a href=\"#terms-accept\">This field is required</a></li>"), "{body}");
    }
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // JSON callers get the same code.
    let response = server
        .post(&action)
        .header("accept", "application/json")
        .form(&[("email", "ada@example.com")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    assert!(
        body.contains(r#"{"code":"required","message":"This field is required","name":"accept"}"#),
        "{body}"
    );

    let response = server
        .post(&action)
        .form(&[("email", "ada@example.com"), ("accept", "on")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 303);
    assert_eq!(log.runs(), ["joined ada@example.com true"]);
}

#[form]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Plan {
    Free,
    Pro,
}

#[form]
#[derive(Debug)]
struct Contact {
    #[field(
        autocomplete = "section-home  shipping mobile TEL",
        input = "tel",
        inputmode = "tel",
        placeholder = "+47"
    )]
    phone: String,
    #[field(
        input = "search",
        data(test_id = "q\"<"),
        aria(label = "Search the <docs>", describedby = "search-tips")
    )]
    query: Option<String>,
    #[field(input = "color")]
    #[validate(length(equal = 7))]
    colour: String,
    #[field(readonly, help = "Given by the shop")]
    reference: String,
    #[field(disabled, default = 3)]
    seats: u32,
    #[field(disabled, data(role = "plan"))]
    plan: Option<Plan>,
    #[field(radio, disabled, aria(describedby = "billing-note"))]
    billing: Option<Plan>,
    #[field(textarea, readonly, inputmode = "text", autocomplete = "street-address")]
    address: String,
    #[field(disabled)]
    newsletter: bool,
}

/// Each control of `Contact`, as `FormView` renders it before a submission.
const CONTROLS: [&str; 9] = [
    "<div class=\"fa-field\" data-field=\"phone\">
<label for=\"contact-phone\">Phone</label>
<input type=\"tel\" id=\"contact-phone\" name=\"phone\" required placeholder=\"+47\" autocomplete=\"section-home shipping mobile tel\" inputmode=\"tel\">
</div>",
    "<div class=\"fa-field\" data-field=\"query\">
<label for=\"contact-query\">Query</label>
<input type=\"search\" id=\"contact-query\" name=\"query\" data-test-id=\"q&#34;&#60;\" aria-label=\"Search the &#60;docs&#62;\" aria-describedby=\"search-tips\">
</div>",
    // A colour is always `#rrggbb`: no `minlength`/`maxlength` from the rule (the server checks it).
    "<div class=\"fa-field\" data-field=\"colour\">
<label for=\"contact-colour\">Colour</label>
<input type=\"color\" id=\"contact-colour\" name=\"colour\" required>
</div>",
    "<div class=\"fa-field\" data-field=\"reference\">
<label for=\"contact-reference\">Reference</label>
<p class=\"fa-help\" id=\"contact-reference-help\">Given by the shop</p>
<input type=\"text\" id=\"contact-reference\" name=\"reference\" required readonly aria-describedby=\"contact-reference-help\">
</div>",
    // Disabled: never `required`, since it is never sent; showing its default.
    "<div class=\"fa-field\" data-field=\"seats\">
<label for=\"contact-seats\">Seats</label>
<input type=\"number\" id=\"contact-seats\" name=\"seats\" value=\"3\" min=\"0\" step=\"1\" disabled>
</div>",
    "<div class=\"fa-field\" data-field=\"plan\">
<label for=\"contact-plan\">Plan</label>
<select id=\"contact-plan\" name=\"plan\" disabled data-role=\"plan\">
<option value=\"\">Choose…</option>
<option value=\"free\">Free</option>
<option value=\"pro\">Pro</option>
</select>
</div>",
    // Radios: `disabled` and the given ids on the fieldset, which disables every radio in it.
    "<fieldset class=\"fa-field fa-choices\" id=\"contact-billing\" data-field=\"billing\" disabled aria-describedby=\"billing-note\">
<legend>Billing</legend>
<div class=\"fa-choice\">
<input type=\"radio\" id=\"contact-billing-0\" name=\"billing\" value=\"free\">
<label for=\"contact-billing-0\">Free</label>
</div>
<div class=\"fa-choice\">
<input type=\"radio\" id=\"contact-billing-1\" name=\"billing\" value=\"pro\">
<label for=\"contact-billing-1\">Pro</label>
</div>
</fieldset>",
    "<div class=\"fa-field\" data-field=\"address\">
<label for=\"contact-address\">Address</label>
<textarea id=\"contact-address\" name=\"address\" required autocomplete=\"street-address\" inputmode=\"text\" readonly>
</textarea>
</div>",
    "<div class=\"fa-field fa-checkbox\" data-field=\"newsletter\">
<input type=\"checkbox\" id=\"contact-newsletter\" name=\"newsletter\" value=\"on\" disabled>
<label for=\"contact-newsletter\">Newsletter</label>
</div>",
];

#[test]
fn each_attribute_is_on_its_control_escaped() {
    use formaction::BoundAction;
    let view = FormView::<Contact>::empty(BoundAction::unbound("save"));
    let markup: Vec<String> = view.field_views().iter().map(ToString::to_string).collect();
    assert_eq!(markup, CONTROLS);
    // The whole form writes the same controls.
    let form = view.to_string();
    for control in CONTROLS {
        assert!(form.contains(control), "{control} in {form}");
    }
    let schema = <Contact as Form>::schema();
    let phone = schema.field("phone").expect("phone");
    assert_eq!(phone.autocomplete, Some("section-home shipping mobile tel"));
    assert_eq!(phone.inputmode, Some("tel"));
    let query = schema.field("query").expect("query");
    assert_eq!(query.attributes, [("data-test-id", "q\"<"), ("aria-label", "Search the <docs>")]);
    assert_eq!(query.described_by, Some("search-tips"));
    assert!(schema.field("reference").expect("reference").readonly);
    assert!(schema.field("seats").expect("seats").disabled);
}

#[test]
fn given_ids_come_first_in_aria_describedby_with_the_errors() {
    use formaction::{BoundAction, FieldError, FormData, FormErrors};
    let values = FormData::new();
    let mut errors = FormErrors::new();
    errors.add("query", FieldError::new("custom").with_message("Not that"));
    errors.add("billing", FieldError::new("custom").with_message("Not that"));
    let view = FormView::<Contact>::new(&values, &errors, BoundAction::unbound("save"));
    let form = view.to_string();
    assert!(
        form.contains(r#"aria-label="Search the &#60;docs&#62;" aria-invalid="true" aria-describedby="search-tips contact-query-error">"#),
        "{form}"
    );
    assert!(
        form.contains(
            r#"data-field="billing" disabled aria-describedby="billing-note contact-billing-error">"#
        ),
        "{form}"
    );
}

#[test]
fn a_disabled_field_is_its_default_whatever_is_sent_and_a_readonly_one_is_read() {
    let sent = FormData::from_pairs([
        ("phone", "+47 1234"),
        ("colour", "#ff0000"),
        ("reference", "changed by hand"),
        ("seats", "999"),
        ("plan", "pro"),
        ("billing", "pro"),
        ("address", "Storgata 1"),
        ("newsletter", "on"),
    ]);
    let contact = Contact::parse(&sent).expect("valid");
    assert_eq!(contact.reference, "changed by hand", "readonly is sent, and read");
    assert_eq!((contact.seats, contact.plan, contact.billing, contact.newsletter), (3, None, None, false));
    // Absent, as browsers send them: no error.
    let browser = FormData::from_pairs([
        ("phone", "+47 1234"),
        ("colour", "#ff0000"),
        ("reference", "R-1"),
        ("address", "Storgata 1"),
    ]);
    let contact = Contact::parse(&browser).expect("valid");
    assert_eq!((contact.seats, contact.plan, contact.billing, contact.newsletter), (3, None, None, false));
}

#[form]
#[derive(Debug)]
struct Upgrade {
    #[field(disabled, default = 3)]
    seats: u32,
    #[field(disabled, default = Plan::Pro)]
    plan: Plan,
    #[field(disabled, default = true)]
    renew: bool,
    #[validate(length(min = 1))]
    note: String,
}

#[test]
fn a_disabled_field_shows_its_default_when_nothing_is_given_for_it() {
    use formaction::BoundAction;
    // What a browser sends: nothing for the disabled fields.
    let sent = FormData::from_pairs([("note", "")]);
    let errors = Upgrade::parse(&sent).expect_err("the note is required");
    let view = FormView::<Upgrade>::new(&sent, &errors, BoundAction::unbound("save"));
    let form = view.to_string();
    assert!(form.contains(r#"name="seats" value="3" min="0" step="1" disabled>"#), "{form}");
    assert!(form.contains(r#"<option value="pro" selected>Pro</option>"#), "{form}");
    assert!(form.contains(r#"name="renew" value="on" checked disabled>"#), "{form}");
    assert_eq!(view.seats.value(), "3");
    // What the page gives is shown.
    let given = FormData::from_pairs([("seats", "5"), ("plan", "free")]);
    let view = FormView::<Upgrade>::new(&given, &errors, BoundAction::unbound("save"));
    let form = view.to_string();
    assert!(form.contains(r#"name="seats" value="5" min="0" step="1" disabled>"#), "{form}");
    assert!(form.contains(r#"<option value="free" selected>Free</option>"#), "{form}");
    assert!(form.contains(r#"<option value="pro">Pro</option>"#), "{form}");
}

#[form]
#[derive(Debug)]
struct Placed {
    #[field(placeholder = "Ada")]
    name: String,
    #[field(placeholder = "3")]
    seats: u32,
    #[field(placeholder = "Pick one")]
    plan: Plan,
}

#[test]
fn a_placeholder_is_written_only_where_html_reads_one() {
    use formaction::BoundAction;
    let view = FormView::<Placed>::empty(BoundAction::unbound("save"));
    assert!(view.name.to_string().contains(r#"name="name" required placeholder="Ada">"#));
    assert!(view.seats.to_string().contains(r#"name="seats" required min="0" step="1" placeholder="3">"#));
    // A select shows no placeholder: its first option says "Choose…".
    assert!(
        view.plan.to_string().contains(r#"<select id="placed-plan" name="plan" required>"#),
        "{}",
        view.plan
    );
}
