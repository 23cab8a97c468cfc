//! Rules: every `#[validate(...)]` rule with its default code, parameters and message, the
//! `message` and `code` overrides, rules on `Option` fields, `custom` functions and struct-level
//! `schema` checks.

#![allow(dead_code, reason = "forms here are declared for their errors; most values are never read back")]

use std::sync::LazyLock;

use formaction::{FieldError, Form, form};
use formaction_tests::{codes_of, issue, only_error};
use regex::Regex;
use serde_json::json;
use validator::ValidationError;

/// Parses `T` from literal pairs.
fn parse<T: Form>(pairs: &[(&str, &str)]) -> Result<T, formaction::FormErrors> {
    T::parse(&pairs.iter().copied().collect())
}

// ---------------------------------------------------------------------------------------------
// Each rule, with its default code, parameters and message. Every field is an `Option`, so a test
// submits only the field it is about: rules are skipped for `None`.

static INVOICE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new("^INV-[0-9]{4}$").unwrap());

#[form]
#[derive(Debug)]
struct Each {
    #[validate(email)]
    email: Option<String>,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(min = 3, max = 5))]
    code: Option<String>,
    #[validate(length(min = 1))]
    one: Option<String>,
    #[validate(length(equal = 4))]
    pin: Option<String>,
    #[validate(range(min = 1, max = 10))]
    quantity: Option<i32>,
    #[validate(range(min = 0.5, max = 2.5))]
    weight: Option<f64>,
    #[validate(range(exclusive_min = 0, exclusive_max = 100))]
    percent: Option<u8>,
    #[validate(range(exclusive_min = 0.25, exclusive_max = 0.75))]
    ratio: Option<f32>,
    #[validate(regex(path = *INVOICE_NUMBER))]
    number: Option<String>,
    #[validate(regex(path = "INVOICE_NUMBER"))]
    number_by_name: Option<String>,
    #[validate(contains(pattern = "@"))]
    handle: Option<String>,
    #[validate(does_not_contain(pattern = "admin"))]
    username: Option<String>,
    #[validate(non_control_character)]
    title: Option<String>,
    #[validate(ip)]
    address: Option<String>,
    #[validate(ip(v4))]
    v4: Option<String>,
    #[validate(ip(v6))]
    v6: Option<String>,
    #[validate(nested)]
    plain: Option<String>,
}

/// The issue of the only error of `name` when it alone is submitted with `value`.
fn each(name: &str, value: &str) -> serde_json::Value {
    let errors = parse::<Each>(&[(name, value)]).expect_err(value);
    assert_eq!(errors.len(), 1, "{errors:?}");
    issue(&errors, name)
}

/// Whether `value` passes the rules of `name`.
fn passes(name: &str, value: &str) -> bool {
    parse::<Each>(&[(name, value)]).is_ok()
}

#[test]
fn nothing_submitted_passes_every_rule_on_options() {
    let parsed = parse::<Each>(&[]).unwrap();
    assert_eq!(parsed.email, None);
    let blanks: Vec<(&str, &str)> = Each::schema().fields.iter().map(|f| (f.name, "")).collect();
    assert!(parse::<Each>(&blanks).is_ok(), "blank values are None, and None skips every rule");
}

#[test]
fn email() {
    assert!(passes("email", "ada@example.com"));
    assert_eq!(
        each("email", "ada@"),
        json!({"name": "email", "code": "invalid_email", "message": "Enter a valid email address"})
    );
    assert_eq!(each("email", "not an email")["code"], "invalid_email");
}

#[test]
fn url() {
    assert!(passes("website", "https://example.com/path?q=1"));
    assert_eq!(
        each("website", "example"),
        json!({"name": "website", "code": "invalid_url", "message": "Enter a valid URL"})
    );
}

#[test]
fn length_of_text_in_characters() {
    assert!(passes("code", "abc") && passes("code", "abcde") && passes("code", "ééé"));
    assert_eq!(
        each("code", "ab"),
        json!({"name": "code", "code": "too_short", "message": "Must be at least 3 characters", "min": 3})
    );
    assert_eq!(
        each("code", "abcdef"),
        json!({"name": "code", "code": "too_long", "message": "Must be at most 5 characters", "max": 5})
    );
    assert_eq!(each("code", "éééééé")["code"], "too_long", "six characters, twelve bytes");
    assert_eq!(
        each("pin", "123"),
        json!({"name": "pin", "code": "wrong_length", "message": "Must be exactly 4 characters", "equal": 4})
    );
    assert_eq!(each("pin", "12345")["code"], "wrong_length");
    assert!(passes("pin", "1234"));
    assert!(passes("one", "x"));
}

