//! Coercion: how each field type reads the text (or file) a browser sends, and how it fails.
//!
//! Every type goes through `T::parse(&FormData)`, as in a handler, so each test also checks the
//! name the error is recorded under and its code, message and parameters.

use formaction::schema::{Control, InputType, Shape};
use formaction::{Choices, FieldError, Form, FormData, FromFieldValue, UploadedFile, form};
use formaction_tests::{codes_of, issue, only_error};
use rust_decimal::Decimal;
use serde_json::json;
use time::macros::{date, datetime, time};
use time::{Date, PrimitiveDateTime, Time};

// ---------------------------------------------------------------------------------------------
// Text

#[form]
#[derive(Debug, PartialEq)]
struct Name {
    name: String,
}

#[test]
fn text_is_kept_exactly_as_typed() {
    for typed in ["Ada", "  Ada  ", "Ada\nLovelace", "Ada\t", "é ü 漢字 🎉", "<b>&amp;</b>"] {
        let parsed = Name::parse(&FormData::from_pairs([("name", typed)])).unwrap();
        assert_eq!(parsed.name, typed, "text is neither trimmed nor escaped");
    }
}

#[test]
fn a_nul_character_is_refused_as_a_control_character() {
    for typed in ["\0", "Ada\0", "Ada\0Lovelace"] {
        let errors = Name::parse(&FormData::from_pairs([("name", typed)])).unwrap_err();
        assert_eq!(
            issue(&errors, "name"),
            json!({"name": "name", "code": "control_character", "message": "Must not contain control characters"}),
            "{typed:?}"
        );
    }
}

#[test]
fn blank_text_is_required() {
    for blank in ["", " ", "   ", "\t", "\r\n", " \n\t "] {
        let errors = Name::parse(&FormData::from_pairs([("name", blank)])).unwrap_err();
        assert_eq!(codes_of(&errors), [("name", "required")], "{blank:?}");
        assert_eq!(only_error(&errors, "name").message(), "This field is required");
    }
    let errors = Name::parse(&FormData::new()).unwrap_err();
    assert_eq!(codes_of(&errors), [("name", "required")], "absent");
}

#[test]
fn the_last_value_of_a_repeated_name_wins() {
    let data = FormData::from_pairs([("name", "first"), ("name", "last")]);
    assert_eq!(Name::parse(&data).unwrap().name, "last");
    let data = FormData::from_pairs([("name", "first"), ("name", "")]);
    assert_eq!(codes_of(&Name::parse(&data).unwrap_err()), [("name", "required")]);
}

#[test]
fn unknown_names_are_ignored() {
    let data = FormData::from_pairs([("name", "Ada"), ("csrf", "x"), ("name.extra", "y"), ("other[0]", "z")]);
    assert_eq!(Name::parse(&data).unwrap(), Name { name: "Ada".into() });
}

// ---------------------------------------------------------------------------------------------
// Integers

#[form]
#[derive(Debug, PartialEq)]
struct Integers {
    n_i8: i8,
    n_i16: i16,
    n_i32: i32,
    n_i64: i64,
    n_i128: i128,
    n_isize: isize,
    n_u8: u8,
    n_u16: u16,
    n_u32: u32,
    n_u64: u64,
    n_u128: u128,
    n_usize: usize,
}

/// Each integer field with the bounds of its type, as text.
fn integer_bounds() -> Vec<(&'static str, String, String)> {
    vec![
        ("n_i8", i8::MIN.to_string(), i8::MAX.to_string()),
        ("n_i16", i16::MIN.to_string(), i16::MAX.to_string()),
        ("n_i32", i32::MIN.to_string(), i32::MAX.to_string()),
        ("n_i64", i64::MIN.to_string(), i64::MAX.to_string()),
        ("n_i128", i128::MIN.to_string(), i128::MAX.to_string()),
        ("n_isize", isize::MIN.to_string(), isize::MAX.to_string()),
        ("n_u8", u8::MIN.to_string(), u8::MAX.to_string()),
        ("n_u16", u16::MIN.to_string(), u16::MAX.to_string()),
        ("n_u32", u32::MIN.to_string(), u32::MAX.to_string()),
        ("n_u64", u64::MIN.to_string(), u64::MAX.to_string()),
        ("n_u128", u128::MIN.to_string(), u128::MAX.to_string()),
        ("n_usize", usize::MIN.to_string(), usize::MAX.to_string()),
    ]
}

/// Every integer field set to `"7"`, except `name`, set to `value`.
fn integers_with(name: &str, value: &str) -> FormData {
    integer_bounds()
        .into_iter()
        .map(|(field, _, _)| (field, if field == name { value.to_owned() } else { "7".to_owned() }))
        .collect()
}

