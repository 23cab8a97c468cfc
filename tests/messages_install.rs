//! `messages::install`: the process-wide catalogue. It is installed once per process, so this file
//! is a test binary of its own, with a single test, and no other test can see it.

use std::borrow::Cow;

use formaction::messages::{self, English, Messages};
use formaction::{FieldError, Form, FormData, form};
use serde_json::json;

struct Shouting;

impl Messages for Shouting {
    fn message(&self, error: &FieldError) -> Cow<'static, str> {
        English.message(error).to_uppercase().into()
    }
}

#[form]
#[derive(Debug)]
struct Contact {
    #[validate(email)]
    email: String,
    #[validate(length(min = 1, message = "Tell us your name"))]
    name: String,
}

#[test]
fn an_installed_catalogue_replaces_every_default_message() {
    assert!(messages::install(Shouting).is_ok(), "installed before any message is produced");
    assert!(messages::install(English).is_err(), "only once per process");

    let errors = Contact::parse(&FormData::from_pairs([("email", "nope"), ("name", "")])).unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({
            "formErrors": [],
            "fieldErrors": {
                "email": ["ENTER A VALID EMAIL ADDRESS"],
                "name": ["Tell us your name"]
            },
            "issues": [
                {"name": "email", "code": "invalid_email", "message": "ENTER A VALID EMAIL ADDRESS"},
                {"name": "name", "code": "required", "message": "Tell us your name"}
            ]
        })
    );
    // A catalogue passed for one request still wins over the installed one.
    assert_eq!(
        serde_json::to_value(errors.flatten_in(&English)).unwrap()["fieldErrors"]["email"],
        json!(["Enter a valid email address"])
    );
    assert_eq!(FieldError::new("required").to_string(), "THIS FIELD IS REQUIRED");
    let parsed = Contact::parse(&FormData::from_pairs([("email", "a@b.co"), ("name", "Ada")])).unwrap();
    assert_eq!((parsed.email.as_str(), parsed.name.as_str()), ("a@b.co", "Ada"));
}
