//! What a real form needs beyond its values, over real HTTP on 127.0.0.1 and in the exact markup:
//! a checkbox that must be ticked ("I accept the terms").

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use formaction::render::{FormView, HtmlPage};
use formaction::{ActionError, FormState, Redirect, RouterExt, action, form, page};
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
