//! Running the `validator` crate's rules on parsed fields, and turning a failure into a coded
//! [`FieldError`].
//!
//! The rules are the validator crate's own implementations (`ValidateEmail`, `ValidateLength`,
//! ...); what this module adds is the error model: validator answers yes or no, and a person
//! needs to know which bound was missed (`too_short` with `min`, not just `length`).
//!
//! `#[form]` calls these for each `#[validate(...)]` rule of a field that parsed. Each returns
//! whether the value passed, and records its error in the [`ParseCx`] otherwise.

use serde::Serialize;
use serde_json::Value;
use validator::{
    AsRegex, ValidateContains, ValidateDoesNotContain, ValidateEmail, ValidateIp, ValidateLength,
    ValidateNonControlCharacter, ValidateRange, ValidateRegex, ValidateUrl, ValidationError,
};

use crate::{FieldError, FieldValue, ParseCx, UploadedFile};

/// The options every rule takes: `message = "..."` and `code = "..."`.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleOptions {
    /// The message shown instead of the catalogue's.
    pub message: Option<&'static str>,
    /// The code used instead of the rule's own.
    pub code: Option<&'static str>,
}

impl RuleOptions {
    /// `error` with this rule's `code` and `message`, as the rule records it (also what `#[form]`
    /// gives the browser for the same failure: [`FieldSchema::client_errors`](crate::schema::FieldSchema::client_errors)).
    pub fn apply(self, mut error: FieldError) -> FieldError {
        if let Some(code) = self.code {
            error = error.with_code(code);
        }
        if let Some(message) = self.message {
            error = error.with_message(message);
        }
        error
    }
}

fn check(
    cx: &mut ParseCx<'_>,
    name: &str,
    ok: bool,
    options: RuleOptions,
    error: impl FnOnce() -> FieldError,
) -> bool {
    if !ok {
        cx.error(name, options.apply(error()));
    }
    ok
}

fn json<T: Serialize + ?Sized>(value: &T) -> Value {
    match serde_json::to_value(value) {
        // A whole bound of a float field (`range(max = 100)` on an `f64`) reads as it was written
        // and as the `max` attribute renders it: `100`, not `100.0`.
        Ok(Value::Number(number)) => match number.as_f64() {
            Some(float)
                if number.is_f64() && float.fract() == 0.0 && float.abs() < 9_007_199_254_740_992.0 =>
            {
                Value::from(float as i64)
            }
            _ => Value::Number(number),
        },
        Ok(value) => value,
        Err(_) => Value::Null,
    }
}

/// `length(min, max, equal)`: characters of text, or items of a list (`list`).
#[allow(
    clippy::too_many_arguments,
    reason = "one argument per rule parameter, called only by generated code"
)]
pub fn length<T: ValidateLength<u64> + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &T,
    list: bool,
    min: Option<u64>,
    max: Option<u64>,
    equal: Option<u64>,
    options: RuleOptions,
) -> bool {
    let ok = value.validate_length(min, max, equal);
    check(cx, name, ok, options, || length_error(list, min, max, equal, value.length().unwrap_or(0)))
}

/// The error of `length(min, max, equal)` for a value of `length` characters (items of a `list`)
/// that fails it.
pub fn length_error(
    list: bool,
    min: Option<u64>,
    max: Option<u64>,
    equal: Option<u64>,
    length: u64,
) -> FieldError {
    let (code, param, bound) = match (equal, min) {
        (Some(equal), _) => (if list { "wrong_count" } else { "wrong_length" }, "equal", equal),
        (None, Some(min)) if length < min => (if list { "too_few" } else { "too_short" }, "min", min),
        _ => (if list { "too_many" } else { "too_long" }, "max", max.unwrap_or(0)),
    };
    FieldError::new(code).with_param(param, bound)
}

