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
    fn from_text(text: &str) -> Result<Self, FieldError> {
        Ok(text.to_owned())
    }

    fn to_text(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl FromFieldValue for char {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
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

/// Integers: surrounding white space is ignored; `1.0`, `1e3`, `0x10` and `1,000` are
/// `invalid_integer`; a number the type cannot hold is `out_of_range` with the type's bounds.
macro_rules! integers {
    ($($ty:ty => $min:expr),* $(,)?) => {$(
        impl FromFieldValue for $ty {
            fn from_text(text: &str) -> Result<Self, FieldError> {
                let text = text.trim();
                text.parse::<$ty>().map_err(|error| {
                    let negative_unsigned = <$ty>::MIN == 0
                        && text.strip_prefix('-').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
                    match error.kind() {
                        IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => out_of_range::<$ty>(),
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

/// Floating-point numbers: surrounding white space is ignored, exponents are accepted (`1e3`, as
/// `<input type=number>` does), and anything that is not a finite number (`NaN`, `inf`, `1e999`)
/// is `invalid_number`. The input gets `step="any"`, since a browser would otherwise refuse
/// decimals.
macro_rules! floats {
    ($($ty:ty),*) => {$(
        impl FromFieldValue for $ty {
            fn from_text(text: &str) -> Result<Self, FieldError> {
                match text.trim().parse::<$ty>() {
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
        for bad in ["1.0", "1e3", "0x10", "1,000", "twelve", "--1"] {
            assert_eq!(code::<i32>(bad), "invalid_integer", "{bad}");
        }
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
        assert_eq!(f32::from_text("-0").map(f32::is_sign_negative), Ok(true));
        for bad in ["NaN", "nan", "inf", "-infinity", "1e999", "1,5", "abc"] {
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
        assert_eq!(String::from_missing().unwrap_err().code(), "required");
        assert_eq!(code::<UploadedFile>("text"), "expected_file");
        assert_eq!(String::from_file(&UploadedFile::default()).unwrap_err().code(), "expected_text");
    }
}
