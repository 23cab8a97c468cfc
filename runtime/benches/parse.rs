//! Parsing and validating a 10-field form: `formaction` against the same work written by hand on
//! `serde_html_form` and `validator` (issue 2).
//!
//! Both sides start from the same urlencoded body (`&[u8]`) and end with the typed struct, or with
//! the errors. Three groups:
//!
//! - `valid`: a body that passes every rule.
//! - `invalid`: every field deserializes, but six of them break a rule, so both sides do the same
//!   work and report the same six fields.
//! - `invalid_parse`: several fields cannot even be read (`quantity=abc`). `serde_html_form` stops
//!   at the first one, while formaction goes on and reports every field, so the two sides do not
//!   do the same work here: the group shows what reporting everything costs.
//!
//! Before measuring, the setup checks that both sides agree on these bodies.
//!
//! Run with `cargo bench -p formaction --bench parse`.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use formaction::decode::decode_urlencoded;
use formaction::{DecodeError, Form, FormErrors, Limits, form};
use serde::Deserialize;
use validator::{Validate, ValidationErrors};

/// What a browser sends for a filled-in invoice form: every field, three tags.
const VALID: &[u8] = b"customer=Ada+Lovelace&email=ada%40example.com&amount=1250.50&quantity=12\
&status=in_progress&due=2025-07-01&notes=Net+30%2C+invoice+by+email.&urgent=on\
&website=https%3A%2F%2Fexample.com%2Fada&tags=billing&tags=consulting&tags=q3";

/// The body of the `invalid` group: every value is readable, six break a rule (an empty
/// customer, a bad email, a zero amount, too many items, notes beyond 500 characters, a website
/// that is not a URL).
fn invalid_body() -> Vec<u8> {
    let notes = "x".repeat(600);
    format!(
        "customer=&email=ada%40&amount=0&quantity=5000&status=paid&due=&notes={notes}&urgent=on\
         &website=not+a+url&tags=billing"
    )
    .into_bytes()
}

/// Values that cannot be read at all: text for numbers, an unknown choice, a checkbox value that
/// is no boolean.
const INVALID_PARSE: &[u8] = b"customer=&email=ada%40&amount=lots&quantity=abc&status=unknown&due=\
&notes=&urgent=maybe&website=not+a+url&tags=billing";

/// The fields `invalid_body` breaks.
const INVALID_FIELDS: [&str; 6] = ["amount", "customer", "email", "notes", "quantity", "website"];

/// The fields formaction reports for `INVALID_PARSE` (serde_html_form reports only one error).
const INVALID_PARSE_FIELDS: [&str; 7] =
    ["amount", "customer", "email", "quantity", "status", "urgent", "website"];

// ---- formaction ----

#[form]
#[derive(Debug, Clone, Copy)]
enum Status {
    Pending,
    Paid,
    InProgress,
}

#[form]
#[derive(Debug)]
struct Invoice {
    #[validate(length(min = 1, max = 80))]
    customer: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 0.01, max = 1_000_000))]
    amount: f64,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
    status: Status,
    due: Option<String>,
    #[validate(length(max = 500))]
    notes: Option<String>,
    urgent: bool,
    #[validate(url)]
    website: Option<String>,
    tags: Vec<String>,
}

#[derive(Debug)]
enum FormactionFailure {
    Decode(DecodeError),
    Invalid(FormErrors),
}

fn with_formaction(body: &[u8]) -> Result<Invoice, FormactionFailure> {
    let data = decode_urlencoded(body, &Limits::default()).map_err(FormactionFailure::Decode)?;
    Invoice::parse(&data).map_err(FormactionFailure::Invalid)
}

// ---- by hand: serde_html_form + validator ----

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum HandStatus {
    Pending,
    Paid,
    InProgress,
}

#[derive(Debug, Deserialize, Validate)]
struct HandInvoice {
    #[validate(length(min = 1, max = 80))]
    customer: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 0.01, max = 1_000_000.0))]
    amount: f64,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
    status: HandStatus,
    // A browser sends empty inputs as `name=`; without the helper they would be `Some("")`.
    #[serde(default, deserialize_with = "serde_html_form::de::empty_as_none")]
    due: Option<String>,
    #[serde(default, deserialize_with = "serde_html_form::de::empty_as_none")]
    #[validate(length(max = 500))]
    notes: Option<String>,
    // An unchecked checkbox sends nothing.
    #[serde(default)]
    urgent: bool,
    #[serde(default, deserialize_with = "serde_html_form::de::empty_as_none")]
    #[validate(url)]
    website: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Debug)]
