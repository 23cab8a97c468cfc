//! The shape of errors, exactly: `serde_json::to_value(&errors)` (zod's `flatten()` plus
//! `issues`), `errors.flatten()`, field order, and errors added by the application after parsing.

#![allow(dead_code, reason = "forms here are declared for their errors; most values are never read back")]

use formaction::{FieldError, Form, FormErrors, form};
use serde_json::json;

#[form]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Currency {
    Nok,
    Eur,
}

#[form]
#[derive(Debug)]
struct Line {
    #[validate(length(min = 1))]
    description: String,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
}

#[form]
#[derive(Debug)]
struct NewInvoice {
    #[validate(length(min = 1, max = 80, message = "Enter the customer's name"))]
    customer: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 0.01, max = 1_000_000))]
    #[field(scale = 2)]
    amount: f64,
    currency: Currency,
    #[validate(length(min = 8, max = 12), contains(pattern = "-"))]
    number: String,
    notes: Option<String>,
    urgent: bool,
    #[validate(length(min = 1))]
    lines: Vec<Line>,
}

fn submit(pairs: &[(&str, &str)]) -> FormErrors {
    NewInvoice::parse(&pairs.iter().copied().collect()).expect_err("the submission has errors")
}

/// A submission where some fields fail to parse, others fail their rules, and one list item fails
/// both ways.
fn bad_submission() -> FormErrors {
    submit(&[
        ("customer", ""),
        ("email", "ada@"),
        ("amount", "12.345"),
        ("currency", "usd"),
        ("number", "INV1"),
        ("notes", ""),
        ("urgent", "sometimes"),
        ("lines[0].description", "Consulting"),
        ("lines[0].quantity", "0"),
        ("lines[2].description", ""),
        ("lines[2].quantity", "lots"),
    ])
}

#[test]
fn the_exact_json_of_every_error() {
    assert_eq!(
        serde_json::to_value(bad_submission()).unwrap(),
        json!({
            "formErrors": [],
            "fieldErrors": {
                "customer": ["Enter the customer's name"],
                "email": ["Enter a valid email address"],
                "amount": ["Use at most 2 decimal places"],
                "currency": ["Choose one of the options"],
                "number": ["Must be at least 8 characters", "Must contain “-”"],
                "urgent": ["Choose yes or no"],
                "lines[0].quantity": ["Must be at least 1"],
                "lines[2].description": ["This field is required"],
                "lines[2].quantity": ["Enter a whole number"]
            },
            "issues": [
                {"name": "customer", "code": "required", "message": "Enter the customer's name"},
                {"name": "email", "code": "invalid_email", "message": "Enter a valid email address"},
                {"name": "amount", "code": "too_many_decimals", "message": "Use at most 2 decimal places", "scale": 2},
                {"name": "currency", "code": "invalid_choice", "message": "Choose one of the options"},
                {"name": "number", "code": "too_short", "message": "Must be at least 8 characters", "min": 8},
                {"name": "number", "code": "missing_text", "message": "Must contain “-”", "needle": "-"},
                {"name": "urgent", "code": "invalid_boolean", "message": "Choose yes or no"},
                {"name": "lines[0].quantity", "code": "too_small", "message": "Must be at least 1", "min": 1},
                {"name": "lines[2].description", "code": "required", "message": "This field is required"},
                {"name": "lines[2].quantity", "code": "invalid_integer", "message": "Enter a whole number"}
            ]
        })
    );
}

#[test]
fn field_errors_keep_the_order_of_the_fields() {
    // `json!` sorts keys, so check the order on the text itself.
    let text = serde_json::to_string(&bad_submission().flatten()).unwrap();
    assert_eq!(
        text,
        concat!(
            r#"{"formErrors":[],"fieldErrors":{"#,
            r#""customer":["Enter the customer's name"],"#,
            r#""email":["Enter a valid email address"],"#,
            r#""amount":["Use at most 2 decimal places"],"#,
            r#""currency":["Choose one of the options"],"#,
            r#""number":["Must be at least 8 characters","Must contain “-”"],"#,
            r#""urgent":["Choose yes or no"],"#,
            r#""lines[0].quantity":["Must be at least 1"],"#,
            r#""lines[2].description":["This field is required"],"#,
            r#""lines[2].quantity":["Enter a whole number"]"#,
            "}}"
        )
    );
}