#[test]
fn integers_hold_every_value_of_their_type() {
    let lowest: FormData = integer_bounds().into_iter().map(|(name, min, _)| (name, min)).collect();
    assert_eq!(
        Integers::parse(&lowest).unwrap(),
        Integers {
            n_i8: i8::MIN,
            n_i16: i16::MIN,
            n_i32: i32::MIN,
            n_i64: i64::MIN,
            n_i128: i128::MIN,
            n_isize: isize::MIN,
            n_u8: 0,
            n_u16: 0,
            n_u32: 0,
            n_u64: 0,
            n_u128: 0,
            n_usize: 0,
        }
    );
    let highest: FormData = integer_bounds().into_iter().map(|(name, _, max)| (name, max)).collect();
    assert_eq!(
        Integers::parse(&highest).unwrap(),
        Integers {
            n_i8: i8::MAX,
            n_i16: i16::MAX,
            n_i32: i32::MAX,
            n_i64: i64::MAX,
            n_i128: i128::MAX,
            n_isize: isize::MAX,
            n_u8: u8::MAX,
            n_u16: u16::MAX,
            n_u32: u32::MAX,
            n_u64: u64::MAX,
            n_u128: u128::MAX,
            n_usize: usize::MAX,
        }
    );
}

#[test]
fn integers_beyond_their_type_are_out_of_range_with_the_types_bounds() {
    for (name, min, max) in integer_bounds() {
        let mut too_big = vec![format!("{max}0")];
        let mut too_small = vec![format!("{min}0")];
        if min == "0" {
            too_small = vec!["-1".to_owned(), "-255".to_owned(), format!("-{max}")];
        }
        // One past the bound, for the types where that is easy to write.
        if let (Ok(min), Ok(max)) = (min.parse::<i128>(), max.parse::<i128>()) {
            if let Some(next) = max.checked_add(1) {
                too_big.push(next.to_string());
            }
            if let Some(previous) = min.checked_sub(1) {
                too_small.push(previous.to_string());
            }
        }
        for value in too_big.iter().chain(&too_small) {
            let errors = Integers::parse(&integers_with(name, value)).unwrap_err();
            assert_eq!(codes_of(&errors), [(name, "out_of_range")], "{name} = {value}");
            assert_eq!(
                issue(&errors, name),
                json!({
                    "name": name,
                    "code": "out_of_range",
                    "message": format!("Enter a number from {min} to {max}"),
                    "min": min,
                    "max": max,
                }),
                "{name} = {value}"
            );
        }
    }
}

#[test]
fn one_past_the_largest_types_is_out_of_range() {
    let cases = [
        ("n_u8", "256"),
        ("n_i8", "-129"),
        ("n_u64", "18446744073709551616"),
        ("n_i128", "170141183460469231731687303715884105728"),
        ("n_i128", "-170141183460469231731687303715884105729"),
        ("n_u128", "340282366920938463463374607431768211456"),
    ];
    for (name, value) in cases {
        let errors = Integers::parse(&integers_with(name, value)).unwrap_err();
        assert_eq!(codes_of(&errors), [(name, "out_of_range")], "{name} = {value}");
    }
    let errors = Integers::parse(&integers_with("n_u8", "300")).unwrap_err();
    assert_eq!(only_error(&errors, "n_u8").message(), "Enter a number from 0 to 255");
    let errors = Integers::parse(&integers_with("n_i8", "-300")).unwrap_err();
    assert_eq!(only_error(&errors, "n_i8").message(), "Enter a number from -128 to 127");
}

#[test]
fn surrounding_white_space_of_an_integer_is_ignored() {
    for (value, expected) in [(" 12 ", 12), ("\t12\n", 12), ("+12", 12), ("-0", 0), ("007", 7)] {
        let parsed = Integers::parse(&integers_with("n_i32", value)).unwrap();
        assert_eq!(parsed.n_i32, expected, "{value:?}");
    }
    assert_eq!(Integers::parse(&integers_with("n_u8", " 255 ")).unwrap().n_u8, 255);
}

#[test]
fn minus_zero_is_zero_for_every_integer_type() {
    for (name, _, _) in integer_bounds() {
        for zero in ["-0", "-00", "-0.0", "-0e5"] {
            let parsed = Integers::parse(&integers_with(name, zero));
            assert!(parsed.is_ok(), "{name} = {zero:?}: {parsed:?}");
        }
    }
    assert_eq!(Integers::parse(&integers_with("n_u8", "-0")).unwrap().n_u8, 0);
}