#[test]
fn length_counts_text_as_typed() {
    // Text is not trimmed, so neither is what `length` counts.
    assert!(passes("code", " ab "));
    assert_eq!(each("code", "  abcd  ")["code"], "too_long");
}

#[form]
#[derive(Debug)]
struct Counted {
    #[validate(length(min = 2, max = 3))]
    tags: Vec<String>,
    #[validate(length(equal = 2))]
    pair: Vec<String>,
}

#[test]
fn length_of_a_list_in_items() {
    let ok = parse::<Counted>(&[("tags", "a"), ("tags", "b"), ("pair", "a"), ("pair", "b")]);
    assert!(ok.is_ok());
    let errors = parse::<Counted>(&[("tags", "a"), ("pair", "a"), ("pair", "b")]).unwrap_err();
    assert_eq!(
        issue(&errors, "tags"),
        json!({"name": "tags", "code": "too_few", "message": "Choose at least 2", "min": 2})
    );
    let tags = [("tags", "a"), ("tags", "b"), ("tags", "c"), ("tags", "d"), ("pair", "a"), ("pair", "b")];
    let errors = parse::<Counted>(&tags).unwrap_err();
    assert_eq!(
        issue(&errors, "tags"),
        json!({"name": "tags", "code": "too_many", "message": "Choose at most 3", "max": 3})
    );
    let errors =
        parse::<Counted>(&[("tags", "a"), ("tags", "b"), ("pair", "a"), ("pair", "b"), ("pair", "c")])
            .unwrap_err();
    assert_eq!(
        issue(&errors, "pair"),
        json!({"name": "pair", "code": "wrong_count", "message": "Choose exactly 2", "equal": 2})
    );
    // Blank values are not items.
    let errors =
        parse::<Counted>(&[("tags", "a"), ("tags", ""), ("tags", " "), ("pair", "a"), ("pair", "b")])
            .unwrap_err();
    assert_eq!(codes_of(&errors), [("tags", "too_few")]);
}

#[test]
fn an_empty_list_is_checked_too() {
    // A list is never `None`: an empty one is too short, though nothing was submitted.
    #[form]
    #[derive(Debug)]
    struct Required {
        #[validate(length(min = 1))]
        lines: Vec<String>,
    }
    let errors = parse::<Required>(&[]).unwrap_err();
    assert_eq!(
        issue(&errors, "lines"),
        json!({"name": "lines", "code": "too_few", "message": "Choose at least 1", "min": 1})
    );
    assert_eq!(parse::<Required>(&[("lines", "x")]).map(|r| r.lines), Ok(vec!["x".to_owned()]));
}

#[test]
fn range_of_integers_and_floats() {
    assert!(
        passes("quantity", "1")
            && passes("quantity", "10")
            && passes("weight", "0.5")
            && passes("weight", "2.5")
    );
    assert_eq!(
        each("quantity", "0"),
        json!({"name": "quantity", "code": "too_small", "message": "Must be at least 1", "min": 1})
    );
    assert_eq!(
        each("quantity", "11"),
        json!({"name": "quantity", "code": "too_big", "message": "Must be at most 10", "max": 10})
    );
    assert_eq!(
        each("weight", "0.49"),
        json!({"name": "weight", "code": "too_small", "message": "Must be at least 0.5", "min": 0.5})
    );
    assert_eq!(
        each("weight", "2.51"),
        json!({"name": "weight", "code": "too_big", "message": "Must be at most 2.5", "max": 2.5})
    );
}

#[test]
fn exclusive_range() {
    assert!(passes("percent", "1") && passes("percent", "99") && passes("ratio", "0.5"));
    assert_eq!(
        each("percent", "0"),
        json!({"name": "percent", "code": "not_greater", "message": "Must be greater than 0", "min": 0})
    );
    assert_eq!(
        each("percent", "100"),
        json!({"name": "percent", "code": "not_less", "message": "Must be less than 100", "max": 100})
    );
    assert_eq!(
        each("ratio", "0.25"),
        json!({"name": "ratio", "code": "not_greater", "message": "Must be greater than 0.25", "min": 0.25})
    );
    assert_eq!(
        each("ratio", "0.75"),
        json!({"name": "ratio", "code": "not_less", "message": "Must be less than 0.75", "max": 0.75})
    );
}

