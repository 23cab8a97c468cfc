//! Every word in the user's language, over real HTTP on 127.0.0.1, with the shipped catalogues and
//! nothing installed: the same invalid submission with `Accept-Language: de`, `fr-CA,fr;q=0.9`,
//! `pl`, `ar` and `xx` gets its messages in that language (English for `xx`), the same in the
//! 422 page (JavaScript off) and in the JSON answer (the enhancement script); the page's labels,
//! `lang` and `dir`, the script's texts, and refusals follow.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use axum::Router;
use axum::response::Html;
use formaction::messages::Language;
use formaction::{ActionError, ActionErrors, FormState, FormView, Redirect, RouterExt, action, form, page};
use reqwest::StatusCode;
use serde_json::Value;
use support::Server;

#[form]
#[derive(Debug)]
enum Plan {
    Free,
    Pro,
}

#[form]
#[derive(Debug)]
struct Order {
    #[validate(length(min = 1, message = "Enter the customer's name"))]
    customer: String,
    #[validate(length(max = 1))]
    initial: String,
    #[validate(length(min = 2))]
    code: String,
    #[validate(length(min = 5))]
    reference: String,
    #[validate(range(min = 0.5))]
    amount: f64,
    #[validate(email)]
    email: String,
    plan: Plan,
}

#[action]
async fn order(#[form] input: Order) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/done?{}", input.customer.len())))
}

/// The page: English around the runtime's form, as most apps' pages are.
async fn show(state: FormState<Order>, lang: Language) -> Html<String> {
    let view = FormView::from_state(&state, order::bind());
    Html(format!(
        "<!doctype html><html lang=\"en\"><body><p id=lang>{}</p><p id=own>{} {}</p>{view}</body></html>",
        lang.tag(),
        formaction::render::summary_title(),
        formaction::render::choose_option(),
    ))
}

fn app() -> Router {
    Router::new().page("/order", page(show).action::<order>())
}

const INVALID: [(&str, &str); 7] = [
    ("customer", ""),
    ("initial", "abc"),
    ("code", "a"),
    ("reference", "abc"),
    ("amount", "0.1"),
    ("email", "nope"),
    ("plan", "enterprise"),
];

/// The messages each field gets, by `Accept-Language`; the rule's own message stays as written.
fn expected(accept: &str) -> [(&'static str, &'static str); 7] {
    let [initial, code, reference, amount, email, plan] = match accept {
        "de" => [
            "Geben Sie höchstens 1 Zeichen ein",
            "Geben Sie mindestens 2 Zeichen ein",
            "Geben Sie mindestens 5 Zeichen ein",
            "Der Wert muss mindestens 0,5 sein",
            "Geben Sie eine gültige E-Mail-Adresse ein",
            "Wählen Sie eine der Optionen aus",
        ],
        "fr-CA,fr;q=0.9" => [
            "Saisissez au maximum 1 caractère",
            "Saisissez au moins 2 caractères",
            "Saisissez au moins 5 caractères",
            "La valeur doit être d’au moins 0,5",
            "Saisissez une adresse e-mail valide",
            "Choisissez l’une des options",
        ],
        "pl" => [
            "Wpisz nie więcej niż 1 znak",
            "Wpisz co najmniej 2 znaki",
            "Wpisz co najmniej 5 znaków",
            "Wartość musi wynosić co najmniej 0,5",
            "Wpisz prawidłowy adres e-mail",
            "Wybierz jedną z opcji",
        ],
        "ar" => [
            "يُرجى إدخال حرف واحد على الأكثر",
            "يُرجى إدخال حرفين على الأقل",
            "يُرجى إدخال 5 أحرف على الأقل",
            "يجب ألا تقل القيمة عن 0.5",
            "يُرجى إدخال عنوان بريد إلكتروني صالح",
            "يُرجى اختيار أحد الخيارات",
        ],
        _ => [
            "Must be at most 1 character",
            "Must be at least 2 characters",
            "Must be at least 5 characters",
            "Must be at least 0.5",
            "Enter a valid email address",
            "Choose one of the options",
        ],
    };
    [
        ("customer", "Enter the customer's name"),
        ("initial", initial),
        ("code", code),
        ("reference", reference),
        ("amount", amount),
        ("email", email),
        ("plan", plan),
    ]
}

