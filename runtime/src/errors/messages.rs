//! Messages for people, in the user's language.
//!
//! Every error has a stable code; the message shown for it comes from the catalogue installed for
//! the process, unless the rule carries its own `message = "..."`. The default catalogue,
//! [`Catalogues`], answers in the request's [`Language`]: the `.ftl` files shipped in
//! `runtime/locales` (16 languages), and an app's own (see [`Languages`]). A rule's own message
//! that is a message id (`message = "invoice-number-taken"`, no spaces) is looked up there too,
//! and shown as written when no catalogue has it; a sentence is always shown as written.
//!
//! An app may still install a [`Messages`] of its own at start-up: it then decides every
//! message, for every request (pass a catalogue per request to
//! [`FormErrors::flatten_in`](crate::FormErrors::flatten_in) to choose one by request instead).
//!
//! ```
//! use std::borrow::Cow;
//! use formaction::FieldError;
//! use formaction::messages::{English, Messages};
//!
//! struct Norwegian;
//!
//! impl Messages for Norwegian {
//!     fn message(&self, error: &FieldError) -> Cow<'static, str> {
//!         match error.code() {
//!             "required" => "Dette feltet må fylles ut".into(),
//!             _ => English.message(error), // anything not translated yet
//!         }
//!     }
//! }
//!
//! let error = FieldError::new("required");
//! assert_eq!(error.message_in(&Norwegian), "Dette feltet må fylles ut");
//! assert_eq!(error.message(), "This field is required");
//! ```
//!
//! # Codes
//!
//! | code | parameters | English message |
//! |---|---|---|
//! | `required` | | This field is required |
//! | `too_short` / `too_long` / `wrong_length` | `min` / `max` / `equal` | Must be at least 8 characters |
//! | `too_few` / `too_many` / `wrong_count` | `min` / `max` / `equal` | Choose at least 1 |
//! | `too_small` / `too_big` | `min` / `max` | Must be at least 0.01 |
//! | `not_greater` / `not_less` | `min` / `max` | Must be greater than 0 |
//! | `invalid_email` / `invalid_url` | | Enter a valid email address |
//! | `invalid_format` | | Enter a value in the expected format |
//! | `missing_text` / `forbidden_text` | `needle` | Must contain “@” |
//! | `mismatch` | `other` | Must match password |
//! | `control_character` | | Must not contain control characters |
//! | `invalid_integer` | | Enter a whole number |
//! | `invalid_number` | | Enter a number |
//! | `out_of_range` | `min`, `max` | Enter a number from 0 to 255 |
//! | `too_many_decimals` | `scale` | Use at most 2 decimal places |
//! | `invalid_boolean` | | Choose yes or no |
//! | `invalid_char` | | Enter a single character |
//! | `invalid_choice` | | Choose one of the options |
//! | `invalid_date` / `invalid_time` / `invalid_datetime` | | Enter a real date |
//! | `invalid_decimal` | | Enter a number |
//! | `expected_file` / `expected_text` | | Choose a file |
//! | `file_type` | `accept` | This type of file is not accepted |
//! | `file_content` | `accept` | The contents of this file do not match its type |
//! | `file_too_large` | `max` (bytes), `size` | The file must be at most 2 MB |
//! | `invalid_index` | | This list position is not valid |
//! | `invalid_ip` | | Enter a valid IP address |
//! | `already_sent` | | This form had already been sent. Check the values below, then send it again. |

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde_json::Value;

use super::FieldError;
pub use crate::locale::{Language, LanguageError, Languages, in_request_language, languages};

/// A catalogue of messages: turns an error's code and parameters into words for people.
pub trait Messages: Send + Sync {
    /// The message for `error` (whose own custom message, if any, has already been preferred).
    fn message(&self, error: &FieldError) -> Cow<'static, str>;

    /// The message the catalogue has under `id`, for an error whose own message is a message id
    /// (`message = "invoice-number-taken"`); `None` shows `id` as written. By default, `None`.
    fn message_by_id(&self, id: &str, error: &FieldError) -> Option<Cow<'static, str>> {
        let _ = (id, error);
        None
    }
}

/// The default catalogue: the `.ftl` files of the installed [`Languages`], in the language of
/// the request being answered ([`Language::current`]). An error code `too_short` is the message
/// `error-too-short`; a code without one (an app's own, with no `error-<code>` in its files) gets
/// `error-default`.
///
/// ```
/// use formaction::FieldError;
/// use formaction::messages::{Catalogues, Language, Messages};
///
/// let error = FieldError::new("too_short").with_param("min", 2);
/// assert_eq!(Catalogues.message(&error), "Must be at least 2 characters", "outside a request");
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let polish = Language::find("pl").unwrap();
/// let text = polish.scope(async { Catalogues.message(&error) }).await;
/// assert_eq!(text, "Wpisz co najmniej 2 znaki");
/// # });
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Catalogues;

