//! The schema: field options (`rename`, `label`, `default`, `secret`, `textarea`, `hidden`,
//! `radio`, `select`, `placeholder`, `help`, `accept`, `scale`, `step`) and the HTML constraints
//! derived from types and rules, exactly as a page renders them.

#![allow(dead_code, reason = "forms here are declared for their schema; most values are never read back")]

use std::sync::LazyLock;

use formaction::schema::{Control, FieldSchema, InputType};
use formaction::{Form, FormData, UploadedFile, form};
use formaction_tests::{codes_of, issue};
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::json;
use time::{Date, PrimitiveDateTime, Time};

static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[A-Z]{3}-[0-9]{4}$").unwrap());
static LOOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new("[A-Z]+").unwrap());
static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+$").unwrap());

#[form]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Draft,
    Sent,
}

#[form]
#[derive(Debug)]
struct Everything {
    #[validate(length(min = 1, max = 80))]
    name: String,
    nickname: Option<String>,
    #[validate(email)]
    email: String,
    #[validate(url)]
    website: Option<String>,
    #[field(secret)]
    #[validate(length(min = 8))]
    password: String,
    #[validate(range(min = 1, max = 99))]
    quantity: u8,
    count: u32,
    delta: i64,
    ratio: f64,
    #[validate(range(min = 0, max = 100))]
    percent: f64,
    #[validate(range(min = -5, max = 5))]
    offset: f32,
    #[field(scale = 2)]
    #[validate(range(min = 0.01))]
    amount: f64,
    #[field(scale = 0)]
    whole: f64,
    #[field(scale = 3)]
    price: Decimal,
    #[field(step = "0.5")]
    half: f32,
    urgent: bool,
    initial: char,
    due: Date,
    at: Option<Time>,
    #[field(step = "1")]
    starts: PrimitiveDateTime,
    status: Status,
    #[field(radio)]
    state: Status,
    statuses: Vec<Status>,
    #[field(select)]
    picked: Vec<Status>,
    #[validate(regex(path = *CODE))]
    code: String,
    #[validate(regex(path = *LOOSE))]
    loose: String,
    #[validate(regex(path = *DIGITS))]
    digits: String,
    #[field(accept = "image/png,.pdf")]
    attachment: UploadedFile,
    photos: Vec<UploadedFile>,
    scan: Option<UploadedFile>,
    #[field(textarea)]
    #[validate(length(max = 500))]
    notes: Option<String>,
    #[field(hidden)]
    #[validate(length(min = 10))]
    token: String,
    #[field(default)]
    page: u32,
    #[field(default = 25)]
    per_page: u32,
    tags: Vec<String>,
    #[validate(length(min = 1, max = 5))]
    lines: Vec<String>,
}

/// `(control, input type, constraints)` of a field of [`Everything`].
fn rendered(name: &str) -> (Control, &'static str, String) {
    let field = Everything::schema().field(name).unwrap_or_else(|| panic!("no field `{name}`"));
    (field.control, field.input_type.as_str(), field.constraints.to_html())
}