/// HTML text back to what it says (the runtime escapes `&<>"'`).
fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The error summary's heading and its entries (link target, message), from a 422 page.
fn summary(html: &str) -> (String, Vec<(String, String)>) {
    let start = html.find("class=\"fa-summary\"").unwrap_or_else(|| panic!("no summary in {html}"));
    let summary = &html[start..];
    let title = &summary[summary.find("<h2").unwrap()..];
    let title = &title[title.find('>').unwrap() + 1..];
    let title = title[..title.find("</h2>").unwrap()].to_owned();
    let list = &summary[summary.find("<ul>").unwrap()..summary.find("</ul>").unwrap()];
    let entries = list
        .split("<li>")
        .skip(1)
        .map(|entry| {
            let entry = entry.trim_end().trim_end_matches("</li>");
            let target = entry.split("href=\"#").nth(1).and_then(|rest| rest.split('"').next()).unwrap_or("");
            let text = entry.trim_end_matches("</a>");
            let text = text.rsplit('>').next().unwrap_or(text);
            (target.to_owned(), unescape(text))
        })
        .collect();
    (unescape(&title), entries)
}

async fn submit(server: &Server, accept: &str, json: bool) -> reqwest::Response {
    let mut post = server.post(&format!("/order{}", order::bind().url())).form(&INVALID);
    post = post.header("accept-language", accept);
    if json {
        post = post.header("x-formaction", "1").header("accept", "application/json");
    }
    post.send().await.unwrap()
}

#[tokio::test]
async fn the_same_invalid_submission_in_five_languages_as_html_and_as_json() {
    let server = Server::start(app()).await;
    let titles = [
        ("de", "Es gibt ein Problem", Some("de"), None),
        ("fr-CA,fr;q=0.9", "Il y a un problème", Some("fr"), None),
        ("pl", "Wystąpił problem", Some("pl"), None),
        ("ar", "توجد مشكلة", Some("ar"), Some("rtl")),
        ("xx", "There is a problem", None, None),
    ];
    for (accept, title, lang, dir) in titles {
        let page = submit(&server, accept, false).await;
        assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY, "{accept}");
        // Answers in a language are never kept by a cache for another request.
        assert_eq!(page.headers()["cache-control"], "no-store", "{accept}");
        let html = page.text().await.unwrap();
        let (heading, entries) = summary(&html);
        assert_eq!(heading, title, "{accept}: the summary's heading");
        let expected = expected(accept);
        let shown: Vec<(&str, &str)> = entries
            .iter()
            .map(|(target, text)| (target.trim_start_matches("order-"), text.as_str()))
            .collect();
        assert_eq!(shown, expected, "{accept}: the 422 page's summary");
        // Each message is also beside its field.
        for (_, message) in expected {
            let escaped = message.replace('\'', "&#39;");
            assert!(
                html.contains(&escaped) || html.contains(&message.replace('\'', "&#x27;")),
                "{accept}: {message}"
            );
            assert!(html.matches(&*escaped).count() >= 1);
        }
        // The form carries its language where the page (English) does not.
        let form_tag = &html[html.find("<form").unwrap()..];
        let form_tag = &form_tag[..form_tag.find('>').unwrap()];
        match lang {
            Some(lang) => assert!(form_tag.contains(&format!(" lang=\"{lang}\"")), "{accept}: {form_tag}"),
            None => assert!(!form_tag.contains(" lang="), "{accept}: {form_tag}"),
        }
        match dir {
            Some(dir) => assert!(form_tag.contains(&format!(" dir=\"{dir}\"")), "{accept}: {form_tag}"),
            None => assert!(!form_tag.contains(" dir="), "{accept}: {form_tag}"),
        }

        let answer = submit(&server, accept, true).await;
        assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY, "{accept}");
        let body: Value = answer.json().await.unwrap();
        for (name, message) in expected {
            assert_eq!(body["fieldErrors"][name], serde_json::json!([message]), "{accept}: JSON {name}");
        }
        let from_json: Vec<(String, String)> = body["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|issue| {
                (issue["name"].as_str().unwrap().to_owned(), issue["message"].as_str().unwrap().to_owned())
            })
            .collect();
        let from_page: Vec<(String, String)> = entries
            .iter()
            .map(|(target, text)| (target.trim_start_matches("order-").to_owned(), text.clone()))
            .collect();
        assert_eq!(from_json, from_page, "{accept}: the page and the JSON answer say the same");
    }
}