impl Messages for Catalogues {
    fn message(&self, error: &FieldError) -> Cow<'static, str> {
        let language = Language::current();
        // The shipped English is the text written in `English`: no catalogue to go through.
        if language.is_plain_english() {
            return English.message(error);
        }
        let mut id = String::with_capacity(6 + error.code().len());
        id.push_str("error-");
        id.extend(error.code().chars().map(|c| if c == '_' { '-' } else { c }));
        let args = crate::locale::fluent_args(error.params());
        let text = language.format(&id, Some(&args)).or_else(|| language.format("error-default", None));
        text.map_or_else(|| English.message(error), Cow::Owned)
    }

    fn message_by_id(&self, id: &str, error: &FieldError) -> Option<Cow<'static, str>> {
        let args = crate::locale::fluent_args(error.params());
        Language::current().format(id, Some(&args)).map(Cow::Owned)
    }
}

/// The built-in English messages.
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

/// Writes the parameter `name` of `error` onto `text` (`?` when it has none).
fn push_param(text: &mut String, error: &FieldError, name: &str) {
    match error.param(name) {
        Some(Value::String(param)) => text.push_str(param),
        // A number writes itself as it serialises (`13`, `0.01`), without going through the
        // JSON serialiser that `Value`'s own `Display` sets up.
        Some(Value::Number(number)) => {
            let _ = write!(text, "{number}");
        }
        Some(value) => {
            let _ = write!(text, "{value}");
        }
        None => text.push('?'),
    }
}

/// `before`, the parameter `name`, then `after`, in one allocation: messages are built for every
/// error of every page rendered again, twice (the summary and beside the field).
fn with_param(before: &str, error: &FieldError, name: &str, after: &str) -> String {
    let mut text = String::with_capacity(before.len() + after.len() + 8);
    text.push_str(before);
    push_param(&mut text, error, name);
    text.push_str(after);
    text
}

/// `before`, the count `name`, then `one` or `many` after it.
fn plural(before: &str, error: &FieldError, name: &str, one: &str, many: &str) -> String {
    let mut text = with_param(before, error, name, " ");
    let noun = if &text[before.len()..text.len() - 1] == "1" { one } else { many };
    text.push_str(noun);
    text
}

impl Messages for English {
    fn message(&self, e: &FieldError) -> Cow<'static, str> {
        let text = match e.code() {
            "required" => return "This field is required".into(),
            "too_short" => plural("Must be at least ", e, "min", "character", "characters"),
            "too_long" => plural("Must be at most ", e, "max", "character", "characters"),
            "wrong_length" => plural("Must be exactly ", e, "equal", "character", "characters"),
            "too_few" => with_param("Choose at least ", e, "min", ""),
            "too_many" => with_param("Choose at most ", e, "max", ""),
            "wrong_count" => with_param("Choose exactly ", e, "equal", ""),
            "too_small" => with_param("Must be at least ", e, "min", ""),
            "too_big" => with_param("Must be at most ", e, "max", ""),
            "not_greater" => with_param("Must be greater than ", e, "min", ""),
            "not_less" => with_param("Must be less than ", e, "max", ""),
            "invalid_email" => return "Enter a valid email address".into(),
            "invalid_url" => return "Enter a valid URL".into(),
            "invalid_format" => return "Enter a value in the expected format".into(),
            "missing_text" => with_param("Must contain “", e, "needle", "”"),
            "forbidden_text" => with_param("Must not contain “", e, "needle", "”"),
            "mismatch" => with_param("Must match ", e, "other", ""),
            "control_character" => return "Must not contain control characters".into(),
            "invalid_integer" => return "Enter a whole number".into(),
            "invalid_number" | "invalid_decimal" => return "Enter a number".into(),
            "out_of_range" => {
                let mut text = with_param("Enter a number from ", e, "min", " to ");
                push_param(&mut text, e, "max");
                text
            }
            "too_many_decimals" => plural("Use at most ", e, "scale", "decimal place", "decimal places"),
            "invalid_boolean" => return "Choose yes or no".into(),
            "invalid_char" => return "Enter a single character".into(),
            "invalid_choice" => return "Choose one of the options".into(),
            "invalid_date" => return "Enter a real date".into(),
            "invalid_time" => return "Enter a real time".into(),
            "invalid_datetime" => return "Enter a real date and time".into(),
            "expected_file" => return "Choose a file".into(),
            "expected_text" => return "Enter text, not a file".into(),
            "file_type" => return "This type of file is not accepted".into(),
            "file_content" => return "The contents of this file do not match its type".into(),
            "file_too_large" => with_param("The file must be at most ", e, "size", ""),
            "invalid_index" => return "This list position is not valid".into(),
            "invalid_ip" => return "Enter a valid IP address".into(),
            // A form sent again with other values (see `once`).
            "already_sent" => {
                return "This form had already been sent. Check the values below, then send it again.".into();
            }
            _ => return "This value is not valid".into(),
        };
        Cow::Owned(text)
    }
}

