//! How the work of parsing and rendering grows with the number of list rows.

use crate::render::FormView;
use crate::{BoundAction, FormData, FormErrors, form};

#[form]
struct Part {
    #[validate(length(min = 1))]
    name: String,
}

#[form]
struct Address {
    #[validate(length(min = 1))]
    city: String,
}

#[form]
struct Row {
    #[validate(length(min = 1, max = 80))]
    description: String,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
    parts: Vec<Part>,
    address: Option<Address>,
}

#[form]
struct Order {
    #[validate(length(min = 1))]
    rows: Vec<Row>,
}

/// `rows` rows, each with three invalid values (an empty description, a quantity of 0, a part
/// without a name) and a blank address; and two rows with an index that is not one.
fn invalid_rows(rows: usize) -> FormData {
    let mut data = FormData::new();
    for row in 0..rows {
        data.push_text(format!("rows[{row}].description"), "");
        data.push_text(format!("rows[{row}].quantity"), "0");
        data.push_text(format!("rows[{row}].parts[0].name"), "");
        data.push_text(format!("rows[{row}].address.city"), " ");
    }
    data.push_text("rows[x].description", "");
    data.push_text("rows[007].description", "");
    data
}

#[test]
fn invalid_rows_cost_work_in_proportion_to_their_number() {
    // Before: each error was added by comparing its name with every invalid field's so far, each
    // control of the page found its errors the same way, each row's nested list and optional
    // group scanned the whole submission, and each message beside a control was looked for among
    // all those the summary wrote: 1.25 * 10^9 names looked at to parse 10,000 rows, 4.5 * 10^8
    // to render them. Now each is one lookup, or a binary search and its own rows.
    let rows = 10_000;
    let data = invalid_rows(rows);
    crate::work::take();
    let errors = crate::parse::parse::<Order>(&data).map(|_| ()).unwrap_err();
    let parsing = crate::work::take();
    assert_eq!(errors.len(), 3 * rows + 2);
    assert_eq!(errors.field("rows[9999].parts[0].name")[0].code(), "required");
    assert_eq!(errors.field("rows[x].description")[0].code(), "invalid_index");
    let html = FormView::<Order>::new(&data, &errors, BoundAction::unbound("save")).to_string();
    let rendering = crate::work::take();
    assert!(html.contains(r#"name="rows[9999].parts[0].name""#));
    let entries = data.len();
    assert!(parsing <= 50 * entries, "parsing looked at {parsing} names for {entries} entries");
    assert!(rendering <= 50 * entries, "rendering looked at {rendering} names for {entries} entries");
}

#[test]
fn many_invalid_fields_are_found_as_a_few_are() {
    let mut errors = FormErrors::new();
    for i in 0..1_000 {
        errors.add(format!("f{i}"), crate::FieldError::new("a"));
    }
    // A field found invalid again gets its error beside its others, in every case.
    errors.add("f3", crate::FieldError::new("b"));
    errors.add("f999", crate::FieldError::new("b"));
    let codes = |errors: &FormErrors, name: &str| {
        errors.field(name).iter().map(|e| e.code().to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(codes(&errors, "f3"), ["a", "b"]);
    assert_eq!(codes(&errors, "f4"), ["a"]);
    assert_eq!(codes(&errors, "f999"), ["a", "b"]);
    assert_eq!(errors.len(), 1_002);
    let order: Vec<&str> = errors.fields().map(|(name, _)| name).take(5).collect();
    assert_eq!(order, ["f0", "f1", "f2", "f3", "f4"]);
    assert_eq!(errors.take_field("f3").len(), 2);
    assert!(errors.field("f3").is_empty());
    assert_eq!(codes(&errors, "f4"), ["a"], "found again after a field was taken out");
    assert_eq!(codes(&errors, "f999"), ["a", "b"]);
    errors.add("f3", crate::FieldError::new("c"));
    assert_eq!(errors.fields().last().map(|(name, _)| name), Some("f3"));
}