#[tokio::test]
async fn labels_and_the_scripts_texts_come_in_the_language_of_the_page() {
    let server = Server::start(app()).await;
    let get = |accept: &'static str| {
        let request = server.client.get(server.url("/order")).header("accept-language", accept);
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let german = get("de-DE,de;q=0.9,en;q=0.8").await;
    assert!(german.contains("<p id=lang>de</p>"), "the extractor: {german}");
    assert!(
        german.contains("<p id=own>Es gibt ein Problem Bitte auswählen …</p>"),
        "for markup of one's own"
    );
    assert!(german.contains("<option value=\"\">Bitte auswählen …</option>"), "{german}");
    assert!(german.contains(">Absenden</button>"), "{german}");
    assert!(german.contains(" data-fa-text-problem=\"Es gibt ein Problem\""), "{german}");
    assert!(german.contains(" data-fa-text-failed=\""), "{german}");
    let english = get("en-GB").await;
    assert!(english.contains("<option value=\"\">Choose…</option>"), "{english}");
    assert!(english.contains(">Submit</button>"), "{english}");
    assert!(!english.contains("data-fa-text-"), "English is the script's own: {english}");
    // English again after German: nothing German was kept for the form's type.
    // (Each rendering carries a one-time token of its own: the rest must be the same.)
    let without_token = |html: &str| {
        let at = html.find(r#"name="$once" value=""#).map_or(0, |at| at + 20);
        let end = html[at..].find('"').map_or(at, |len| at + len);
        format!("{}{}", &html[..at], &html[end..])
    };
    let again = get("*").await;
    assert!(again.contains(r#"name="$once""#), "{again}");
    assert_eq!(without_token(&again), without_token(&english));
    let hebrew = get("he").await;
    assert!(hebrew.contains(" lang=\"he\" dir=\"rtl\""), "{hebrew}");
}

#[tokio::test]
async fn refusals_come_in_the_language_of_the_request() {
    let server = Server::start(app()).await;
    let unknown = |accept: &'static str, json: bool| {
        let mut post =
            server.post("/order?_action=nope").form(&[("a", "b")]).header("accept-language", accept);
        if json {
            post = post.header("accept", "application/json");
        }
        async move { post.send().await.unwrap() }
    };
    let page = unknown("de", false).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let html = page.text().await.unwrap();
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("<title>404 Nicht gefunden</title>"), "{html}");
    assert!(html.contains("<p>diese Seite hat keine Aktion `nope`</p>"), "{html}");
    let answer: Value = unknown("de", true).await.json().await.unwrap();
    assert_eq!(answer["error"], "diese Seite hat keine Aktion `nope`");

    let html = unknown("ar", false).await.text().await.unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("<h1>غير موجود</h1>"), "{html}");
    let html = unknown("xx", false).await.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("this page has no action `nope`"), "{html}");

    // A guard's refusal: a post from another site.
    let forged = server
        .client
        .post(server.url(&format!("/order{}", order::bind().url())))
        .header("origin", "https://evil.test")
        .header("accept-language", "de")
        .header("accept", "application/json")
        .form(&INVALID)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let answer: Value = forged.json().await.unwrap();
    assert_eq!(
        answer["error"],
        "websiteübergreifende Anfrage abgelehnt: Origin passt nicht zu dieser Website"
    );

    // A body the decoder refuses: the limit written as a number of the language.
    let bad = server
        .post(&format!("/order{}", order::bind().url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-language", "pl")
        .header("accept", "application/json")
        .body("a=%zz")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let answer: Value = bad.json().await.unwrap();
    assert_eq!(answer["error"], "nieprawidłowe kodowanie procentowe w bajcie 2");
}

#[form]
#[derive(Debug)]
struct Errand {
    item: String,
}

#[action]
async fn run_errand(#[form] input: Errand) -> Result<Redirect, ActionError> {
    match input.item.as_str() {
        "boom" => panic!("a panic no answer shows"),
        "slow" => tokio::time::sleep(std::time::Duration::from_secs(30)).await,
        _ => {}
    }
    Ok(Redirect::to("/done"))
}

async fn errand_page() -> Html<&'static str> {
    Html("<!doctype html><title>Errand</title>")
}