#[test]
fn a_parse_failure_is_reported_instead_of_the_range() {
    assert_eq!(each("quantity", "ten")["code"], "invalid_integer");
    assert_eq!(each("percent", "256")["code"], "out_of_range");
}

#[test]
fn regex_from_a_lazy_lock() {
    assert!(passes("number", "INV-0001") && passes("number_by_name", "INV-9999"));
    for name in ["number", "number_by_name"] {
        assert_eq!(
            each(name, "INV-1"),
            json!({"name": name, "code": "invalid_format", "message": "Enter a value in the expected format"})
        );
        assert_eq!(each(name, "xINV-0001")["code"], "invalid_format");
    }
}

#[test]
fn contains_and_does_not_contain() {
    assert!(passes("handle", "@ada") && passes("username", "ada"));
    assert_eq!(
        each("handle", "ada"),
        json!({"name": "handle", "code": "missing_text", "message": "Must contain “@”", "needle": "@"})
    );
    assert_eq!(
        each("username", "superadmin"),
        json!({"name": "username", "code": "forbidden_text", "message": "Must not contain “admin”", "needle": "admin"})
    );
}

#[test]
fn non_control_character() {
    assert!(passes("title", "Plain title, with ünicode"));
    for bad in ["a\u{7}b", "tab\there", "\u{1b}[31mred"] {
        assert_eq!(
            each("title", bad),
            json!({"name": "title", "code": "control_character", "message": "Must not contain control characters"}),
            "{bad:?}"
        );
    }
}

#[test]
fn ip_addresses() {
    assert!(passes("address", "192.168.0.1") && passes("address", "::1"));
    assert!(passes("v4", "10.0.0.1") && passes("v6", "2001:db8::1"));
    assert_eq!(
        each("address", "300.1.1.1"),
        json!({"name": "address", "code": "invalid_ip", "message": "Enter a valid IP address"})
    );
    assert_eq!(each("v4", "::1")["code"], "invalid_ip");
    assert_eq!(each("v6", "10.0.0.1")["code"], "invalid_ip");
}

#[test]
fn nested_changes_nothing() {
    assert!(passes("plain", "anything"));
}

#[test]
fn several_rules_of_one_field_each_report() {
    #[form]
    #[derive(Debug)]
    struct Handle {
        #[validate(length(max = 5), contains(pattern = "@"), does_not_contain(pattern = "admin"))]
        handle: String,
    }
    let errors = parse::<Handle>(&[("handle", "superadmin")]).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("handle", "too_long"), ("handle", "missing_text"), ("handle", "forbidden_text")]
    );
}

// ---------------------------------------------------------------------------------------------
// `message` and `code`

#[form]
#[derive(Debug)]
struct Overrides {
    #[validate(email(message = "Use your work address"))]
    message_only: Option<String>,
    #[validate(email(code = "work_email"))]
    code_only: Option<String>,
    #[validate(length(min = 8, code = "weak_password", message = "Use 8 characters or more"))]
    both: Option<String>,
    #[validate(range(max = 3, message = "Three at most"))]
    count: Option<u32>,
    #[validate(contains(pattern = "@", code = "handle"))]
    handle: Option<String>,
    #[validate(regex(path = *INVOICE_NUMBER, message = "Like INV-0001", code = "invoice_number"))]
    number: Option<String>,
    #[validate(url(message = "A web address, please"), length(max = 12, code = "long_url"))]
    site: Option<String>,
}

#[test]
fn message_replaces_the_message_and_keeps_the_code_and_parameters() {
    let errors = parse::<Overrides>(&[("message_only", "nope")]).unwrap_err();
    assert_eq!(
        issue(&errors, "message_only"),
        json!({"name": "message_only", "code": "invalid_email", "message": "Use your work address"})
    );
    let errors = parse::<Overrides>(&[("count", "4")]).unwrap_err();
    assert_eq!(
        issue(&errors, "count"),
        json!({"name": "count", "code": "too_big", "message": "Three at most", "max": 3})
    );
}

