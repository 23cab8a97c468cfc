//! The pages.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use formaction::messages::Language;
use formaction::{ActionErrors, Flash, FormData, FormState};
use formaction::{FormView, HtmlPage};
use serde::Deserialize;
use serde_json::Value;

use crate::actions::{create_invoice, delete_invoice, mark_paid, save_draft, update_invoice};
use crate::db::{Db, Invoice, Summary};
use crate::forms::{AttachmentType, InvoiceForm};
use crate::language::Texts;

/// A page that failed: not found, or the database.
pub enum PageError {
    /// 404.
    NotFound,
    /// 500, details in the log.
    Internal(sqlx::Error),
}

impl From<sqlx::Error> for PageError {
    fn from(error: sqlx::Error) -> Self {
        PageError::Internal(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::NotFound => not_found_page(),
            PageError::Internal(error) => {
                tracing::error!(%error, "page failed");
                let lang = Language::current();
                let page = MessagePage {
                    title: lang.text("page-failed-title", &[]),
                    message: lang.text("page-failed-message", &[]),
                    lang,
                };
                HtmlPage::new(page).status(StatusCode::INTERNAL_SERVER_ERROR).into_response()
            }
        }
    }
}

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, (cents % 100).abs())
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    title: String,
    message: String,
    lang: Language,
}

impl Texts for MessagePage {
    fn lang(&self) -> Language {
        self.lang
    }
}

/// The 404 page with an action's message instead of the usual one.
fn gone_page(message: &str) -> Response {
    let lang = Language::current();
    let page =
        MessagePage { title: lang.text("page-not-found-title", &[]), message: message.to_owned(), lang };
    HtmlPage::new(page).status(StatusCode::NOT_FOUND).into_response()
}

/// The 404 page, in the language of the request being answered.
fn not_found_page() -> Response {
    not_found_in(Language::current())
}

fn not_found_in(lang: Language) -> Response {
    let page = MessagePage {
        title: lang.text("page-not-found-title", &[]),
        message: lang.text("page-not-found-message", &[]),
        lang,
    };
    HtmlPage::new(page).status(StatusCode::NOT_FOUND).into_response()
}

/// `GET /app.css`: the app's style, a file rather than inline, so the pages work under a
/// `style-src 'self'` policy.
pub async fn stylesheet() -> Response {
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
        (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
    ];
    (headers, include_str!("../assets/app.css")).into_response()
}

/// Anything unknown.
pub async fn not_found(lang: Language) -> Response {
    not_found_in(lang)
}

/// The invoice id of a path: a number, or no such invoice (404). axum's `Path<i64>` would answer
/// 400 with its own words (naming the Rust type) for `/invoices/abc` or an id beyond `i64`.
fn invoice_id(text: &str) -> Result<i64, PageError> {
    text.parse().map_err(|_| PageError::NotFound)
}

/// The search of the list.
#[derive(Deserialize)]
pub struct Search {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage<'a> {
    q: &'a str,
    invoices: Vec<Summary>,
    flash: Option<String>,
    lang: Language,
}

impl ListPage<'_> {
    fn money(&self, cents: &i64) -> String {
        money(*cents)
    }

    fn status(&self, status: &str) -> String {
        self.t(&format!("invoice-status-{status}"))
    }

    fn no_match(&self) -> String {
        self.lang.text("list-no-match", &[("q", Value::from(self.q))])
    }
}

impl Texts for ListPage<'_> {
    fn lang(&self) -> Language {
        self.lang
    }
}

/// `GET /invoices`.
pub async fn list(
    State(db): State<Db>,
    Query(search): Query<Search>,
    flash: Flash,
    lang: Language,
) -> Result<Response, PageError> {
    let q = search.q.unwrap_or_default();
    let invoices = db.list(&q).await?;
    Ok(HtmlPage::new(ListPage { q: &q, invoices, flash: flash.into_message(), lang }).into_response())
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage<'a> {
    title: String,
    form: FormView<'a, InvoiceForm>,
    current_attachment: Option<String>,
    lang: Language,
}

