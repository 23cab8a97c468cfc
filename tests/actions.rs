//! `#[action]` over real HTTP on 127.0.0.1: every row of the HTTP contract.

mod support;

use axum::Router;
use axum::response::Html;
use formaction::{ActionError, ActionState, Flash, FormState, Redirect, action, form, page};
use support::Server;

#[form]
#[derive(Debug)]
struct SignUp {
    #[validate(length(min = 1, max = 50))]
    name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u8,
    #[field(secret)]
    #[validate(length(min = 8))]
    password: String,
}

#[action]
async fn sign_up(#[bind] team: String, #[form] input: SignUp) -> Result<Redirect, ActionError> {
    if input.name == "taken" {
        return Err(ActionError::field("name", "That name is taken"));
    }
    Ok(Redirect::to(format!("/teams/{team}/done")).with_flash(format!("Welcome, {}", input.name)))
}

async fn show(form: FormState<SignUp>, flash: Flash, state: Option<ActionState<u32>>) -> Html<String> {
    let errors = serde_json::to_string(&form.errors().flatten()).unwrap();
    let bound = sign_up::bind("team-42".to_owned());
    Html(format!(
        "<form method=post action='{}'>{}</form><p id=errors>{errors}</p><p id=name>{}</p><p id=flash>{}</p><p id=state>{:?}</p>",
        bound.url(),
        bound.hidden_input(),
        form.value("name").unwrap_or(""),
        flash.0.unwrap_or_default(),
        state.map(|s| s.0),
    ))
}

fn app() -> Router {
    Router::new().route("/signup", page(show).action::<sign_up>().into())
}

fn sealed_from(html: &str) -> String {
    let start = html.find("name=\"$bound\" value=\"").unwrap() + "name=\"$bound\" value=\"".len();
    html[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn smoke() {
    let server = Server::start(app()).await;
    let page = server.client.get(server.url("/signup")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let sealed = sealed_from(&html);

    let invalid = server
        .post(&format!("/signup{}", sign_up::bind(String::new()).url()))
        .form(&[("name", "Ada"), ("email", "nope"), ("age", "12"), ("password", "hunter2!"), ("$bound", &sealed)])
        .send()
        .await
        .unwrap();
    assert_eq!(invalid.status(), 422);
    let body = invalid.text().await.unwrap();
    println!("{body}");

    let valid = server
        .post("/signup")
        .form(&[("name", "Ada"), ("email", "ada@example.com"), ("age", "36"), ("password", "hunter2!!"), ("$bound", &sealed)])
        .send()
        .await
        .unwrap();
    assert_eq!(valid.status(), 303);
    println!("{:?}", valid.headers());
}