/// What a browser's `<input type=number step=1>` accepts and sends as typed: a whole value in
/// decimal or exponent notation. Django takes `2.0`, Conform (`z.coerce.number().int()`) takes both.
#[test]
fn whole_numbers_in_decimal_or_exponent_notation_are_integers() {
    for (value, expected) in [
        ("2.0", 2),
        ("2.000", 2),
        ("1e3", 1000),
        ("1E3", 1000),
        ("1.5e1", 15),
        ("-2.5e2", -250),
        ("12e+0", 12),
        ("1200e-2", 12),
        (" 3.0 ", 3),
    ] {
        let parsed = Integers::parse(&integers_with("n_i32", value)).unwrap();
        assert_eq!(parsed.n_i32, expected, "{value:?}");
    }
    let parsed =
        Integers::parse(&integers_with("n_u128", "3.40282366920938463463374607431768211455e38")).unwrap();
    assert_eq!(parsed.n_u128, u128::MAX, "expanded exactly, never through a float");
}

#[test]
fn fractions_are_not_whole_numbers() {
    for bad in ["1.5", "0.1", "1e-1", "1200e-3", "-0.5"] {
        let errors = Integers::parse(&integers_with("n_i32", bad)).unwrap_err();
        assert_eq!(codes_of(&errors), [("n_i32", "invalid_integer")], "{bad:?}");
        assert_eq!(only_error(&errors, "n_i32").message(), "Enter a whole number");
    }
}

#[test]
fn whole_numbers_too_large_for_the_type_are_out_of_range_however_written() {
    for (name, value) in [
        ("n_u8", "2.56e2"),
        ("n_i64", "1e999"),
        ("n_i64", "-1e999"),
        ("n_u32", "-1.0"),
        ("n_u128", "1e99999999999999999999"),
    ] {
        let errors = Integers::parse(&integers_with(name, value)).unwrap_err();
        assert_eq!(codes_of(&errors), [(name, "out_of_range")], "{name} = {value:?}");
    }
}

#[test]
fn integers_in_other_notations_are_invalid_integers() {
    for bad in [
        "0x10", "1,000", "1_000", "twelve", "--1", "+-1", "1 2", "½", "١٢", "٣", "1e", "e3", ".", "NaN",
        "inf",
    ] {
        for name in ["n_i32", "n_u32", "n_u128"] {
            let errors = Integers::parse(&integers_with(name, bad)).unwrap_err();
            assert_eq!(codes_of(&errors), [(name, "invalid_integer")], "{name} = {bad:?}");
            assert_eq!(
                issue(&errors, name),
                json!({"name": name, "code": "invalid_integer", "message": "Enter a whole number"})
            );
        }
    }
}

#[test]
fn a_negative_number_for_an_unsigned_type_is_out_of_range_not_invalid() {
    for name in ["n_u8", "n_u16", "n_u32", "n_u64", "n_u128", "n_usize"] {
        let errors = Integers::parse(&integers_with(name, "-1")).unwrap_err();
        assert_eq!(codes_of(&errors), [(name, "out_of_range")], "{name}");
        assert_eq!(only_error(&errors, name).param("min"), Some(&json!("0")));
    }
    // A minus sign in front of something that is not a number is still not a number.
    let errors = Integers::parse(&integers_with("n_u8", "-x")).unwrap_err();
    assert_eq!(codes_of(&errors), [("n_u8", "invalid_integer")]);
    let errors = Integers::parse(&integers_with("n_u8", "-")).unwrap_err();
    assert_eq!(codes_of(&errors), [("n_u8", "invalid_integer")]);
}

