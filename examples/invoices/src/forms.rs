//! The invoice form: every field kind formaction has, with its rules.

use std::sync::LazyLock;

use formaction::{UploadedFile, form};
use regex::Regex;
use time::Date;
use validator::ValidationError;

/// `INV-` and four digits.
pub static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: it compiles, or the program is wrong.
    Regex::new("^INV-[0-9]{4}$").expect("the invoice number pattern is valid")
});

/// The largest attachment accepted.
pub const MAX_ATTACHMENT: usize = 1024 * 1024;

/// Whether an invoice is paid.
#[form]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Waiting for payment.
    #[field(label = "choice-pending")]
    Pending,
    /// Paid.
    #[field(label = "choice-paid")]
    Paid,
}

/// What an invoice is about.
#[form]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Billing.
    #[field(label = "choice-billing")]
    Billing,
    /// Support.
    #[field(label = "choice-support")]
    Support,
    /// Consulting.
    #[field(label = "choice-consulting")]
    Consulting,
}

/// One line of an invoice.
#[form]
#[derive(Clone, Debug, PartialEq)]
pub struct LineItem {
    /// What was sold.
    #[validate(length(min = 1, max = 200, message = "item-description-required"))]
    #[field(label = "field-description")]
    pub description: String,
    /// How many.
    #[validate(range(min = 1, max = 1000))]
    #[field(label = "field-quantity")]
    pub quantity: u32,
    /// The price of one.
    #[validate(range(min = 0, max = 100_000))]
    #[field(scale = 2, label = "field-price")]
    pub price: f64,
}

/// A new invoice, or the changes to one.
#[form]
#[derive(Clone, Debug)]
pub struct InvoiceForm {
    /// `INV-0001`: unique.
    #[validate(regex(path = *NUMBER, message = "invoice-number-format"))]
    #[field(placeholder = "INV-0001", label = "field-number")]
    pub number: String,
    /// Who pays.
    #[validate(length(min = 1, max = 80, message = "invoice-customer-required"))]
    #[field(label = "field-customer")]
    pub customer: String,
    /// Where the invoice goes.
    #[validate(email(message = "invoice-email-format"))]
    #[field(label = "field-email")]
    pub email: String,
    /// The total asked, in the currency's units.
    #[validate(range(min = 0.01, max = 1_000_000))]
    #[field(scale = 2, label = "field-amount")]
    pub amount: f64,
    /// Pending or paid ("Save draft" stores a draft instead).
    #[field(label = "field-status")]
    pub status: Status,
    /// When payment is due.
    #[field(label = "field-due")]
    pub due: Option<Date>,
    /// Anything else.
    #[validate(length(max = 500))]
    #[field(textarea, label = "field-notes")]
    pub notes: Option<String>,
    /// Flag it.
    #[field(label = "field-urgent")]
    pub urgent: bool,
    /// What it is about.
    #[field(label = "field-tags")]
    pub tags: Vec<Tag>,
    /// The lines.
    #[validate(length(min = 1, message = "invoice-items-required"))]
    #[field(label = "field-items")]
    pub items: Vec<LineItem>,
    /// A PDF or PNG of at most 1 MiB.
    #[validate(custom(function = check_attachment))]
    #[field(
        accept = "application/pdf,image/png,.pdf,.png",
        help = "field-attachment-help",
        label = "field-attachment"
    )]
    pub attachment: Option<UploadedFile>,
}

/// The attachment types accepted (their first bytes are checked by the runtime's `accept`): the
/// declared content type, and the extension it is downloaded with.
pub const ATTACHMENT_TYPES: &[AttachmentType] = &[
    AttachmentType { content_type: "application/pdf", extension: "pdf" },
    AttachmentType { content_type: "image/png", extension: "png" },
];

/// One accepted attachment type (see [`ATTACHMENT_TYPES`]).
#[derive(Debug, PartialEq, Eq)]
pub struct AttachmentType {
    /// Its content type, as declared and as served.
    pub content_type: &'static str,
    /// The extension of a downloaded file of this type.
    pub extension: &'static str,
}

impl AttachmentType {
    /// The accepted type whose content type is `content_type`, if it is one.
    pub fn of(content_type: &str) -> Option<&'static AttachmentType> {
        ATTACHMENT_TYPES.iter().find(|accepted| accepted.content_type == content_type)
    }
}

/// At most 1 MiB. Its type (`accept`: a PDF or a PNG, whose first bytes are that type's) is
/// checked by the runtime, before this rule.
fn check_attachment(file: &UploadedFile) -> Result<(), ValidationError> {
    if file.len() > MAX_ATTACHMENT {
        return Err(
            ValidationError::new("file_too_large").with_message("invoice-attachment-too-large".into())
        );
    }
    Ok(())
}
