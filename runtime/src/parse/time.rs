//! Dates and times from `<input type=date|time|datetime-local>`, with the `time` crate (feature
//! `time`).
//!
//! Browsers send these in fixed formats whatever the user's locale: `2026-11-20`, `14:30` (or
//! `14:30:15` when `step` asks for seconds), `2026-11-20T14:30`. Anything else, including dates
//! that do not exist (`2026-02-30`), is an error.

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

fn parse_time(text: &str) -> Option<Time> {
    [TIME_MINUTES, TIME_SECONDS, TIME_FRACTION].iter().find_map(|format| Time::parse(text, format).ok())
}

impl FromFieldValue for Date {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        Date::parse(text.trim(), DATE).map_err(|_| FieldError::new("invalid_date"))
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
        let format = if self.second() == 0 && self.nanosecond() == 0 { TIME_MINUTES } else { TIME_SECONDS };
        self.format(format).ok()
    }
}

impl FromFieldValue for PrimitiveDateTime {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let invalid = || FieldError::new("invalid_datetime");
        let (date, time) = text.trim().split_once(['T', ' ']).ok_or_else(invalid)?;
        let date = Date::parse(date, DATE).map_err(|_| invalid())?;
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
        assert_eq!(Date::from_text("20/11/2026").unwrap_err().code(), "invalid_date");
        assert_eq!(Time::from_text("14:30"), Ok(time!(14:30)));
        assert_eq!(Time::from_text("14:30:15"), Ok(time!(14:30:15)));
        assert_eq!(Time::from_text("14:30:15.250"), Ok(time!(14:30:15.25)));
        assert_eq!(Time::from_text("25:00").unwrap_err().code(), "invalid_time");
        assert_eq!(PrimitiveDateTime::from_text("2026-11-20T14:30"), Ok(datetime!(2026-11-20 14:30)));
        assert_eq!(PrimitiveDateTime::from_text("2026-11-20").unwrap_err().code(), "invalid_datetime");
        assert_eq!(PrimitiveDateTime::shape().input_type, InputType::DateTimeLocal);
    }
}