#[test]
fn code_replaces_the_code_and_keeps_the_parameters() {
    let errors = parse::<Overrides>(&[("code_only", "nope")]).unwrap_err();
    let error = only_error(&errors, "code_only");
    assert_eq!(error.code(), "work_email");
    assert_eq!(error.custom_message(), None, "the catalogue gives the message of the new code");
    let errors = parse::<Overrides>(&[("handle", "ada")]).unwrap_err();
    let error = only_error(&errors, "handle");
    assert_eq!((error.code(), error.param("needle")), ("handle", Some(&json!("@"))));
}

#[test]
fn message_and_code_together() {
    let errors = parse::<Overrides>(&[("both", "short")]).unwrap_err();
    assert_eq!(
        issue(&errors, "both"),
        json!({"name": "both", "code": "weak_password", "message": "Use 8 characters or more", "min": 8})
    );
    let errors = parse::<Overrides>(&[("number", "INV-1")]).unwrap_err();
    assert_eq!(
        issue(&errors, "number"),
        json!({"name": "number", "code": "invoice_number", "message": "Like INV-0001"})
    );
}

#[test]
fn overrides_belong_to_their_own_rule() {
    let errors = parse::<Overrides>(&[("site", "not a web address")]).unwrap_err();
    let site: Vec<(&str, Option<&str>)> =
        errors.field("site").iter().map(|e| (e.code(), e.custom_message())).collect();
    assert_eq!(site, [("invalid_url", Some("A web address, please")), ("long_url", None)]);
}

// ---------------------------------------------------------------------------------------------
// `length(min, message)` covers the empty field too

#[form]
#[derive(Debug)]
struct Customer {
    #[validate(length(min = 1, max = 80, message = "Enter the customer's name"))]
    customer: String,
    #[validate(length(equal = 4, message = "Enter the 4-digit code"))]
    code: String,
    #[validate(length(max = 3, message = "Three letters at most"))]
    initials: String,
    #[validate(length(min = 2, message = "Two letters at least"))]
    nickname: Option<String>,
}

#[test]
fn a_length_rules_message_is_used_when_the_field_is_empty() {
    let errors = parse::<Customer>(&[("customer", ""), ("code", "  "), ("initials", "")]).unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap()["issues"],
        json!([
            {"name": "customer", "code": "required", "message": "Enter the customer's name"},
            {"name": "code", "code": "required", "message": "Enter the 4-digit code"},
            // `max` alone says nothing about an empty field.
            {"name": "initials", "code": "required", "message": "This field is required"},
        ])
    );
}

#[test]
fn a_length_rules_message_is_used_for_its_own_failures() {
    let long = "x".repeat(81);
    let errors =
        parse::<Customer>(&[("customer", &long), ("code", "123"), ("initials", "ABCD"), ("nickname", "A")])
            .unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap()["issues"],
        json!([
            {"name": "customer", "code": "too_long", "message": "Enter the customer's name", "max": 80},
            {"name": "code", "code": "wrong_length", "message": "Enter the 4-digit code", "equal": 4},
            {"name": "initials", "code": "too_long", "message": "Three letters at most", "max": 3},
            {"name": "nickname", "code": "too_short", "message": "Two letters at least", "min": 2},
        ])
    );
    let ok = parse::<Customer>(&[("customer", "Ada"), ("code", "1234"), ("initials", "AL")]).unwrap();
    assert_eq!(
        (ok.customer.as_str(), ok.code.as_str(), ok.initials.as_str(), ok.nickname),
        ("Ada", "1234", "AL", None)
    );
}

#[test]
fn a_length_message_does_not_replace_other_parse_errors() {
    #[form]
    #[derive(Debug)]
    struct Count {
        #[validate(length(min = 1, message = "Pick at least one"))]
        sizes: Vec<u32>,
    }
    let errors = parse::<Count>(&[("sizes", "x")]).unwrap_err();
    assert_eq!(
        issue(&errors, "sizes"),
        json!({"name": "sizes", "code": "invalid_integer", "message": "Enter a whole number"})
    );
    let errors = parse::<Count>(&[]).unwrap_err();
    assert_eq!(
        issue(&errors, "sizes"),
        json!({"name": "sizes", "code": "too_few", "message": "Pick at least one", "min": 1})
    );
}

// ---------------------------------------------------------------------------------------------
// `required` on an Option

#[form]
#[derive(Debug)]
struct Contact {
    #[validate(required)]
    phone: Option<String>,
    #[validate(required(message = "Pick a day", code = "no_day"), range(min = 1, max = 31))]
    day: Option<u8>,
}

