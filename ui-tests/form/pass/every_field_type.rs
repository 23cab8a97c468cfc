// Every supported field type, each read from what a browser sends.
use formaction::schema::{InputType, Shape};
use formaction::{FieldError, Form, FormData, FromFieldValue, UploadedFile, form};
use rust_decimal::Decimal;
use time::{Date, PrimitiveDateTime, Time};

#[form]
#[derive(Debug, PartialEq)]
enum Status {
    Draft,
    Sent,
}

/// A user's own type, read from one control.
#[derive(Debug, PartialEq)]
struct Colour([u8; 3]);

impl FromFieldValue for Colour {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let hex = text
            .strip_prefix('#')
            .filter(|hex| hex.len() == 6)
            .ok_or_else(|| FieldError::new("invalid_colour"))?;
        let byte =
            |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| FieldError::new("invalid_colour"));
        Ok(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }

    fn shape() -> Shape {
        Shape::input(InputType::Color)
    }
}

#[form]
#[derive(Debug)]
struct Everything {
    text: String,
    letter: char,
    tiny: i8,
    small: i16,
    signed: i32,
    big: i64,
    huge: i128,
    index: isize,
    byte: u8,
    short: u16,
    count: u32,
    long: u64,
    wide: u128,
    size: usize,
    ratio: f32,
    amount: f64,
    agreed: bool,
    nickname: Option<String>,
    tags: Vec<String>,
    scores: Vec<u32>,
    status: Status,
    previous: Option<Status>,
    due: Date,
    at: Time,
    sent: PrimitiveDateTime,
    total: Decimal,
    attachment: Option<UploadedFile>,
    photos: Vec<UploadedFile>,
    colour: Colour,
}

fn main() {
    let data = FormData::from_pairs([
        ("text", "hello"),
        ("letter", "x"),
        ("tiny", "-1"),
        ("small", "2"),
        ("signed", "-3"),
        ("big", "4"),
        ("huge", "5"),
        ("index", "6"),
        ("byte", "7"),
        ("short", "8"),
        ("count", "9"),
        ("long", "10"),
        ("wide", "11"),
        ("size", "12"),
        ("ratio", "0.5"),
        ("amount", "12.25"),
        ("agreed", "on"),
        ("tags", "a"),
        ("tags", "b"),
        ("scores", "1"),
        ("status", "sent"),
        ("due", "2024-05-01"),
        ("at", "09:30"),
        ("sent", "2024-05-01T09:30"),
        ("total", "99.95"),
        ("colour", "#ff8000"),
    ]);
    let form = Everything::parse(&data).unwrap();
    assert_eq!(form.text, "hello");
    assert_eq!(form.tags, ["a", "b"]);
    assert_eq!(form.status, Status::Sent);
    assert_eq!(form.previous, None);
    assert_eq!(form.nickname, None);
    assert!(form.agreed && form.attachment.is_none() && form.photos.is_empty());
    assert_eq!(form.colour, Colour([255, 128, 0]));
    let _ = (form.letter, form.tiny, form.small, form.signed, form.big, form.huge, form.index);
    let _ = (form.byte, form.short, form.count, form.long, form.wide, form.size, form.ratio, form.amount);
    let _ = (form.scores, form.due, form.at, form.sent, form.total);
}
