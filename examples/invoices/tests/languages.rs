//! The invoices app in English, German and Arabic, over HTTP on 127.0.0.1: `Accept-Language`
//! chooses among the three (any other gets English), and the language switch works with
//! JavaScript off: a link that stores the choice in a cookie and goes back to the page.

mod support;

use example_invoices::actions::create_invoice;
use support::App;

async fn start() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("invoices.db").display());
    (App::start(&url).await, dir)
}

async fn get(app: &App, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("GET");
    (response.status().as_u16(), response.text().await.expect("body"))
}

/// The same invalid invoice.
const INVALID: [(&str, &str); 4] = [("number", "x"), ("customer", ""), ("email", "x"), ("amount", "0")];

async fn submit(app: &App, accept_language: &str, json: bool) -> reqwest::Response {
    let url = app.url(&format!("/invoices/new{}", create_invoice::bind().url()));
    let mut request = app
        .client
        .post(url)
        .header("origin", &app.base)
        .header("accept-language", accept_language)
        .form(&INVALID);
    if json {
        request = request.header("accept", "application/json");
    }
    request.send().await.expect("POST")
}

#[tokio::test]
async fn accept_language_chooses_among_english_german_and_arabic() {
    let (app, _dir) = start().await;
    let (status, german) = get(&app, "/invoices/new", &[("accept-language", "de-AT,de;q=0.9")]).await;
    assert_eq!(status, 200);
    assert!(german.contains("<html lang=\"de\">"), "{german}");
    assert!(german.contains("<h1>Neue Rechnung</h1>"), "{german}");
    assert!(german.contains(">Kunde</label>"), "{german}");
    assert!(german.contains(">Rechnung anlegen</button>"), "{german}");
    assert!(german.contains(">Bitte auswählen …</option>"), "the runtime's own label: {german}");
    let form = &german[german.find("<form id=\"invoice\"").expect("the form")..];
    assert!(!form[..form.find('>').expect("its tag")].contains(" lang="), "the page says its language once");

    let (_, arabic) = get(&app, "/invoices", &[("accept-language", "ar-EG")]).await;
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), "{arabic}");
    assert!(arabic.contains("<h1>الفواتير</h1>"), "{arabic}");

    // A language the app does not offer: English.
    for accept in ["fr-CA,fr;q=0.9", "xx", "*", ""] {
        let (_, english) = get(&app, "/invoices/new", &[("accept-language", accept)]).await;
        assert!(english.contains("<html lang=\"en\">"), "{accept}: {english}");
        assert!(
            english.contains("<h1>New invoice</h1>") && english.contains(">Customer</label>"),
            "{accept}"
        );
    }
}

#[tokio::test]
async fn an_invalid_invoice_is_answered_in_the_language_asked_the_page_and_json_alike() {
    let (app, _dir) = start().await;
    for (accept, customer, amount) in [
        ("de", "Geben Sie den Namen des Kunden ein", "Der Wert muss mindestens 0,01 sein"),
        ("ar", "يُرجى إدخال اسم العميل", "يجب ألا تقل القيمة عن 0.01"),
        ("pl", "Enter the customer's name", "Must be at least 0.01"),
    ] {
        let page = submit(&app, accept, false).await;
        assert_eq!(page.status(), 422, "{accept}");
        let html = page.text().await.expect("body");
        assert!(html.contains(&customer.replace('\'', "&#39;")), "{accept}: {html}");
        assert!(html.contains(amount), "{accept}: {html}");
        let json: serde_json::Value = submit(&app, accept, true).await.json().await.expect("JSON");
        assert_eq!(json["fieldErrors"]["customer"], serde_json::json!([customer]), "{accept}");
        assert_eq!(json["fieldErrors"]["amount"], serde_json::json!([amount]), "{accept}");
    }
}

#[tokio::test]
async fn the_language_switch_works_without_javascript() {
    let (app, _dir) = start().await;
    let (_, page) = get(&app, "/invoices/new", &[("accept-language", "en")]).await;
    for (tag, name) in [("en", "English"), ("de", "Deutsch"), ("ar", "العربية")] {
        let link = format!("href=\"/language?set={tag}\"");
        assert!(page.contains(&link), "a link to {tag}: {page}");
        assert!(page.contains(&format!(" lang=\"{tag}\"")) && page.contains(name), "{tag}");
    }

    // A browser follows the link: the choice is stored, and it goes back to the page it was on.
    let referer = app.url("/invoices/new");
    let switch = app
        .client
        .get(app.url("/language?set=de"))
        .header("referer", &referer)
        .header("accept-language", "en")
        .send()
        .await
        .expect("GET");
    assert_eq!(switch.status(), 303);
    assert_eq!(switch.headers()["location"], "/invoices/new");
    let cookie = switch.headers()["set-cookie"].to_str().expect("text").to_owned();
    assert!(
        cookie.starts_with("lang=de;") && cookie.contains("Path=/") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (_, german) = get(&app, "/invoices/new", &[("accept-language", "en"), ("cookie", "lang=de")]).await;
    assert!(german.contains("<h1>Neue Rechnung</h1>"), "the cookie over Accept-Language: {german}");
    let german = submit_with_cookie(&app, "lang=de").await;
    assert!(german.contains("Geben Sie den Namen des Kunden ein"), "{german}");

    // Back to English, though the browser asks for German.
    let (_, english) = get(&app, "/invoices/new", &[("accept-language", "de"), ("cookie", "lang=en")]).await;
    assert!(english.contains("<h1>New invoice</h1>"), "{english}");

    // Only this app's own pages are gone back to; anything else goes to the list.
    for referer in ["https://evil.test//evil.test/x", "not a url", "http://x/\\evil.test"] {
        let switch =
            app.client.get(app.url("/language?set=ar")).header("referer", referer).send().await.expect("GET");
        assert_eq!(switch.status(), 303, "{referer}");
        let location = switch.headers()["location"].to_str().expect("text");
        assert!(
            location == "/invoices"
                || (location.starts_with('/') && !location.starts_with("//") && !location.contains('\\')),
            "{referer}: {location}"
        );
    }
    let switch = app.client.get(app.url("/language?set=ar")).send().await.expect("GET");
    assert_eq!(switch.headers()["location"], "/invoices");
    // A language the app does not offer is refused, and no cookie is set.
    let (status, _) = get(&app, "/language?set=fr", &[]).await;
    assert_eq!(status, 400);
    let refused = app.client.get(app.url("/language?set=%3Cscript%3E")).send().await.expect("GET");
    assert_eq!(refused.status(), 400);
    assert!(refused.headers().get("set-cookie").is_none());
}

async fn submit_with_cookie(app: &App, cookie: &str) -> String {
    let url = app.url(&format!("/invoices/new{}", create_invoice::bind().url()));
    let request = app.client.post(url).header("origin", &app.base).header("cookie", cookie).form(&INVALID);
    request.send().await.expect("POST").text().await.expect("body")
}
