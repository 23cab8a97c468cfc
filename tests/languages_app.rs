//! An app's own catalogues, over real HTTP on 127.0.0.1: its `.ftl` files add ids (used from a
//! rule's `message = "..."`, from `ActionError`, as a field's label and a choice's) and override
//! shipped ones, a file for a new language adds that language, only the enabled languages are
//! offered, and the language cookie and a middleware's choice come before `Accept-Language`.
//! The languages are installed once per process: this is a test binary of its own.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use axum::Router;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::{Html, Response};
use formaction::messages::{Language, Languages};
use formaction::{ActionError, FormState, FormView, Redirect, RouterExt, action, form, page};
use reqwest::StatusCode;
use serde_json::Value;
use support::Server;

const EN: &str = "
order-number-taken = That number is taken
order-number-short = Use at least { $min } characters for the number
order-customer = Customer name
plan-pro = Professional
label-submit = Place order
";

const DE: &str = "
order-number-taken = Diese Nummer ist vergeben
order-number-short = Die Nummer braucht mindestens { $min } Zeichen
order-customer = Name des Kunden
plan-pro = Profi
label-summary-title = Bitte prüfen Sie Ihre Angaben
";

/// A language no catalogue ships: what it lacks is written in English.
const SV: &str = "
label-summary-title = Det finns ett problem
error-required = Fältet måste fyllas i
";

fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let languages = Languages::new()
            .enable(&["en", "de", "ar"])
            .and_then(|languages| languages.add_ftl("en", EN))
            .and_then(|languages| languages.add_ftl("de", DE))
            .and_then(|languages| languages.add_ftl("sv", SV))
            .expect("the app's files parse")
            .cookie("lang");
        languages.install().expect("installed before any request");
    });
}

#[form]
#[derive(Debug)]
enum Plan {
    Basic,
    #[field(label = "plan-pro")]
    Pro,
}

#[form]
#[derive(Debug)]
struct Order {
    #[validate(length(min = 4, message = "order-number-short"))]
    number: String,
    #[field(label = "order-customer")]
    #[validate(length(min = 1))]
    customer: String,
    #[validate(length(min = 1, message = "Enter the reference, please"))]
    reference: String,
    plan: Plan,
}

#[action]
async fn place(#[form] input: Order) -> Result<Redirect, ActionError> {
    if input.number == "taken" {
        return Err(ActionError::field(Order::paths().number, "order-number-taken"));
    }
    Ok(Redirect::to("/done"))
}

async fn show(state: FormState<Order>) -> Html<String> {
    Html(format!("{}", FormView::from_state(&state, place::bind())))
}

/// The signed-in user's setting, as an app would read it from its session: here a header.
async fn users_language(mut request: Request, next: Next) -> Response {
    let setting = request.headers().get("x-user-language").and_then(|value| value.to_str().ok());
    if let Some(language) = setting.and_then(Language::find) {
        request.extensions_mut().insert(language);
    }
    next.run(request).await
}

async fn start() -> Server {
    install();
    let app =
        Router::new().page("/order", page(show).action::<place>()).layer(middleware::from_fn(users_language));
    Server::start(app).await
}

async fn post(
    server: &Server,
    fields: &[(&str, &str)],
    headers: &[(&str, &str)],
    json: bool,
) -> reqwest::Response {
    let mut request = server.post(&format!("/order{}", place::bind().url())).form(fields);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if json {
        request = request.header("accept", "application/json");
    }
    request.send().await.unwrap()
}

const INVALID: [(&str, &str); 4] = [("number", "ab"), ("customer", ""), ("reference", ""), ("plan", "Gold")];