static INSTALLED: OnceLock<Box<dyn Messages>> = OnceLock::new();

/// Installs the catalogue used for every message of this process. Call it once, at start-up, before
/// any message is produced.
///
/// Returns the catalogue back when one was already installed (or a message was already produced
/// with the default one, [`Catalogues`]).
pub fn install(catalogue: impl Messages + 'static) -> Result<(), Box<dyn Messages>> {
    INSTALLED.set(Box::new(catalogue))
}

/// The catalogue in use: the installed one, or [`Catalogues`] (the request's language).
pub fn installed() -> &'static dyn Messages {
    INSTALLED.get_or_init(|| Box::new(Catalogues)).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped English is answered by `English` without the catalogue: both must say the same.
    #[test]
    fn english_says_what_en_ftl_says() {
        let english = Language::find("en").unwrap();
        let codes = [
            "required",
            "too_short",
            "too_long",
            "wrong_length",
            "too_few",
            "too_many",
            "wrong_count",
            "too_small",
            "too_big",
            "not_greater",
            "not_less",
            "invalid_email",
            "invalid_url",
            "invalid_format",
            "missing_text",
            "forbidden_text",
            "mismatch",
            "control_character",
            "invalid_integer",
            "invalid_number",
            "invalid_decimal",
            "out_of_range",
            "too_many_decimals",
            "invalid_boolean",
            "invalid_char",
            "invalid_choice",
            "invalid_date",
            "invalid_time",
            "invalid_datetime",
            "expected_file",
            "expected_text",
            "file_type",
            "file_content",
            "file_too_large",
            "invalid_index",
            "invalid_ip",
        ];
        for code in codes {
            for number in [serde_json::json!(1), serde_json::json!(2), serde_json::json!(0.01)] {
                let mut error = FieldError::new(code);
                for name in ["min", "max", "equal", "scale"] {
                    error = error.with_param(name, number.clone());
                }
                let error = error
                    .with_param("needle", "@")
                    .with_param("other", "Password")
                    .with_param("size", "2 MB");
                let id = format!("error-{}", code.replace('_', "-"));
                let args = crate::locale::fluent_args(error.params());
                assert_eq!(
                    english.format(&id, Some(&args)).unwrap(),
                    English.message(&error),
                    "{code} {number}"
                );
            }
        }
        let unknown = FieldError::new("something_new");
        assert_eq!(english.format("error-default", None).unwrap(), English.message(&unknown));
    }

    #[test]
    fn english_uses_parameters_and_plurals() {
        let m = |e: FieldError| English.message(&e).into_owned();
        assert_eq!(m(FieldError::new("too_short").with_param("min", 1)), "Must be at least 1 character");
        assert_eq!(m(FieldError::new("too_long").with_param("max", 80)), "Must be at most 80 characters");
        assert_eq!(m(FieldError::new("too_small").with_param("min", 0.01)), "Must be at least 0.01");
        assert_eq!(
            m(FieldError::new("out_of_range").with_param("min", 0).with_param("max", 255)),
            "Enter a number from 0 to 255"
        );
        assert_eq!(m(FieldError::new("missing_text").with_param("needle", "@")), "Must contain “@”");
        assert_eq!(m(FieldError::new("mismatch").with_param("other", "Password")), "Must match Password");
        assert_eq!(m(FieldError::new("something_new")), "This value is not valid");
        assert_eq!(m(FieldError::new("too_few")), "Choose at least ?", "a parameter missing");
        assert_eq!(
            m(FieldError::new("too_many_decimals").with_param("scale", 1)),
            "Use at most 1 decimal place"
        );
        assert_eq!(
            m(FieldError::new("wrong_length").with_param("equal", 12)),
            "Must be exactly 12 characters"
        );
        assert_eq!(m(FieldError::new("forbidden_text").with_param("needle", " ")), "Must not contain “ ”");
    }
}
