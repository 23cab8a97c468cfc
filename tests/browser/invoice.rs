//! The new-invoice form as a user sees it: filling it in, its buttons, and what it shows back.

use std::path::PathBuf;

use crate::harness::{Js, Tab, eventually};

/// What a user enters in the invoice form.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub(crate) number: String,
    pub(crate) customer: String,
    pub(crate) email: String,
    pub(crate) amount: String,
    /// `pending` or `paid`.
    pub(crate) status: &'static str,
    /// `YYYY-MM-DD`.
    pub(crate) due: Option<&'static str>,
    pub(crate) notes: String,
    pub(crate) urgent: bool,
    pub(crate) tags: Vec<&'static str>,
    /// `(description, quantity, price)` per row.
    pub(crate) items: Vec<(String, String, String)>,
    pub(crate) attachment: Option<PathBuf>,
}

impl Entry {
    /// A valid invoice numbered `number`.
    pub(crate) fn valid(number: &str) -> Entry {
        Entry {
            number: number.to_owned(),
            customer: "Grace Hopper".to_owned(),
            email: "grace@example.com".to_owned(),
            amount: "539.90".to_owned(),
            status: "paid",
            due: Some("2026-12-31"),
            notes: "Pay by bank transfer".to_owned(),
            urgent: true,
            tags: vec!["billing", "consulting"],
            items: vec![
                ("Consulting hours".to_owned(), "3".to_owned(), "150.00".to_owned()),
                ("Travel".to_owned(), "1".to_owned(), "89.90".to_owned()),
            ],
            attachment: None,
        }
    }
}

/// The CSS selector of the control of field `name` (`items[1].price` included).
pub(crate) fn control(name: &str) -> String {
    let id: String =
        name.chars().map(|c| if c == '[' || c == '.' { '-' } else { c }).filter(|c| *c != ']').collect();
    format!("#invoice-{id}")
}

/// The wrapper of field `name`, which holds its label, control and errors.
pub(crate) fn wrapper(name: &str) -> String {
    format!("#invoice [data-field=\"{name}\"]")
}

/// The names of the line-item rows shown, in order (`items[0]`, ...). A row keeps its name when
/// one before it is removed.
pub(crate) async fn rows(tab: &Tab) -> Vec<String> {
    let mut names = Vec::new();
    for row in tab.find_all("#invoice .fa-row").await {
        names.push(row.attr("data-row").await.expect("data-row").expect("a row has its name"));
    }
    names
}

/// The selector of `field` (`description`, `quantity`, `price`) in the row at `position`.
pub(crate) async fn row_control(tab: &Tab, position: usize, field: &str) -> String {
    let rows = rows(tab).await;
    let row = rows.get(position).unwrap_or_else(|| panic!("no row at position {position} of {rows:?}"));
    control(&format!("{row}.{field}"))
}

/// Adds a line-item row with the form's own button: a page load with JavaScript off, the form
/// swapped in place with it on.
pub(crate) async fn add_row(tab: &Tab) {
    let count = tab.count("#invoice .fa-row").await;
    click_intent(tab, "Add a row to Line items").await;
    assert_eq!(tab.count("#invoice .fa-row").await, count + 1, "a row more");
}

/// Removes the line-item row at `position` (0-based) with its own button. The only row gives way
/// to an empty one.
pub(crate) async fn remove_row(tab: &Tab, position: usize) {
    let count = tab.count("#invoice .fa-row").await;
    click_intent(tab, &format!("Remove Line items {}", position + 1)).await;
    assert_eq!(tab.count("#invoice .fa-row").await, count.saturating_sub(1).max(1), "a row less");
}

/// Clicks an Add or Remove button and waits until the server's answer shows.
async fn click_intent(tab: &Tab, label: &str) {
    let button = tab.button(label).await;
    match tab.js {
        Js::Off => tab.click_and_load(button).await,
        Js::On => {
            let form = tab.find("#invoice").await;
            button.click().await.unwrap_or_else(|error| panic!("click {label}: {error}"));
            eventually(&format!("the form to be swapped after {label}"), || async {
                (!tab.is_attached(&form).await).then_some(())
            })
            .await;
        }
    }
}

/// Types a date into a date control, as a user of an en-US browser does (month, day, year).
pub(crate) async fn fill_date(tab: &Tab, css: &str, iso: &str) {
    let [year, month, day] = <[&str; 3]>::try_from(iso.split('-').collect::<Vec<_>>()).expect("YYYY-MM-DD");
    tab.fill(css, &format!("{month}{day}{year}")).await;
    assert_eq!(tab.value(css).await, iso, "the date typed into `{css}`");
}

/// Sets the checkbox `css` to `checked` by clicking it when needed.
pub(crate) async fn set_checked(tab: &Tab, css: &str, checked: bool) {
    if tab.is_checked(css).await != checked {
        tab.find(css).await.click().await.expect("click a checkbox");
    }
    assert_eq!(tab.is_checked(css).await, checked, "checkbox `{css}`");
}

