//! The invoices example in a real browser: headless Chromium driven over WebDriver, each test with
//! its own chromedriver, browser, server (in this process, on 127.0.0.1) and SQLite file.
//!
//! Each scenario runs twice, with the pages' JavaScript off (Chrome's content setting; a probe page
//! proves it) and on (the enhancement script at work):
//!
//! - `invalid_submission`: the server's errors next to their fields, in the summary, values kept;
//!   with JavaScript, without a page load and with the first invalid field focused;
//! - `valid_submission`: the invoice page with its one-shot flash, and the row in the file;
//! - `two_buttons`: each submit button runs its own action ("Save draft" stores a draft);
//! - `upload`: a PDF arrives byte for byte;
//! - `line_items`: the Add and Remove buttons (a round trip without JavaScript, none with it);
//! - `accessibility`: axe-core finds nothing on the new-invoice page, empty and showing errors.
//!
//! - `edit`, `mark_paid`, `delete`, `search`: the rest of the app (tests/browser/walk.rs), each
//!   checking the page the browser lands on and the SQLite file;
//! - `keyed_rows`: instances of one form in a table's rows, kept apart by their key;
//! - `state_answer`: an action's state shown (rendered by the page, or set in place);
//! - `languages`: the switch to German and Arabic (a link and a cookie), the messages and the
//!   script's own text in them, `dir="rtl"`, and axe-core finding nothing (tests/browser/languages.rs);
//! - `state_answer_twice`: the same form sent again with other values runs again (a fresh
//!   one-time token each time: in the page rendered again, or from the answer into the form);
//! - `row_errors`: a row's "Delete" button (an action without a form) that fails shows its
//!   message beside itself, and a form without an `id` gets a summary with an id of its own.
//!
//! - `htmx_todos`: the todos example with htmx 2 loaded (tests/browser/htmx.rs): Add, an invalid
//!   Add (the form alone swapped, focus on the error, axe-core on it), Done, Undo, Delete with its
//!   flash, the active search and its error, a refusal's message shown in the form; with
//!   JavaScript off, the same walk as plain posts and page loads.
//!
//! With JavaScript only: `htmx_bound_button` (a button outside any form, from
//! `BoundAction::hx_attributes`, posted by htmx with its sealed id), `htmx_absent` (the todos
//! without htmx: every button still works); `pending_state` (the form busy while a slow action runs),
//! `double_click` (one submission), `unexpected_answer` and `network_error` (the fallback to a
//! plain submission), `errors_cleared` (a field's errors go once it is fixed) and
//! `independent_forms` (two forms on one page, one pending while the other submits); and against
//! hostile answers and markup (tests/browser/security.rs): `redirect_elsewhere` (a redirect to a
//! script URL or another site refused), `foreign_forms` (a form posting to another origin left to
//! the browser), `unreadable_answer` (an answer that cannot be read shown, never sent again),
//! `strict_csp` (everything the script does, under a strict CSP requiring Trusted Types); and the
//! script's own checks (tests/browser/checks.rs, issue 21): `checks_text`, `checks_values`,
//! `checks_others` (each check the browser can make, on leaving a field and on submit, the message
//! byte for byte the server's with the script removed), `checks_cleared`, `checks_accessible`
//! (axe-core with the script's errors shown), `pressed_button_pending` and `live_field` (a
//! `#[field(live)]` field asks the server once per pause). The same checks in
//! another language are tests/browser_language.rs (a catalogue installed for its process).
//!
//! Needs Debian's `chromium` and `chromium-driver`, and axe-core and htmx in `target/npm`:
//! `scripts/browser-deps.sh` installs what is missing. Without them the tests fail, saying so.
//! A failing test leaves a screenshot in `target/browser-artifacts/`.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

#[path = "browser/app.rs"]
mod app;
#[path = "browser/checks.rs"]
mod checks;
#[path = "browser/enhance.rs"]
mod enhance;
#[path = "browser/harness.rs"]
mod harness;
#[path = "browser/htmx.rs"]
mod htmx;
#[path = "browser/languages.rs"]
mod in_languages;
#[path = "browser/invoice.rs"]
mod invoice;
#[path = "browser/security.rs"]
mod security;
#[path = "browser/walk.rs"]
mod walk;

use std::time::{Duration, Instant};