enum HandFailure {
    Decode(serde_html_form::de::Error),
    Invalid(ValidationErrors),
}

fn by_hand(body: &[u8]) -> Result<HandInvoice, HandFailure> {
    let invoice: HandInvoice = serde_html_form::from_bytes(body).map_err(HandFailure::Decode)?;
    invoice.validate().map_err(HandFailure::Invalid)?;
    Ok(invoice)
}

// ---- agreement, checked before measuring ----

fn same_invoice(ours: &Invoice, hand: &HandInvoice) -> bool {
    let same_status = matches!(
        (ours.status, hand.status),
        (Status::Pending, HandStatus::Pending)
            | (Status::Paid, HandStatus::Paid)
            | (Status::InProgress, HandStatus::InProgress)
    );
    ours.customer == hand.customer
        && ours.email == hand.email
        && ours.amount == hand.amount
        && ours.quantity == hand.quantity
        && same_status
        && ours.due == hand.due
        && ours.notes == hand.notes
        && ours.urgent == hand.urgent
        && ours.website == hand.website
        && ours.tags == hand.tags
}

fn formaction_error_fields(body: &[u8]) -> BTreeSet<String> {
    match with_formaction(body) {
        Err(FormactionFailure::Invalid(errors)) => errors.fields().map(|(name, _)| name.to_owned()).collect(),
        other => panic!("formaction should report field errors, got {other:?}"),
    }
}

fn check_agreement(invalid: &[u8]) {
    let ours = with_formaction(VALID).expect("formaction accepts the valid body");
    let hand = by_hand(VALID).expect("the hand-written version accepts the valid body");
    assert!(same_invoice(&ours, &hand), "different values:\n{ours:?}\n{hand:?}");
    assert_eq!(ours.tags, ["billing", "consulting", "q3"]);
    assert_eq!(ours.notes.as_deref(), Some("Net 30, invoice by email."));

    let expected: BTreeSet<String> = INVALID_FIELDS.iter().map(|&name| name.to_owned()).collect();
    let hand_fields: BTreeSet<String> = match by_hand(invalid) {
        Err(HandFailure::Invalid(errors)) => {
            errors.field_errors().keys().map(|name| name.to_string()).collect()
        }
        other => panic!("the hand-written version should report rule errors, got {other:?}"),
    };
    assert_eq!(hand_fields, expected, "hand-written errors");
    assert_eq!(formaction_error_fields(invalid), expected, "formaction errors");

    match by_hand(INVALID_PARSE) {
        Err(HandFailure::Decode(error)) => {
            assert_eq!(error.to_string(), "invalid float literal", "serde_html_form stops at `amount`");
        }
        other => panic!("serde_html_form should stop at the first value it cannot read, got {other:?}"),
    }
    let expected: BTreeSet<String> = INVALID_PARSE_FIELDS.iter().map(|&name| name.to_owned()).collect();
    assert_eq!(formaction_error_fields(INVALID_PARSE), expected, "formaction reports every field");

    // Both sides end with their decoding error too (a malformed escape, for formaction).
    match with_formaction(b"amount=100%") {
        Err(FormactionFailure::Decode(error)) => assert!(error.to_string().contains("percent-encoding")),
        other => panic!("formaction should reject a malformed escape, got {other:?}"),
    }
}

// ---- the benchmark ----

fn parse(c: &mut Criterion) {
    let invalid = invalid_body();
    check_agreement(&invalid);

    for (group_name, body) in [("valid", VALID), ("invalid", &invalid[..]), ("invalid_parse", INVALID_PARSE)]
    {
        let mut group = c.benchmark_group(group_name);
        group.bench_function("formaction", |b| b.iter(|| black_box(with_formaction(black_box(body)))));
        group.bench_function("hand_written", |b| b.iter(|| black_box(by_hand(black_box(body)))));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = parse
}
criterion_main!(benches);
