//! Every error at once: a whole invoice form as an application writes it, where some fields fail to
//! parse and others fail their rules, at the top level, in groups and in list items. No failure may
//! hide another.

use std::sync::LazyLock;

use formaction::{Form, FormData, form};
use formaction_tests::codes_of;
use regex::Regex;
use rust_decimal::Decimal;
use time::Date;
use time::macros::date;
use validator::ValidationError;

static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new("^INV-[0-9]{4}$").unwrap());

#[form]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Draft,
    Sent,
    Paid,
}

#[form]
#[derive(Debug, PartialEq)]
struct Address {
    #[validate(length(min = 1, max = 60))]
    street: String,
    #[validate(length(min = 1))]
    city: String,
    #[validate(length(equal = 4))]
    postcode: String,
}

#[form]
#[derive(Debug, PartialEq)]
struct Line {
    #[validate(length(min = 1, max = 100))]
    description: String,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
    #[field(scale = 2)]
    unit_price: Decimal,
}

#[form]
#[derive(Debug, PartialEq)]
#[validate(schema(function = check_dates))]
struct Invoice {
    #[validate(regex(path = *NUMBER, message = "Like INV-0001"))]
    number: String,
    #[validate(length(min = 1, max = 80, message = "Enter the customer's name"))]
    customer: String,
    #[validate(email)]
    email: String,
    #[validate(email)]
    cc: Option<String>,
    issued: Date,
    due: Date,
    status: Status,
    urgent: bool,
    address: Address,
    #[validate(length(min = 1, max = 50))]
    lines: Vec<Line>,
    tags: Vec<String>,
    #[field(textarea)]
    #[validate(length(max = 500))]
    notes: Option<String>,
}

fn check_dates(invoice: &Invoice) -> Result<(), ValidationError> {
    if invoice.due < invoice.issued {
        return Err(ValidationError::new("due_before_issued")
            .with_message("The due date is before the issue date".into()));
    }
    Ok(())
}

fn valid() -> Vec<(&'static str, &'static str)> {
    vec![
        ("number", "INV-0042"),
        ("customer", "Ada Lovelace"),
        ("email", "ada@example.com"),
        ("cc", ""),
        ("issued", "2026-11-20"),
        ("due", "2026-12-20"),
        ("status", "sent"),
        ("urgent", "off"),
        ("urgent", "on"),
        ("address.street", "Karl Johans gate 1"),
        ("address.city", "Oslo"),
        ("address.postcode", "0154"),
        ("lines[0].description", "Consulting"),
        ("lines[0].quantity", "10"),
        ("lines[0].unit_price", "1250.00"),
        ("lines[1].description", "Travel"),
        ("lines[1].quantity", "1"),
        ("lines[1].unit_price", "899.5"),
        ("tags", "q4"),
        ("tags", "priority"),
        ("notes", "Thanks!"),
    ]
}

/// The valid submission with some values replaced (or added, when the name is new).
fn with(changes: &[(&'static str, &'static str)]) -> FormData {
    let mut pairs = valid();
    for &(name, value) in changes {
        match pairs.iter_mut().find(|(n, _)| *n == name) {
            Some(pair) => pair.1 = value,
            None => pairs.push((name, value)),
        }
    }
    pairs.into_iter().collect()
}

#[test]
fn a_valid_submission_parses_whole() {
    let invoice = Invoice::parse(&with(&[])).unwrap();
    assert_eq!(
        invoice,
        Invoice {
            number: "INV-0042".into(),
            customer: "Ada Lovelace".into(),
            email: "ada@example.com".into(),
            cc: None,
            issued: date!(2026 - 11 - 20),
            due: date!(2026 - 12 - 20),
            status: Status::Sent,
            urgent: true,
            address: Address {
                street: "Karl Johans gate 1".into(),
                city: "Oslo".into(),
                postcode: "0154".into()
            },
            lines: vec![
                Line { description: "Consulting".into(), quantity: 10, unit_price: Decimal::new(125000, 2) },
                Line { description: "Travel".into(), quantity: 1, unit_price: Decimal::new(8995, 1) },
            ],
            tags: vec!["q4".into(), "priority".into()],
            notes: Some("Thanks!".into()),
        }
    );
}