/// `range(min, max, exclusive_min, exclusive_max)`.
#[allow(
    clippy::too_many_arguments,
    reason = "one argument per rule parameter, called only by generated code"
)]
pub fn range<T, V>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    min: Option<T>,
    max: Option<T>,
    exclusive_min: Option<T>,
    exclusive_max: Option<T>,
    options: RuleOptions,
) -> bool
where
    T: Serialize + Copy,
    V: ValidateRange<T> + ?Sized,
{
    let ok = value.validate_range(min, max, exclusive_min, exclusive_max);
    check(cx, name, ok, options, || {
        if let Some(min) = min.filter(|&min| value.less_than(min) == Some(true)) {
            too_small(&min)
        } else if let Some(max) = max.filter(|&max| value.greater_than(max) == Some(true)) {
            too_big(&max)
        } else if let Some(min) = exclusive_min.filter(|&min| value.greater_than(min) != Some(true)) {
            FieldError::new("not_greater").with_param("min", json(&min))
        } else {
            FieldError::new("not_less")
                .with_param("max", exclusive_max.as_ref().map(json).unwrap_or(Value::Null))
        }
    })
}

/// The error of `range(min)` for a value below `min`.
pub fn too_small<T: Serialize + ?Sized>(min: &T) -> FieldError {
    FieldError::new("too_small").with_param("min", json(min))
}

/// The error of `range(max)` for a value above `max`.
pub fn too_big<T: Serialize + ?Sized>(max: &T) -> FieldError {
    FieldError::new("too_big").with_param("max", json(max))
}

/// `email`: validator's `ValidateEmail`, with the same answer for every input.
///
/// validator checks an address with regular expressions, which cost more than everything else
/// in a typical submission (see `BENCHMARKS.md`). Most addresses are
/// plain ASCII, and for those a byte-by-byte check of the same grammar is enough to say *yes*
/// (see `plainly_an_email`); everything it does not accept at once (any other character, an
/// international domain, an address literal such as `[127.0.0.1]`, or simply a wrong address)
/// goes to validator, which decides. So the fast path can only ever skip validator's work for
/// addresses validator accepts, and the answer is always validator's.
pub fn email<V: ValidateEmail + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    options: RuleOptions,
) -> bool {
    let ok = value.as_email_string().is_some_and(|text| plainly_an_email(&text)) || value.validate_email();
    check(cx, name, ok, options, invalid_email)
}

/// The error of `email`.
pub fn invalid_email() -> FieldError {
    FieldError::new("invalid_email")
}

/// Whether `text` is an address that validator's email rule certainly accepts: a local part of
/// 1 to 64 bytes from the HTML specification's set (letters, digits and ``.!#$%&'*+/=?^_`{|}~-``),
/// the last `@`, and a domain of at most 255 bytes made of dot-separated labels of 1 to 63
/// letters, digits and hyphens that neither start nor end with a hyphen. Those are validator's
/// length limits and regular expressions, written out for ASCII text. `false` means "ask
/// validator", not "invalid".
fn plainly_an_email(text: &str) -> bool {
    let Some(at) = text.bytes().rposition(|byte| byte == b'@') else { return false };
    let (local, domain) = (&text.as_bytes()[..at], &text.as_bytes()[at + 1..]);
    let local_ok = (1..=64).contains(&local.len())
        && local.iter().all(|&byte| byte.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&byte));
    local_ok
        && (1..=255).contains(&domain.len())
        && domain.split(|&byte| byte == b'.').all(|label| {
            (1..=63).contains(&label.len())
                && label.iter().all(|&byte| byte.is_ascii_alphanumeric() || byte == b'-')
                && label.first().is_some_and(u8::is_ascii_alphanumeric)
                && label.last().is_some_and(u8::is_ascii_alphanumeric)
        })
}

/// `url`.
pub fn url<V: ValidateUrl + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    options: RuleOptions,
) -> bool {
    check(cx, name, value.validate_url(), options, invalid_url)
}

/// The error of `url`.
pub fn invalid_url() -> FieldError {
    FieldError::new("invalid_url")
}

/// `regex(path = ...)`.
pub fn regex<V: ValidateRegex + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    regex: impl AsRegex,
    options: RuleOptions,
) -> bool {
    check(cx, name, value.validate_regex(regex), options, invalid_format)
}

/// The error of `regex`.
pub fn invalid_format() -> FieldError {
    FieldError::new("invalid_format")
}