use enhance::{keyed_rows, row_errors, state_answer, state_answer_twice};
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use harness::{Js, Tab, artifacts_dir, repo_root};
use htmx::htmx_todos;
use in_languages::languages;
use invoice::{Entry, assert_field_errors, assert_only_invalid, assert_shows, control, summary};
use serde_json::json;
use walk::{delete, edit, mark_paid, search};

/// A test per JavaScript mode for each scenario: `<scenario>::js_off` and `<scenario>::js_on`.
macro_rules! in_both_modes {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            use crate::harness::{Js, run};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_off() {
                run(concat!(stringify!($scenario), "-js-off"), Js::Off, super::$scenario).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_on() {
                run(concat!(stringify!($scenario), "-js-on"), Js::On, super::$scenario).await;
            }
        }
    )*};
}

in_both_modes!(invalid_submission, valid_submission, two_buttons, upload, line_items, accessibility);
in_both_modes!(edit, mark_paid, delete, search, keyed_rows, state_answer, row_errors);
in_both_modes!(htmx_todos);
in_both_modes!(languages);
in_both_modes!(state_answer_twice);

/// A test with JavaScript on for each scenario, named after it.
macro_rules! with_js {
    ($($scenario:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $scenario() {
            harness::run(stringify!($scenario), Js::On, enhance::$scenario).await;
        }
    )*};
}

with_js!(unexpected_answer, internal_error, network_error, errors_cleared, independent_forms);

/// A test with JavaScript on for each scenario of tests/browser/security.rs, named after it.
macro_rules! secure {
    ($($scenario:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $scenario() {
            harness::run(stringify!($scenario), Js::On, security::$scenario).await;
        }
    )*};
}

/// A test with JavaScript on for each scenario of tests/browser/checks.rs (the script's own
/// checks, issue 21), named after it.
macro_rules! checked {
    ($($scenario:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $scenario() {
            harness::run(stringify!($scenario), Js::On, checks::$scenario).await;
        }
    )*};
}

checked!(
    checks_text,
    checks_values,
    checks_others,
    checks_cleared,
    checks_accessible,
    pressed_button_pending,
    live_field
);

