//! Dates and times from `<input type=date|time|datetime-local>`, with the `time` crate (feature
//! `time`).
//!
//! Browsers send these in fixed formats whatever the user's locale: `2026-11-20`, `14:30` (or
//! `14:30:15` when `step` asks for seconds), `2026-11-20T14:30`. Anything else is an error; the
//! decisions are documented on `Date::from_text`, where rustdoc shows them.

use time::format_description::FormatItem;
use time::macros::format_description;
use time::{Date, PrimitiveDateTime, Time};

use super::FromFieldValue;
use crate::FieldError;
use crate::schema::{InputType, Shape};

const DATE: &[FormatItem<'_>] = format_description!("[year]-[month]-[day]");
const TIME_MINUTES: &[FormatItem<'_>] = format_description!("[hour]:[minute]");
const TIME_SECONDS: &[FormatItem<'_>] = format_description!("[hour]:[minute]:[second]");
const TIME_FRACTION: &[FormatItem<'_>] = format_description!("[hour]:[minute]:[second].[subsecond]");

/// A date as `<input type=date>` sends it: four digits of a year from 1, a month, a day that
/// exists in it. The `time` crate would also take a signed year (`+2026`, `-0001`) and year 0.
fn parse_date(text: &str) -> Option<Date> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Date::parse(text, DATE).ok().filter(|date| date.year() >= 1)
}

fn parse_time(text: &str) -> Option<Time> {
    [TIME_MINUTES, TIME_SECONDS, TIME_FRACTION].iter().find_map(|format| Time::parse(text, format).ok())
}

impl FromFieldValue for Date {
    /// A date as `<input type=date>` sends it, whatever the user's locale: `2026-11-20`. Anything
    /// else is an error, like Django's "Enter a valid date" and unlike Rails (which turns `2026-02-30`
    /// into `nil`) or a JavaScript `Date` (which may roll it over to March 2):
    ///
    /// | text | result |
    /// |---|---|
    /// | `2026-11-20`, ` 2026-11-20 ` | the date (white space around ignored) |
    /// | `2024-02-29` | the date: 2024 is a leap year |
    /// | `2026-02-30`, `2025-02-29`, `2026-13-01`, `2026-00-10` | `invalid_date`: no such day |
    /// | `0000-01-01`, `-0001-01-01`, `+2026-01-01` | `invalid_date`: a browser's date input has no year 0, no sign |
    /// | `20/11/2026`, `11/20/2026`, `2026-1-1`, `tomorrow` | `invalid_date`: other formats are ambiguous between locales, and no browser sends them |
    fn from_text(text: &str) -> Result<Self, FieldError> {
        parse_date(text.trim()).ok_or_else(|| FieldError::new("invalid_date"))
    }

    fn shape() -> Shape {
        Shape::input(InputType::Date)
    }

    fn to_text(&self) -> Option<String> {
        self.format(DATE).ok()
    }
}

impl FromFieldValue for Time {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        parse_time(text.trim()).ok_or_else(|| FieldError::new("invalid_time"))
    }

    fn shape() -> Shape {
        Shape::input(InputType::Time)
    }

    fn to_text(&self) -> Option<String> {
        // Fractions of a second are kept (`14:30:15.25`): dropping them would change the value of
        // a record each time its form is saved again (found by the `coerce` fuzz target).
        let format = match (self.second(), self.nanosecond()) {
            (0, 0) => TIME_MINUTES,
            (_, 0) => TIME_SECONDS,
            _ => TIME_FRACTION,
        };
        self.format(format).ok()
    }
}

impl FromFieldValue for PrimitiveDateTime {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let invalid = || FieldError::new("invalid_datetime");
        let (date, time) = text.trim().split_once(['T', ' ']).ok_or_else(invalid)?;
        let date = parse_date(date).ok_or_else(invalid)?;
        let time = parse_time(time).ok_or_else(invalid)?;
        Ok(PrimitiveDateTime::new(date, time))
    }

    fn shape() -> Shape {
        Shape::input(InputType::DateTimeLocal)
    }

    fn to_text(&self) -> Option<String> {
        Some(format!("{}T{}", self.date().to_text()?, self.time().to_text()?))
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, time};

    use super::*;

    #[test]
    fn browser_formats() {
        assert_eq!(Date::from_text("2026-11-20"), Ok(date!(2026 - 11 - 20)));
        assert_eq!(Date::from_text("2026-02-30").unwrap_err().code(), "invalid_date");
        for bad in ["20/11/2026", "0000-01-01", "-0001-01-01", "+2026-01-01", "2026-1-1", "02026-01-01"] {
            assert_eq!(Date::from_text(bad).unwrap_err().code(), "invalid_date", "{bad}");
        }
        assert_eq!(PrimitiveDateTime::from_text("+2026-11-20T14:30").unwrap_err().code(), "invalid_datetime");
        assert_eq!(Time::from_text("14:30"), Ok(time!(14:30)));
        assert_eq!(Time::from_text("14:30:15"), Ok(time!(14:30:15)));
        assert_eq!(Time::from_text("14:30:15.250"), Ok(time!(14:30:15.25)));
        assert_eq!(Time::from_text("25:00").unwrap_err().code(), "invalid_time");
        assert_eq!(PrimitiveDateTime::from_text("2026-11-20T14:30"), Ok(datetime!(2026-11-20 14:30)));
        assert_eq!(PrimitiveDateTime::from_text("2026-11-20").unwrap_err().code(), "invalid_datetime");
        assert_eq!(PrimitiveDateTime::shape().input_type, InputType::DateTimeLocal);
    }

    /// Found by the `coerce` fuzz target: `00:00:00.5` was written back as `00:00:00`, so saving
    /// a form again changed the value.
    #[test]
    fn fractions_of_a_second_survive_writing_back() {
        for (text, written) in [
            ("00:00:00.5", "00:00:00.5"),
            ("14:30:15.250", "14:30:15.25"),
            ("14:30:00.000000001", "14:30:00.000000001"),
            ("14:30:15", "14:30:15"),
            ("14:30", "14:30"),
        ] {
            let time = Time::from_text(text).unwrap();
            assert_eq!(time.to_text().as_deref(), Some(written), "{text}");
            assert_eq!(Time::from_text(written), Ok(time), "{text}");
        }
        let at = PrimitiveDateTime::from_text("2026-11-20T14:30:15.5").unwrap();
        assert_eq!(at.to_text().as_deref(), Some("2026-11-20T14:30:15.5"));
        assert_eq!(PrimitiveDateTime::from_text("2026-11-20T14:30:15.5"), Ok(at));
    }
}