/// The protection layer's own answers (an unknown host, a timeout, a panic) are in the request's
/// language too.
#[tokio::test]
async fn the_protection_layers_answers_come_in_the_language_of_the_request() {
    let protection =
        formaction::protect::Protection::new().request_timeout(std::time::Duration::from_millis(300));
    let app =
        Router::new().page("/errand", page(errand_page).action::<run_errand>()).layer(protection.layer());
    let server = Server::start(app).await;
    let url = format!("/errand{}", run_errand::bind().url());
    let german = |item: &'static str| {
        server.post(&url).header("accept-language", "de-CH, en;q=0.5").form(&[("item", item)]).send()
    };

    let slow = german("slow").await.unwrap();
    assert_eq!(slow.status(), StatusCode::REQUEST_TIMEOUT);
    let html = slow.text().await.unwrap();
    assert!(html.contains("<title>408 Zeitüberschreitung der Anfrage</title>"), "{html}");
    assert!(
        html.contains("Die Anfrage wurde nicht innerhalb von 0,3 Sekunden abgeschlossen. Bitte versuchen Sie es noch einmal."),
        "{html}"
    );

    let boom = german("boom").await.unwrap();
    assert_eq!(boom.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let html = boom.text().await.unwrap();
    assert!(html.contains("<h1>Interner Serverfehler</h1>"), "{html}");
    assert!(html.contains("Auf unserer Seite ist ein Fehler aufgetreten."), "{html}");
    assert!(!html.contains("a panic no answer shows"));

    let stranger = server
        .client
        .get(server.url("/errand"))
        .header("host", "evil.test")
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status(), StatusCode::BAD_REQUEST);
    let html = stranger.text().await.unwrap();
    assert!(html.contains("<title>400 Ungültige Anfrage</title>"), "{html}");
    assert!(html.contains("unbekannter Host `evil.test`"), "{html}");
}

#[action]
async fn remove_row(#[bind] id: u32) -> Result<(), ActionError> {
    Err(ActionError::form(format!("row {id} is locked")))
}

async fn rows(errors: ActionErrors) -> Html<String> {
    Html(format!("{}", remove_row::bind(7).form_button("Entfernen", &errors)))
}

/// A row's button, a form of its own, carries its language and the script's texts too.
#[tokio::test]
async fn a_rows_button_carries_the_language_too() {
    let server = Server::start(Router::new().page("/rows", page(rows).action::<remove_row>())).await;
    let html = server.client.get(server.url("/rows")).header("accept-language", "ar").send().await.unwrap();
    let html = html.text().await.unwrap();
    let form = &html[..html.find('>').unwrap()];
    assert!(form.contains(" lang=\"ar\" dir=\"rtl\""), "{form}");
    assert!(form.contains(" data-fa-text-failed=\""), "{form}");
    let english = server.client.get(server.url("/rows")).send().await.unwrap().text().await.unwrap();
    assert!(english.starts_with("<form method=\"post\" action=\"?_action=remove_row"), "{english}");
    assert!(!english.contains(" lang=") && !english.contains("data-fa-text"), "{english}");
}

/// Hostile `Accept-Language` headers: read within bounds, never an error.
#[tokio::test]
async fn hostile_accept_language_headers_get_an_answer_in_a_language() {
    let server = Server::start(app()).await;
    let huge = vec!["x-junk;q=0.9"; 600].join(",") + ",de";
    let cases: [(&[&str], &str); 7] = [
        (&["*"], "There is a problem"),
        (&["de;q=0, fr;q=0.1"], "Il y a un problème"),
        (&["de;q=abc, pl;q=0.5"], "Wystąpił problem"),
        (&[";;;,=,q=1,<script>"], "There is a problem"),
        (&["ar, ar, ar;q=0.1, de"], "توجد مشكلة"),
        (&["xx", "de"], "Es gibt ein Problem"),
        (&[huge.as_str()], "There is a problem"),
    ];
    for (headers, title) in cases {
        let mut post = server.post(&format!("/order{}", order::bind().url())).form(&INVALID);
        for header in headers {
            post = post.header("accept-language", *header);
        }
        let page = post.send().await.unwrap();
        assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY, "{headers:?}");
        let (heading, _) = summary(&page.text().await.unwrap());
        assert_eq!(
            heading,
            title,
            "{:?}",
            headers.iter().map(|h| h.chars().take(40).collect::<String>()).collect::<Vec<_>>()
        );
    }
}

/// A route that is not a page, under the middleware, renders in the request's language too.
#[tokio::test]
async fn a_route_of_ones_own_under_the_middleware() {
    async fn own() -> Html<String> {
        Html(format!("{}", FormView::<Order>::empty(order::bind())))
    }
    let app = Router::new()
        .route("/own", axum::routing::get(own))
        .layer(axum::middleware::from_fn(formaction::messages::in_request_language));
    let server = Server::start(app).await;
    let html = server.client.get(server.url("/own")).header("accept-language", "pl").send().await.unwrap();
    let html = html.text().await.unwrap();
    assert!(html.contains(">Wyślij</button>") && html.contains(" lang=\"pl\""), "{html}");
}