/// Fills in the whole form: rows first (adding rows goes through the server, which keeps what was
/// typed, but never a file), then the fields, then the file.
pub(crate) async fn fill(tab: &Tab, entry: &Entry) {
    assert!(!entry.items.is_empty(), "the form always shows a row");
    while tab.count("#invoice .fa-row").await > entry.items.len() {
        remove_row(tab, entry.items.len()).await;
    }
    for (position, (description, quantity, price)) in entry.items.iter().enumerate() {
        if tab.count("#invoice .fa-row").await <= position {
            add_row(tab).await;
        }
        tab.fill(&row_control(tab, position, "description").await, description).await;
        tab.fill(&row_control(tab, position, "quantity").await, quantity).await;
        tab.fill(&row_control(tab, position, "price").await, price).await;
    }
    tab.fill(&control("number"), &entry.number).await;
    tab.fill(&control("customer"), &entry.customer).await;
    tab.fill(&control("email"), &entry.email).await;
    tab.fill(&control("amount"), &entry.amount).await;
    tab.find(&control("status")).await.select_by_value(entry.status).await.expect("choose a status");
    match entry.due {
        Some(due) => fill_date(tab, &control("due"), due).await,
        None => tab.fill(&control("due"), "").await,
    }
    tab.fill(&control("notes"), &entry.notes).await;
    set_checked(tab, &control("urgent"), entry.urgent).await;
    for tag in ["billing", "support", "consulting"] {
        set_checked(tab, &format!("#invoice input[name=tags][value={tag}]"), entry.tags.contains(&tag)).await;
    }
    if let Some(path) = &entry.attachment {
        let input = tab.find(&control("attachment")).await;
        input.send_keys(&path.display().to_string()).await.expect("choose the attachment");
    }
}

/// Asserts that the form shows what `entry` holds (the file aside: a browser never keeps one).
pub(crate) async fn assert_shows(tab: &Tab, entry: &Entry) {
    let texts = [
        ("number", &entry.number),
        ("customer", &entry.customer),
        ("email", &entry.email),
        ("amount", &entry.amount),
        ("notes", &entry.notes),
    ];
    for (name, expected) in texts {
        assert_eq!(&tab.value(&control(name)).await, expected, "the value of `{name}` is kept");
    }
    assert_eq!(tab.value(&control("status")).await, entry.status, "the status is kept");
    assert_eq!(tab.value(&control("due")).await, entry.due.unwrap_or(""), "the due date is kept");
    assert_eq!(tab.is_checked(&control("urgent")).await, entry.urgent, "urgent is kept");
    for tag in ["billing", "support", "consulting"] {
        let checked = tab.is_checked(&format!("#invoice input[name=tags][value={tag}]")).await;
        assert_eq!(checked, entry.tags.contains(&tag), "tag {tag} is kept");
    }
    assert_eq!(tab.count("#invoice .fa-row").await, entry.items.len(), "the rows are kept");
    for (position, (description, quantity, price)) in entry.items.iter().enumerate() {
        assert_eq!(&tab.value(&row_control(tab, position, "description").await).await, description);
        assert_eq!(&tab.value(&row_control(tab, position, "quantity").await).await, quantity);
        assert_eq!(&tab.value(&row_control(tab, position, "price").await).await, price);
    }
}

/// Asserts that field `name` shows exactly `messages`, next to it: a `.fa-errors` list inside its
/// wrapper, the wrapper marked invalid, and (for a single control) the control marked
/// `aria-invalid` and described by the list.
pub(crate) async fn assert_field_errors(tab: &Tab, name: &str, messages: &[&str]) {
    let wrapper = wrapper(name);
    let class = tab.attr(&wrapper, "class").await.unwrap_or_default();
    assert!(class.split(' ').any(|c| c == "fa-invalid"), "`{wrapper}` is marked invalid (class `{class}`)");
    assert_eq!(
        tab.texts(&format!("{wrapper} > .fa-errors li")).await,
        messages,
        "the errors shown next to `{name}`"
    );
    let list_id = tab.attr(&format!("{wrapper} > .fa-errors"), "id").await.expect("the error list has an id");
    let single = tab
        .count(&format!("{wrapper} > input:not([type=hidden]), {wrapper} > select, {wrapper} > textarea"))
        .await;
    if single == 1 {
        let control = control(name);
        assert_eq!(
            tab.attr(&control, "aria-invalid").await.as_deref(),
            Some("true"),
            "`{control}` aria-invalid"
        );
        let described = tab.attr(&control, "aria-describedby").await.unwrap_or_default();
        assert!(
            described.split(' ').any(|id| id == list_id),
            "`{control}` is described by its errors `{list_id}` (aria-describedby=`{described}`)"
        );
    }
}

/// Asserts that no field other than those in `invalid` shows an error.
pub(crate) async fn assert_only_invalid(tab: &Tab, invalid: &[&str]) {
    let mut shown = Vec::new();
    for element in tab.find_all("#invoice .fa-errors").await {
        let parent = element.find(fantoccini::Locator::XPath("..")).await.expect("the list's parent");
        shown.push(parent.attr("data-field").await.expect("data-field").unwrap_or_default());
    }
    assert_eq!(shown, invalid, "the fields showing errors, in the form's order");
}

/// The error summary's entries, in order: `(link target, message)`.
pub(crate) async fn summary(tab: &Tab) -> Vec<(String, String)> {
    let summary = "#invoice > .fa-summary";
    assert_eq!(tab.attr(summary, "role").await.as_deref(), Some("alert"), "the summary is an alert");
    assert_eq!(tab.text(&format!("{summary} h2")).await, "There is a problem");
    let mut entries = Vec::new();
    for link in tab.find_all(&format!("{summary} li a")).await {
        let href = link.attr("href").await.expect("href").unwrap_or_default();
        entries.push((href, link.text().await.expect("link text")));
    }
    assert_eq!(
        tab.count(&format!("{summary} li")).await,
        entries.len(),
        "every summary entry links to its field"
    );
    entries
}