/// `contains(pattern = ...)`.
pub fn contains<V: ValidateContains + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    needle: &'static str,
    options: RuleOptions,
) -> bool {
    check(cx, name, value.validate_contains(needle), options, || {
        FieldError::new("missing_text").with_param("needle", needle)
    })
}

/// `does_not_contain(pattern = ...)`.
pub fn does_not_contain<V: ValidateDoesNotContain + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    needle: &'static str,
    options: RuleOptions,
) -> bool {
    check(cx, name, value.validate_does_not_contain(needle), options, || {
        FieldError::new("forbidden_text").with_param("needle", needle)
    })
}

/// `must_match(other = ...)`: `other_label` names the other field for people.
pub fn must_match<T: Eq + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &T,
    other: &T,
    other_label: &'static str,
    options: RuleOptions,
) -> bool {
    check(cx, name, validator::validate_must_match(value, other), options, || mismatch(other_label))
}

/// The error of `must_match`, naming the other field by its label.
pub fn mismatch(other_label: &'static str) -> FieldError {
    FieldError::new("mismatch").with_param("other", other_label)
}

/// `non_control_character`.
pub fn non_control_character<V: ValidateNonControlCharacter + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    options: RuleOptions,
) -> bool {
    check(cx, name, value.validate_non_control_character(), options, || FieldError::new("control_character"))
}

/// `ip`, `ip(v4)`, `ip(v6)`.
pub fn ip<V: ValidateIp + ?Sized>(
    cx: &mut ParseCx<'_>,
    name: &str,
    value: &V,
    version: Option<u8>,
    options: RuleOptions,
) -> bool {
    let ok = match version {
        Some(4) => value.validate_ipv4(),
        Some(6) => value.validate_ipv6(),
        _ => value.validate_ip(),
    };
    check(cx, name, ok, options, || FieldError::new("invalid_ip"))
}

/// `required` on an `Option` field: the value must be given.
pub fn required<T>(cx: &mut ParseCx<'_>, name: &str, value: &Option<T>, options: RuleOptions) -> bool {
    check(cx, name, value.is_some(), options, missing)
}

/// The error of a field left empty: `required`, as [`FromFieldValue::from_missing`](crate::FromFieldValue::from_missing)
/// answers by default, the `required` rule, and a checkbox that must be ticked.
pub fn missing() -> FieldError {
    FieldError::new("required")
}

/// `required` on a `bool` (a checkbox that must be ticked, "I accept the terms"): the box must be
/// ticked. An unticked box is not sent by browsers, so the field is `false`, and fails as an empty
/// required field does, with the code `required`.
pub fn ticked(cx: &mut ParseCx<'_>, name: &str, value: bool, options: RuleOptions) -> bool {
    check(cx, name, value, options, missing)
}

/// `custom(function = ...)`: the function's own error, with `message`/`code` applied on top.
pub fn custom(
    cx: &mut ParseCx<'_>,
    name: &str,
    result: Result<(), ValidationError>,
    options: RuleOptions,
) -> bool {
    match result {
        Ok(()) => true,
        Err(error) => {
            cx.error(name, options.apply(FieldError::from(error)));
            false
        }
    }
}

/// `schema(function = ...)` on the struct: a failure is a form-level error.
pub fn schema(cx: &mut ParseCx<'_>, result: Result<(), ValidationError>, options: RuleOptions) -> bool {
    match result {
        Ok(()) => true,
        Err(error) => {
            cx.form_error(options.apply(FieldError::from(error)));
            false
        }
    }
}

/// Gives the `required` error of `name` (if it has one without a message of its own) the message
/// of the field's `length(min = ..., message = ...)` rule, which is meant for the empty field too.
pub fn required_message(cx: &mut ParseCx<'_>, name: &str, message: &'static str) {
    let errors = cx.errors_mut().take_field(name);
    for error in errors {
        let error = if error.code() == "required" && error.custom_message().is_none() {
            error.with_message(message)
        } else {
            error
        };
        cx.error(name, error);
    }
}

