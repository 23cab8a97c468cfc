//! The invoices app over HTTP on 127.0.0.1, on a real SQLite file: create, validate, draft, edit,
//! mark paid, delete, search, upload and download, with JavaScript off and as a JSON caller.

mod support;

use example_invoices::actions::{create_invoice, delete_invoice, mark_paid, save_draft, update_invoice};
use support::{App, bound_for, id_from, invoice, pairs, text_of};

async fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("invoices.db").display());
    (App::start(&url).await, dir)
}

fn new_url(action: formaction::BoundAction) -> String {
    format!("/invoices/new{}", action.url())
}

#[tokio::test]
async fn root_redirects_and_unknown_pages_are_404() {
    let (app, _dir) = app().await;
    let root = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(root.status(), 303);
    assert_eq!(root.headers()["location"], "/invoices");
    let (status, body) = app.get("/invoices/999").await;
    assert_eq!(status, 404);
    assert!(body.contains("<title>Not found · Invoices</title>") && body.contains(r#"<html lang="en">"#));
    assert_eq!(app.get("/nowhere").await.0, 404);
    assert_eq!(app.get("/invoices/999/edit").await.0, 404);
    assert_eq!(app.get("/invoices/999/attachment").await.0, 404);
    let (status, body) = app.get("/invoices/not-a-number").await;
    assert_eq!(status, 404, "an id that is not a number is no invoice");
    assert!(body.contains("There is no such page or invoice") && !body.contains("i64"), "{body}");
    assert_eq!(app.get("/invoices/99999999999999999999/edit").await.0, 404, "beyond i64");
}

#[tokio::test]
async fn every_page_is_a_whole_document_with_the_script() {
    let (app, _dir) = app().await;
    let created = app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0001"))).await;
    let id = id_from(&created);
    for path in ["/invoices", "/invoices/new", &format!("/invoices/{id}"), &format!("/invoices/{id}/edit")] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.starts_with("<!doctype html>"), "{path}");
        assert!(html.contains(r#"<html lang="en">"#) && html.contains("<title>"), "{path}");
        assert!(html.contains(formaction::render::script_tag()), "{path}");
        // No inline style or script: the pages work under `style-src 'self'; script-src 'self'`.
        assert!(html.contains(r#"<link rel="stylesheet" href="/app.css">"#), "{path}");
        assert!(!html.contains("<style") && !html.contains(" style="), "{path}");
        assert!(!html.contains("<script>") && !html.contains(" onclick="), "{path}");
    }
    let css = app.client.get(app.url("/app.css")).send().await.unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    assert!(css.text().await.unwrap().contains(".fa-errors"));
    let script = app.client.get(app.url(formaction::render::script_path())).send().await.unwrap();
    assert_eq!(script.headers()["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(script.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(script.text().await.unwrap().contains("data-enhance"));
    assert_eq!(app.get("/_formaction/enhance.js").await.0, 404, "only the URL of this version");
}

#[tokio::test]
async fn create_shows_the_invoice_and_a_flash_once() {
    let (app, _dir) = app().await;
    let response = app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0001"))).await;
    assert_eq!(response.status(), 303);
    let id = id_from(&response);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();

    let page =
        app.client.get(app.url(&format!("/invoices/{id}"))).header("cookie", &cookie).send().await.unwrap();
    assert!(page.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"), "the flash is cleared");
    let html = page.text().await.unwrap();
    assert!(html.contains("Invoice INV-0001 created"));
    for (id, text) in [
        ("customer", "Ada Lovelace"),
        ("email", "ada@example.com"),
        ("amount", "120.50"),
        ("status", "pending"),
        ("due", "2026-12-31"),
        ("notes", "Thanks!"),
        ("urgent", "yes"),
        ("tags", "billing, consulting"),
        ("total", "120.50"),
    ] {
        assert_eq!(text_of(&html, id), text, "#{id}");
    }
    let (_, again) = app.get(&format!("/invoices/{id}")).await;
    assert!(!again.contains("Invoice INV-0001 created"), "shown once");

    let stored = app.db.get(id).await.unwrap().unwrap();
    assert_eq!((stored.number.as_str(), stored.amount_cents, stored.items.len()), ("INV-0001", 12050, 2));
    assert_eq!(stored.items[0].price_cents, 5025);
}

#[tokio::test]
async fn invalid_submissions_keep_values_and_show_every_error() {
    let (app, _dir) = app().await;
    let mut fields = invoice("INV-12");
    fields.retain(|(name, _)| !name.starts_with("items"));
    fields.iter_mut().find(|(name, _)| *name == "customer").unwrap().1 = String::new();
    fields.iter_mut().find(|(name, _)| *name == "amount").unwrap().1 = "10.999".to_owned();
    fields.push(("notes", "<script>alert(1)</script>".to_owned()));
    let response = app.post_form(&new_url(create_invoice::bind()), &pairs(&fields)).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    for message in [
        "Use INV- and four digits, like INV-0001",
        "Enter the customer&#39;s name",
        "Use at most 2 decimal places",
        "Add at least one line item",
    ] {
        assert!(html.contains(message), "{message}");
    }
    assert!(html.contains(r#"name="number" value="INV-12""#), "values are kept");
    assert!(html.contains(r#"value="10.999""#));
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"), "escaped");
    assert!(!html.contains("<script>alert(1)"));
    assert_eq!(app.db.count().await.unwrap(), 0, "nothing stored");
}

#[tokio::test]
async fn a_taken_number_is_a_field_error_with_values_kept() {
    let (app, _dir) = app().await;
    app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0001"))).await;
    let response = app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0001"))).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("INV-0001 is already taken"));
    assert!(html.contains(r#"name="customer" value="Ada Lovelace""#));
    let json = app
        .client
        .post(app.url(&new_url(create_invoice::bind())))
        .header("origin", &app.base)
        .header("accept", "application/json")
        .form(&pairs(&invoice("INV-0001")))
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 422);
    let body: serde_json::Value = json.json().await.unwrap();
    assert_eq!(body["fieldErrors"], serde_json::json!({"number": ["INV-0001 is already taken"]}));
    assert_eq!(app.db.count().await.unwrap(), 1);
}

#[tokio::test]
async fn save_draft_stores_a_draft() {
    let (app, _dir) = app().await;
    let response = app.post_form(&new_url(save_draft::bind()), &pairs(&invoice("INV-0002"))).await;
    assert_eq!(response.status(), 303);
    let stored = app.db.get(id_from(&response)).await.unwrap().unwrap();
    assert_eq!(stored.status, "draft");
}

#[tokio::test]
async fn edit_fills_the_form_and_saves() {
    let (app, _dir) = app().await;
    let id = id_from(&app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0003"))).await);
    let (status, html) = app.get(&format!("/invoices/{id}/edit")).await;
    assert_eq!(status, 200);
    for filled in [
        r#"name="number" value="INV-0003""#,
        r#"name="amount" value="120.50""#,
        r#"name="items[1].description" value="Report""#,
        r#"value="consulting" checked"#,
        r#"name="urgent" value="on" checked"#,
        r#"type="date" id="invoice-due" name="due" value="2026-12-31""#,
    ] {
        assert!(html.contains(filled), "{filled}");
    }
    let action = update_invoice::bind(id).url();
    let bound = bound_for(&html, &action);
    let mut fields = invoice("INV-0033");
    fields.push(("$bound", bound.clone()));
    fields.iter_mut().find(|(name, _)| *name == "customer").unwrap().1 = "Charles Babbage".to_owned();
    let response = app.post_form(&format!("/invoices/{id}/edit{action}"), &pairs(&fields)).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], format!("/invoices/{id}").as_str());
    let stored = app.db.get(id).await.unwrap().unwrap();
    assert_eq!((stored.number.as_str(), stored.customer.as_str()), ("INV-0033", "Charles Babbage"));

    // The bound id cannot be swapped for another invoice's: a changed value is refused.
    let other = id_from(&app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0004"))).await);
    let mut forged = invoice("INV-0044");
    // Another last character (one that differs: the value is random, and may end with `A`).
    let other_last = if bound.ends_with('A') { 'B' } else { 'A' };
    forged.push(("$bound", format!("{}{other_last}", &bound[..bound.len() - 1])));
    let refused = app.post_form(&format!("/invoices/{other}/edit{action}"), &pairs(&forged)).await;
    assert_eq!(refused.status(), 400);
    assert_eq!(app.db.get(other).await.unwrap().unwrap().number, "INV-0004");
}

#[tokio::test]
async fn mark_paid_and_delete() {
    let (app, _dir) = app().await;
    let id = id_from(&app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0005"))).await);
    let (_, html) = app.get(&format!("/invoices/{id}")).await;

    let paid_url = mark_paid::bind(id).url();
    let paid = app
        .post_form(&format!("/invoices/{id}{paid_url}"), &[("$bound", &bound_for(&html, &paid_url))])
        .await;
    assert_eq!(paid.status(), 303);
    assert_eq!(paid.headers()["location"], format!("/invoices/{id}").as_str());
    assert_eq!(app.db.get(id).await.unwrap().unwrap().status, "paid");

    let delete_url = delete_invoice::bind(id).url();
    let deleted = app
        .post_form(&format!("/invoices/{id}{delete_url}"), &[("$bound", &bound_for(&html, &delete_url))])
        .await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(deleted.headers()["location"], "/invoices");
    assert!(app.db.get(id).await.unwrap().is_none());
    assert_eq!(app.get(&format!("/invoices/{id}")).await.0, 404);
}

#[tokio::test]
async fn mark_paid_on_an_invoice_deleted_meanwhile_says_so_with_javascript_off() {
    let (app, _dir) = app().await;
    let id = id_from(&app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0006"))).await);
    // Two tabs on the invoice: one deletes it, the other then presses "Mark paid".
    let (_, html) = app.get(&format!("/invoices/{id}")).await;
    let delete_url = delete_invoice::bind(id).url();
    let deleted = app
        .post_form(&format!("/invoices/{id}{delete_url}"), &[("$bound", &bound_for(&html, &delete_url))])
        .await;
    assert_eq!(deleted.status(), 303);
    let paid_url = mark_paid::bind(id).url();
    let paid = app
        .post_form(&format!("/invoices/{id}{paid_url}"), &[("$bound", &bound_for(&html, &paid_url))])
        .await;
    assert_eq!(paid.status(), 404);
    let page = paid.text().await.unwrap();
    assert!(page.contains("This invoice no longer exists"), "the action's own message: {page}");
    // A plain visit still gets the plain 404 page.
    let (status, page) = app.get(&format!("/invoices/{id}")).await;
    assert_eq!(status, 404);
    assert!(page.contains("There is no such page or invoice.") && !page.contains("no longer exists"));
}

#[tokio::test]
async fn search_matches_customer_or_number_in_any_case() {
    let (app, _dir) = app().await;
    let mut grace = invoice("INV-0100");
    grace.iter_mut().find(|(name, _)| *name == "customer").unwrap().1 = "Grace Hopper".to_owned();
    app.post_form(&new_url(create_invoice::bind()), &pairs(&grace)).await;
    app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0200"))).await;
    let (_, all) = app.get("/invoices").await;
    let (first, second) = (all.find("INV-0200").unwrap(), all.find("INV-0100").unwrap());
    assert!(first < second, "newest first");
    let (_, by_name) = app.get("/invoices?q=grace").await;
    assert!(by_name.contains("INV-0100") && !by_name.contains("INV-0200"));
    let (_, by_number) = app.get("/invoices?q=inv-02").await;
    assert!(by_number.contains("INV-0200") && !by_number.contains("INV-0100"));
    let (_, none) = app.get("/invoices?q=nobody").await;
    assert!(none.contains("No invoices match"));
}

#[tokio::test]
async fn uploads_arrive_intact_and_lies_are_refused() {
    let (app, _dir) = app().await;
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend((0..=255u8).cycle().take(70_000));
    let form = |number: &str, bytes: Vec<u8>, content_type: &str| {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in invoice(number) {
            form = form.text(name, value);
        }
        let part =
            reqwest::multipart::Part::bytes(bytes).file_name("scan.pdf").mime_str(content_type).unwrap();
        form.part("attachment", part)
    };
    let url = app.url(&new_url(create_invoice::bind()));
    let send = |form| app.client.post(&url).header("origin", &app.base).multipart(form).send();
    let created = send(form("INV-0300", pdf.clone(), "application/pdf")).await.unwrap();
    assert_eq!(created.status(), 303);
    let id = id_from(&created);
    let download = app.client.get(app.url(&format!("/invoices/{id}/attachment"))).send().await.unwrap();
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap().as_ref(), pdf.as_slice(), "byte for byte");

    let lying = send(form("INV-0301", b"MZ\x90\x00 not a pdf".to_vec(), "application/pdf")).await.unwrap();
    assert_eq!(lying.status(), 422);
    assert!(lying.text().await.unwrap().contains("The contents of this file do not match its type"));

    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(2 * 1024 * 1024, b'x');
    let too_big = send(form("INV-0302", big, "application/pdf")).await.unwrap();
    assert_eq!(too_big.status(), 422, "2 MiB is a field error, under the action's 5 MiB body limit");
    assert!(too_big.text().await.unwrap().contains("Choose a file of 1 MB or less"));
    assert_eq!(app.db.count().await.unwrap(), 1);
}

#[tokio::test]
async fn list_rows_are_added_and_removed_without_javascript() {
    let (app, _dir) = app().await;
    let mut fields = invoice("INV-0400");
    fields.push(("$intent", "add:items".to_owned()));
    let added = app.post_form(&new_url(create_invoice::bind()), &pairs(&fields)).await;
    assert_eq!(added.status(), 200, "the page again, not an error");
    let html = added.text().await.unwrap();
    assert!(html.contains(r#"data-row="items[2]""#), "a third row");
    assert!(!html.contains(r#"class="fa-summary""#), "no errors shown for an intent");
    assert_eq!(app.db.count().await.unwrap(), 0, "the action did not run");

    let mut fields = invoice("INV-0400");
    fields.push(("$intent", "remove:items[0]".to_owned()));
    let removed =
        app.post_form(&new_url(create_invoice::bind()), &pairs(&fields)).await.text().await.unwrap();
    assert!(!removed.contains(r#"data-row="items[0]""#) && removed.contains(r#"data-row="items[1]""#));
    assert!(
        removed.contains(r#"name="items[1].description" value="Report""#),
        "the other row keeps its values"
    );
}

/// The text a browser shows in the `<textarea name="{name}">` of `html`: HTML drops the line
/// break right after the start tag, then the text is read up to the end tag (escapes undone).
fn textarea_value(html: &str, name: &str) -> String {
    let name = format!(r#" name="{name}""#);
    let start = html
        .match_indices("<textarea ")
        .map(|(at, _)| at)
        .find(|&at| html[at..].split('>').next().is_some_and(|tag| tag.contains(&name)))
        .expect("the textarea");
    let open_end = start + html[start..].find('>').expect("its start tag ends") + 1;
    let end = open_end + html[open_end..].find("</textarea>").expect("its end tag");
    let text = &html[open_end..end];
    let text = text.strip_prefix('\n').unwrap_or(text);
    text.replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#38;", "&")
}

#[tokio::test]
async fn a_textarea_value_that_starts_with_line_breaks_comes_back_whole() {
    let (app, _dir) = app().await;
    let notes = "\n\nx";
    // Shown again after an invalid submission, with JavaScript off.
    let invalid = app
        .post_form(
            &new_url(create_invoice::bind()),
            &pairs(
                &[invoice("INV-0500"), vec![("email", "nope".to_owned()), ("notes", notes.to_owned())]]
                    .concat(),
            ),
        )
        .await;
    assert_eq!(invalid.status(), 422);
    let html = invalid.text().await.unwrap();
    assert!(html.contains(">\n\n\nx</textarea>"), "one line break more than the value: {html}");
    assert_eq!(textarea_value(&html, "notes"), notes);
    // Stored, then shown in the edit page, then saved again from it unchanged.
    let mut fields = invoice("INV-0501");
    fields.retain(|(name, _)| *name != "notes");
    fields.push(("notes", notes.to_owned()));
    let created = app.post_form(&new_url(create_invoice::bind()), &pairs(&fields)).await;
    assert_eq!(created.status(), 303);
    let id = id_from(&created);
    assert_eq!(app.db.get(id).await.unwrap().unwrap().notes.as_deref(), Some(notes));
    let (_, edit) = app.get(&format!("/invoices/{id}/edit")).await;
    assert_eq!(textarea_value(&edit, "notes"), notes);
    // The browser submits what it shows: the value is kept across the round trip.
    let update = update_invoice::bind(id).url();
    let mut again = fields.clone();
    again.retain(|(name, _)| *name != "notes");
    again.push(("notes", textarea_value(&edit, "notes")));
    again.push(("$bound", bound_for(&edit, &update)));
    let saved = app.post_form(&format!("/invoices/{id}/edit{update}"), &pairs(&again)).await;
    assert_eq!(saved.status(), 303);
    assert_eq!(app.db.get(id).await.unwrap().unwrap().notes.as_deref(), Some(notes));
}

#[tokio::test]
async fn action_ids_in_urls_are_short_stable_and_name_no_module() {
    // Fixed values: the same on every build and every instance (a hash of the path only).
    assert_eq!(create_invoice::ID, "create_invoice.c21kxtws9yrv");
    assert_eq!(
        [save_draft::ID, update_invoice::ID, mark_paid::ID, delete_invoice::ID]
            .map(|id| id.split('.').next()),
        [Some("save_draft"), Some("update_invoice"), Some("mark_paid"), Some("delete_invoice")]
    );
    let (app, _dir) = app().await;
    let created = app.post_form(&new_url(create_invoice::bind()), &pairs(&invoice("INV-0001"))).await;
    let id = id_from(&created);
    for path in ["/invoices/new".to_owned(), format!("/invoices/{id}"), format!("/invoices/{id}/edit")] {
        let (_, html) = app.get(&path).await;
        assert!(!html.contains("example_invoices") && !html.contains("::"), "{path}: {html}");
        let ids: Vec<&str> =
            html.split("?_action=").skip(1).map(|rest| rest.split('"').next().unwrap_or("")).collect();
        assert!(!ids.is_empty(), "{path}");
        for action in ids {
            let (name, hash) = action.split_once('.').unwrap_or_else(|| panic!("{path}: {action}"));
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{path}: {action}");
            assert_eq!(hash.len(), 12, "{path}: {action}");
            assert!(hash.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()), "{path}: {action}");
        }
    }
}
