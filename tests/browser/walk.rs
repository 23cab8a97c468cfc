//! A walk through the rest of the invoices app: editing an invoice (the form filled in from the
//! record), marking one paid, deleting one, and searching the list. Each checks the page the
//! browser lands on and what is in the SQLite file.

use example_invoices::forms::{InvoiceForm, LineItem, Status, Tag};
use time::macros::date;

use crate::harness::Tab;
use crate::invoice::{self, Entry, control};
use crate::invoice_id;

/// An invoice with every field set, stored directly: what the edit form must show.
fn stored() -> InvoiceForm {
    InvoiceForm {
        number: "INV-0007".to_owned(),
        customer: "Grace Hopper".to_owned(),
        email: "grace@example.com".to_owned(),
        amount: 250.0,
        status: Status::Pending,
        due: Some(date!(2026 - 05 - 31)),
        notes: Some("Net 30".to_owned()),
        urgent: true,
        tags: vec![Tag::Billing, Tag::Consulting],
        items: vec![
            LineItem { description: "Workshop".to_owned(), quantity: 2, price: 100.0 },
            LineItem { description: "Travel".to_owned(), quantity: 1, price: 50.0 },
        ],
        attachment: None,
    }
}

/// The list's rows as `number customer status`, in order.
async fn listed(tab: &Tab) -> Vec<String> {
    let mut rows = Vec::new();
    for row in tab.find_all("tbody tr").await {
        let mut cells = Vec::new();
        for cell in row.find_all(fantoccini::Locator::Css("td")).await.expect("the row's cells") {
            cells.push(cell.text().await.expect("a cell's text"));
        }
        rows.push(format!("{} {} {}", cells[0], cells[1], cells[3]));
    }
    rows
}

/// The invoice's page, its Edit link, the form filled in from the record; a changed customer and
/// line item saved, with the flash on the invoice's page, and in the file.
pub(crate) async fn edit(tab: Tab) {
    let id = tab.app.db.insert(&stored(), "pending").await.expect("store an invoice");
    let other = tab.app.seed("INV-0008").await;
    tab.goto(&format!("/invoices/{id}")).await;
    tab.click_and_load(tab.find(&format!("a[href=\"/invoices/{id}/edit\"]")).await).await;
    assert_eq!(tab.path().await, format!("/invoices/{id}/edit"));
    assert_eq!(tab.text("h1").await, "Edit INV-0007");

    let mut entry = Entry {
        number: "INV-0007".to_owned(),
        customer: "Grace Hopper".to_owned(),
        email: "grace@example.com".to_owned(),
        amount: "250.00".to_owned(),
        status: "pending",
        due: Some("2026-05-31"),
        notes: "Net 30".to_owned(),
        urgent: true,
        tags: vec!["billing", "consulting"],
        items: vec![
            ("Workshop".to_owned(), "2".to_owned(), "100.00".to_owned()),
            ("Travel".to_owned(), "1".to_owned(), "50.00".to_owned()),
        ],
        attachment: None,
    };
    invoice::assert_shows(&tab, &entry).await;
    assert_eq!(tab.count("#invoice .fa-errors, #invoice .fa-summary").await, 0, "no errors on a fresh form");

    tab.fill(&control("customer"), "Ada Lovelace").await;
    tab.fill(&control("items[1].description"), "Travel by train").await;
    tab.fill(&control("items[1].price"), "75.50").await;
    tab.click_and_load(tab.button("Save changes").await).await;

    assert_eq!(invoice_id(&tab).await, id, "back on the invoice's page");
    assert_eq!(tab.text(".flash").await, "Invoice INV-0007 saved");
    assert_eq!(tab.text("#customer").await, "Ada Lovelace");
    assert_eq!(tab.texts("#items tbody tr").await, ["Workshop 2 100.00", "Travel by train 1 75.50"]);
    assert_eq!(tab.text("#total").await, "275.50");

    let db = tab.app.reopen().await;
    let saved = db.get(id).await.unwrap().expect("the invoice is in the file");
    assert_eq!((saved.number.as_str(), saved.customer.as_str()), ("INV-0007", "Ada Lovelace"));
    let items: Vec<_> =
        saved.items.iter().map(|i| (i.description.as_str(), i.quantity, i.price_cents)).collect();
    assert_eq!(items, [("Workshop", 2, 10000), ("Travel by train", 1, 7550)]);
    // What was not changed is kept.
    assert_eq!(
        (saved.email.as_str(), saved.amount_cents, saved.status.as_str()),
        ("grace@example.com", 25000, "pending")
    );
    assert_eq!((saved.due.as_deref(), saved.notes.as_deref()), (Some("2026-05-31"), Some("Net 30")));
    assert!(saved.urgent);
    assert_eq!(saved.tags, ["billing", "consulting"]);
    assert_eq!(db.count().await.unwrap(), 2, "no invoice added");
    let untouched = db.get(other).await.unwrap().expect("the other invoice");
    assert_eq!(untouched.customer, "Seeded Customer", "the other invoice is untouched");

    // The form shows the saved record the next time.
    tab.goto(&format!("/invoices/{id}/edit")).await;
    entry.customer = "Ada Lovelace".to_owned();
    entry.items[1] = ("Travel by train".to_owned(), "1".to_owned(), "75.50".to_owned());
    invoice::assert_shows(&tab, &entry).await;
}

