//! Field coercion of every built-in type (`FromFieldValue`), directly and through a submission
//! (`FromForm`: the value alone, `Option`, `Vec` of repeated names).
//!
//! Properties checked, beyond "no panic":
//! - errors are values with a known code and a message for people;
//! - a value read from text, written back with `to_text` (what fills in a form for editing), reads
//!   back as the same value: editing a record never changes it;
//! - each type follows its documented rules (integers: digits with an optional sign only, out of
//!   range with the type's bounds; booleans: the checkbox words; `char`: one character; floats:
//!   finite only; `String`: as typed);
//! - blank text is the same as nothing entered, in every shape;
//! - a file where text is expected is `expected_text`, text where a file is expected is
//!   `expected_file`, and a file reads back as itself.
#![no_main]

use std::fmt::Debug;

use arbitrary::{Arbitrary, Unstructured};
use bytes::Bytes;
use formaction::{FieldError, FieldValue, FormData, FromFieldValue, FromForm, ParseCx, UploadedFile, form};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use time::{Date, PrimitiveDateTime, Time};

/// A unit enum, read by variant value as a `<select>` sends it.
#[form]
#[derive(Debug, PartialEq)]
enum Status {
    Pending,
    Paid,
    InProgress,
    #[field(rename = "on-hold")]
    OnHold,
}

fuzz_target!(|input: &[u8]| {
    let text = String::from_utf8_lossy(input);
    let text = text.as_ref();

    check::<String>(text, &["control_character"]);
    check::<char>(text, &["invalid_char", "control_character"]);
    check::<bool>(text, &["invalid_boolean"]);
    check::<f32>(text, &["invalid_number"]);
    check::<f64>(text, &["invalid_number"]);
    check::<Date>(text, &["invalid_date"]);
    check::<Time>(text, &["invalid_time"]);
    check::<PrimitiveDateTime>(text, &["invalid_datetime"]);
    check::<Decimal>(text, &["invalid_decimal"]);
    check::<Status>(text, &["invalid_choice"]);
    integers(text);

    // Documented rules.
    // Text as typed, except a NUL (no keyboard types it, and databases refuse it).
    match String::from_text(text) {
        Ok(read) => assert_eq!(read, text),
        Err(error) => assert!(text.contains('\0') && error.code() == "control_character"),
    }
    let mut chars = text.chars();
    let one_char = chars.next().is_some() && chars.next().is_none();
    assert_eq!(char::from_text(text).is_ok(), one_char && text != "\0");
    let word = text.trim().to_ascii_lowercase();
    let expected_bool = match word.as_str() {
        "on" | "true" | "1" | "yes" => Some(true),
        "off" | "false" | "0" | "no" => Some(false),
        _ => None,
    };
    assert_eq!(bool::from_text(text).ok(), expected_bool);
    if let Ok(number) = f64::from_text(text) {
        assert!(number.is_finite());
    }
    if let Ok(number) = f32::from_text(text) {
        assert!(number.is_finite());
    }

    // Files.
    let mut u = Unstructured::new(input);
    let file = UploadedFile {
        file_name: String::arbitrary(&mut u).unwrap_or_default(),
        content_type: Option::<String>::arbitrary(&mut u).unwrap_or_default(),
        bytes: Bytes::from(Vec::<u8>::arbitrary(&mut u).unwrap_or_default()),
    };
    assert_eq!(UploadedFile::from_file(&file).as_ref(), Ok(&file));
    assert_eq!(code(UploadedFile::from_text(text)), "expected_file");
    assert_eq!(code(String::from_file(&file)), "expected_text");
    assert_eq!(code(u32::from_file(&file)), "expected_text");
    let mut data = FormData::new();
    data.push_file("f", file.clone());
    let read = read::<UploadedFile>(&data, "f");
    if FieldValue::File(file.clone()).is_blank() {
        assert_eq!(read.map_err(|e| e[0].code().to_owned()), Err("required".to_owned()));
    } else {
        assert_eq!(read, Ok(file.clone()));
        assert_eq!(
            read_all::<String>(&data, "f").map_err(|e| e[0].code().to_owned()),
            Err("expected_text".to_owned())
        );
    }
});

/// The code of an error the call must return.
fn code<T: Debug>(result: Result<T, FieldError>) -> String {
    result.expect_err("an error").code().to_owned()
}