#[test]
fn every_bad_integer_is_reported_at_once() {
    let data = FormData::from_pairs([("n_i8", "200"), ("n_u8", "-1"), ("n_i32", "x"), ("n_u64", "")]);
    let errors = Integers::parse(&data).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [
            ("n_i8", "out_of_range"),
            ("n_i16", "required"),
            ("n_i32", "invalid_integer"),
            ("n_i64", "required"),
            ("n_i128", "required"),
            ("n_isize", "required"),
            ("n_u8", "out_of_range"),
            ("n_u16", "required"),
            ("n_u32", "required"),
            ("n_u64", "required"),
            ("n_u128", "required"),
            ("n_usize", "required"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Floating-point numbers

#[form]
#[derive(Debug, PartialEq)]
struct Floats {
    double: f64,
    single: f32,
}

fn floats(double: &str, single: &str) -> Result<Floats, formaction::FormErrors> {
    Floats::parse(&FormData::from_pairs([("double", double), ("single", single)]))
}

#[test]
fn floats_accept_decimals_signs_and_exponents() {
    let cases: [(&str, f64); 9] = [
        ("0.01", 0.01),
        (" 2.5 ", 2.5),
        ("\u{a0}12\u{3000}", 12.0),
        ("-3", -3.0),
        ("+4.25", 4.25),
        ("1e3", 1000.0),
        ("1E-2", 0.01),
        (".5", 0.5),
        ("1.7976931348623157e308", f64::MAX),
    ];
    for (text, expected) in cases {
        assert_eq!(floats(text, "1").unwrap().double, expected, "{text:?}");
    }
    assert_eq!(floats("1", "2.5e1").unwrap().single, 25.0_f32);
    assert_eq!(floats("1", "3.4e38").unwrap().single, 3.4e38_f32);
}

#[test]
fn minus_zero_is_a_plain_zero() {
    let parsed = floats("-0", "-0.0").unwrap();
    assert!(parsed.double == 0.0 && parsed.double.is_sign_positive(), "{}", parsed.double);
    assert!(parsed.single == 0.0 && parsed.single.is_sign_positive(), "{}", parsed.single);
    assert_eq!(floats("1e-400", "1").unwrap().double, 0.0, "below the smallest float: zero");
}

#[test]
fn floats_refuse_what_no_number_input_sends() {
    for bad in ["0x10", "1_000", "1,000", "٣", "1.2.3", "1e", "+-1"] {
        let errors = floats(bad, "1").unwrap_err();
        assert_eq!(codes_of(&errors), [("double", "invalid_number")], "{bad:?}");
    }
}

#[test]
fn floats_refuse_what_is_not_a_finite_number() {
    for bad in
        ["NaN", "nan", "inf", "-inf", "infinity", "+Infinity", "1e999", "-1e999", "1,5", "abc", "0x1p3"]
    {
        let errors = floats(bad, "1").unwrap_err();
        assert_eq!(codes_of(&errors), [("double", "invalid_number")], "{bad:?}");
        assert_eq!(
            issue(&errors, "double"),
            json!({"name": "double", "code": "invalid_number", "message": "Enter a number"})
        );
    }
    // Finite as an f64, infinite as an f32.
    let errors = floats("1", "1e39").unwrap_err();
    assert_eq!(codes_of(&errors), [("single", "invalid_number")]);
    assert_eq!(codes_of(&floats(" ", "").unwrap_err()), [("double", "required"), ("single", "required")]);
}

// ---------------------------------------------------------------------------------------------
// Checkboxes

#[form]
#[derive(Debug, PartialEq)]
struct Checkbox {
    urgent: bool,
}

fn urgent(pairs: &[(&str, &str)]) -> Result<bool, formaction::FormErrors> {
    Checkbox::parse(&pairs.iter().copied().collect()).map(|checkbox| checkbox.urgent)
}

#[test]
fn an_unchecked_checkbox_sends_nothing_and_is_false() {
    assert_eq!(urgent(&[]), Ok(false));
    assert_eq!(urgent(&[("urgent", "")]), Ok(false));
    assert_eq!(urgent(&[("urgent", "  ")]), Ok(false));
}

#[test]
fn checked_values_are_true_and_unchecked_values_false() {
    for yes in ["on", "true", "1", "yes", "ON", "True", " on "] {
        assert_eq!(urgent(&[("urgent", yes)]), Ok(true), "{yes:?}");
    }
    for no in ["off", "false", "0", "no", "OFF", "False"] {
        assert_eq!(urgent(&[("urgent", no)]), Ok(false), "{no:?}");
    }
}

#[test]
fn a_hidden_input_before_the_checkbox_is_overridden_by_it() {
    // <input type=hidden name=urgent value=off><input type=checkbox name=urgent>
    assert_eq!(urgent(&[("urgent", "off"), ("urgent", "on")]), Ok(true), "checked: the last value wins");
    assert_eq!(urgent(&[("urgent", "off")]), Ok(false), "unchecked: only the hidden value");
    assert_eq!(urgent(&[("urgent", "false"), ("urgent", "true")]), Ok(true));
    assert_eq!(urgent(&[("urgent", "on"), ("urgent", "off")]), Ok(false));
}

#[test]
fn other_checkbox_values_are_invalid_booleans() {
    for bad in ["maybe", "2", "checked", "y"] {
        let errors = urgent(&[("urgent", bad)]).unwrap_err();
        assert_eq!(
            issue(&errors, "urgent"),
            json!({"name": "urgent", "code": "invalid_boolean", "message": "Choose yes or no"}),
            "{bad:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Characters

#[form]
#[derive(Debug, PartialEq)]
struct Initial {
    initial: char,
}

#[test]
fn a_char_is_exactly_one_character() {
    for (text, expected) in [("A", 'A'), ("é", 'é'), ("漢", '漢'), ("🎉", '🎉')] {
        let parsed = Initial::parse(&FormData::from_pairs([("initial", text)])).unwrap();
        assert_eq!(parsed.initial, expected);
    }
    for bad in ["ab", "e\u{301}", "🇳🇴"] {
        let errors = Initial::parse(&FormData::from_pairs([("initial", bad)])).unwrap_err();
        assert_eq!(
            issue(&errors, "initial"),
            json!({"name": "initial", "code": "invalid_char", "message": "Enter a single character"}),
            "{bad:?}"
        );
    }
    let errors = Initial::parse(&FormData::from_pairs([("initial", "")])).unwrap_err();
    assert_eq!(codes_of(&errors), [("initial", "required")]);
}

// ---------------------------------------------------------------------------------------------
// Choices: unit enums

#[form]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Pending,
    Paid,
    InProgress,
    #[field(rename = "void", label = "Cancelled by us")]
    Cancelled,
    #[field(label = "Sent to collection")]
    InCollection,
}

#[form]
#[derive(Debug, PartialEq)]
struct Ticket {
    status: Status,
    previous: Option<Status>,
    history: Vec<Status>,
}

#[test]
fn choice_values_are_snake_case_unless_renamed() {
    let values: Vec<&str> = Status::CHOICES.iter().map(|choice| choice.value).collect();
    assert_eq!(values, ["pending", "paid", "in_progress", "void", "in_collection"]);
    let labels: Vec<&str> = Status::CHOICES.iter().map(|choice| choice.label).collect();
    assert_eq!(labels, ["Pending", "Paid", "In progress", "Cancelled by us", "Sent to collection"]);
    assert_eq!(Status::InProgress.value(), "in_progress");
    assert_eq!(Status::InProgress.label(), "In progress");
    assert_eq!(Status::Cancelled.value(), "void");
    assert_eq!(Status::Cancelled.label(), "Cancelled by us");
    assert_eq!(Status::InCollection.value(), "in_collection");
    assert_eq!(Status::Paid.choice(), &Status::CHOICES[1]);
}

#[test]
fn each_choice_reads_back_from_its_value() {
    let all = [Status::Pending, Status::Paid, Status::InProgress, Status::Cancelled, Status::InCollection];
    for status in all {
        let data = FormData::from_pairs([("status", status.value())]);
        assert_eq!(Ticket::parse(&data).unwrap().status, status);
        // `from_text` is public too: a choice is a `FromFieldValue`.
        assert_eq!(Status::from_text(status.value()), Ok(status));
    }
    let data = FormData::from_pairs([("status", " paid ")]);
    assert_eq!(Ticket::parse(&data).unwrap().status, Status::Paid, "surrounding white space is ignored");
}

#[test]
fn anything_else_is_an_invalid_choice() {
    for bad in
        ["Paid", "PAID", "InProgress", "in-progress", "cancelled", "Cancelled by us", "0", "pending,paid"]
    {
        let errors = Ticket::parse(&FormData::from_pairs([("status", bad)])).unwrap_err();
        assert_eq!(codes_of(&errors), [("status", "invalid_choice")], "{bad:?}");
        assert_eq!(only_error(&errors, "status").message(), "Choose one of the options");
    }
    let errors = Ticket::parse(&FormData::new()).unwrap_err();
    assert_eq!(codes_of(&errors), [("status", "required")]);
}

#[test]
fn optional_and_listed_choices() {
    let data = FormData::from_pairs([
        ("status", "paid"),
        ("previous", ""),
        ("history", "pending"),
        ("history", "in_progress"),
        ("history", "void"),
    ]);
    assert_eq!(
        Ticket::parse(&data).unwrap(),
        Ticket {
            status: Status::Paid,
            previous: None,
            history: vec![Status::Pending, Status::InProgress, Status::Cancelled]
        }
    );
    let data = FormData::from_pairs([("status", "paid"), ("previous", "nope"), ("history", "x")]);
    let errors = Ticket::parse(&data).unwrap_err();
    assert_eq!(codes_of(&errors), [("previous", "invalid_choice"), ("history", "invalid_choice")]);
}

// ---------------------------------------------------------------------------------------------
// Option<T>

#[form]
#[derive(Debug, PartialEq)]
struct Optionals {
    count: Option<u32>,
    note: Option<String>,
    due: Option<Date>,
    ratio: Option<f64>,
    flag: Option<bool>,
}

#[test]
fn absent_and_blank_optional_values_are_none() {
    let none = Optionals { count: None, note: None, due: None, ratio: None, flag: None };
    assert_eq!(Optionals::parse(&FormData::new()).unwrap(), none);
    let blank =
        FormData::from_pairs([("count", ""), ("note", "   "), ("due", ""), ("ratio", "\t"), ("flag", "")]);
    assert_eq!(Optionals::parse(&blank).unwrap(), none);
}

#[test]
fn present_optional_values_are_parsed() {
    let data = FormData::from_pairs([
        ("count", " 3 "),
        ("note", " as typed "),
        ("due", "2026-11-20"),
        ("ratio", "0.5"),
        ("flag", "off"),
    ]);
    assert_eq!(
        Optionals::parse(&data).unwrap(),
        Optionals {
            count: Some(3),
            note: Some(" as typed ".into()),
            due: Some(date!(2026 - 11 - 20)),
            ratio: Some(0.5),
            flag: Some(false),
        }
    );
}

#[test]
fn a_bad_value_in_an_option_is_still_an_error() {
    let data = FormData::from_pairs([
        ("count", "three"),
        ("note", "fine"),
        ("due", "2026-02-30"),
        ("ratio", "NaN"),
        ("flag", "perhaps"),
    ]);
    let errors = Optionals::parse(&data).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [
            ("count", "invalid_integer"),
            ("due", "invalid_date"),
            ("ratio", "invalid_number"),
            ("flag", "invalid_boolean"),
        ]
    );
    let errors = Optionals::parse(&FormData::from_pairs([("count", "-1")])).unwrap_err();
    assert_eq!(codes_of(&errors), [("count", "out_of_range")]);
}

// ---------------------------------------------------------------------------------------------
// Vec<T>

#[form]
#[derive(Debug, PartialEq)]
struct Lists {
    tags: Vec<String>,
    sizes: Vec<u32>,
}

fn lists(pairs: &[(&str, &str)]) -> Result<Lists, formaction::FormErrors> {
    Lists::parse(&pairs.iter().copied().collect())
}

#[test]
fn repeated_names_make_a_list_in_submission_order() {
    let parsed =
        lists(&[("tags", "b"), ("sizes", "3"), ("tags", "a"), ("sizes", "1"), ("tags", "c")]).unwrap();
    assert_eq!(parsed, Lists { tags: vec!["b".into(), "a".into(), "c".into()], sizes: vec![3, 1] });
}

#[test]
fn a_single_value_is_a_list_of_one_and_nothing_is_an_empty_list() {
    assert_eq!(lists(&[("tags", "only")]).unwrap().tags, ["only"]);
    assert_eq!(lists(&[]).unwrap(), Lists { tags: vec![], sizes: vec![] });
}

#[test]
fn indexed_names_make_a_list_in_index_order() {
    let parsed =
        lists(&[("tags[1]", "second"), ("tags[0]", "first"), ("sizes[10]", "10"), ("sizes[2]", "2")])
            .unwrap();
    assert_eq!(parsed.tags, ["first", "second"]);
    assert_eq!(parsed.sizes, [2, 10]);
}

#[test]
fn blank_list_values_are_skipped() {
    let parsed =
        lists(&[("tags", "a"), ("tags", ""), ("tags", "  "), ("tags", "b"), ("sizes", ""), ("sizes[0]", "")])
            .unwrap();
    assert_eq!(parsed, Lists { tags: vec!["a".into(), "b".into()], sizes: vec![] });
    // Items are kept as typed, like any text.
    assert_eq!(lists(&[("tags", " spaced ")]).unwrap().tags, [" spaced "]);
}

#[test]
fn bad_list_items_are_reported_under_the_name_they_were_sent_with() {
    let errors = lists(&[("sizes", "1"), ("sizes", "x"), ("sizes", "-2")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("sizes", "invalid_integer"), ("sizes", "out_of_range")]);
    let errors = lists(&[("sizes[0]", "1"), ("sizes[4]", "x")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("sizes[4]", "invalid_integer")]);
}

// ---------------------------------------------------------------------------------------------
// Dates and times

#[form]
#[derive(Debug, PartialEq)]
struct Appointment {
    day: Date,
    at: Time,
    starts: PrimitiveDateTime,
}

fn appointment(day: &str, at: &str, starts: &str) -> Result<Appointment, formaction::FormErrors> {
    Appointment::parse(&FormData::from_pairs([("day", day), ("at", at), ("starts", starts)]))
}

#[test]
fn dates_and_times_in_the_browsers_formats() {
    assert_eq!(
        appointment("2026-11-20", "14:30", "2026-11-20T14:30").unwrap(),
        Appointment { day: date!(2026 - 11 - 20), at: time!(14:30), starts: datetime!(2026-11-20 14:30) }
    );
    let parsed = appointment(" 2024-02-29 ", "14:30:15", "2026-11-20T14:30:15").unwrap();
    assert_eq!(parsed.day, date!(2024 - 02 - 29), "a leap day");
    assert_eq!(parsed.at, time!(14:30:15));
    assert_eq!(parsed.starts, datetime!(2026-11-20 14:30:15));
}

#[test]
fn dates_and_times_that_do_not_exist_or_are_in_other_formats_are_refused() {
    for bad in [
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "20/11/2026",
        "2026-11-20T14:30",
        "tomorrow",
        "11/20/2026",
        "2026-1-1",
        "0000-01-01",
        "-0001-01-01",
        "+2026-11-20",
        "02026-11-20",
    ] {
        let errors = appointment(bad, "14:30", "2026-11-20T14:30").unwrap_err();
        assert_eq!(
            issue(&errors, "day"),
            json!({"name": "day", "code": "invalid_date", "message": "Enter a real date"}),
            "{bad:?}"
        );
    }
    for bad in ["25:00", "14:60", "2pm", "14"] {
        let errors = appointment("2026-11-20", bad, "2026-11-20T14:30").unwrap_err();
        assert_eq!(
            issue(&errors, "at"),
            json!({"name": "at", "code": "invalid_time", "message": "Enter a real time"}),
            "{bad:?}"
        );
    }
    for bad in ["2026-11-20", "2026-02-30T10:00", "2026-11-20T25:00", "14:30"] {
        let errors = appointment("2026-11-20", "14:30", bad).unwrap_err();
        assert_eq!(
            issue(&errors, "starts"),
            json!({"name": "starts", "code": "invalid_datetime", "message": "Enter a real date and time"}),
            "{bad:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Decimals

#[form]
#[derive(Debug, PartialEq)]
struct Price {
    price: Decimal,
}

#[test]
fn decimals_are_exact() {
    for (text, expected) in
        [("12.50", "12.50"), (" 0.1 ", "0.1"), ("-0.001", "-0.001"), ("1.25e3", "1250"), ("7", "7")]
    {
        let parsed = Price::parse(&FormData::from_pairs([("price", text)])).unwrap();
        assert_eq!(parsed.price.to_string(), expected, "{text:?}");
    }
    let parsed = Price::parse(&FormData::from_pairs([("price", "0.1")])).unwrap();
    assert_eq!(parsed.price + Decimal::new(2, 1), Decimal::new(3, 1), "0.1 + 0.2 is 0.3");
}

#[test]
fn decimal_signs_and_minus_zero() {
    for (text, expected) in [("+5", "5"), ("-0", "0"), (".5", "0.5"), ("-1.5e1", "-15")] {
        let parsed = Price::parse(&FormData::from_pairs([("price", text)])).unwrap();
        assert_eq!(parsed.price.to_string(), expected, "{text:?}");
    }
}

#[test]
fn what_is_not_a_decimal_is_an_invalid_decimal() {
    for bad in ["abc", "1,5", "NaN", "1e999", "0x10", "1.2.3", "1_000", "٣", "1e-40"] {
        let errors = Price::parse(&FormData::from_pairs([("price", bad)])).unwrap_err();
        assert_eq!(
            issue(&errors, "price"),
            json!({"name": "price", "code": "invalid_decimal", "message": "Enter a number"}),
            "{bad:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Files

#[form]
#[derive(Debug, PartialEq)]
struct Upload {
    attachment: UploadedFile,
    photo: Option<UploadedFile>,
    extras: Vec<UploadedFile>,
    caption: Option<String>,
}

fn file(name: &str, content_type: &str, bytes: &'static [u8]) -> UploadedFile {
    UploadedFile {
        file_name: name.to_owned(),
        content_type: Some(content_type.to_owned()),
        bytes: bytes::Bytes::from_static(bytes),
    }
}

#[test]
fn files_are_read_from_file_parts() {
    let mut data = FormData::new();
    data.push_file("attachment", file("invoice.pdf", "application/pdf", b"%PDF-1.7"));
    data.push_file("photo", file("me.png", "image/png", b"\x89PNG"));
    data.push_file("extras", file("a.txt", "text/plain", b"a"));
    data.push_file("extras", UploadedFile::default());
    data.push_file("extras", file("b.txt", "text/plain", b"b"));
    let parsed = Upload::parse(&data).unwrap();
    assert_eq!(parsed.attachment.file_name, "invoice.pdf");
    assert_eq!(parsed.attachment.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(&parsed.attachment.bytes[..], b"%PDF-1.7");
    assert_eq!(parsed.photo.map(|photo| photo.file_name), Some("me.png".to_owned()));
    let extras: Vec<&str> = parsed.extras.iter().map(|file| file.file_name.as_str()).collect();
    assert_eq!(extras, ["a.txt", "b.txt"], "the empty part of an unused input is skipped");
    assert_eq!(parsed.caption, None);
}

#[test]
fn an_empty_file_input_is_nothing() {
    let mut data = FormData::new();
    data.push_file("attachment", UploadedFile::default());
    data.push_file("photo", UploadedFile::default());
    let errors = Upload::parse(&data).unwrap_err();
    assert_eq!(codes_of(&errors), [("attachment", "required")], "a missing required file; no photo is fine");

    let mut data = FormData::new();
    data.push_file("attachment", file("a.txt", "text/plain", b"a"));
    data.push_file("photo", UploadedFile::default());
    assert_eq!(Upload::parse(&data).unwrap().photo, None);
}

#[test]
fn a_chosen_empty_file_is_still_a_file() {
    let mut data = FormData::new();
    data.push_file("attachment", UploadedFile { file_name: "empty.txt".into(), ..UploadedFile::default() });
    let parsed = Upload::parse(&data).unwrap();
    assert_eq!(parsed.attachment.file_name, "empty.txt");
    assert!(parsed.attachment.is_empty());
}

#[test]
fn text_where_a_file_is_expected_and_a_file_where_text_is_expected() {
    let mut data = FormData::from_pairs([("attachment", "C:\\fakepath\\invoice.pdf"), ("photo", "me.png")]);
    data.push_file("caption", file("caption.txt", "text/plain", b"hi"));
    let errors = Upload::parse(&data).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("attachment", "expected_file"), ("photo", "expected_file"), ("caption", "expected_text")]
    );
    assert_eq!(only_error(&errors, "attachment").message(), "Choose a file");
    assert_eq!(only_error(&errors, "caption").message(), "Enter text, not a file");
}

// ---------------------------------------------------------------------------------------------
// A type of the user's own

/// A colour from `<input type=color>`.
#[derive(Debug, PartialEq)]
struct Colour([u8; 3]);

impl FromFieldValue for Colour {
    fn from_text(text: &str) -> Result<Self, FieldError> {
        let invalid = || {
            FieldError::new("invalid_colour").with_message("Choose a colour").with_param("format", "#rrggbb")
        };
        let hex =
            text.strip_prefix('#').filter(|hex| hex.len() == 6 && hex.is_ascii()).ok_or_else(invalid)?;
        let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).map_err(|_| invalid());
        Ok(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }

    fn shape() -> Shape {
        Shape::input(InputType::Color)
    }
}

#[form]
#[derive(Debug, PartialEq)]
struct Theme {
    accent: Colour,
    background: Option<Colour>,
    palette: Vec<Colour>,
}

#[test]
fn a_users_own_type_is_read_with_its_own_implementation() {
    let data = FormData::from_pairs([
        ("accent", "#ff8000"),
        ("background", ""),
        ("palette", "#000000"),
        ("palette", "#ffffff"),
    ]);
    assert_eq!(
        Theme::parse(&data).unwrap(),
        Theme {
            accent: Colour([255, 128, 0]),
            background: None,
            palette: vec![Colour([0; 3]), Colour([255; 3])]
        }
    );
}

#[test]
fn a_users_own_type_reports_its_own_errors_and_gets_required_for_free() {
    let data = FormData::from_pairs([("background", "red"), ("palette[0]", "#12345g")]);
    let errors = Theme::parse(&data).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("accent", "required"), ("background", "invalid_colour"), ("palette[0]", "invalid_colour")]
    );
    assert_eq!(
        issue(&errors, "background"),
        json!({"name": "background", "code": "invalid_colour", "message": "Choose a colour", "format": "#rrggbb"})
    );
    let field = Theme::schema().field("accent").unwrap();
    assert_eq!((field.control, field.input_type), (Control::Input, InputType::Color));
    assert_eq!(field.constraints.to_html(), " required");
    assert_eq!(Theme::schema().field("background").unwrap().constraints.to_html(), "");
}