#[test]
fn required_makes_an_option_required() {
    let errors = parse::<Contact>(&[("phone", " "), ("day", "")]).unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap()["issues"],
        json!([
            {"name": "phone", "code": "required", "message": "This field is required"},
            {"name": "day", "code": "no_day", "message": "Pick a day"},
        ])
    );
    let errors = parse::<Contact>(&[("phone", "123"), ("day", "32")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("day", "too_big")]);
    let ok = parse::<Contact>(&[("phone", "123"), ("day", "5")]).unwrap();
    assert_eq!((ok.phone.as_deref(), ok.day), (Some("123"), Some(5)));
}

#[test]
fn required_on_an_option_is_required_in_the_browser_too() {
    let phone = Contact::schema().field("phone").unwrap();
    assert!(phone.constraints.required, "the server requires it, so the browser must too");
    let day = Contact::schema().field("day").unwrap();
    assert_eq!(day.constraints.to_html(), r#" required min="1" max="31" step="1""#);
}

// ---------------------------------------------------------------------------------------------
// `must_match`

#[form]
#[derive(Debug)]
struct SignUp {
    #[field(secret)]
    #[validate(length(min = 8))]
    password: String,
    #[field(secret, label = "Password again")]
    #[validate(must_match(other = password))]
    confirm: String,
    #[validate(email)]
    email: String,
}

#[form]
#[derive(Debug)]
struct ChangeEmail {
    #[field(label = "New email address")]
    #[validate(email)]
    email: String,
    #[validate(must_match(other = "email", message = "The two addresses differ", code = "emails_differ"))]
    repeat: String,
    note: Option<String>,
    #[validate(must_match(other = note))]
    note_again: Option<String>,
}

#[test]
fn must_match_names_the_other_field_by_its_label() {
    let errors =
        parse::<SignUp>(&[("password", "correct horse"), ("confirm", "correct horse!"), ("email", "a@b.co")])
            .unwrap_err();
    assert_eq!(
        issue(&errors, "confirm"),
        json!({"name": "confirm", "code": "mismatch", "message": "Must match Password", "other": "Password"})
    );
    assert!(
        parse::<SignUp>(&[("password", "correct horse"), ("confirm", "correct horse"), ("email", "a@b.co")])
            .is_ok()
    );
}

#[test]
fn must_match_with_a_label_message_and_code() {
    let errors = parse::<ChangeEmail>(&[("email", "a@b.co"), ("repeat", "a@b.com")]).unwrap_err();
    assert_eq!(
        issue(&errors, "repeat"),
        json!({"name": "repeat", "code": "emails_differ", "message": "The two addresses differ", "other": "New email address"})
    );
}

#[test]
fn must_match_compares_values_exactly() {
    let errors = parse::<ChangeEmail>(&[("email", "a@b.co"), ("repeat", "a@b.co ")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("repeat", "emails_differ")], "text is kept as typed, so a space differs");
}

#[test]
fn must_match_between_options() {
    let base = [("email", "a@b.co"), ("repeat", "a@b.co")];
    let with = |extra: &[(&'static str, &'static str)]| {
        let pairs: Vec<(&str, &str)> = base.iter().chain(extra).copied().collect();
        parse::<ChangeEmail>(&pairs)
    };
    assert!(with(&[]).is_ok(), "both None");
    assert!(with(&[("note", "x"), ("note_again", "x")]).is_ok());
    let errors = with(&[("note", "x"), ("note_again", "y")]).unwrap_err();
    assert_eq!(
        issue(&errors, "note_again"),
        json!({"name": "note_again", "code": "mismatch", "message": "Must match Note", "other": "Note"})
    );
    assert!(with(&[("note", "x")]).is_ok(), "a rule on an Option is skipped when it is None");
}

#[test]
fn must_match_runs_with_the_other_fields_rule_errors_and_not_without_its_value() {
    let errors =
        parse::<SignUp>(&[("password", "short"), ("confirm", "other"), ("email", "a@b.co")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("password", "too_short"), ("confirm", "mismatch")]);
    let errors = parse::<SignUp>(&[("password", ""), ("confirm", "other"), ("email", "a@b.co")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("password", "required")], "nothing to compare with");
}

#[test]
fn must_match_errors_come_in_field_order() {
    let errors =
        parse::<SignUp>(&[("password", "correct horse"), ("confirm", "x"), ("email", "nope")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("confirm", "mismatch"), ("email", "invalid_email")]);
}

#[form]
#[derive(Debug)]
struct ConfirmFirst {
    #[validate(must_match(other = email))]
    confirm: String,
    #[validate(email)]
    email: String,
}

#[test]
fn must_match_with_the_other_field_declared_after() {
    assert!(parse::<ConfirmFirst>(&[("confirm", "a@b.co"), ("email", "a@b.co")]).is_ok());
    let errors = parse::<ConfirmFirst>(&[("confirm", "a@b.co"), ("email", "x@y.co")]).unwrap_err();
    assert_eq!(
        issue(&errors, "confirm"),
        json!({"name": "confirm", "code": "mismatch", "message": "Must match Email", "other": "Email"})
    );
    let errors = parse::<ConfirmFirst>(&[("confirm", "a@b.co"), ("email", "nope")]).unwrap_err();
    let mut codes = codes_of(&errors);
    codes.sort_unstable();
    assert_eq!(codes, [("confirm", "mismatch"), ("email", "invalid_email")]);
}

// ---------------------------------------------------------------------------------------------
// `custom(function = ...)`

fn not_reserved(name: &str) -> Result<(), ValidationError> {
    if name.eq_ignore_ascii_case("admin") || name.eq_ignore_ascii_case("root") {
        let mut error = ValidationError::new("reserved").with_message("That name is reserved".into());
        error.add_param("reserved".into(), &["admin", "root"]);
        error.add_param("value".into(), &name);
        return Err(error);
    }
    Ok(())
}

fn even(number: &u32) -> Result<(), ValidationError> {
    if number.is_multiple_of(2) {
        return Ok(());
    }
    let mut error = ValidationError::new("odd");
    error.add_param("value".into(), number);
    error.add_param("multiple".into(), &2);
    Err(error)
}

mod checks {
    use validator::ValidationError;

    pub(super) fn no_digits(text: &str) -> Result<(), ValidationError> {
        if text.chars().any(|c| c.is_ascii_digit()) { Err(ValidationError::new("digits")) } else { Ok(()) }
    }
}

#[form]
#[derive(Debug)]
struct Account {
    #[validate(custom(function = not_reserved), length(max = 20))]
    name: String,
    #[validate(custom(function = even))]
    seats: Option<u32>,
    #[validate(custom(function = checks::no_digits, message = "Letters only", code = "letters"))]
    city: Option<String>,
    #[validate(custom(function = "not_reserved"))]
    alias: Option<String>,
}

#[test]
fn custom_functions_give_their_own_code_message_and_parameters() {
    let errors = parse::<Account>(&[("name", "Admin")]).unwrap_err();
    assert_eq!(
        issue(&errors, "name"),
        json!({"name": "name", "code": "reserved", "message": "That name is reserved", "reserved": ["admin", "root"]})
    );
    let error = only_error(&errors, "name");
    assert_eq!(error.param("value"), None, "the submitted value is never echoed back");
}

#[test]
fn a_custom_error_without_message_takes_the_catalogues() {
    let errors = parse::<Account>(&[("name", "ada"), ("seats", "3")]).unwrap_err();
    assert_eq!(
        issue(&errors, "seats"),
        json!({"name": "seats", "code": "odd", "message": "This value is not valid", "multiple": 2})
    );
    assert!(parse::<Account>(&[("name", "ada"), ("seats", "4")]).is_ok());
}

#[test]
fn custom_with_message_and_code_overrides_and_a_path() {
    let errors = parse::<Account>(&[("name", "ada"), ("city", "Oslo 1")]).unwrap_err();
    assert_eq!(issue(&errors, "city"), json!({"name": "city", "code": "letters", "message": "Letters only"}));
    let errors = parse::<Account>(&[("name", "ada"), ("alias", "root")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("alias", "reserved")], "the function named in a string");
}

#[test]
fn custom_runs_alongside_the_other_rules() {
    let errors = parse::<Account>(&[("name", "root root root root root")]).unwrap_err();
    let codes: Vec<&str> = errors.field("name").iter().map(FieldError::code).collect();
    assert_eq!(codes, ["too_long"], "`root root…` is not reserved, but it is too long");
    let errors = parse::<Account>(&[("name", "ROOT")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("name", "reserved")]);
}

// ---------------------------------------------------------------------------------------------
// Struct-level `schema(function = ...)`

#[form]
#[derive(Debug)]
#[validate(schema(function = check_range))]
struct Range {
    #[validate(range(max = 1000))]
    from: u32,
    #[validate(range(max = 1000))]
    to: u32,
}

fn check_range(range: &Range) -> Result<(), ValidationError> {
    if range.to < range.from {
        let mut error =
            ValidationError::new("backwards").with_message("“To” must not be before “From”".into());
        error.add_param("from".into(), &range.from);
        return Err(error);
    }
    Ok(())
}

#[form]
#[derive(Debug)]
#[validate(schema(function = check_loose_range, skip_on_field_errors = false))]
struct LooseRange {
    #[validate(range(max = 1000))]
    from: u32,
    #[validate(range(max = 1000))]
    to: u32,
}

fn check_loose_range(range: &LooseRange) -> Result<(), ValidationError> {
    if range.to < range.from { Err(ValidationError::new("backwards")) } else { Ok(()) }
}

#[test]
fn a_schema_check_is_a_form_level_error() {
    let errors = parse::<Range>(&[("from", "10"), ("to", "5")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("", "backwards")]);
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({
            "formErrors": ["“To” must not be before “From”"],
            "fieldErrors": {},
            "issues": [{"name": null, "code": "backwards", "message": "“To” must not be before “From”", "from": 10}]
        })
    );
    assert!(parse::<Range>(&[("from", "5"), ("to", "10")]).is_ok());
}

