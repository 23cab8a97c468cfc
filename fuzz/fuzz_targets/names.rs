//! Nested and indexed names (`address.city`, `items[0].tags[2]`, `matrix[1][0]`): the name
//! helpers of `formaction::parse` and a `#[form]` with groups and lists parsing hostile
//! submissions.
//!
//! Properties checked, beyond "no panic":
//! - `list_indices` answers exactly the canonical indices submitted under a list, ascending and
//!   without repeats, and an `invalid_index` error for each other name that opens a `[` there;
//! - a group is blank exactly when no non-blank value is under its name;
//! - parsing either succeeds or gives errors, each under a name (never a value and errors at once);
//! - what parses, written back as a browser would submit it, parses again to a value that writes
//!   the same submission (editing a record never changes it), with no errors.
#![no_main]

use arbitrary::Arbitrary;
use formaction::__private::group_is_blank;
use formaction::parse::{child_name, indexed_name, list_indices};
use formaction::{Form, FormData, ParseCx, form};
use libfuzzer_sys::fuzz_target;

#[form]
#[derive(Debug, PartialEq)]
enum Status {
    Pending,
    Paid,
}

#[form]
#[derive(Debug, PartialEq)]
struct Address {
    city: Option<String>,
    zip: Option<u16>,
}

#[form]
#[derive(Debug, PartialEq)]
struct Line {
    description: String,
    quantity: Option<u32>,
    tags: Vec<String>,
}

#[form]
#[derive(Debug, PartialEq)]
struct Order {
    customer: Option<String>,
    status: Option<Status>,
    urgent: bool,
    address: Option<Address>,
    items: Vec<Line>,
    notes: Vec<String>,
    matrix: Vec<Vec<i8>>,
}

/// One name, built from segments that favour the shapes the parser cares about.
#[derive(Debug, Arbitrary)]
enum Name {
    Raw(String),
    Path(Root, Vec<Segment>),
}

#[derive(Debug, Arbitrary)]
enum Root {
    Customer,
    Status,
    Urgent,
    Address,
    Items,
    Notes,
    Matrix,
    Other(String),
}

#[derive(Debug, Arbitrary)]
enum Segment {
    Field(FieldName),
    Index(Index),
    /// Raw text appended as it is (`]`, `[`, `.`, nothing...).
    Raw(String),
}

#[derive(Debug, Arbitrary)]
enum FieldName {
    Description,
    Quantity,
    Tags,
    City,
    Zip,
    Other(String),
}

#[derive(Debug, Arbitrary)]
enum Index {
    Small(u8),
    Large(usize),
    LeadingZero(u8),
    Negative(u8),
    Overflow,
    Empty,
    Text(String),
}

#[derive(Debug, Arbitrary)]
enum Value {
    Empty,
    Space,
    Number(i32),
    Word,
    Status,
    On,
    Text(String),
}

#[derive(Debug, Arbitrary)]
struct Input {
    entries: Vec<(Name, Value)>,
    list: Option<String>,
}

fn render(name: &Name) -> String {
    match name {
        Name::Raw(raw) => raw.clone(),
        Name::Path(root, segments) => {
            let mut out = match root {
                Root::Customer => "customer".to_owned(),
                Root::Status => "status".to_owned(),
                Root::Urgent => "urgent".to_owned(),
                Root::Address => "address".to_owned(),
                Root::Items => "items".to_owned(),
                Root::Notes => "notes".to_owned(),
                Root::Matrix => "matrix".to_owned(),
                Root::Other(other) => other.clone(),
            };
            for segment in segments {
                match segment {
                    Segment::Field(field) => {
                        let field = match field {
                            FieldName::Description => "description",
                            FieldName::Quantity => "quantity",
                            FieldName::Tags => "tags",
                            FieldName::City => "city",
                            FieldName::Zip => "zip",
                            FieldName::Other(other) => other,
                        };
                        out = child_name(&out, field).into_owned();
                    }
                    Segment::Index(index) => match index {
                        Index::Small(n) => out = indexed_name(&out, usize::from(*n % 8)),
                        Index::Large(n) => out = indexed_name(&out, *n),
                        Index::LeadingZero(n) => out.push_str(&format!("[0{n}]")),
                        Index::Negative(n) => out.push_str(&format!("[-{n}]")),
                        Index::Overflow => out.push_str("[18446744073709551616]"),
                        Index::Empty => out.push_str("[]"),
                        Index::Text(text) => out.push_str(&format!("[{text}]")),
                    },
                    Segment::Raw(raw) => out.push_str(raw),
                }
            }
            out
        }
    }
}

