//! Messages replaced as a set: a catalogue of one's own, passed per request to `flatten_in` and
//! `message_in`, while the process-wide catalogue stays English (see `messages_install.rs` for
//! `install`, in its own test binary so it cannot leak into these).

#![allow(dead_code, reason = "forms here are declared for their errors; values are never read back")]

use std::borrow::Cow;

use formaction::messages::{English, Messages};
use formaction::{FieldError, Form, FormData, form};
use serde_json::{Value, json};

/// Norwegian, with English for whatever is not translated yet.
struct Norwegian;

impl Messages for Norwegian {
    fn message(&self, error: &FieldError) -> Cow<'static, str> {
        let param = |name: &str| match error.param(name) {
            Some(Value::String(text)) => text.clone(),
            Some(value) => value.to_string(),
            None => String::new(),
        };
        match error.code() {
            "required" => "Dette feltet må fylles ut".into(),
            "too_short" => format!("Må være minst {} tegn", param("min")).into(),
            "invalid_email" => "Skriv en gyldig e-postadresse".into(),
            "out_of_range" => format!("Skriv et tall fra {} til {}", param("min"), param("max")).into(),
            "invalid_choice" => "Velg et av alternativene".into(),
            _ => English.message(error),
        }
    }
}

#[form]
#[derive(Debug)]
enum Plan {
    Free,
    Pro,
}

#[form]
#[derive(Debug)]
#[validate(schema(function = check_terms))]
struct SignUp {
    #[validate(length(min = 2))]
    name: String,
    #[validate(email)]
    email: String,
    #[validate(length(min = 8, message = "Use a longer password"))]
    password: String,
    age: u8,
    plan: Plan,
    #[validate(url)]
    website: Option<String>,
    terms: bool,
}

fn check_terms(sign_up: &SignUp) -> Result<(), validator::ValidationError> {
    if sign_up.terms { Ok(()) } else { Err(validator::ValidationError::new("terms")) }
}

fn bad() -> formaction::FormErrors {
    let data = FormData::from_pairs([
        ("name", "A"),
        ("email", "nope"),
        ("password", ""),
        ("age", "300"),
        ("plan", "enterprise"),
        ("website", "not a url"),
    ]);
    SignUp::parse(&data).unwrap_err()
}

#[test]
fn flatten_in_uses_the_given_catalogue() {
    let errors = bad();
    assert_eq!(
        serde_json::to_value(errors.flatten_in(&Norwegian)).unwrap(),
        json!({
            "formErrors": [],
            "fieldErrors": {
                "name": ["Må være minst 2 tegn"],
                // The rule's own message wins over any catalogue.
                "password": ["Use a longer password"],
                "email": ["Skriv en gyldig e-postadresse"],
                "age": ["Skriv et tall fra 0 til 255"],
                "plan": ["Velg et av alternativene"],
                // Not translated: the fallback to English.
                "website": ["Enter a valid URL"]
            }
        })
    );
}

#[test]
fn the_installed_catalogue_is_still_english() {
    let errors = bad();
    assert_eq!(
        serde_json::to_value(errors.flatten()).unwrap()["fieldErrors"],
        json!({
            "name": ["Must be at least 2 characters"],
            "email": ["Enter a valid email address"],
            "password": ["Use a longer password"],
            "age": ["Enter a number from 0 to 255"],
            "plan": ["Choose one of the options"],
            "website": ["Enter a valid URL"]
        })
    );
    assert_eq!(
        serde_json::to_value(&errors).unwrap()["issues"][0]["message"],
        "Must be at least 2 characters"
    );
}

#[test]
fn form_level_errors_are_translated_too() {
    let data = FormData::from_pairs([
        ("name", "Ada"),
        ("email", "ada@example.com"),
        ("password", "correct horse"),
        ("age", "36"),
        ("plan", "pro"),
    ]);
    let errors = SignUp::parse(&data).unwrap_err();
    struct Terms;
    impl Messages for Terms {
        fn message(&self, error: &FieldError) -> Cow<'static, str> {
            if error.code() == "terms" { "Godta vilkårene".into() } else { English.message(error) }
        }
    }
    assert_eq!(
        serde_json::to_value(errors.flatten_in(&Terms)).unwrap(),
        json!({"formErrors": ["Godta vilkårene"], "fieldErrors": {}})
    );
    assert_eq!(errors.form_errors()[0].message(), "This value is not valid");
}