/// `#[field(scale = N)]` on a number: at most `scale` digits after the decimal point, counted in
/// the text as submitted (so `1.50` has two, and `1.5e-3` has four).
pub fn scale(cx: &mut ParseCx<'_>, name: &str, scale: u32, options: RuleOptions) -> bool {
    let Some(text) = cx.data().text(name) else { return true };
    let ok = decimal_places(text.trim()) <= i64::from(scale);
    check(cx, name, ok, options, || too_many_decimals(scale))
}

/// The error of `#[field(scale = N)]`.
pub fn too_many_decimals(scale: u32) -> FieldError {
    FieldError::new("too_many_decimals").with_param("scale", scale)
}

/// `#[field(accept = "...", max_size = "...")]` on a file field: each file submitted at `name`
/// (the last one, or every one of a list: repeated names and `name[0]`, `name[1]`...) must be
/// of a type `accept` admits, start with the bytes of the type it declares where the runtime
/// knows them, and be at most `max_size` bytes. Each file that fails gets one error, at its name.
pub fn file(
    cx: &mut ParseCx<'_>,
    name: &str,
    list: bool,
    accept: Option<&str>,
    max_size: Option<u64>,
) -> bool {
    let data = cx.data();
    let mut files: Vec<(String, &UploadedFile)> = Vec::new();
    if list {
        files.extend(data.get_all(name).filter_map(FieldValue::as_file).map(|file| (name.to_owned(), file)));
        for (_, item, value) in data.starting_with(name, "[") {
            let index = item[name.len() + 1..].strip_suffix(']');
            if index.is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                && let Some(file) = value.as_file()
            {
                files.push((item.to_owned(), file));
            }
        }
    } else if let Some(file) = data.get(name).and_then(FieldValue::as_file) {
        files.push((name.to_owned(), file));
    }
    let mut ok = true;
    for (name, file) in files {
        if file.is_empty_selection() {
            continue;
        }
        let refusal =
            accept.and_then(|accept| crate::accept::check(accept, file).err().map(|r| r.error(accept)));
        let too_large = max_size.filter(|&max| file.len() as u64 > max).map(file_too_large);
        if let Some(error) = refusal.or(too_large) {
            cx.error(&name, error);
            ok = false;
        }
    }
    ok
}

/// The error of a file `accept` does not admit by its type or name.
pub fn file_type(accept: &'static str) -> FieldError {
    crate::accept::Refusal::Type.error(accept)
}