fn value(value: &Value) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Space => " ".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Word => "Consulting".to_owned(),
        Value::Status => "paid".to_owned(),
        Value::On => "on".to_owned(),
        Value::Text(text) => text.clone(),
    }
}

fuzz_target!(|input: Input| {
    let data = FormData::from_pairs(input.entries.iter().map(|(name, v)| (render(name), value(v))));

    // The indices of a list, for the lists of the form and the fuzzer's own.
    let lists = ["items", "notes", "matrix", "matrix[0]", "items[0].tags", ""];
    for list in lists.iter().copied().chain(input.list.as_deref()) {
        check_indices(&data, list);
        let blank = !data.iter().any(|(name, value)| {
            let inside =
                list.is_empty() || name.strip_prefix(list).is_some_and(|rest| rest.starts_with(['.', '[']));
            inside && !value.is_blank()
        });
        assert_eq!(group_is_blank(&data, list), blank, "group {list:?}");
    }

    // The whole form.
    match Order::parse(&data) {
        Ok(order) => {
            let written = order.to_form_data();
            let again = Order::parse(&written).unwrap_or_else(|errors| {
                panic!("{order:?} written as {written:?} does not parse: {errors:?}")
            });
            // A part that writes nothing (an empty inner list, from `matrix[0][0]=` alone; an
            // address group holding only unknown names) is gone when the form comes back, and
            // with an empty row the rows after it move up: known and reported, since a submission
            // cannot say "an empty list". Then the value after one round trip must be stable.
            let empty_address = Some(Address { city: None, zip: None });
            if order.matrix.iter().any(Vec::is_empty) || order.address == empty_address {
                let rewritten = again.to_form_data();
                assert_eq!(Order::parse(&rewritten).as_ref().ok(), Some(&again), "written as {rewritten:?}");
            } else {
                assert_eq!(again, order, "written as {written:?}");
                assert_eq!(again.to_form_data(), written);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for (name, list) in errors.fields() {
                assert!(!list.is_empty(), "an empty list of errors under {name:?}");
                for error in list {
                    assert!(!error.code().is_empty());
                    assert!(!error.message().is_empty());
                }
            }
            let json = serde_json::to_value(errors.flatten()).expect("errors serialise");
            assert!(json["fieldErrors"].is_object() && json["formErrors"].is_array());
        }
    }
});

/// `list_indices` against its documentation.
fn check_indices(data: &FormData, list: &str) {
    let mut cx = ParseCx::new(data);
    let indices = list_indices(&mut cx, list);
    assert!(indices.windows(2).all(|pair| pair[0] < pair[1]), "{indices:?} not ascending");
    let mut expected = Vec::new();
    let mut invalid = Vec::new();
    for (name, _) in data.iter() {
        let Some(rest) = name.strip_prefix(list).and_then(|rest| rest.strip_prefix('[')) else { continue };
        let index = rest.split_once(']').and_then(|(digits, after)| {
            let canonical = digits == "0" || (!digits.is_empty() && !digits.starts_with('0'));
            let follows = after.is_empty() || after.starts_with(['.', '[']);
            if canonical && follows && digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse::<usize>().ok()
            } else {
                None
            }
        });
        match index {
            Some(index) => {
                assert_eq!(
                    indexed_name(list, index),
                    format!("{list}[{}]", &rest[..rest.find(']').unwrap_or(0)])
                );
                expected.push(index);
            }
            None if !invalid.contains(&name) => invalid.push(name),
            None => {}
        }
    }
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(indices, expected, "indices of {list:?}");
    let errors = cx.into_errors();
    let names: Vec<&str> = errors.fields().map(|(name, _)| name).collect();
    let mut want = invalid.clone();
    want.sort_unstable();
    let mut got = names.clone();
    got.sort_unstable();
    assert_eq!(got, want, "invalid indices of {list:?}");
    assert!(errors.fields().all(|(_, errors)| errors.iter().all(|e| e.code() == "invalid_index")));
}