#[test]
fn a_schema_check_is_skipped_by_default_when_a_field_rule_failed() {
    let errors = parse::<Range>(&[("from", "2000"), ("to", "5")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("from", "too_big")]);
}

#[test]
fn a_schema_check_with_skip_on_field_errors_false_runs_anyway() {
    let errors = parse::<LooseRange>(&[("from", "2000"), ("to", "5")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("", "backwards"), ("from", "too_big")]);
    assert!(parse::<LooseRange>(&[("from", "1"), ("to", "5")]).is_ok());
}

#[test]
fn a_schema_check_never_runs_without_every_value() {
    // The struct cannot be built when a field failed to parse, whatever `skip_on_field_errors` says.
    let errors = parse::<LooseRange>(&[("from", "x"), ("to", "5")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("from", "invalid_integer")]);
}

#[form]
#[derive(Debug)]
#[validate(schema(function = check_range_of_group, message = "Check the dates", code = "dates"))]
#[validate(schema(function = check_total, skip_on_field_errors = false))]
struct Booking {
    #[validate(length(min = 1))]
    name: String,
    from: u32,
    to: u32,
    total: u32,
}

fn check_range_of_group(booking: &Booking) -> Result<(), ValidationError> {
    if booking.to < booking.from { Err(ValidationError::new("backwards")) } else { Ok(()) }
}