#[test]
fn parse_failures_and_rule_failures_are_all_reported_in_field_order() {
    let data = with(&[
        ("number", "42"),                  // rule
        ("customer", ""),                  // parse (required), with the length rule's message
        ("email", "ada@"),                 // rule
        ("cc", "also bad"),                // rule on an Option that is Some
        ("issued", "2026-02-30"),          // parse
        ("due", "soon"),                   // parse
        ("status", "archived"),            // parse
        ("address.postcode", "123"),       // rule in a group
        ("address.city", " "),             // parse in a group
        ("lines[0].quantity", "0"),        // rule in an item
        ("lines[1].description", ""),      // parse in an item
        ("lines[1].unit_price", "1.005"),  // scale in an item
        ("lines[7].quantity", "many"),     // parse in a sparse item
        ("notes", "x".repeat(501).leak()), // rule on a textarea
    ]);
    let errors = Invoice::parse(&data).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [
            ("number", "invalid_format"),
            ("customer", "required"),
            ("email", "invalid_email"),
            ("cc", "invalid_email"),
            ("issued", "invalid_date"),
            ("due", "invalid_date"),
            ("status", "invalid_choice"),
            ("address.city", "required"),
            ("address.postcode", "wrong_length"),
            ("lines[0].quantity", "too_small"),
            ("lines[1].description", "required"),
            ("lines[1].unit_price", "too_many_decimals"),
            ("lines[7].description", "required"),
            ("lines[7].quantity", "invalid_integer"),
            ("lines[7].unit_price", "required"),
            ("notes", "too_long"),
        ]
    );
    assert_eq!(errors.field("number")[0].message(), "Like INV-0001");
    assert_eq!(errors.field("customer")[0].message(), "Enter the customer's name");
    assert_eq!(errors.form_errors(), [], "the struct could not be built, so its check did not run");
}

#[test]
fn a_field_that_failed_to_parse_does_not_hide_the_rules_of_the_others() {
    // Each field alone fails to parse; every rule failure elsewhere is still there.
    for (broken, value) in
        [("issued", "???"), ("status", "???"), ("address.city", ""), ("lines[1].quantity", "???")]
    {
        let data = with(&[(broken, value), ("email", "nope"), ("lines[0].quantity", "5000")]);
        let errors = Invoice::parse(&data).unwrap_err();
        let names: Vec<&str> = errors.fields().map(|(name, _)| name).collect();
        assert!(names.contains(&broken), "{broken}: {names:?}");
        assert!(errors.has_field_error("email"), "{broken}: {names:?}");
        assert!(errors.has_field_error("lines[0].quantity"), "{broken}: {names:?}");
    }
}

#[test]
fn the_struct_level_check_runs_only_when_every_field_is_valid() {
    let errors = Invoice::parse(&with(&[("due", "2026-11-01")])).unwrap_err();
    assert_eq!(codes_of(&errors), [("", "due_before_issued")]);
    assert_eq!(errors.form_errors()[0].message(), "The due date is before the issue date");
    let errors = Invoice::parse(&with(&[("due", "2026-11-01"), ("email", "nope")])).unwrap_err();
    assert_eq!(codes_of(&errors), [("email", "invalid_email")], "a field rule failed: the check is skipped");
    let errors = Invoice::parse(&with(&[("due", "2026-11-01"), ("lines[1].quantity", "0")])).unwrap_err();
    assert_eq!(codes_of(&errors), [("lines[1].quantity", "too_small")], "so is a rule inside a list item");
}

#[test]
fn an_empty_submission_reports_each_required_field_once() {
    let errors = Invoice::parse(&FormData::new()).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [
            ("number", "required"),
            ("customer", "required"),
            ("email", "required"),
            ("issued", "required"),
            ("due", "required"),
            ("status", "required"),
            ("address.street", "required"),
            ("address.city", "required"),
            ("address.postcode", "required"),
            ("lines", "too_few"),
        ]
    );
}

#[test]
fn the_same_submission_gives_the_same_errors_every_time() {
    let data = with(&[("email", "x"), ("lines[3].quantity", "y"), ("address.postcode", "")]);
    let first = Invoice::parse(&data).unwrap_err();
    for _ in 0..3 {
        assert_eq!(Invoice::parse(&data).unwrap_err(), first);
    }
}

#[test]
fn large_submissions_give_the_same_answer() {
    // Past a few dozen entries the submission is looked up through an index: same answers.
    let mut data = with(&[]);
    for i in 2..40 {
        data.push_text(format!("lines[{i}].description"), format!("line {i}"));
        data.push_text(format!("lines[{i}].quantity"), "1");
        data.push_text(format!("lines[{i}].unit_price"), "1.50");
    }
    data.push_text("lines[20].quantity", "0");
    let errors = Invoice::parse(&data).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("lines[20].quantity", "too_small")],
        "the last value of a repeated name wins"
    );
    data.push_text("lines[20].quantity", "2");
    let invoice = Invoice::parse(&data).unwrap();
    assert_eq!(invoice.lines.len(), 40);
    assert_eq!(invoice.lines[20].quantity, 2);
    assert_eq!(invoice.lines[39].description, "line 39");
}