/// Checks `T` on `text`: its own error codes (plus `required` for blank text through a form),
/// the round trip through `to_text`, and the same answer through every shape of a submission.
fn check<T: FromFieldValue + FromForm + PartialEq + Debug>(text: &str, codes: &[&str]) {
    let direct = T::from_text(text);
    match &direct {
        Ok(value) => {
            if let Some(written) = value.to_text() {
                let again = T::from_text(&written);
                assert_eq!(again.as_ref(), Ok(value), "{text:?} was written back as {written:?}");
            }
        }
        Err(error) => {
            assert!(codes.contains(&error.code()), "unexpected code {:?} for {text:?}", error.code());
            assert!(!error.message().is_empty());
        }
    }

    // Through a submission: blank text is nothing entered.
    let data = FormData::from_pairs([("f", text)]);
    let blank = text.trim().is_empty();
    let expected = if blank { T::from_missing() } else { T::from_text(text) };
    let via_form = read::<T>(&data, "f");
    match (&expected, &via_form) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(a), Err(errors)) => assert_eq!(errors.as_slice(), std::slice::from_ref(a)),
        _ => panic!("{text:?}: {expected:?} alone but {via_form:?} in a form"),
    }
    match read::<Option<T>>(&data, "f") {
        Ok(None) => assert!(blank),
        Ok(Some(value)) => assert_eq!(Ok(&value), expected.as_ref()),
        Err(_) => assert!(expected.is_err() && !blank),
    }

    // Repeated names: every non-blank value, in order; blank ones skipped.
    let twice = FormData::from_pairs([("f", text), ("g", "x"), ("f", text)]);
    match read_all::<T>(&twice, "f") {
        Ok(values) if blank => assert!(values.is_empty()),
        Ok(values) => {
            assert_eq!(values.len(), 2);
            assert_eq!(Ok(&values[0]), direct.as_ref());
        }
        Err(errors) => {
            assert!(direct.is_err() && !blank);
            assert_eq!(errors.len(), 2);
        }
    }
}

/// Reads `T` at `name`, with every error recorded there.
fn read<T: FromForm>(data: &FormData, name: &str) -> Result<T, Vec<FieldError>> {
    let mut cx = ParseCx::new(data);
    let value = T::from_form(&mut cx, name);
    let errors = cx.into_errors();
    let at_name = errors.field(name).to_vec();
    assert_eq!(errors.len(), at_name.len(), "errors under other names");
    match value {
        Some(value) if at_name.is_empty() => Ok(value),
        Some(_) => panic!("a value and errors at once"),
        None => {
            assert!(!at_name.is_empty(), "no value and no error");
            Err(at_name)
        }
    }
}

fn read_all<T: FromForm>(data: &FormData, name: &str) -> Result<Vec<T>, Vec<FieldError>> {
    read::<Vec<T>>(data, name)
}

/// Integers of every width: digits with an optional sign (and white space around) are a number
/// or `out_of_range` with the type's bounds; a number read is the number the text says (whatever
/// its notation), and a number out of range is beyond the type's bounds.
fn integers(text: &str) {
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    let numeric = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    macro_rules! each {
        ($($ty:ty),*) => {$(
            check::<$ty>(text, &["invalid_integer", "out_of_range"]);
            match <$ty>::from_text(text) {
                Ok(number) => {
                    // The number the text says, whatever the notation.
                    let said: f64 = trimmed.parse().unwrap_or_else(|_| panic!("{text:?} read as {number}"));
                    assert!((said - number as f64).abs() <= said.abs() * 1e-15, "{text:?} read as {number}");
                    if numeric {
                        // The same number as the digits say, whatever their sign and leading zeros.
                        let magnitude = digits.trim_start_matches('0');
                        let magnitude = if magnitude.is_empty() { "0" } else { magnitude };
                        assert_eq!(number.to_string().trim_start_matches('-'), magnitude);
                    }
                }
                Err(error) if error.code() == "out_of_range" => {
                    let said: f64 = trimmed.parse().unwrap_or_else(|_| panic!("{text:?} out of range"));
                    assert!(said >= <$ty>::MAX as f64 || said <= <$ty>::MIN as f64, "{text:?} out of range");
                    assert_eq!(error.param("min").map(ToString::to_string), Some(format!("\"{}\"", <$ty>::MIN)));
                    assert_eq!(error.param("max").map(ToString::to_string), Some(format!("\"{}\"", <$ty>::MAX)));
                }
                Err(_) => assert!(!numeric, "{text:?} is a whole number"),
            }
        )*};
    }
    each!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
}