/// "Mark paid" on one invoice's page: that invoice paid, on the page and in the file; the other
/// one pending.
pub(crate) async fn mark_paid(tab: Tab) {
    let other = tab.app.seed("INV-0001").await;
    let id = tab.app.seed("INV-0002").await;
    tab.goto(&format!("/invoices/{id}")).await;
    assert_eq!(tab.text("#status").await, "pending");
    tab.click_and_load(tab.button("Mark paid").await).await;

    assert_eq!(tab.path().await, format!("/invoices/{id}"));
    assert_eq!(tab.text(".flash").await, "Marked as paid");
    assert_eq!(tab.text("h1").await, "INV-0002");
    assert_eq!(tab.text("#status").await, "paid");
    let db = tab.app.reopen().await;
    assert_eq!(db.get(id).await.unwrap().expect("the invoice").status, "paid");
    assert_eq!(db.get(other).await.unwrap().expect("the other invoice").status, "pending", "only this one");
}

/// "Delete" on one invoice's page: back on the list with the flash, without that row; gone from
/// the file, the other invoice kept.
pub(crate) async fn delete(tab: Tab) {
    let kept = tab.app.seed("INV-0001").await;
    let id = tab.app.seed("INV-0002").await;
    tab.goto("/invoices").await;
    assert_eq!(listed(&tab).await, ["INV-0002 Seeded Customer pending", "INV-0001 Seeded Customer pending"]);
    tab.goto(&format!("/invoices/{id}")).await;
    tab.click_and_load(tab.button("Delete").await).await;

    assert_eq!(tab.path().await, "/invoices");
    assert_eq!(tab.text(".flash").await, "Invoice deleted");
    assert_eq!(listed(&tab).await, ["INV-0001 Seeded Customer pending"], "the row is gone");
    let db = tab.app.reopen().await;
    assert!(db.get(id).await.unwrap().is_none(), "the invoice is gone from the file");
    assert!(db.get(kept).await.unwrap().is_some(), "the other invoice is kept");
    assert_eq!(db.count().await.unwrap(), 1);
    tab.goto(&format!("/invoices/{id}")).await;
    assert_eq!(tab.text("h1").await, "Not found");
}

/// Types into the search field and submits it (a `GET` form: a page load either way).
async fn search_for(tab: &Tab, query: &str) {
    tab.fill("#q", query).await;
    tab.click_and_load(tab.button("Search").await).await;
}

/// The list's search: by customer (any case) and by number; the query stays in the field.
pub(crate) async fn search(tab: Tab) {
    for (number, customer) in [
        ("INV-0001", "Ada Lovelace"),
        ("INV-0002", "Grace Hopper"),
        ("INV-0003", "Alan Turing"),
        ("INV-0004", "Ada Yonath"),
    ] {
        tab.app.seed_for(number, customer).await;
    }
    tab.goto("/invoices").await;
    assert_eq!(tab.count("tbody tr").await, 4, "every invoice listed before a search");

    search_for(&tab, "ada").await;
    assert_eq!(tab.path().await, "/invoices?q=ada");
    assert_eq!(listed(&tab).await, ["INV-0004 Ada Yonath pending", "INV-0001 Ada Lovelace pending"]);
    assert_eq!(tab.value("#q").await, "ada", "the query stays in the field");

    search_for(&tab, "0003").await;
    assert_eq!(listed(&tab).await, ["INV-0003 Alan Turing pending"]);

    search_for(&tab, "HOPPER").await;
    assert_eq!(listed(&tab).await, ["INV-0002 Grace Hopper pending"]);

    search_for(&tab, "nobody").await;
    assert_eq!(tab.count("tbody tr").await, 0);
    assert_eq!(tab.text("main > p").await, "No invoices match “nobody”.");

    search_for(&tab, "").await;
    assert_eq!(tab.count("tbody tr").await, 4, "an empty search lists every invoice");
}