/// The `file_too_large` error: `max` in bytes, and `size`, the same in the largest unit that
/// writes it whole (`2 MB`, `512 KB`, `1000 B`), as `max_size` is written.
pub fn file_too_large(max: u64) -> FieldError {
    let (number, unit) = [(1u64 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        .into_iter()
        .find(|(unit, _)| max >= *unit && max.is_multiple_of(*unit))
        .map_or((max, "B"), |(unit, name)| (max / unit, name));
    FieldError::new("file_too_large").with_param("max", max).with_param("size", format!("{number} {unit}"))
}

fn decimal_places(text: &str) -> i64 {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let fraction = mantissa.split_once('.').map_or(0, |(_, digits)| digits.len() as i64);
    fraction.saturating_sub(exponent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FormData;

    fn run(f: impl FnOnce(&mut ParseCx<'_>) -> bool) -> Option<(String, Value)> {
        let data = FormData::from_pairs([("amount", "1.505"), ("n", " 2e-1 ")]);
        let mut cx = ParseCx::new(&data);
        let ok = f(&mut cx);
        let errors = cx.into_errors();
        assert_eq!(ok, errors.is_empty());
        let json = serde_json::to_value(&errors).unwrap();
        errors.fields().next().map(|(_, e)| (e[0].code().to_owned(), json["issues"][0].clone()))
    }

    /// The fast path and validator agree on every address here, and the fast path never says
    /// yes where validator says no.
    fn agrees_with_validator(text: &str) {
        let ours = run(|cx| email(cx, "e", &text, RuleOptions::default())).is_none();
        assert_eq!(ours, text.validate_email(), "{text:?}");
        if plainly_an_email(text) {
            assert!(text.validate_email(), "the fast path accepted {text:?}, validator refuses it");
        }
    }

    #[test]
    fn email_is_validators_answer() {
        let long_label = "a".repeat(63);
        let too_long_label = "a".repeat(64);
        let cases = [
            "ada@example.com".to_owned(),
            "Ada.Lovelace+tag@Example.CO.uk".to_owned(),
            "a@b".to_owned(),
            "!#$%&'*+/=?^_`{|}~-@x-y.z9".to_owned(),
            "two@ats@example.com".to_owned(),
            "@example.com".to_owned(),
            "ada@".to_owned(),
            "ada".to_owned(),
            "".to_owned(),
            "ada@-example.com".to_owned(),
            "ada@example-.com".to_owned(),
            "ada@example..com".to_owned(),
            "ada@example.com.".to_owned(),
            "ada@.example.com".to_owned(),
            "ada@exa_mple.com".to_owned(),
            "a da@example.com".to_owned(),
            "ada@exa mple.com".to_owned(),
            "\"quoted\"@example.com".to_owned(),
            "ada@[127.0.0.1]".to_owned(),
            "ada@[::1]".to_owned(),
            "ada@x[127.0.0.1]".to_owned(),
            "ada@[300.0.0.1]".to_owned(),
            "ada@bücher.example".to_owned(),
            "ada@xn--bcher-kva.example".to_owned(),
            "adä@example.com".to_owned(),
            "ada@EXAMPLE.COM".to_owned(),
            "ada@example.com\n".to_owned(),
            "ada@exam\0ple.com".to_owned(),
            format!("{}@example.com", "a".repeat(64)),
            format!("{}@example.com", "a".repeat(65)),
            format!("ada@{long_label}.com"),
            format!("ada@{too_long_label}.com"),
            format!("ada@{}", ["abcdefghi"; 25].join(".")),
            format!("ada@{}", ["abcdefghi"; 26].join(".")),
            format!("ada@{}a", ["abcdefghi"; 25].join(".")),
        ];
        for text in &cases {
            agrees_with_validator(text);
        }
        // And many generated near-addresses: a small PRNG over an alphabet of the characters
        // that matter to the grammar (the `email` fuzz target searches much further).
        let alphabet: Vec<char> = "aZ09.-_@@@[]:+!é ".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            let mut text = String::new();
            let mut bits = state;
            for _ in 0..len {
                bits = bits.rotate_left(5) ^ 0x9e37_79b9_7f4a_7c15;
                text.push(alphabet[(bits % alphabet.len() as u64) as usize]);
            }
            agrees_with_validator(&text);
        }
    }

    #[test]
    fn length_names_the_missed_bound() {
        let o = RuleOptions::default();
        let (code, issue) = run(|cx| length(cx, "p", "short", false, Some(8), None, None, o)).unwrap();
        assert_eq!(code, "too_short");
        assert_eq!(issue["min"], 8);
        assert_eq!(issue["message"], "Must be at least 8 characters");
        assert_eq!(
            run(|cx| length(cx, "p", "toolong", false, None, Some(3), None, o)).unwrap().0,
            "too_long"
        );
        assert_eq!(run(|cx| length(cx, "p", &vec![1], true, Some(2), None, None, o)).unwrap().0, "too_few");
        assert_eq!(
            run(|cx| length(cx, "p", &vec![1], true, None, None, Some(2), o)).unwrap().0,
            "wrong_count"
        );
        assert_eq!(run(|cx| length(cx, "p", "ok", false, Some(1), Some(3), None, o)), None);
        // Characters, not bytes: validator's implementation counts chars.
        assert_eq!(run(|cx| length(cx, "p", "ééé", false, None, Some(3), None, o)), None);
    }

    #[test]
    fn range_names_the_missed_bound() {
        let o = RuleOptions::default();
        let (code, issue) = run(|cx| range(cx, "a", &0.0, Some(0.01), Some(1e6), None, None, o)).unwrap();
        assert_eq!((code.as_str(), &issue["min"]), ("too_small", &serde_json::json!(0.01)));
        assert_eq!(run(|cx| range(cx, "a", &5, Some(1), Some(3), None, None, o)).unwrap().0, "too_big");
        assert_eq!(run(|cx| range(cx, "a", &0, None, None, Some(0), None, o)).unwrap().0, "not_greater");
        assert_eq!(run(|cx| range(cx, "a", &3, None, None, None, Some(3), o)).unwrap().0, "not_less");
        assert_eq!(run(|cx| range(cx, "a", &2, Some(1), Some(3), None, None, o)), None);
    }

    #[test]
    fn options_replace_code_and_message() {
        let o = RuleOptions { message: Some("Use your work address"), code: Some("work_email") };
        let (code, issue) = run(|cx| email(cx, "e", &"nope", o)).unwrap();
        assert_eq!(code, "work_email");
        assert_eq!(issue["message"], "Use your work address");
    }

    #[test]
    fn scale_counts_decimals_as_typed() {
        let o = RuleOptions::default();
        assert_eq!(run(|cx| scale(cx, "amount", 2, o)).unwrap().0, "too_many_decimals");
        assert_eq!(run(|cx| scale(cx, "amount", 3, o)), None);
        assert_eq!(run(|cx| scale(cx, "n", 1, o)), None, "2e-1 is 0.2: one place");
        assert_eq!(run(|cx| scale(cx, "n", 0, o)).unwrap().0, "too_many_decimals");
        assert_eq!(decimal_places("12"), 0);
        assert_eq!(decimal_places("1.50"), 2);
        assert_eq!(decimal_places("15e-1"), 1);
    }

    #[test]
    fn file_checks_type_content_and_size_of_each_file_at_its_name() {
        let upload = |name: &str, bytes: &[u8]| UploadedFile {
            file_name: name.to_owned(),
            content_type: None,
            bytes: bytes::Bytes::copy_from_slice(bytes),
        };
        let png = b"\x89PNG\r\n\x1a\n....";
        let mut data = FormData::default();
        data.push_file("logo", upload("logo.png", png));
        data.push_file("tool", upload("tool.exe", b"MZ"));
        data.push_file("fake", upload("fake.png", b"MZ"));
        data.push_file("big", upload("big.png", &[0; 2049]));
        data.push_file("empty", UploadedFile::default());
        data.push_file("scans", upload("a.png", png));
        data.push_file("scans", upload("b.exe", b"MZ"));
        data.push_file("pages[0]", upload("c.exe", b"MZ"));
        data.push_file("pages[1]", upload("d.png", png));
        let mut cx = ParseCx::new(&data);
        let accept = Some("image/png");
        assert!(file(&mut cx, "logo", false, accept, Some(2048)));
        assert!(!file(&mut cx, "tool", false, accept, None));
        assert!(!file(&mut cx, "fake", false, accept, None));
        assert!(!file(&mut cx, "big", false, None, Some(2048)));
        assert!(file(&mut cx, "empty", false, accept, Some(1)), "no file chosen: nothing to check");
        assert!(file(&mut cx, "absent", false, accept, Some(1)));
        assert!(!file(&mut cx, "scans", true, accept, None));
        assert!(!file(&mut cx, "pages", true, accept, None));
        let errors = cx.into_errors();
        let found: Vec<(&str, &str)> =
            errors.fields().flat_map(|(name, errors)| errors.iter().map(move |e| (name, e.code()))).collect();
        assert_eq!(
            found,
            [
                ("tool", "file_type"),
                ("fake", "file_content"),
                ("big", "file_too_large"),
                ("scans", "file_type"),
                ("pages[0]", "file_type"),
            ]
        );
        let big = errors.fields().find(|(name, _)| *name == "big").map(|(_, e)| e[0].clone()).unwrap();
        assert_eq!(big.param("max"), Some(&Value::from(2048)));
        assert_eq!(big.param("size"), Some(&Value::from("2 KB")));
        assert_eq!(big.message(), "The file must be at most 2 KB");
    }

    #[test]
    fn a_size_is_written_in_the_largest_unit_that_writes_it_whole() {
        let size = |max: u64| file_too_large(max).param("size").cloned();
        assert_eq!(size(2 << 20), Some(Value::from("2 MB")));
        assert_eq!(size(1 << 30), Some(Value::from("1 GB")));
        assert_eq!(size(1536), Some(Value::from("1536 B")));
        assert_eq!(size(0), Some(Value::from("0 B")));
    }
}
