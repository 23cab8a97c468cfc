//! Properties: arbitrary submissions (any names, any values, files where text is expected and the
//! reverse) never make parsing panic, and every error names either something that was submitted
//! or a field the form knows.

#![allow(dead_code, reason = "the form is declared for parsing; its values are never read back")]

use formaction::{Form, FormData, UploadedFile, form};
use proptest::prelude::*;
use rust_decimal::Decimal;
use time::Date;
use validator::ValidationError;

#[form]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Draft,
    Sent,
    #[field(rename = "paid-in-full")]
    Paid,
}

#[form]
#[derive(Debug)]
struct Dimensions {
    #[validate(range(min = 1, max = 500))]
    width: u32,
    height: Option<u16>,
}

#[form]
#[derive(Debug)]
#[validate(schema(function = check_item))]
struct Item {
    #[validate(length(min = 1, max = 100))]
    name: String,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
    #[field(scale = 2)]
    price: Option<Decimal>,
    dims: Option<Dimensions>,
    tags: Vec<String>,
}

fn check_item(item: &Item) -> Result<(), ValidationError> {
    if item.name == "free" && item.price.is_some() {
        Err(ValidationError::new("priced_free"))
    } else {
        Ok(())
    }
}

#[form]
#[derive(Debug)]
struct Address {
    #[validate(length(min = 1))]
    street: String,
    city: String,
}

#[form]
#[derive(Debug)]
#[validate(schema(function = check_invoice, skip_on_field_errors = false))]
struct Invoice {
    #[validate(length(min = 1, max = 80, message = "Enter the customer's name"))]
    customer: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 0.01, max = 1_000_000))]
    #[field(scale = 2)]
    amount: f64,
    status: Status,
    notes: Option<String>,
    urgent: bool,
    initial: Option<char>,
    due: Option<Date>,
    tags: Vec<String>,
    statuses: Vec<Status>,
    #[validate(length(min = 1, max = 20))]
    items: Vec<Item>,
    billing: Option<Address>,
    #[field(rename = "ship-to")]
    shipping: Address,
    attachment: Option<UploadedFile>,
    #[field(secret)]
    #[validate(length(min = 4))]
    pin: String,
    #[field(secret)]
    #[validate(must_match(other = pin))]
    pin_again: String,
    #[field(default = 7)]
    days: u8,
}

fn check_invoice(invoice: &Invoice) -> Result<(), ValidationError> {
    if invoice.urgent && invoice.due.is_none() {
        Err(ValidationError::new("urgent_without_due"))
    } else {
        Ok(())
    }
}

/// Every full name the form reads, with list indices as `[0]`.
const NAMES: &[&str] = &[
    "customer",
    "email",
    "amount",
    "status",
    "notes",
    "urgent",
    "initial",
    "due",
    "tags",
    "statuses",
    "items",
    "items[0].name",
    "items[0].quantity",
    "items[0].price",
    "items[0].dims.width",
    "items[0].dims.height",
    "items[0].tags",
    "billing.street",
    "billing.city",
    "ship-to.street",
    "ship-to.city",
    "attachment",
    "pin",
    "pin_again",
    "days",
];

/// A name: one the form reads, one of its list names with another index (valid or not), or
/// anything at all.
fn name() -> impl Strategy<Value = String> {
    let index = prop_oneof![
        (0usize..12).prop_map(|i| i.to_string()),
        Just("-1".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just(String::new()),
        Just("007".to_owned()),
        "[a-z ]{1,3}",
        "\\PC{0,3}",
    ];
    prop_oneof![
        4 => proptest::sample::select(NAMES).prop_map(str::to_owned),
        2 => (proptest::sample::select(NAMES), index.clone()).prop_map(|(name, index)| name.replace("[0]", &format!("[{index}]"))),
        1 => (proptest::sample::select(&["items", "tags", "statuses", "items[0].tags"][..]), index)
            .prop_map(|(list, index)| format!("{list}[{index}]")),
        1 => proptest::sample::select(&["", ".", "[", "]", "[]", "a.b", "items.", "items[", "items]", "items[0", ".items", "ship-to", "billing", "items[0].dims", "items[0]..name", "items[0][1]"][..]).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => "[a-z_\\.\\[\\]0-9-]{0,16}",
    ]
}

/// A text value: blank, plausible for some field, or anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(
            &[
                "",
                " ",
                "\t",
                "0",
                "1",
                "-1",
                "12.345",
                "0.01",
                "1e3",
                "1e999",
                "NaN",
                "on",
                "off",
                "true",
                "draft",
                "paid-in-full",
                "Paid",
                "ada@example.com",
                "ada@",
                "2026-11-20",
                "2026-02-30",
                "é",
                "ab",
                "free",
                "18446744073709551616",
                "INV-0001",
            ][..]
        )
        .prop_map(str::to_owned),
        "\\PC{0,20}",
        any::<String>(),
    ]
}