#[test]
fn flatten_is_exactly_zods_shape() {
    let errors = bad_submission();
    let flat = serde_json::to_value(errors.flatten()).unwrap();
    let object = flat.as_object().unwrap();
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys, ["fieldErrors", "formErrors"], "two keys, nothing else");
    assert_eq!(flat["formErrors"], json!([]));
    for (name, messages) in flat["fieldErrors"].as_object().unwrap() {
        let strings = messages.as_array().unwrap();
        assert!(
            !strings.is_empty() && strings.iter().all(serde_json::Value::is_string),
            "{name}: {messages}"
        );
        assert_eq!(messages.as_array().unwrap().len(), errors.field(name).len());
    }
    let full = serde_json::to_value(&errors).unwrap();
    assert_eq!(full["formErrors"], flat["formErrors"]);
    assert_eq!(full["fieldErrors"], flat["fieldErrors"]);
}

#[test]
fn no_error_is_an_empty_shape() {
    let errors = FormErrors::new();
    assert!(errors.is_empty());
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({"formErrors": [], "fieldErrors": {}, "issues": []})
    );
    assert_eq!(serde_json::to_string(&errors.flatten()).unwrap(), r#"{"formErrors":[],"fieldErrors":{}}"#);
}

fn valid_pairs() -> Vec<(&'static str, &'static str)> {
    vec![
        ("customer", "Ada Lovelace"),
        ("email", "ada@example.com"),
        ("amount", "1250.50"),
        ("currency", "nok"),
        ("number", "INV-0001"),
        ("lines[0].description", "Consulting"),
        ("lines[0].quantity", "3"),
    ]
}

#[test]
fn business_errors_added_after_validation_have_the_same_shape() {
    let invoice = NewInvoice::parse(&valid_pairs().into_iter().collect()).unwrap();
    assert_eq!(invoice.number, "INV-0001");
    assert_eq!(invoice.currency, Currency::Nok);
    // The database says the number is taken.
    let mut errors = FormErrors::new();
    errors.add("number", FieldError::new("taken").with_message("INV-0001 is already taken"));
    errors.add_form_message("The customer's account is on hold");
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({
            "formErrors": ["The customer's account is on hold"],
            "fieldErrors": {"number": ["INV-0001 is already taken"]},
            "issues": [
                {"name": null, "code": "custom", "message": "The customer's account is on hold"},
                {"name": "number", "code": "taken", "message": "INV-0001 is already taken"}
            ]
        })
    );
    assert_eq!(errors.into_result().unwrap_err().len(), 2);
}

#[test]
fn business_errors_join_the_errors_of_the_parse() {
    let mut errors = submit(&[("customer", "Ada"), ("email", "nope")]);
    let before = errors.len();
    errors
        .add("email", FieldError::new("blocked").with_param("domain", "nope").with_message("Blocked domain"));
    errors.add_message("customer", "Unknown customer");
    errors.add_form_error(FieldError::new("rate_limited"));
    assert_eq!(errors.len(), before + 3);
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(json["formErrors"], json!(["This value is not valid"]));
    assert_eq!(json["fieldErrors"]["email"], json!(["Enter a valid email address", "Blocked domain"]));
    assert_eq!(json["fieldErrors"]["customer"], json!(["Unknown customer"]));
    let issues = json["issues"].as_array().unwrap();
    assert_eq!(
        issues[0],
        json!({"name": null, "code": "rate_limited", "message": "This value is not valid"})
    );
    assert!(issues.contains(
        &json!({"name": "email", "code": "blocked", "message": "Blocked domain", "domain": "nope"})
    ));
    assert!(issues.contains(&json!({"name": "customer", "code": "custom", "message": "Unknown customer"})));
    // A field first found invalid by the application comes after the fields the parse found
    // invalid; one the parse found invalid keeps its place.
    let names: Vec<&str> = errors.fields().map(|(name, _)| name).collect();
    assert_eq!(names, ["email", "amount", "currency", "number", "lines", "customer"]);
}

#[test]
fn params_named_like_the_issues_own_keys_do_not_replace_them() {
    let mut errors = FormErrors::new();
    errors.add(
        "email",
        FieldError::new("blocked")
            .with_param("name", "spoofed")
            .with_param("code", "spoofed")
            .with_param("message", "spoofed")
            .with_param("domain", "example.com"),
    );
    assert_eq!(
        serde_json::to_value(&errors).unwrap()["issues"],
        json!([{"name": "email", "code": "blocked", "message": "This value is not valid", "domain": "example.com"}])
    );
}

#[test]
fn display_lists_every_message() {
    let errors = submit(&[
        ("customer", "Ada"),
        ("email", "ada@example.com"),
        ("amount", "1"),
        ("currency", "eur"),
        ("number", "INV-0001"),
        ("lines[0].description", "x"),
        ("lines[0].quantity", "0"),
    ]);
    assert_eq!(errors.to_string(), "lines[0].quantity: Must be at least 1");
}