#[test]
fn constraints_of_every_kind_of_field() {
    use Control::{Checkboxes, Input, Radios, Select, Textarea};
    let expected: &[(&str, Control, &str, &str)] = &[
        ("name", Input, "text", r#" required minlength="1" maxlength="80""#),
        ("nickname", Input, "text", ""),
        ("email", Input, "email", " required"),
        ("website", Input, "url", ""),
        ("password", Input, "password", r#" required minlength="8""#),
        ("quantity", Input, "number", r#" required min="1" max="99" step="1""#),
        ("count", Input, "number", r#" required min="0" step="1""#),
        ("delta", Input, "number", r#" required step="1""#),
        ("ratio", Input, "number", r#" required step="any""#),
        ("percent", Input, "number", r#" required min="0" max="100" step="any""#),
        ("offset", Input, "number", r#" required min="-5" max="5" step="any""#),
        ("amount", Input, "number", r#" required min="0.01" step="0.01""#),
        ("whole", Input, "number", r#" required step="1""#),
        ("price", Input, "number", r#" required step="0.001""#),
        ("half", Input, "number", r#" required step="0.5""#),
        ("urgent", Input, "checkbox", ""),
        ("initial", Input, "text", r#" required maxlength="1""#),
        ("due", Input, "date", " required"),
        ("at", Input, "time", ""),
        ("starts", Input, "datetime-local", r#" required step="1""#),
        ("status", Select, "text", " required"),
        ("state", Radios, "text", " required"),
        ("statuses", Checkboxes, "text", ""),
        ("picked", Select, "text", " multiple"),
        ("code", Input, "text", r#" required pattern="[A-Z]{3}-[0-9]{4}""#),
        ("loose", Input, "text", " required"),
        ("digits", Input, "text", " required"),
        ("attachment", Input, "file", r#" required accept="image/png,.pdf""#),
        ("photos", Input, "file", " multiple"),
        ("scan", Input, "file", ""),
        ("notes", Textarea, "text", r#" maxlength="500""#),
        ("token", Input, "hidden", ""),
        ("page", Input, "number", r#" min="0" step="1""#),
        ("per_page", Input, "number", r#" min="0" step="1""#),
        ("tags", Input, "text", ""),
        ("lines", Input, "text", ""),
    ];
    for &(name, control, input_type, html) in expected {
        assert_eq!(rendered(name), (control, input_type, html.to_owned()), "{name}");
    }
    let names: Vec<&str> = Everything::schema().fields.iter().map(|f| f.name).collect();
    let listed: Vec<&str> = expected.iter().map(|(name, ..)| *name).collect();
    assert_eq!(names, listed, "every field, in declaration order");
}

#[test]
fn constraint_attributes_one_by_one() {
    let field = |name| Everything::schema().field(name).unwrap();
    let name = &field("name").constraints;
    assert!(name.required && !name.multiple);
    assert_eq!((name.minlength, name.maxlength), (Some(1), Some(80)));
    let quantity = &field("quantity").constraints;
    assert_eq!(
        (quantity.min.as_deref(), quantity.max.as_deref(), quantity.step.as_deref()),
        (Some("1"), Some("99"), Some("1"))
    );
    let code = &field("code").constraints;
    assert_eq!(code.pattern.as_deref(), Some("[A-Z]{3}-[0-9]{4}"));
    assert_eq!(field("loose").constraints.pattern, None, "unanchored: a browser would anchor it");
    assert_eq!(field("digits").constraints.pattern, None, "\\d is Unicode in Rust, ASCII in a browser");
    assert_eq!(field("attachment").constraints.accept.as_deref(), Some("image/png,.pdf"));
    assert!(field("photos").constraints.multiple);
    let attributes: Vec<(&str, Option<String>)> = field("quantity")
        .constraints
        .attributes()
        .into_iter()
        .map(|(name, value)| (name, value.map(|v| v.into_owned())))
        .collect();
    assert_eq!(
        attributes,
        [
            ("required", None),
            ("min", Some("1".to_owned())),
            ("max", Some("99".to_owned())),
            ("step", Some("1".to_owned()))
        ]
    );
}

#[test]
fn a_range_bound_given_as_an_integer_on_a_float_field_reads_as_written() {
    #[form]
    #[derive(Debug)]
    struct Percent {
        #[validate(range(min = 0, max = 100))]
        percent: f64,
    }
    let errors = Percent::parse(&FormData::from_pairs([("percent", "100.5")])).unwrap_err();
    assert_eq!(
        issue(&errors, "percent"),
        json!({"name": "percent", "code": "too_big", "message": "Must be at most 100", "max": 100})
    );
    assert!(Percent::parse(&FormData::from_pairs([("percent", "100")])).is_ok());
}

#[test]
fn multipart_exactly_when_a_file_is_somewhere_inside() {
    #[form]
    struct Plain {
        name: String,
    }
    #[form]
    struct WithFile {
        name: String,
        cv: Option<UploadedFile>,
    }
    #[form]
    struct WithFiles {
        scans: Vec<UploadedFile>,
    }
    #[form]
    struct Nested {
        applicant: WithFile,
    }
    #[form]
    struct Listed {
        applicants: Vec<WithFile>,
    }
    #[form]
    struct OptionalNested {
        plain: Plain,
        maybe: Option<Nested>,
    }
    #[form]
    struct OnlyPlainGroups {
        plain: Plain,
        more: Vec<Plain>,
    }
    #[form]
    struct FileInAList {
        #[field(hidden)]
        id: String,
        applicants: Vec<Nested>,
    }
    assert!(!Plain::schema().multipart);
    assert!(WithFile::schema().multipart);
    assert!(WithFiles::schema().multipart);
    assert!(Nested::schema().multipart);
    assert!(Listed::schema().multipart);
    assert!(OptionalNested::schema().multipart);
    assert!(!OnlyPlainGroups::schema().multipart);
    assert!(FileInAList::schema().multipart);
    assert!(Everything::schema().multipart);
}

// ---------------------------------------------------------------------------------------------
// Field options

#[form]
#[derive(Debug, PartialEq)]
struct Options {
    #[field(rename = "full-name", label = "Full name")]
    #[validate(length(min = 2))]
    name: String,
    due_date: Option<Date>,
    #[field(label = "E-mail", placeholder = "you@example.com", help = "We never share it")]
    #[validate(email)]
    r#email: String,
    #[field(default)]
    count: u32,
    #[field(default = 25)]
    #[validate(range(max = 100))]
    per_page: u32,
    #[field(default = Status::Draft)]
    status: Status,
    #[field(default = String::from("NOK"))]
    currency: String,
    #[field(default)]
    tags: Vec<String>,
}

fn options(pairs: &[(&str, &str)]) -> Result<Options, formaction::FormErrors> {
    Options::parse(&pairs.iter().copied().collect())
}

#[test]
fn rename_changes_the_html_name_and_the_error_key() {
    let parsed = options(&[("full-name", "Ada"), ("email", "a@b.co")]).unwrap();
    assert_eq!(parsed.name, "Ada");
    let errors = options(&[("name", "Ada"), ("email", "a@b.co")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("full-name", "required")], "the Rust name is not read");
    let errors = options(&[("full-name", "A"), ("email", "a@b.co")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("full-name", "too_short")]);
    let field = Options::schema().field("full-name").unwrap();
    assert_eq!((field.name, field.label), ("full-name", "Full name"));
    assert!(Options::schema().field("name").is_none());
}

#[test]
fn labels_are_given_or_the_name_in_words() {
    let labels: Vec<(&str, &str)> = Options::schema().fields.iter().map(|f| (f.name, f.label)).collect();
    assert_eq!(
        labels,
        [
            ("full-name", "Full name"),
            ("due_date", "Due date"),
            ("email", "E-mail"),
            ("count", "Count"),
            ("per_page", "Per page"),
            ("status", "Status"),
            ("currency", "Currency"),
            ("tags", "Tags"),
        ]
    );
}

#[test]
fn placeholder_and_help() {
    let email = Options::schema().field("email").unwrap();
    assert_eq!(email.placeholder, Some("you@example.com"));
    assert_eq!(email.help, Some("We never share it"));
    let name = Options::schema().field("full-name").unwrap();
    assert_eq!((name.placeholder, name.help), (None, None));
}

#[test]
fn a_blank_field_with_a_default_takes_the_default() {
    let parsed =
        options(&[("full-name", "Ada"), ("email", "a@b.co"), ("per_page", " "), ("currency", "")]).unwrap();
    assert_eq!(
        parsed,
        Options {
            name: "Ada".into(),
            due_date: None,
            email: "a@b.co".into(),
            count: 0,
            per_page: 25,
            status: Status::Draft,
            currency: "NOK".into(),
            tags: vec![],
        }
    );
}

#[test]
fn a_field_with_a_default_still_parses_and_checks_a_value() {
    let parsed = options(&[
        ("full-name", "Ada"),
        ("email", "a@b.co"),
        ("count", "3"),
        ("per_page", "50"),
        ("status", "sent"),
        ("currency", "EUR"),
        ("tags", "x"),
    ])
    .unwrap();
    assert_eq!(
        (parsed.count, parsed.per_page, parsed.status, parsed.currency.as_str(), parsed.tags),
        (3, 50, Status::Sent, "EUR", vec!["x".to_owned()])
    );
    let errors = options(&[
        ("full-name", "Ada"),
        ("email", "a@b.co"),
        ("count", "x"),
        ("per_page", "500"),
        ("status", "gone"),
    ])
    .unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("count", "invalid_integer"), ("per_page", "too_big"), ("status", "invalid_choice")]
    );
}

#[test]
fn a_field_with_a_default_is_not_required_in_the_browser() {
    for name in ["count", "per_page", "status", "currency", "tags"] {
        let field = Options::schema().field(name).unwrap();
        assert!(!field.constraints.required, "{name}");
    }
    assert_eq!(
        Options::schema().field("per_page").unwrap().constraints.to_html(),
        r#" min="0" max="100" step="1""#
    );
}

// ---------------------------------------------------------------------------------------------
// Secrets

#[form]
#[derive(Debug)]
struct Credentials {
    username: String,
    #[field(secret)]
    password: String,
}

#[form]
#[derive(Debug)]
struct Card {
    holder: String,
    #[field(secret, label = "Card number")]
    number: String,
    #[field(secret)]
    cvc: Option<String>,
}

#[form]
#[derive(Debug)]
struct Account {
    email: String,
    login: Credentials,
    cards: Vec<Card>,
    avatar: Option<UploadedFile>,
    #[field(hidden)]
    next: Option<String>,
}

#[test]
fn the_schema_says_what_is_secret() {
    let password: &FieldSchema = Credentials::schema().field("password").unwrap();
    assert!(password.secret);
    assert_eq!(password.input_type, InputType::Password);
    assert!(!Credentials::schema().field("username").unwrap().secret);

    let schema = Account::schema();
    assert!(schema.is_secret("login.password"));
    assert!(!schema.is_secret("login.username"));
    assert!(schema.is_secret("cards[0].number"));
    assert!(schema.is_secret("cards[12].cvc"));
    assert!(!schema.is_secret("cards[0].holder"));
    assert!(!schema.is_secret("email"));
    assert!(!schema.is_secret("unknown"));
    assert!(!schema.is_secret("login"));
}

#[test]
fn redact_drops_secrets_and_files_and_keeps_the_rest_in_order() {
    let mut data = FormData::from_pairs([
        ("email", "ada@example.com"),
        ("login.username", "ada"),
        ("login.password", "hunter2"),
        ("cards[0].holder", "Ada"),
        ("cards[0].number", "4242424242424242"),
        ("cards[0].cvc", "123"),
        ("next", "/home"),
        ("unknown", "kept"),
    ]);
    data.push_file(
        "avatar",
        UploadedFile {
            file_name: "me.png".into(),
            content_type: None,
            bytes: bytes::Bytes::from_static(b"png"),
        },
    );
    Account::redact(&mut data);
    let left: Vec<(&str, Option<&str>)> = data.iter().map(|(name, value)| (name, value.as_text())).collect();
    assert_eq!(
        left,
        [
            ("email", Some("ada@example.com")),
            ("login.username", Some("ada")),
            ("cards[0].holder", Some("Ada")),
            ("next", Some("/home")),
            ("unknown", Some("kept")),
        ]
    );
}

#[test]
fn a_secret_is_still_parsed_and_checked() {
    let data = FormData::from_pairs([("username", "ada"), ("password", "")]);
    let errors = Credentials::parse(&data).unwrap_err();
    assert_eq!(codes_of(&errors), [("password", "required")]);
    let data = FormData::from_pairs([("username", "ada"), ("password", " hunter2 ")]);
    assert_eq!(Credentials::parse(&data).unwrap().password, " hunter2 ", "a password is kept as typed");
}

// ---------------------------------------------------------------------------------------------
// Controls

#[test]
fn control_options() {
    let schema = Everything::schema();
    let notes = schema.field("notes").unwrap();
    assert_eq!(notes.control, Control::Textarea);
    let token = schema.field("token").unwrap();
    assert_eq!((token.control, token.input_type), (Control::Input, InputType::Hidden));
    let state = schema.field("state").unwrap();
    assert_eq!(state.control, Control::Radios);
    let values: Vec<&str> = state.choices.iter().map(|c| c.value).collect();
    assert_eq!(values, ["draft", "sent"]);
    assert_eq!(schema.field("status").unwrap().choices, state.choices);
    let picked = schema.field("picked").unwrap();
    assert_eq!((picked.control, picked.constraints.multiple), (Control::Select, true));
    assert_eq!(schema.field("statuses").unwrap().control, Control::Checkboxes);
}

#[test]
fn a_hidden_field_is_still_checked_on_the_server() {
    // A hidden input carries no constraint attributes, but its rules still run.
    let field = Everything::schema().field("token").unwrap();
    assert_eq!(field.constraints.to_html(), "");
    #[form]
    #[derive(Debug)]
    struct Hidden {
        #[field(hidden)]
        #[validate(length(min = 10))]
        token: String,
    }
    let errors = Hidden::parse(&FormData::from_pairs([("token", "short")])).unwrap_err();
    assert_eq!(codes_of(&errors), [("token", "too_short")]);
}