#[derive(Clone, Debug)]
enum Value {
    Text(String),
    File(String, Vec<u8>),
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => text().prop_map(Value::Text),
        1 => ("\\PC{0,8}", proptest::collection::vec(any::<u8>(), 0..8)).prop_map(|(name, bytes)| Value::File(name, bytes)),
    ]
}

fn submission() -> impl Strategy<Value = Vec<(String, Value)>> {
    proptest::collection::vec((name(), value()), 0..40)
}

fn form_data(pairs: &[(String, Value)]) -> FormData {
    let mut data = FormData::new();
    for (name, value) in pairs {
        match value {
            Value::Text(text) => data.push_text(name.clone(), text.clone()),
            Value::File(file_name, bytes) => data.push_file(
                name.clone(),
                UploadedFile {
                    file_name: file_name.clone(),
                    content_type: None,
                    bytes: bytes.clone().into(),
                },
            ),
        }
    }
    data
}

/// A submission that parses.
fn valid() -> Vec<(String, Value)> {
    let pairs = [
        ("customer", "Ada"),
        ("email", "ada@example.com"),
        ("amount", "10.50"),
        ("status", "sent"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "3"),
        ("ship-to.street", "Karl Johans gate 1"),
        ("ship-to.city", "Oslo"),
        ("pin", "1234"),
        ("pin_again", "1234"),
    ];
    pairs.iter().map(|(name, text)| (name.to_string(), Value::Text(text.to_string()))).collect()
}

/// A valid submission with a few arbitrary entries mixed in, before or after its own (so they
/// either lose to or override the valid values): a good share of these parse.
fn mostly_valid() -> impl Strategy<Value = Vec<(String, Value)>> {
    (proptest::collection::vec((name(), value()), 0..4), any::<bool>()).prop_map(|(extra, before)| {
        if before {
            extra.into_iter().chain(valid()).collect()
        } else {
            valid().into_iter().chain(extra).collect()
        }
    })
}

fn check(pairs: &[(String, Value)]) -> Result<(), TestCaseError> {
    let data = form_data(pairs);
    match Invoice::parse(&data) {
        Ok(invoice) => {
            prop_assert!(!invoice.customer.trim().is_empty());
            prop_assert!(!invoice.items.is_empty() && invoice.items.len() <= 20);
            prop_assert!(invoice.amount.is_finite());
            prop_assert_eq!(&invoice.pin, &invoice.pin_again);
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            let schema = Invoice::schema();
            for (name, field_errors) in errors.fields() {
                prop_assert!(!field_errors.is_empty());
                let submitted = data.contains(name);
                prop_assert!(
                    submitted || schema.lookup(name).is_some(),
                    "`{}` was neither submitted nor a field: {:?}",
                    name,
                    errors
                );
            }
            for error in errors.form_errors() {
                prop_assert_eq!(error.code(), "urgent_without_due");
            }
            let json = serde_json::to_value(&errors).unwrap();
            prop_assert_eq!(json["issues"].as_array().map(Vec::len), Some(errors.len()));
            let flat = serde_json::to_value(errors.flatten()).unwrap();
            prop_assert_eq!(&flat["fieldErrors"], &json["fieldErrors"]);
            prop_assert_eq!(Invoice::parse(&data).unwrap_err(), errors, "the same errors every time");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn parsing_never_panics_and_errors_name_submitted_or_known_fields(pairs in submission()) {
        check(&pairs)?;
    }

    #[test]
    fn mostly_valid_submissions_parse_or_name_what_is_wrong(pairs in mostly_valid()) {
        check(&pairs)?;
    }

    #[test]
    fn redacting_never_panics_and_leaves_no_secret_and_no_file(pairs in submission()) {
        let mut data = form_data(&pairs);
        Invoice::redact(&mut data);
        for (name, value) in data.iter() {
            prop_assert!(value.as_text().is_some(), "a file was left under `{}`", name);
            prop_assert!(name != "pin" && name != "pin_again", "a secret was left");
        }
    }
}

#[test]
fn the_valid_submission_parses() {
    let invoice = Invoice::parse(&form_data(&valid())).unwrap();
    assert_eq!((invoice.customer.as_str(), invoice.items.len(), invoice.days), ("Ada", 1, 7));
}

#[test]
fn known_names_are_known_to_the_schema() {
    for name in NAMES {
        assert!(Invoice::schema().lookup(name).is_some(), "{name}");
    }
}