#[test]
fn message_in_for_one_error() {
    let required = FieldError::new("required");
    assert_eq!(required.message_in(&Norwegian), "Dette feltet må fylles ut");
    assert_eq!(required.message_in(&English), "This field is required");
    assert_eq!(required.message(), "This field is required");
    let own = FieldError::new("required").with_message("Fill me in");
    assert_eq!(own.message_in(&Norwegian), "Fill me in");
}

#[test]
fn english_messages_for_every_code() {
    let cases: Vec<(FieldError, &str)> = vec![
        (FieldError::new("required"), "This field is required"),
        (FieldError::new("too_short").with_param("min", 1), "Must be at least 1 character"),
        (FieldError::new("too_long").with_param("max", 80), "Must be at most 80 characters"),
        (FieldError::new("wrong_length").with_param("equal", 4), "Must be exactly 4 characters"),
        (FieldError::new("too_few").with_param("min", 1), "Choose at least 1"),
        (FieldError::new("too_many").with_param("max", 3), "Choose at most 3"),
        (FieldError::new("wrong_count").with_param("equal", 2), "Choose exactly 2"),
        (FieldError::new("too_small").with_param("min", 0.01), "Must be at least 0.01"),
        (FieldError::new("too_big").with_param("max", 10), "Must be at most 10"),
        (FieldError::new("not_greater").with_param("min", 0), "Must be greater than 0"),
        (FieldError::new("not_less").with_param("max", 1), "Must be less than 1"),
        (FieldError::new("invalid_email"), "Enter a valid email address"),
        (FieldError::new("invalid_url"), "Enter a valid URL"),
        (FieldError::new("invalid_format"), "Enter a value in the expected format"),
        (FieldError::new("missing_text").with_param("needle", "@"), "Must contain “@”"),
        (FieldError::new("forbidden_text").with_param("needle", "x"), "Must not contain “x”"),
        (FieldError::new("mismatch").with_param("other", "Password"), "Must match Password"),
        (FieldError::new("control_character"), "Must not contain control characters"),
        (FieldError::new("invalid_integer"), "Enter a whole number"),
        (FieldError::new("invalid_number"), "Enter a number"),
        (FieldError::new("invalid_decimal"), "Enter a number"),
        (
            FieldError::new("out_of_range").with_param("min", "0").with_param("max", "255"),
            "Enter a number from 0 to 255",
        ),
        (FieldError::new("too_many_decimals").with_param("scale", 2), "Use at most 2 decimal places"),
        (FieldError::new("too_many_decimals").with_param("scale", 1), "Use at most 1 decimal place"),
        (FieldError::new("invalid_boolean"), "Choose yes or no"),
        (FieldError::new("invalid_char"), "Enter a single character"),
        (FieldError::new("invalid_choice"), "Choose one of the options"),
        (FieldError::new("invalid_date"), "Enter a real date"),
        (FieldError::new("invalid_time"), "Enter a real time"),
        (FieldError::new("invalid_datetime"), "Enter a real date and time"),
        (FieldError::new("expected_file"), "Choose a file"),
        (FieldError::new("expected_text"), "Enter text, not a file"),
        (FieldError::new("file_type"), "This type of file is not accepted"),
        (FieldError::new("file_content"), "The contents of this file do not match its type"),
        (FieldError::new("file_too_large").with_param("size", "2 MB"), "The file must be at most 2 MB"),
        (FieldError::new("invalid_index"), "This list position is not valid"),
        (FieldError::new("invalid_ip"), "Enter a valid IP address"),
        (FieldError::new("anything_else"), "This value is not valid"),
    ];
    for (error, expected) in cases {
        assert_eq!(English.message(&error), expected, "{}", error.code());
        assert_eq!(error.message(), expected, "{}", error.code());
    }
}
