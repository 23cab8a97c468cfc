//! One value from one control: the [`FromFieldValue`] trait and its implementations for the
//! standard types.

use std::num::IntErrorKind;

use crate::schema::{InputType, Shape};
use crate::{FieldError, UploadedFile};

/// A type read from the value of one control: text from an input, a textarea, a `<select>` or a
/// checkbox, or a file from `<input type=file>`.
///
/// Implement it for your own types to use them as `#[form]` fields (with `Option` and `Vec`
/// around them for free):
///
/// ```
/// use formaction::{FieldError, FromFieldValue};
/// use formaction::schema::{InputType, Shape};
///
/// /// A hex colour from `<input type=color>`.
/// struct Colour([u8; 3]);
///
/// impl FromFieldValue for Colour {
///     fn from_text(text: &str) -> Result<Self, FieldError> {
///         let hex = text.strip_prefix('#').filter(|hex| hex.len() == 6)
///             .ok_or_else(|| FieldError::new("invalid_colour").with_message("Choose a colour"))?;
///         let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16)
///             .map_err(|_| FieldError::new("invalid_colour").with_message("Choose a colour"));
///         Ok(Colour([byte(0)?, byte(2)?, byte(4)?]))
///     }
///
///     fn shape() -> Shape {
///         Shape::input(InputType::Color)
///     }
/// }
/// ```
///
/// Blank values (empty, or only white space) never reach [`from_text`](Self::from_text): they go
/// to [`from_missing`](Self::from_missing), like an absent name, so `required` means the same on
/// the server as in the browser.
// The same words as `FromForm`'s: a field type that is neither reaches the compiler through
// either trait, depending on the use, and identical errors at one type are shown once.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a form field",
    label = "no way to read this type from a submission",
    note = "implement `formaction::FromFieldValue` for a type read from one control, or put `#[form]` on a struct (a group of fields) or a unit enum (a choice)"
)]
pub trait FromFieldValue: Sized {
    /// Reads the value from non-blank text.
    fn from_text(text: &str) -> Result<Self, FieldError>;

    /// Reads the value from an uploaded file. By default a file where text was expected is an
    /// `expected_text` error.
    fn from_file(file: &UploadedFile) -> Result<Self, FieldError> {
        let _ = file;
        Err(FieldError::new("expected_text"))
    }

    /// The value when nothing was entered: by default a `required` error. `bool` answers `false`
    /// (an unchecked checkbox sends nothing).
    fn from_missing() -> Result<Self, FieldError> {
        Err(FieldError::new("required"))
    }

    /// How the control for this type looks: by default a required text input.
    fn shape() -> Shape {
        Shape::input(InputType::Text)
    }

    /// The text a browser would submit for this value, to fill in a form for editing; `None`
    /// leaves the control empty (the default, and what an unchecked checkbox does).
    fn to_text(&self) -> Option<String> {
        None
    }
}

impl FromFieldValue for String {
    /// The text exactly as typed (neither trimmed nor escaped), except that a NUL character
    /// (`%00`) is a `control_character` error ("Must not contain control characters"): no keyboard
    /// types it, PostgreSQL's `text` cannot store it (the insert would fail, a 500), and C
    /// libraries would cut the text short there. Django refuses it in every `CharField` too. Other
    /// control characters (tabs, line breaks) are kept; `#[validate(non_control_character)]`
    /// refuses those as well.
    fn from_text(text: &str) -> Result<Self, FieldError> {
        if text.contains('\0') {
            return Err(FieldError::new("control_character"));
        }
        Ok(text.to_owned())
    }

    fn to_text(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl FromFieldValue for char {
    /// Exactly one character; a NUL is refused as for [`String`].
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some('\0'), None) => Err(FieldError::new("control_character")),
            (Some(c), None) => Ok(c),
            _ => Err(FieldError::new("invalid_char")),
        }
    }

    fn shape() -> Shape {
        let mut shape = Shape::input(InputType::Text);
        shape.maxlength = Some(1);
        shape
    }

    fn to_text(&self) -> Option<String> {
        Some(self.to_string())
    }
}

impl FromFieldValue for bool {
    /// Checkbox semantics: `on` (what a checkbox without a `value` sends), `true`, `1` and `yes`
    /// are true; `off`, `false`, `0` and `no` are false, in any case; absent is false.
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let text = text.trim();
        let is = |word: &str| text.eq_ignore_ascii_case(word);
        if is("on") || is("true") || is("1") || is("yes") {
            Ok(true)
        } else if is("off") || is("false") || is("0") || is("no") {
            Ok(false)
        } else {
            Err(FieldError::new("invalid_boolean"))
        }
    }

    fn from_missing() -> Result<Self, FieldError> {
        Ok(false)
    }

    fn shape() -> Shape {
        Shape { required: false, ..Shape::input(InputType::Checkbox) }
    }

    fn to_text(&self) -> Option<String> {
        self.then(|| "on".to_owned())
    }
}