fn check_total(booking: &Booking) -> Result<(), ValidationError> {
    if booking.total == 0 {
        Err(ValidationError::new("empty").with_message("Nothing booked".into()))
    } else {
        Ok(())
    }
}

#[test]
fn several_schema_checks_each_with_their_own_options() {
    let errors =
        parse::<Booking>(&[("name", "Ada"), ("from", "3"), ("to", "1"), ("total", "0")]).unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap()["issues"],
        json!([
            {"name": null, "code": "dates", "message": "Check the dates"},
            {"name": null, "code": "empty", "message": "Nothing booked"},
        ])
    );
}

#[form]
#[derive(Debug)]
struct Leg {
    #[validate(length(max = 3))]
    airport: String,
}

#[form]
#[derive(Debug)]
#[validate(schema(function = check_trip))]
struct Trip {
    out: Leg,
    back: Vec<Leg>,
}

fn check_trip(trip: &Trip) -> Result<(), ValidationError> {
    match trip.back.first() {
        Some(back) if back.airport == trip.out.airport => Err(ValidationError::new("round_trip_to_itself")),
        _ => Ok(()),
    }
}

#[test]
fn a_schema_check_is_skipped_when_a_nested_field_rule_failed() {
    let errors = parse::<Trip>(&[("out.airport", "OSL"), ("back[0].airport", "OSL")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("", "round_trip_to_itself")]);
    let errors = parse::<Trip>(&[("out.airport", "OSLO"), ("back[0].airport", "OSLO")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("out.airport", "too_long"), ("back[0].airport", "too_long")]);
}
