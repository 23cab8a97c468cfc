//! Exact decimal numbers with `rust_decimal` (feature `decimal`): money, quantities.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::FromFieldValue;
use crate::FieldError;
use crate::schema::{InputType, Shape};

impl FromFieldValue for Decimal {
    /// Plain notation (`12.50`, `-0.001`) or scientific (`1.25e3`), as `<input type=number>` may
    /// send; anything else, or a number too large for a `Decimal`, is `invalid_decimal`.
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let text = text.trim();
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
        for bad in ["NaN", "1,5", "", "1e999", "0x10"] {
            assert_eq!(Decimal::from_text(bad).unwrap_err().code(), "invalid_decimal", "{bad}");
        }
    }
}