impl FromFieldValue for UploadedFile {
    fn from_text(_: &str) -> Result<Self, FieldError> {
        Err(FieldError::new("expected_file"))
    }

    fn from_file(file: &UploadedFile) -> Result<Self, FieldError> {
        Ok(file.clone())
    }

    fn shape() -> Shape {
        Shape::input(InputType::File)
    }
}

// Integers: the decisions are documented on `from_text`, where rustdoc shows them.
macro_rules! integers {
    ($($ty:ty => $min:expr),* $(,)?) => {$(
        impl FromFieldValue for $ty {
            /// Integers, read the way `<input type=number step=1>` accepts them.
            ///
            /// | text | result | why |
            /// |---|---|---|
            /// | `12`, ` 12 `, `+12`, `007` | 12 | white space around is ignored (Django and Rails strip it too); a `+` and leading zeros are unambiguous |
            /// | `-0`, `-0.0` | 0, for unsigned types too | minus zero is zero |
            /// | `2.0`, `1e3`, `1.5e1` | 2, 1000, 15 | a browser's number input accepts these for `step=1` (the value is whole) and sends them as typed; Conform (`z.coerce.number().int()`) accepts them too |
            /// | `1.5`, `1e-1` | `invalid_integer` | not a whole number ("Enter a whole number", as Django says) |
            /// | `300` in a `u8`, `-1` in a `u32`, `1e999` | `out_of_range`, with the type's `min` and `max` | a number, but not one the type holds |
            /// | `0x10`, `1_000`, `1,000`, `½`, `٣`, `twelve` | `invalid_integer` | program literals, locale grouping and non-ASCII digits are what no browser's number input sends; accepting them would read `1,000` as a thousand in one locale and one in another |
            ///
            /// Exponents are expanded exactly (never through a float), and a huge exponent is refused without
            /// building the number: the work is bounded by the length of the text.
            fn from_text(text: &str) -> Result<Self, FieldError> {
                let literal = match whole_literal(text.trim()) {
                    Ok(literal) => literal,
                    Err(NotWhole::Invalid) => return Err(FieldError::new("invalid_integer")),
                    Err(NotWhole::TooLarge) => return Err(out_of_range::<$ty>()),
                };
                literal.parse::<$ty>().map_err(|error| {
                    let negative_unsigned = <$ty>::MIN == 0
                        && literal.strip_prefix('-').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
                    // `str::parse` reports an overflow as soon as the digits read so far overflow,
                    // even when something that is no digit follows (`2026-02-30` in an `i8`): that
                    // is no number at all (found by the `coerce` fuzz target).
                    let unsigned = literal.strip_prefix(['-', '+']).unwrap_or(&literal);
                    let whole = !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit());
                    match error.kind() {
                        IntErrorKind::PosOverflow | IntErrorKind::NegOverflow if whole => out_of_range::<$ty>(),
                        _ if negative_unsigned => out_of_range::<$ty>(),
                        _ => FieldError::new("invalid_integer"),
                    }
                })
            }

            fn shape() -> Shape {
                Shape { step: Some("1"), min: $min, ..Shape::input(InputType::Number) }
            }

            fn to_text(&self) -> Option<String> {
                Some(self.to_string())
            }
        }

        impl Bounded for $ty {
            fn bounds() -> (String, String) {
                (<$ty>::MIN.to_string(), <$ty>::MAX.to_string())
            }
        }
    )*};
}

/// Why a number in decimal or exponent notation is not an integer literal.
#[derive(Debug, PartialEq, Eq)]
enum NotWhole {
    /// Not a number in that notation, or not a whole one.
    Invalid,
    /// Whole, but with more digits than any integer type holds.
    TooLarge,
}

/// The most digits of any integer type (`u128::MAX` has 39).
const MAX_INTEGER_DIGITS: usize = 39;