impl FormPage<'_> {
    fn attachment_note(&self) -> Option<String> {
        let name = self.current_attachment.as_deref()?;
        Some(self.lang.text("form-current-attachment", &[("name", Value::from(name))]))
    }
}

impl Texts for FormPage<'_> {
    fn lang(&self) -> Language {
        self.lang
    }
}

/// `GET /invoices/new` (and the same page again after an invalid submission).
pub async fn new_invoice(state: FormState<InvoiceForm>, lang: Language) -> Response {
    let form = FormView::from_state(&state, create_invoice::bind())
        .id("invoice")
        .submit_label(lang.text("form-create", &[]))
        .button(lang.text("form-save-draft", &[]), save_draft::bind());
    let title = lang.text("form-new-title", &[]);
    HtmlPage::new(FormPage { title, form, current_attachment: None, lang }).into_response()
}

/// `GET /invoices/{id}/edit`: the form filled in from the invoice.
pub async fn edit(
    State(db): State<Db>,
    Path(id): Path<String>,
    state: FormState<InvoiceForm>,
    lang: Language,
) -> Result<Response, PageError> {
    let id = invoice_id(&id)?;
    let invoice = db.get(id).await?.ok_or(PageError::NotFound)?;
    let stored: FormData;
    let values = match state.values() {
        Some(submitted) => submitted,
        None => {
            stored = stored_values(&invoice);
            &stored
        }
    };
    let form = FormView::<InvoiceForm>::new(values, state.errors(), update_invoice::bind(id))
        .id("invoice")
        .submit_label(lang.text("form-save-changes", &[]));
    let title = lang.text("form-edit-title", &[("number", Value::from(invoice.number.as_str()))]);
    let current_attachment = invoice.attachment.map(|(name, _)| name);
    Ok(HtmlPage::new(FormPage { title, form, current_attachment, lang }).into_response())
}

/// The stored invoice as the form's values.
fn stored_values(invoice: &Invoice) -> FormData {
    let mut values = FormData::new();
    values.push_text("number", &invoice.number);
    values.push_text("customer", &invoice.customer);
    values.push_text("email", &invoice.email);
    values.push_text("amount", money(invoice.amount_cents));
    values.push_text("status", if invoice.status == "paid" { "paid" } else { "pending" });
    if let Some(due) = &invoice.due {
        values.push_text("due", due);
    }
    if let Some(notes) = &invoice.notes {
        values.push_text("notes", notes);
    }
    if invoice.urgent {
        values.push_text("urgent", "on");
    }
    for tag in &invoice.tags {
        values.push_text("tags", tag);
    }
    for (index, item) in invoice.items.iter().enumerate() {
        values.push_text(format!("items[{index}].description"), &item.description);
        values.push_text(format!("items[{index}].quantity"), item.quantity.to_string());
        values.push_text(format!("items[{index}].price"), money(item.price_cents));
    }
    values
}

#[derive(Template)]
#[template(path = "show.html")]
struct ShowPage {
    invoice: Invoice,
    total: String,
    flash: Option<String>,
    mark_paid: formaction::BoundAction,
    delete: formaction::BoundAction,
    lang: Language,
}

impl ShowPage {
    fn money(&self, cents: &i64) -> String {
        money(*cents)
    }

    fn status(&self, status: &str) -> String {
        self.t(&format!("invoice-status-{status}"))
    }
}

impl Texts for ShowPage {
    fn lang(&self) -> Language {
        self.lang
    }
}

/// `GET /invoices/{id}`.
pub async fn show(
    State(db): State<Db>,
    Path(id): Path<String>,
    flash: Flash,
    errors: ActionErrors,
    lang: Language,
) -> Result<Response, PageError> {
    let id = invoice_id(&id)?;
    let Some(invoice) = db.get(id).await? else {
        // "Mark paid" pressed on an invoice another tab deleted: its own message says what happened.
        return match errors.errors().form_errors().first() {
            Some(error) => Ok(gone_page(&error.message())),
            None => Err(PageError::NotFound),
        };
    };
    let total: i64 = invoice.items.iter().map(|item| item.quantity * item.price_cents).sum();
    Ok(HtmlPage::new(ShowPage {
        total: money(total),
        flash: flash.into_message(),
        mark_paid: mark_paid::bind(id),
        delete: delete_invoice::bind(id),
        invoice,
        lang,
    })
    .into_response())
}