#[tokio::test]
async fn the_apps_ids_and_overrides_in_html_and_json() {
    let server = start().await;
    let html = post(&server, &INVALID, &[("accept-language", "de")], false).await;
    assert_eq!(html.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = html.text().await.unwrap();
    assert!(html.contains(">Bitte prüfen Sie Ihre Angaben</h2>"), "an overridden label: {html}");
    assert!(html.contains(">Name des Kunden</label>"), "a label that is an id: {html}");
    assert!(html.contains(">Profi</option>"), "a choice that is an id: {html}");
    assert!(html.contains("<li>Die Nummer braucht mindestens 4 Zeichen</li>"), "a rule's id: {html}");
    assert!(html.contains("<li>Enter the reference, please</li>"), "a sentence stays as written: {html}");
    assert!(html.contains(">Absenden</button>"), "a shipped label the app left alone: {html}");

    let json: Value = post(&server, &INVALID, &[("accept-language", "de")], true).await.json().await.unwrap();
    assert_eq!(json["fieldErrors"]["number"], serde_json::json!(["Die Nummer braucht mindestens 4 Zeichen"]));
    assert_eq!(json["fieldErrors"]["customer"], serde_json::json!(["Dieses Feld muss ausgefüllt werden"]));
    assert_eq!(json["fieldErrors"]["reference"], serde_json::json!(["Enter the reference, please"]));

    // English with the app's file: its ids and its override.
    let html = post(&server, &INVALID, &[], false).await.text().await.unwrap();
    assert!(html.contains(">Customer name</label>") && html.contains(">Professional</option>"), "{html}");
    assert!(html.contains(">Place order</button>"), "{html}");
    assert!(html.contains("<li>Use at least 4 characters for the number</li>"), "{html}");
    assert!(html.contains(">There is a problem</h2>"), "{html}");

    // An id from an action's error.
    let taken = [("number", "taken"), ("customer", "Ada"), ("reference", "r"), ("plan", "pro")];
    let json: Value = post(&server, &taken, &[("accept-language", "de")], true).await.json().await.unwrap();
    assert_eq!(json["fieldErrors"]["number"], serde_json::json!(["Diese Nummer ist vergeben"]), "{json}");
    let html = post(&server, &taken, &[("accept-language", "en")], false).await.text().await.unwrap();
    assert!(html.contains("<li>That number is taken</li>"), "{html}");
}

#[tokio::test]
async fn a_file_adds_a_language_and_only_enabled_languages_are_offered() {
    let server = start().await;
    let html = post(&server, &INVALID, &[("accept-language", "sv-SE")], false).await.text().await.unwrap();
    assert!(html.contains(">Det finns ett problem</h2>"), "{html}");
    assert!(html.contains("<li>Fältet måste fyllas i</li>"), "{html}");
    assert!(html.contains(" lang=\"sv\""), "{html}");
    assert!(
        html.contains("<li>Use at least 4 characters for the number</li>"),
        "English for the rest: {html}"
    );

    // French ships, but this app does not offer it.
    let html = post(&server, &INVALID, &[("accept-language", "fr")], false).await.text().await.unwrap();
    assert!(html.contains(">There is a problem</h2>") && !html.contains(" lang=\"fr\""), "{html}");
}

#[tokio::test]
async fn the_users_setting_then_the_cookie_then_accept_language() {
    let server = start().await;
    let summary = |html: &str| {
        let start = html.find("-summary-title\">").unwrap();
        let rest = &html[html[start..].find("<h2").unwrap() + start..];
        rest[rest.find('>').unwrap() + 1..rest.find("</h2>").unwrap()].to_owned()
    };
    let cookie = [("accept-language", "de"), ("cookie", "theme=dark; lang=ar")];
    let html = post(&server, &INVALID, &cookie, false).await.text().await.unwrap();
    assert_eq!(summary(&html), "توجد مشكلة", "the cookie over Accept-Language");
    assert!(html.contains(" lang=\"ar\" dir=\"rtl\""), "{html}");
    let stale = [("accept-language", "de"), ("cookie", "lang=fr")];
    let html = post(&server, &INVALID, &stale, false).await.text().await.unwrap();
    assert_eq!(summary(&html), "Bitte prüfen Sie Ihre Angaben", "a cookie for a language not offered");
    let response = server
        .post(&format!("/order{}", place::bind().url()))
        .form(&INVALID)
        .header("accept-language", "de")
        .header("cookie", "lang=%%;;=;lang")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(summary(&response.text().await.unwrap()), "Bitte prüfen Sie Ihre Angaben");
    let user = [("accept-language", "ar"), ("cookie", "lang=ar"), ("x-user-language", "de")];
    let html = post(&server, &INVALID, &user, false).await.text().await.unwrap();
    assert_eq!(summary(&html), "Bitte prüfen Sie Ihre Angaben", "the app's choice over both");
}