/// `text` as an integer literal that `str::parse` reads: borrowed when it has neither a `.` nor an
/// exponent (`str::parse` decides then), `"0"` for a minus zero, and otherwise the whole number a
/// decimal or exponent notation stands for (`2.0` is `2`, `-1.5e1` is `-15`), expanded exactly.
fn whole_literal(text: &str) -> Result<std::borrow::Cow<'_, str>, NotWhole> {
    use std::borrow::Cow;
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if !unsigned.contains(['.', 'e', 'E']) {
        let zero = !unsigned.is_empty() && unsigned.bytes().all(|b| b == b'0');
        return Ok(if negative && zero { Cow::Borrowed("0") } else { Cow::Borrowed(text) });
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return Err(NotWhole::Invalid);
    }
    // The exponent, saturating: its sign and size decide the outcome long before it overflows.
    let exponent: i64 = match exponent {
        None => 0,
        Some(exponent) => {
            let (minus, magnitude) = match exponent.as_bytes().first() {
                Some(b'-') => (true, &exponent[1..]),
                Some(b'+') => (false, &exponent[1..]),
                _ => (false, exponent),
            };
            if magnitude.is_empty() || !digits(magnitude) {
                return Err(NotWhole::Invalid);
            }
            let value = magnitude
                .bytes()
                .fold(0_i64, |value, b| value.saturating_mul(10).saturating_add(i64::from(b - b'0')));
            if minus { -value } else { value }
        }
    };
    // The number is `significant × 10^shift`, with `significant` free of leading and trailing
    // zeros.
    let all = || whole.bytes().chain(fraction.bytes());
    let leading = all().take_while(|&b| b == b'0').count();
    let total = whole.len() + fraction.len();
    if leading == total {
        return Ok(Cow::Borrowed("0"));
    }
    let trailing = all().rev().take_while(|&b| b == b'0').count();
    let significant_len = total - leading - trailing;
    let fraction_len = i64::try_from(fraction.len()).unwrap_or(i64::MAX);
    let trailing_len = i64::try_from(trailing).unwrap_or(i64::MAX);
    let shift = exponent.saturating_sub(fraction_len).saturating_add(trailing_len);
    let Ok(shift) = usize::try_from(shift) else {
        return Err(NotWhole::Invalid);
    };
    if significant_len.saturating_add(shift) > MAX_INTEGER_DIGITS {
        return Err(NotWhole::TooLarge);
    }
    let mut literal = String::with_capacity(MAX_INTEGER_DIGITS + 1);
    if negative {
        literal.push('-');
    }
    all().skip(leading).take(significant_len).for_each(|b| literal.push(char::from(b)));
    literal.extend(std::iter::repeat_n('0', shift));
    Ok(Cow::Owned(literal))
}

/// The bounds of an integer type, for the parameters of `out_of_range`.
trait Bounded {
    fn bounds() -> (String, String);
}

fn out_of_range<T: Bounded>() -> FieldError {
    let (min, max) = T::bounds();
    FieldError::new("out_of_range").with_param("min", min).with_param("max", max)
}

integers! {
    i8 => None, i16 => None, i32 => None, i64 => None, i128 => None, isize => None,
    u8 => Some("0"), u16 => Some("0"), u32 => Some("0"), u64 => Some("0"), u128 => Some("0"), usize => Some("0"),
}