/// `GET /invoices/{id}/attachment`: the file, with its type, downloaded (never shown in the app's
/// origin) under its uploaded name with the extension of its checked type: `scan.html` stored as a
/// PDF downloads as `scan.pdf`, which opens as what it is.
pub async fn attachment(State(db): State<Db>, Path(id): Path<String>) -> Result<Response, PageError> {
    let id = invoice_id(&id)?;
    let (name, content_type, bytes) = db.attachment(id).await?.ok_or(PageError::NotFound)?;
    // Only checked types are stored; anything else (a row written by hand) is served as bytes.
    let (content_type, extension) = match AttachmentType::of(&content_type) {
        Some(accepted) => (accepted.content_type, accepted.extension),
        None => ("application/octet-stream", "bin"),
    };
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (header::CONTENT_DISPOSITION, content_disposition(&name, extension)),
        // Set here as well as by the protect layer: uploaded bytes are never sniffed into HTML.
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    ];
    Ok((headers, bytes).into_response())
}

/// `attachment` with the uploaded name's stem and `extension` (RFC 6266): `filename` with a plain
/// ASCII fallback for old clients, `filename*` with the name in UTF-8, percent-encoded (RFC 8187).
/// Nothing of the uploaded name can end the header, add a parameter or name a directory.
pub fn content_disposition(uploaded: &str, extension: &str) -> HeaderValue {
    // The stem: the last path segment (old browsers send `C:\...`), before its extension, with
    // no control characters and no dots (no `report.pdf.exe` tricks), at most 100 characters.
    let base = uploaded.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String =
        stem.chars().filter(|c| !c.is_control()).map(|c| if c == '.' { '_' } else { c }).take(100).collect();
    let stem = stem.trim();
    let stem = if stem.is_empty() { "attachment" } else { stem };
    let ascii: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') { c } else { '_' })
        .collect();
    let mut encoded = String::new();
    for byte in format!("{stem}.{extension}").bytes() {
        // RFC 8187's attr-char, less the few that some clients mishandle.
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    let value = format!("attachment; filename=\"{ascii}.{extension}\"; filename*=UTF-8''{encoded}");
    // Visible ASCII only, by construction.
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn a_download_is_named_by_its_checked_type_and_quoted_safely() {
        let cases = [
            ("scan.pdf", "pdf", r#"attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf"#),
            ("scan.html", "pdf", r#"attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf"#),
            ("scan", "png", r#"attachment; filename="scan.png"; filename*=UTF-8''scan.png"#),
            (
                "report.pdf.exe",
                "png",
                r#"attachment; filename="report_pdf.png"; filename*=UTF-8''report_pdf.png"#,
            ),
            (
                "Rechnung März.pdf",
                "pdf",
                r#"attachment; filename="Rechnung_M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf"#,
            ),
            (
                "a\"; filename=evil.html\r\nX-Injected: 1.pdf",
                "pdf",
                "attachment; filename=\"a___filename_evil_htmlX-Injected__1.pdf\"; \
                 filename*=UTF-8''a%22%3B%20filename%3Devil_htmlX-Injected%3A%201.pdf",
            ),
            ("../../etc/passwd", "pdf", r#"attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf"#),
            (
                "C:\\Users\\ada\\scan.pdf",
                "pdf",
                r#"attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf"#,
            ),
            ("", "pdf", r#"attachment; filename="attachment.pdf"; filename*=UTF-8''attachment.pdf"#),
            (".pdf", "pdf", r#"attachment; filename="attachment.pdf"; filename*=UTF-8''attachment.pdf"#),
            (
                "\u{0}\u{7}.pdf",
                "pdf",
                r#"attachment; filename="attachment.pdf"; filename*=UTF-8''attachment.pdf"#,
            ),
        ];
        for (uploaded, extension, expected) in cases {
            assert_eq!(content_disposition(uploaded, extension), expected, "{uploaded:?}");
        }
    }
}
