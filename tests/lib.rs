//! Integration tests of formaction: each file beside this one is a test target (see Cargo.toml).
//!
//! This library holds the few helpers the targets share, to read errors back in a compact form.

use formaction::{FieldError, FormErrors};

/// Every error as `(name, code)`, form-level errors first with the name `""`, then field errors in
/// the order the fields were first found invalid.
pub fn codes(errors: &FormErrors) -> Vec<(String, String)> {
    let form = errors.form_errors().iter().map(|error| (String::new(), error.code().to_owned()));
    let fields = errors
        .fields()
        .flat_map(|(name, field)| field.iter().map(move |error| (name.to_owned(), error.code().to_owned())));
    form.chain(fields).collect()
}

/// [`codes`] with borrowed strings, to compare against a literal list.
pub fn codes_of(errors: &FormErrors) -> Vec<(&str, &str)> {
    let form = errors.form_errors().iter().map(|error| ("", error.code()));
    let fields =
        errors.fields().flat_map(|(name, field)| field.iter().map(move |error| (name, error.code())));
    form.chain(fields).collect()
}

/// The only error of the field `name`; panics when it has none or several.
pub fn only_error<'a>(errors: &'a FormErrors, name: &str) -> &'a FieldError {
    match errors.field(name) {
        [error] => error,
        other => panic!("expected exactly one error for `{name}`, found {other:?} in {errors:?}"),
    }
}

/// The `issues` entry of the error, as JSON, to check its code, message and parameters at once.
pub fn issue(errors: &FormErrors, name: &str) -> serde_json::Value {
    let json = serde_json::to_value(errors).expect("errors serialise");
    let issues = json["issues"].as_array().expect("issues is a list").clone();
    let mut found = issues.into_iter().filter(|issue| issue["name"] == name);
    let first = found.next().unwrap_or_else(|| panic!("no issue for `{name}` in {json}"));
    assert!(found.next().is_none(), "several issues for `{name}` in {json}");
    first
}
