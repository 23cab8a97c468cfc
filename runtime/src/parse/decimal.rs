//! Exact decimal numbers with `rust_decimal` (feature `decimal`): money, quantities.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::FromFieldValue;
use crate::FieldError;
use crate::schema::{InputType, Shape};

impl FromFieldValue for Decimal {
    /// Plain notation (`12.50`, `-0.001`, `+5`, `.5`) or scientific (`1.25e3`), as
    /// `<input type=number>` may send, with white space around ignored; `-0` is zero.
    ///
    /// Anything else is `invalid_decimal`: `NaN`, `1e999` and other numbers a `Decimal` cannot
    /// hold exactly (more than 28 decimal places, such as `1e-40`), `0x10`, `1,5`, `٣`, and
    /// `1_000` (which `rust_decimal` itself would read as a thousand, unlike the integer and float
    /// fields and every browser).
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let text = text.trim();
        if text.contains('_') {
            return Err(FieldError::new("invalid_decimal"));
        }
        let parsed =
            if text.contains(['e', 'E']) { Decimal::from_scientific(text) } else { Decimal::from_str(text) };
        parsed.map_err(|_| FieldError::new("invalid_decimal"))
    }

    fn shape() -> Shape {
        Shape { step: Some("any"), ..Shape::input(InputType::Number) }
    }

    fn to_text(&self) -> Option<String> {
        Some(self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_scientific() {
        assert_eq!(Decimal::from_text(" 12.50 ").map(|d| d.to_string()), Ok("12.50".to_owned()));
        assert_eq!(Decimal::from_text("1.25e3").map(|d| d.to_string()), Ok("1250".to_owned()));
        for bad in ["NaN", "1,5", "", "1e999", "0x10", "1_000", "1__0", "٣"] {
            assert_eq!(Decimal::from_text(bad).unwrap_err().code(), "invalid_decimal", "{bad}");
        }
    }
}