// Floating-point numbers: the decisions are documented on `from_text`, where rustdoc shows them.
// The input gets `step="any"`, since a browser would otherwise refuse decimals.
macro_rules! floats {
    ($($ty:ty),*) => {$(
        impl FromFieldValue for $ty {
            /// Floating-point numbers, read the way `<input type=number step=any>` accepts them.
            ///
            /// | text | result | why |
            /// |---|---|---|
            /// | `2.5`, ` 2.5 `, `+2.5`, `.5`, `1e3`, `1E-2` | the number | white space around is ignored; exponents are what a number input accepts |
            /// | `-0`, `-0.0` | `0.0` (positive zero) | minus zero is zero: it compares equal anyway, and would otherwise show as `-0` when the form is filled in again |
            /// | `1e-400` | `0.0` | too small to tell from zero, as in every float parser |
            /// | `NaN`, `inf`, `-Infinity`, `1e999` (`1e39` for `f32`) | `invalid_number` | not a finite number: no rule (`range`, a sum) makes sense of it, and no browser sends it |
            /// | `0x10`, `0x1p3`, `1_000`, `1,5`, `٣` | `invalid_number` | program literals, locale separators and non-ASCII digits are what no browser's number input sends; `1,5` would be 1.5 in one locale and 15 in another |
            fn from_text(text: &str) -> Result<Self, FieldError> {
                match text.trim().parse::<$ty>() {
                    // `-0.0 == 0.0`, so this turns only a minus zero into a plain one.
                    Ok(number) if number == 0.0 => Ok(0.0),
                    Ok(number) if number.is_finite() => Ok(number),
                    _ => Err(FieldError::new("invalid_number")),
                }
            }

            fn shape() -> Shape {
                Shape { step: Some("any"), ..Shape::input(InputType::Number) }
            }

            fn to_text(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

floats!(f32, f64);

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T: FromFieldValue + std::fmt::Debug>(text: &str) -> String {
        T::from_text(text).expect_err(text).code().to_owned()
    }

    #[test]
    fn integers() {
        assert_eq!(i32::from_text(" 12 "), Ok(12));
        assert_eq!(i32::from_text("-0"), Ok(0));
        assert_eq!(i32::from_text("+7"), Ok(7));
        assert_eq!(u32::from_text("-0"), Ok(0), "minus zero is zero for unsigned types too");
        for (whole, value) in [("2.0", 2), ("1e3", 1000), ("1.5e1", 15), ("-2.50E+2", -250), ("0e999999", 0)]
        {
            assert_eq!(i32::from_text(whole), Ok(value), "{whole}");
        }
        for bad in ["1.5", "1e-1", "0x10", "1,000", "1_000", "twelve", "--1", ".", "e3", "1e", "1e+", "٣"] {
            assert_eq!(code::<i32>(bad), "invalid_integer", "{bad}");
        }
        for huge in ["1e999", "-1e999", "1e99999999999999999999999", "1.5e40"] {
            assert_eq!(code::<i64>(huge), "out_of_range", "{huge}");
        }
        assert_eq!(code::<u8>("2.56e2"), "out_of_range");
        assert_eq!(code::<u32>("-1.0"), "out_of_range");
        assert_eq!(u128::from_text("3.40282366920938463463374607431768211455e38"), Ok(u128::MAX));
        let error = u8::from_text("256").unwrap_err();
        assert_eq!(error.code(), "out_of_range");
        assert_eq!(error.message(), "Enter a number from 0 to 255");
        assert_eq!(code::<u32>("-1"), "out_of_range");
        assert_eq!(code::<i8>("-129"), "out_of_range");
        assert_eq!(u128::from_text("340282366920938463463374607431768211455"), Ok(u128::MAX));
        assert_eq!(code::<u64>("18446744073709551616"), "out_of_range");
    }

    #[test]
    fn floats() {
        assert_eq!(f64::from_text("0.01"), Ok(0.01));
        assert_eq!(f64::from_text(" 1e3 "), Ok(1000.0));
        assert_eq!(f32::from_text("-0").map(f32::is_sign_negative), Ok(false), "minus zero is zero");
        assert_eq!(f64::from_text("-0.0").map(|zero| zero.to_string()), Ok("0".to_owned()));
        assert_eq!(f64::from_text("-1.5"), Ok(-1.5));
        for bad in ["NaN", "nan", "inf", "-infinity", "1e999", "1,5", "abc", "0x10", "1_000", "٣"] {
            assert_eq!(code::<f64>(bad), "invalid_number", "{bad}");
        }
        assert_eq!(f64::shape().step, Some("any"));
    }

    #[test]
    fn booleans_with_checkbox_semantics() {
        for yes in ["on", "true", "1", "yes", "ON", " True "] {
            assert_eq!(bool::from_text(yes), Ok(true), "{yes}");
        }
        for no in ["off", "false", "0", "no"] {
            assert_eq!(bool::from_text(no), Ok(false), "{no}");
        }
        assert_eq!(bool::from_missing(), Ok(false));
        assert_eq!(code::<bool>("maybe"), "invalid_boolean");
        assert!(!bool::shape().required);
    }

    #[test]
    fn chars_strings_and_files() {
        assert_eq!(char::from_text("é"), Ok('é'));
        assert_eq!(code::<char>("ab"), "invalid_char");
        assert_eq!(String::from_text(" kept as typed "), Ok(" kept as typed ".to_owned()));
        assert_eq!(String::from_text("tab\tand\nline"), Ok("tab\tand\nline".to_owned()));
        assert_eq!(code::<String>("Ada\0Lovelace"), "control_character");
        assert_eq!(code::<char>("\0"), "control_character");
        assert_eq!(String::from_missing().unwrap_err().code(), "required");
        assert_eq!(code::<UploadedFile>("text"), "expected_file");
        assert_eq!(String::from_file(&UploadedFile::default()).unwrap_err().code(), "expected_text");
    }

    /// Found by the `coerce` fuzz target: text whose first digits overflow the type before a
    /// character that is no digit was `out_of_range` ("Enter a number from -128 to 127") instead
    /// of `invalid_integer`.
    #[test]
    fn text_that_starts_with_many_digits_is_no_number() {
        for text in ["2026-02-30", "300abc", "99999999999999999999999x", "-1000 apples"] {
            assert_eq!(code::<i8>(text), "invalid_integer", "{text}");
            assert_eq!(code::<u8>(text), "invalid_integer", "{text}");
        }
        assert_eq!(code::<i8>("2026"), "out_of_range");
        assert_eq!(code::<u8>("-1000"), "out_of_range");
        assert_eq!(code::<u64>("99999999999999999999999"), "out_of_range");
    }
}