secure!(redirect_elsewhere, foreign_forms, unreadable_answer, strict_csp, leaving_the_site);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn htmx_absent() {
    harness::run("htmx_absent", Js::On, htmx::without_htmx).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn htmx_bound_button() {
    harness::run("htmx_bound_button", Js::On, htmx::bound_button).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_state() {
    harness::run("pending_state", Js::On, pending_state_shown).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_click() {
    harness::run("double_click", Js::On, double_click_submits_once).await;
}

/// A file that claims to be a PDF (by its name, so by the type the browser sends) but is not.
fn not_a_pdf(tab: &Tab) -> std::path::PathBuf {
    tab.app.write_file("scan.pdf", b"This is not a PDF, whatever its name says.\n")
}

/// A small PDF header followed by every byte value, CRLFs and a line that looks like a multipart
/// boundary: what a careless multipart reader or writer would mangle.
fn pdf_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    for round in 0..48u8 {
        bytes.extend((0..=255u8).map(|b| b.wrapping_add(round)));
        bytes.extend_from_slice(
            b"\r\n------WebKitFormBoundaryAbC123\r\nContent-Disposition: form-data\r\n\r\n",
        );
    }
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

/// The id in `/invoices/{id}`.
async fn invoice_id(tab: &Tab) -> i64 {
    let path = tab.path().await;
    let id = path.strip_prefix("/invoices/").and_then(|rest| rest.parse().ok());
    id.unwrap_or_else(|| panic!("expected to be on an invoice's page, not {path}"))
}

async fn invalid_submission(tab: Tab) {
    match tab.js {
        Js::Off => invalid_without_js(&tab).await,
        Js::On => invalid_with_js(&tab).await,
    }
}

/// The browser checks what it can (every `required`, the pattern, the step) and lets this through:
/// only the server knows that a name or a description of spaces is blank, that the address's
/// local part is too long, that the file is not a PDF, and that a number is taken.
async fn invalid_without_js(tab: &Tab) {
    tab.app.seed("INV-0001").await;
    tab.goto("/invoices/new").await;
    let mut entry = Entry {
        number: "INV-0001".to_owned(),
        customer: "   ".to_owned(),
        email: format!("{}@example.com", "a".repeat(65)),
        amount: "12.50".to_owned(),
        status: "pending",
        due: Some("2026-03-01"),
        // Two line breaks first: HTML drops one right after `<textarea>`, the page must write one more.
        notes: "\n\nCall before the 5th".to_owned(),
        urgent: true,
        tags: vec!["support"],
        items: vec![("   ".to_owned(), "2".to_owned(), "6.25".to_owned())],
        attachment: Some(not_a_pdf(tab)),
    };
    invoice::fill(tab, &entry).await;
    tab.click_and_load(tab.button("Create invoice").await).await;

    let path = tab.path().await;
    assert!(path.starts_with("/invoices/new?_action="), "the page of the form, again: {path}");
    let expected = [
        ("customer", "#invoice-customer", "Enter the customer's name"),
        ("email", "#invoice-email", "Enter an email address like name@example.com"),
        ("items[0].description", "#invoice-items-0-description", "Describe the item"),
        ("attachment", "#invoice-attachment", "The contents of this file do not match its type"),
    ];
    for (name, _, message) in expected {
        assert_field_errors(tab, name, &[message]).await;
    }
    assert_only_invalid(tab, &expected.map(|(name, _, _)| name)).await;
    assert_eq!(summary(tab).await, expected.map(|(_, href, message)| (href.to_owned(), message.to_owned())));
    entry.attachment = None;
    assert_shows(tab, &entry).await;
    assert_eq!(tab.value(&control("attachment")).await, "", "a file is never sent back");
    assert_eq!(tab.app.reopen().await.count().await.unwrap(), 1, "nothing stored");
    save_docs_screenshot(tab).await;

    // Everything else fixed: now the action runs, and finds the number taken.
    entry.customer = "Ada Lovelace".to_owned();
    entry.email = "ada@example.com".to_owned();
    entry.items = vec![("Analysis".to_owned(), "1".to_owned(), "12.50".to_owned())];
    invoice::fill(tab, &entry).await;
    tab.click_and_load(tab.button("Create invoice").await).await;
    assert_field_errors(tab, "number", &["INV-0001 is already taken"]).await;
    assert_only_invalid(tab, &["number"]).await;
    assert_eq!(summary(tab).await, [("#invoice-number".to_owned(), "INV-0001 is already taken".to_owned())]);
    assert_shows(tab, &entry).await;
    assert_eq!(tab.app.reopen().await.count().await.unwrap(), 1, "still nothing stored");
}

/// The browser's own checks switched off (`novalidate`, as an older browser would have none), and
/// the script's too (its messages removed: tests/browser/checks.rs tests those), so the server
/// sees every mistake; the enhancement script shows its answer in place.
async fn invalid_with_js(tab: &Tab) {
    tab.app.seed("INV-0001").await;
    tab.goto("/invoices/new").await;
    let heading = tab.find("h1").await;
    tab.script(
        "window.__marker = 1; document.getElementById('invoice').noValidate = true;
         document.querySelector('#invoice script[data-fa-messages]').remove();",
    )
    .await;
    let mut entry = Entry {
        number: "INV-12".to_owned(),
        customer: String::new(),
        email: "not-an-email".to_owned(),
        amount: String::new(),
        status: "pending",
        due: None,
        notes: "Keep this note".to_owned(),
        urgent: false,
        tags: vec!["billing"],
        items: vec![(String::new(), "2".to_owned(), "9.99".to_owned())],
        attachment: Some(not_a_pdf(tab)),
    };
    invoice::fill(tab, &entry).await;
    tab.button("Create invoice").await.click().await.expect("click Create invoice");
    tab.wait_for("#invoice > .fa-summary").await;

    assert_eq!(tab.script("return window.__marker").await, json!(1), "no page load: the marker survives");
    assert!(tab.is_attached(&heading).await, "no page load: the heading is the same element");
    assert_eq!(tab.path().await, "/invoices/new");
    let expected = [
        ("number", "#invoice-number", "Use INV- and four digits, like INV-0001"),
        ("customer", "#invoice-customer", "Enter the customer's name"),
        ("email", "#invoice-email", "Enter an email address like name@example.com"),
        ("amount", "#invoice-amount", "This field is required"),
        ("items[0].description", "#invoice-items-0-description", "Describe the item"),
        ("attachment", "#invoice-attachment", "The contents of this file do not match its type"),
    ];
    for (name, _, message) in expected {
        assert_field_errors(tab, name, &[message]).await;
    }
    assert_only_invalid(tab, &expected.map(|(name, _, _)| name)).await;
    assert_eq!(summary(tab).await, expected.map(|(_, href, message)| (href.to_owned(), message.to_owned())));
    let focused = tab.script("return document.activeElement && document.activeElement.id").await;
    assert_eq!(focused, json!("invoice-number"), "the first invalid field has the focus");
    let attachment = entry.attachment.take();
    assert_shows(tab, &entry).await;
    entry.attachment = attachment;
    assert_eq!(tab.app.reopen().await.count().await.unwrap(), 1, "nothing stored");

    // Everything fixed but the number, which is taken: the old errors go, the new one shows.
    entry.number = "INV-0001".to_owned();
    entry.customer = "Ada Lovelace".to_owned();
    entry.email = "ada@example.com".to_owned();
    entry.amount = "12.50".to_owned();
    entry.items = vec![("Analysis".to_owned(), "1".to_owned(), "12.50".to_owned())];
    entry.attachment = Some(tab.app.write_file("real.pdf", &pdf_bytes()));
    invoice::fill(tab, &entry).await;
    tab.button("Create invoice").await.click().await.expect("click Create invoice");
    tab.wait_for_count("#invoice .fa-errors", 1).await;
    assert_field_errors(tab, "number", &["INV-0001 is already taken"]).await;
    assert_only_invalid(tab, &["number"]).await;
    assert_eq!(summary(tab).await, [("#invoice-number".to_owned(), "INV-0001 is already taken".to_owned())]);
    let focused = tab.script("return document.activeElement && document.activeElement.id").await;
    assert_eq!(focused, json!("invoice-number"), "the invalid field has the focus");
    assert_eq!(tab.script("return window.__marker").await, json!(1), "still no page load");
    assert_eq!(tab.app.reopen().await.count().await.unwrap(), 1, "still nothing stored");
}

/// Saves the form showing errors as `docs/new-invoice-errors.png` for the README (when it is
/// missing, or `FORMACTION_UPDATE_SCREENSHOTS=1`), and always under `target/browser-artifacts/`.
async fn save_docs_screenshot(tab: &Tab) {
    tab.script("window.scrollTo(0, 0)").await;
    let png = tab.client.screenshot().await.expect("a screenshot");
    let artifacts = artifacts_dir();
    std::fs::create_dir_all(&artifacts).expect("create target/browser-artifacts");
    std::fs::write(artifacts.join("new-invoice-errors.png"), &png).expect("save the screenshot");
    let docs = repo_root().join("docs").join("new-invoice-errors.png");
    let update = std::env::var("FORMACTION_UPDATE_SCREENSHOTS").is_ok_and(|v| v == "1");
    if update || !docs.exists() {
        std::fs::create_dir_all(docs.parent().expect("docs/")).expect("create docs/");
        std::fs::write(&docs, &png).expect("save docs/new-invoice-errors.png");
    }
}

async fn valid_submission(tab: Tab) {
    tab.goto("/invoices/new").await;
    let entry = Entry::valid("INV-0042");
    invoice::fill(&tab, &entry).await;
    tab.click_and_load(tab.button("Create invoice").await).await;

    let id = invoice_id(&tab).await;
    assert_eq!(tab.text(".flash").await, "Invoice INV-0042 created");
    assert_eq!(tab.text("h1").await, "INV-0042");
    let shown = [
        ("#customer", "Grace Hopper"),
        ("#email", "grace@example.com"),
        ("#amount", "539.90"),
        ("#status", "paid"),
        ("#due", "2026-12-31"),
        ("#notes", "Pay by bank transfer"),
        ("#urgent", "yes"),
        ("#tags", "billing, consulting"),
        ("#attachment", "none"),
        ("#total", "539.90"),
    ];
    for (css, text) in shown {
        assert_eq!(tab.text(css).await, text, "`{css}` on the invoice's page");
    }
    assert_eq!(tab.texts("#items tbody tr").await, ["Consulting hours 3 150.00", "Travel 1 89.90"]);

    let db = tab.app.reopen().await;
    assert_eq!(db.count().await.unwrap(), 1);
    let stored = db.get(id).await.unwrap().expect("the invoice is in the file");
    assert_eq!(
        (stored.number.as_str(), stored.customer.as_str(), stored.email.as_str()),
        ("INV-0042", "Grace Hopper", "grace@example.com")
    );
    assert_eq!((stored.amount_cents, stored.status.as_str()), (53990, "paid"));
    assert_eq!(
        (stored.due.as_deref(), stored.notes.as_deref()),
        (Some("2026-12-31"), Some("Pay by bank transfer"))
    );
    assert!(stored.urgent);
    assert_eq!(stored.tags, ["billing", "consulting"]);
    let items: Vec<_> =
        stored.items.iter().map(|i| (i.description.as_str(), i.quantity, i.price_cents)).collect();
    assert_eq!(items, [("Consulting hours", 3, 15000), ("Travel", 1, 8990)]);

    // The flash is shown once.
    tab.goto(&format!("/invoices/{id}")).await;
    assert_eq!(tab.count(".flash").await, 0, "the flash is gone on the next visit");
}

async fn two_buttons(tab: Tab) {
    let mut entry = Entry::valid("INV-0100");
    entry.status = "pending";
    tab.goto("/invoices/new").await;
    invoice::fill(&tab, &entry).await;
    tab.click_and_load(tab.button("Save draft").await).await;
    let draft = invoice_id(&tab).await;
    assert_eq!(tab.text(".flash").await, "Invoice INV-0100 created");
    assert_eq!(tab.text("#status").await, "draft");

    entry.number = "INV-0101".to_owned();
    tab.goto("/invoices/new").await;
    invoice::fill(&tab, &entry).await;
    tab.click_and_load(tab.button("Create invoice").await).await;
    let created = invoice_id(&tab).await;
    assert_eq!(tab.text("#status").await, "pending");

    let db = tab.app.reopen().await;
    assert_eq!(db.count().await.unwrap(), 2);
    assert_eq!(db.get(draft).await.unwrap().expect("the draft").status, "draft", "Save draft stores a draft");
    assert_eq!(
        db.get(created).await.unwrap().expect("the invoice").status,
        "pending",
        "Create keeps the status"
    );
}

async fn upload(tab: Tab) {
    let pdf = pdf_bytes();
    let mut entry = Entry::valid("INV-0200");
    entry.attachment = Some(tab.app.write_file("scan-2026.pdf", &pdf));
    tab.goto("/invoices/new").await;
    invoice::fill(&tab, &entry).await;
    tab.click_and_load(tab.button("Create invoice").await).await;

    let id = invoice_id(&tab).await;
    assert_eq!(tab.text("#attachment").await, "scan-2026.pdf (application/pdf)");
    let href = tab.attr("#attachment a", "href").await.expect("a link to the attachment");
    assert_eq!(href, format!("/invoices/{id}/attachment"));
    let response = tab.app.server.client.get(tab.app.server.url(&href)).send().await.expect("download");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let downloaded = response.bytes().await.expect("the attachment's bytes");
    assert_eq!(downloaded.len(), pdf.len(), "the attachment's size");
    assert!(downloaded == pdf, "the downloaded attachment differs from the file uploaded");
    let (name, content_type, stored) =
        tab.app.reopen().await.attachment(id).await.unwrap().expect("the attachment is in the file");
    assert_eq!((name.as_str(), content_type.as_str()), ("scan-2026.pdf", "application/pdf"));
    assert!(stored == pdf, "the stored attachment differs from the file uploaded");
}

async fn line_items(tab: Tab) {
    tab.goto("/invoices/new").await;
    let first_document = tab.find("html").await;
    if tab.js == Js::On {
        tab.script("window.__marker = 1").await;
    }
    let descriptions = async || {
        let mut texts = Vec::new();
        for row in invoice::rows(&tab).await {
            texts.push(tab.value(&control(&format!("{row}.description"))).await);
        }
        texts
    };
    assert_eq!(invoice::rows(&tab).await, ["items[0]"], "a new invoice starts with one row");
    tab.fill(&control("customer"), "Keep me").await;
    tab.fill(&control("items[0].description"), "First").await;

    invoice::add_row(&tab).await;
    assert_eq!(descriptions().await, ["First", ""], "a row more, what was typed kept");
    tab.fill(&invoice::row_control(&tab, 1, "description").await, "Second").await;
    invoice::add_row(&tab).await;
    tab.fill(&invoice::row_control(&tab, 2, "description").await, "Third").await;
    assert_eq!(descriptions().await, ["First", "Second", "Third"]);

    invoice::remove_row(&tab, 0).await;
    assert_eq!(descriptions().await, ["Second", "Third"], "the first row went");
    invoice::remove_row(&tab, 1).await;
    assert_eq!(descriptions().await, ["Second"], "the last row went");
    invoice::remove_row(&tab, 0).await;
    assert_eq!(descriptions().await, [""], "with the only row removed, an empty one to fill in");
    assert_eq!(tab.value(&control("customer")).await, "Keep me", "the other fields are kept");
    assert_eq!(
        tab.count("#invoice .fa-errors, #invoice .fa-summary").await,
        0,
        "a row more or less is no error"
    );

    match tab.js {
        // `add_row` and `remove_row` saw each click load a new page.
        Js::Off => assert!(!tab.is_attached(&first_document).await),
        Js::On => {
            let seen = (
                tab.is_attached(&first_document).await,
                tab.script("return window.__marker").await,
                tab.path().await,
            );
            assert_eq!(seen, (true, json!(1), "/invoices/new".to_owned()), "no page load with JavaScript");
        }
    }
    assert_eq!(tab.app.reopen().await.count().await.unwrap(), 0, "adding and removing rows stores nothing");
}

async fn accessibility(tab: Tab) {
    tab.goto("/invoices/new").await;
    tab.assert_accessible("the empty form").await;
    let entry = Entry {
        number: "INV-0001".to_owned(),
        customer: "   ".to_owned(),
        email: format!("{}@example.com", "a".repeat(65)),
        amount: "12.50".to_owned(),
        status: "paid",
        due: None,
        notes: String::new(),
        urgent: false,
        tags: Vec::new(),
        items: vec![("Work".to_owned(), "1".to_owned(), "12.50".to_owned())],
        attachment: Some(not_a_pdf(&tab)),
    };
    invoice::fill(&tab, &entry).await;
    let create = tab.button("Create invoice").await;
    match tab.js {
        Js::Off => tab.click_and_load(create).await,
        Js::On => {
            // The server's errors shown by the script; its own are checked in
            // tests/browser/checks.rs (`checks_accessible`).
            tab.script("document.querySelector('#invoice script[data-fa-messages]').remove()").await;
            create.click().await.expect("click Create invoice");
            tab.wait_for("#invoice > .fa-summary").await;
        }
    }
    assert_only_invalid(&tab, &["customer", "email", "attachment"]).await;
    tab.assert_accessible("the form showing errors").await;

    // axe-core does run here: an image without a text alternative is found.
    tab.script("document.querySelector('h1').append(Object.assign(document.createElement('img'), { src: 'data:,' }))")
        .await;
    let found: Vec<_> = tab.axe_violations().await.into_iter().map(|v| v["id"].clone()).collect();
    assert_eq!(found, [json!("image-alt")], "axe-core finds a known violation");
}

/// While the slow action runs, the form says it is busy and its buttons are disabled.
async fn pending_state_shown(tab: Tab) {
    tab.goto(app::SLOW).await;
    tab.fill("#note-text", "Buy milk").await;
    let document = tab.find("html").await;
    let clicked = Instant::now();
    tab.button("Save note").await.click().await.expect("click Save note");
    let state = tab
        .script(
            "const f = document.getElementById('note');
             return { busy: f.getAttribute('aria-busy'), pending: f.hasAttribute('data-pending'),
                      disabled: [...f.querySelectorAll('button')].map((b) => b.disabled) };",
        )
        .await;
    assert!(clicked.elapsed() < app::SLOW_ACTION, "the state was read while the action ran");
    assert_eq!(
        state,
        json!({ "busy": "true", "pending": true, "disabled": [true, true] }),
        "the form while pending"
    );
    assert_eq!(tab.app.slow_runs(), 1, "the action is running");

    tab.wait_for_new_document(&document).await;
    assert_eq!(tab.path().await, "/__test/slow/done");
    assert_eq!(tab.text(".flash").await, "Saved Buy milk");
    assert!(clicked.elapsed() >= app::SLOW_ACTION);
}

/// A double click (two presses of a real mouse) submits once.
async fn double_click_submits_once(tab: Tab) {
    tab.goto(app::SLOW).await;
    tab.fill("#note-text", "Buy bread").await;
    let document = tab.find("html").await;
    let button = tab.button("Save note").await;
    let mouse = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement { element: button, duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    tab.client.perform_actions(mouse).await.expect("double-click Save note");
    tab.wait_for_new_document(&document).await;
    assert_eq!(tab.path().await, "/__test/slow/done");
    assert_eq!(tab.text(".flash").await, "Saved Buy bread");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(tab.app.slow_runs(), 1, "one submission for a double click");
}
