//! The invoices app in German and Arabic in a real browser, JavaScript on and off: the language
//! switch (a link and a cookie), the server's messages and the enhancement script's own text in
//! the chosen language, `lang` and `dir="rtl"` on the page, and axe-core finding nothing.

use crate::harness::{Js, Tab, eventually};
use crate::invoice::{self, Entry};

/// An invoice the browser accepts and the server does not: its customer is only blanks.
fn blank_customer() -> Entry {
    let mut entry = Entry::valid("INV-0001");
    entry.customer = "   ".to_owned();
    entry.due = None;
    entry.items.truncate(1);
    entry
}

/// Chooses the language `name` with the switch's link, and waits for the page it goes back to.
async fn switch_to(tab: &Tab, name: &str) {
    let xpath = format!("//nav//a[normalize-space()='{name}']");
    let link = tab
        .client
        .find(fantoccini::Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|error| panic!("no link `{name}`: {error}"));
    tab.click_and_load(link).await;
}

/// Sends the invoice with the button `create`, and waits for the errors (a new page without
/// JavaScript; the script's summary with it).
async fn send_invalid(tab: &Tab, create: &str) {
    invoice::fill(tab, &blank_customer()).await;
    let button = tab.button(create).await;
    match tab.js {
        Js::Off => tab.click_and_load(button).await,
        Js::On => {
            button.click().await.expect("click the create button");
            tab.wait_for("#invoice > .fa-summary").await;
        }
    }
}

pub(crate) async fn languages(tab: Tab) {
    tab.goto("/invoices/new").await;
    assert_eq!(tab.attr("html", "lang").await.as_deref(), Some("en"));

    switch_to(&tab, "Deutsch").await;
    assert_eq!(tab.path().await, "/invoices/new", "back to the page the switch was on");
    assert_eq!(tab.attr("html", "lang").await.as_deref(), Some("de"));
    assert_eq!(tab.text("h1").await, "Neue Rechnung");
    tab.assert_accessible("the German form").await;
    send_invalid(&tab, "Rechnung anlegen").await;
    // With JavaScript, the summary's heading is the script's own text, sent with the form.
    assert_eq!(tab.text("#invoice > .fa-summary h2").await, "Es gibt ein Problem");
    let errors = tab.texts("#invoice [data-field=customer] .fa-errors li").await;
    assert!(errors.iter().any(|error| error == "Geben Sie den Namen des Kunden ein"), "{errors:?}");
    tab.assert_accessible("the German form showing errors").await;

    switch_to(&tab, "العربية").await;
    assert_eq!(tab.attr("html", "lang").await.as_deref(), Some("ar"));
    assert_eq!(tab.attr("html", "dir").await.as_deref(), Some("rtl"));
    let direction = tab.script("return getComputedStyle(document.querySelector('#invoice')).direction").await;
    assert_eq!(direction, serde_json::json!("rtl"));
    tab.assert_accessible("the Arabic form").await;
    send_invalid(&tab, "إنشاء الفاتورة").await;
    assert_eq!(tab.text("#invoice > .fa-summary h2").await, "توجد مشكلة");
    let summary = eventually("the Arabic summary", || async {
        let entries = tab.texts("#invoice > .fa-summary li").await;
        (!entries.is_empty()).then_some(entries)
    })
    .await;
    assert!(summary.iter().any(|entry| entry == "يُرجى إدخال اسم العميل"), "{summary:?}");
    tab.assert_accessible("the Arabic form showing errors").await;
}
