//! Groups and lists: nested structs by dotted names (`address.city`), optional groups, lists of
//! structs by indexed names (`items[0].name`), lists inside lists, and names that are not valid
//! list positions.

use formaction::decode::decode_urlencoded;
use formaction::schema::Control;
use formaction::{Form, FormData, Limits, form};
use formaction_tests::{codes_of, issue};
use serde_json::json;
use validator::ValidationError;

#[form]
#[derive(Debug, Clone, PartialEq)]
struct Address {
    #[validate(length(min = 1, max = 40))]
    street: String,
    city: String,
    postcode: Option<String>,
}

#[form]
#[derive(Debug, PartialEq)]
struct Customer {
    name: String,
    address: Address,
    billing: Option<Address>,
}

fn customer(pairs: &[(&str, &str)]) -> Result<Customer, formaction::FormErrors> {
    Customer::parse(&pairs.iter().copied().collect())
}

fn oslo() -> Address {
    Address { street: "Karl Johans gate 1".into(), city: "Oslo".into(), postcode: None }
}

// ---------------------------------------------------------------------------------------------
// Groups

#[test]
fn a_group_is_read_from_dotted_names() {
    let parsed =
        customer(&[("name", "Ada"), ("address.street", "Karl Johans gate 1"), ("address.city", "Oslo")])
            .unwrap();
    assert_eq!(parsed, Customer { name: "Ada".into(), address: oslo(), billing: None });
}

#[test]
fn errors_of_a_group_carry_the_full_name() {
    let errors =
        customer(&[("name", "Ada"), ("address.street", &"x".repeat(41)), ("address.postcode", "0150")])
            .unwrap_err();
    assert_eq!(codes_of(&errors), [("address.street", "too_long"), ("address.city", "required")]);
    assert_eq!(
        issue(&errors, "address.street"),
        json!({"name": "address.street", "code": "too_long", "message": "Must be at most 40 characters", "max": 40})
    );
}

#[test]
fn a_required_group_with_nothing_in_it_reports_each_required_field() {
    let errors = customer(&[("name", "Ada")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("address.street", "required"), ("address.city", "required")]);
}

#[test]
fn names_that_only_look_like_the_group_are_not_in_it() {
    let errors =
        customer(&[("name", "Ada"), ("addressstreet", "x"), ("address_city", "y"), ("address", "z")])
            .unwrap_err();
    assert_eq!(codes_of(&errors), [("address.street", "required"), ("address.city", "required")]);
}

#[test]
fn an_optional_group_is_none_when_every_value_in_it_is_blank() {
    let base = [("name", "Ada"), ("address.street", "Karl Johans gate 1"), ("address.city", "Oslo")];
    let with = |extra: &[(&'static str, &'static str)]| {
        let pairs: Vec<(&str, &str)> = base.iter().chain(extra).copied().collect();
        customer(&pairs)
    };
    assert_eq!(with(&[]).unwrap().billing, None, "nothing sent");
    assert_eq!(
        with(&[("billing.street", ""), ("billing.city", "  "), ("billing.postcode", "")]).unwrap().billing,
        None,
        "every value blank"
    );
    assert_eq!(
        with(&[("billing.street", "Storgata 2"), ("billing.city", "Bergen")]).unwrap().billing,
        Some(Address { street: "Storgata 2".into(), city: "Bergen".into(), postcode: None })
    );
}

#[test]
fn an_optional_group_with_something_in_it_is_checked_whole() {
    let errors = customer(&[
        ("name", "Ada"),
        ("address.street", "Karl Johans gate 1"),
        ("address.city", "Oslo"),
        ("billing.street", ""),
        ("billing.postcode", "5003"),
    ])
    .unwrap_err();
    assert_eq!(codes_of(&errors), [("billing.street", "required"), ("billing.city", "required")]);
}

#[form]
#[derive(Debug, PartialEq)]
struct Company {
    name: String,
    contact: Customer,
}

#[test]
fn groups_nest_to_any_depth() {
    let data = FormData::from_pairs([
        ("name", "Analytical Engines Ltd"),
        ("contact.name", "Ada"),
        ("contact.address.street", "Karl Johans gate 1"),
        ("contact.address.city", "Oslo"),
        ("contact.billing.city", "Bergen"),
    ]);
    let errors = Company::parse(&data).unwrap_err();
    assert_eq!(codes_of(&errors), [("contact.billing.street", "required")]);
    let data = FormData::from_pairs([
        ("name", "Analytical Engines Ltd"),
        ("contact.name", "Ada"),
        ("contact.address.street", "Karl Johans gate 1"),
        ("contact.address.city", "Oslo"),
    ]);
    assert_eq!(Company::parse(&data).unwrap().contact.address, oslo());
}

// ---------------------------------------------------------------------------------------------
// Lists of groups

#[form]
#[derive(Debug, PartialEq)]
struct Dimensions {
    #[validate(range(min = 1, max = 500))]
    width: u32,
    #[validate(range(min = 1, max = 500))]
    height: u32,
}

#[form]
#[derive(Debug, PartialEq)]
struct Item {
    #[validate(length(min = 1))]
    name: String,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
    dims: Option<Dimensions>,
    tags: Vec<String>,
}

#[form]
#[derive(Debug, PartialEq)]
struct Order {
    reference: String,
    #[validate(length(min = 1, max = 3))]
    items: Vec<Item>,
}

fn order(pairs: &[(&str, &str)]) -> Result<Order, formaction::FormErrors> {
    Order::parse(&pairs.iter().copied().collect())
}

fn item(name: &str, quantity: u32) -> Item {
    Item { name: name.into(), quantity, dims: None, tags: vec![] }
}

#[test]
fn a_list_of_groups_is_read_from_indexed_names() {
    let parsed = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "10"),
        ("items[1].name", "Nut"),
        ("items[1].quantity", "20"),
    ])
    .unwrap();
    assert_eq!(parsed.items, [item("Bolt", 10), item("Nut", 20)]);
}

#[test]
fn sparse_indices_give_one_item_each_in_index_order() {
    // Row 1 to 4 were removed in the browser; rows arrive in any order.
    let parsed = order(&[
        ("reference", "PO-1"),
        ("items[5].name", "Nut"),
        ("items[0].name", "Bolt"),
        ("items[5].quantity", "20"),
        ("items[0].quantity", "10"),
    ])
    .unwrap();
    assert_eq!(parsed.items, [item("Bolt", 10), item("Nut", 20)]);
}

#[test]
fn item_errors_keep_the_submitted_index() {
    let errors = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "10"),
        ("items[5].name", ""),
        ("items[5].quantity", "0"),
        ("items[12].name", "Washer"),
        ("items[12].quantity", "many"),
    ])
    .unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [
            ("items[5].name", "required"),
            ("items[5].quantity", "too_small"),
            ("items[12].quantity", "invalid_integer")
        ]
    );
}

#[test]
fn indices_are_ordered_as_numbers_not_as_text() {
    let parsed = order(&[
        ("reference", "PO-1"),
        ("items[10].name", "ten"),
        ("items[10].quantity", "10"),
        ("items[9].name", "nine"),
        ("items[9].quantity", "9"),
        ("items[2].name", "two"),
        ("items[2].quantity", "2"),
    ])
    .unwrap();
    assert_eq!(parsed.items, [item("two", 2), item("nine", 9), item("ten", 10)]);
}

#[test]
fn an_index_written_with_leading_zeros_is_not_silently_dropped() {
    // `items[010]` is not how a page writes item 10: its values would otherwise be lost without
    // an error, or fight with `items[10]` for the same item.
    let errors = order(&[
        ("reference", "PO-1"),
        ("items[10].name", "ten"),
        ("items[10].quantity", "10"),
        ("items[010].name", "ten again"),
    ])
    .unwrap_err();
    assert_eq!(codes_of(&errors), [("items[010].name", "invalid_index")]);
    let parsed =
        order(&[("reference", "PO-1"), ("items[0].name", "zero"), ("items[0].quantity", "1")]).unwrap();
    assert_eq!(parsed.items, [item("zero", 1)], "`0` itself is fine");
}

#[test]
fn the_length_of_a_list_of_groups_counts_items() {
    let errors = order(&[("reference", "PO-1")]).unwrap_err();
    assert_eq!(
        issue(&errors, "items"),
        json!({"name": "items", "code": "too_few", "message": "Choose at least 1", "min": 1})
    );
    let mut pairs = vec![("reference".to_owned(), "PO-1".to_owned())];
    for i in 0..4 {
        pairs.push((format!("items[{i}].name"), format!("item {i}")));
        pairs.push((format!("items[{i}].quantity"), "1".to_owned()));
    }
    let errors = Order::parse(&pairs.into_iter().collect()).unwrap_err();
    assert_eq!(codes_of(&errors), [("items", "too_many")]);
}

#[test]
fn groups_inside_list_items() {
    let parsed = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Crate"),
        ("items[0].quantity", "1"),
        ("items[0].dims.width", "40"),
        ("items[0].dims.height", "30"),
        ("items[1].name", "Bolt"),
        ("items[1].quantity", "100"),
        ("items[1].dims.width", ""),
    ])
    .unwrap();
    assert_eq!(parsed.items[0].dims, Some(Dimensions { width: 40, height: 30 }));
    assert_eq!(parsed.items[1].dims, None, "a blank optional group inside an item");

    let errors = order(&[
        ("reference", "PO-1"),
        ("items[3].name", "Crate"),
        ("items[3].quantity", "1"),
        ("items[3].dims.width", "0"),
    ])
    .unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("items[3].dims.width", "too_small"), ("items[3].dims.height", "required")]
    );
}

#[test]
fn lists_of_values_inside_list_items() {
    let parsed = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "1"),
        ("items[0].tags", "steel"),
        ("items[0].tags", "m8"),
        ("items[1].name", "Nut"),
        ("items[1].quantity", "1"),
        ("items[1].tags[1]", "b"),
        ("items[1].tags[0]", "a"),
    ])
    .unwrap();
    assert_eq!(parsed.items[0].tags, ["steel", "m8"]);
    assert_eq!(parsed.items[1].tags, ["a", "b"]);
}

#[test]
fn an_item_with_only_blank_values_is_still_an_item() {
    // A row the user added and left empty: its required fields are reported, so the page can
    // show them rather than silently dropping the row.
    let errors =
        order(&[("reference", "PO-1"), ("items[0].name", ""), ("items[0].quantity", "")]).unwrap_err();
    assert_eq!(codes_of(&errors), [("items[0].name", "required"), ("items[0].quantity", "required")]);
}

// ---------------------------------------------------------------------------------------------
// Names that are not list positions

#[test]
fn a_negative_index_is_an_invalid_index() {
    let errors = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "1"),
        ("items[-1].name", "Nut"),
    ])
    .unwrap_err();
    assert_eq!(
        issue(&errors, "items[-1].name"),
        json!({"name": "items[-1].name", "code": "invalid_index", "message": "This list position is not valid"})
    );
    assert_eq!(codes_of(&errors), [("items[-1].name", "invalid_index")]);
}

#[test]
fn an_index_too_large_for_the_platform_is_an_invalid_index() {
    let errors = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "1"),
        ("items[99999999999999999999].name", "Nut"),
    ])
    .unwrap_err();
    assert_eq!(codes_of(&errors), [("items[99999999999999999999].name", "invalid_index")]);
}

#[test]
fn other_malformed_indices_are_invalid_indices() {
    for bad in [
        "items[x].name",
        "items[].name",
        "items[1x].name",
        "items[ 1].name",
        "items[+1].name",
        "items[0]name",
    ] {
        let errors = order(&[
            ("reference", "PO-1"),
            ("items[0].name", "Bolt"),
            ("items[0].quantity", "1"),
            (bad, "x"),
        ])
        .unwrap_err();
        assert_eq!(codes_of(&errors), [(bad, "invalid_index")], "{bad}");
    }
}

#[test]
fn an_invalid_index_inside_an_item_is_reported_with_its_full_name() {
    let errors = order(&[
        ("reference", "PO-1"),
        ("items[0].name", "Bolt"),
        ("items[0].quantity", "1"),
        ("items[0].tags[-2]", "x"),
    ])
    .unwrap_err();
    assert_eq!(codes_of(&errors), [("items[0].tags[-2]", "invalid_index")]);
}

#[test]
fn invalid_indices_are_reported_with_the_other_errors() {
    let errors = order(&[("reference", ""), ("items[-1].name", "Nut")]).unwrap_err();
    assert_eq!(
        codes_of(&errors),
        [("reference", "required"), ("items[-1].name", "invalid_index"), ("items", "too_few")]
    );
}

// ---------------------------------------------------------------------------------------------
// Struct-level checks inside groups

#[form]
#[derive(Debug)]
#[validate(schema(function = check_line))]
struct Line {
    quantity: u32,
    #[validate(range(max = 10))]
    stock: u32,
}

fn check_line(line: &Line) -> Result<(), ValidationError> {
    if line.quantity > line.stock {
        return Err(ValidationError::new("out_of_stock").with_message("Not enough in stock".into()));
    }
    Ok(())
}

#[form]
#[derive(Debug)]
struct Cart {
    lines: Vec<Line>,
}

#[test]
fn a_struct_level_error_of_a_list_item_is_recorded_under_the_items_name() {
    let data = FormData::from_pairs([
        ("lines[0].quantity", "1"),
        ("lines[0].stock", "5"),
        ("lines[1].quantity", "9"),
        ("lines[1].stock", "5"),
    ]);
    let errors = Cart::parse(&data).unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({
            "formErrors": [],
            "fieldErrors": {"lines[1]": ["Not enough in stock"]},
            "issues": [{"name": "lines[1]", "code": "out_of_stock", "message": "Not enough in stock"}]
        })
    );
    let ok = FormData::from_pairs([("lines[0].quantity", "5"), ("lines[0].stock", "5")]);
    assert_eq!(Cart::parse(&ok).unwrap().lines[0].quantity, 5);
}

// ---------------------------------------------------------------------------------------------
// The schema of groups and lists

#[test]
fn schemas_of_groups_and_lists() {
    let schema = Order::schema();
    let items = schema.field("items").unwrap();
    assert_eq!(items.control, Control::List);
    assert_eq!(items.constraints.to_html(), "");
    let group = items.group().expect("a list of groups has the group's schema");
    let names: Vec<&str> = group.fields.iter().map(|f| f.name).collect();
    assert_eq!(names, ["name", "quantity", "dims", "tags"]);
    assert_eq!(group.field("dims").unwrap().control, Control::Group);
    assert_eq!(schema.lookup("items[7].dims.width").map(|f| f.name), Some("width"));
    assert_eq!(
        schema.lookup("items[7].quantity").map(|f| f.constraints.to_html()).as_deref(),
        Some(r#" required min="1" max="1000" step="1""#)
    );
    assert!(schema.lookup("items[7].colour").is_none());
    let address = Customer::schema().field("address").unwrap();
    assert_eq!(address.control, Control::Group);
    assert_eq!(Customer::schema().field("billing").unwrap().control, Control::Group);
}

// ---------------------------------------------------------------------------------------------
// From the wire: limits are the decoder's, names are the parser's

#[test]
fn a_urlencoded_body_parses_into_nested_groups_and_lists() {
    let body = b"reference=PO-1&items%5B0%5D.name=Bolt&items[0].quantity=+10+&items[1].name=Nut+M8&items[1].quantity=2";
    let data = decode_urlencoded(body, &Limits::default()).unwrap();
    let parsed = Order::parse(&data).unwrap();
    assert_eq!(parsed.items, [item("Bolt", 10), item("Nut M8", 2)]);
}

#[test]
fn a_body_beyond_the_limits_never_reaches_the_parser() {
    let body = b"reference=PO-1&items[0].name=Bolt&items[0].quantity=1&items[1].name=Nut";
    let error = decode_urlencoded(body, &Limits::default().with_max_fields(3)).unwrap_err();
    assert!(error.is_limit(), "{error}");
    let long_name = format!("items[{}].name=x", "9".repeat(2000));
    let error = decode_urlencoded(long_name.as_bytes(), &Limits::default()).unwrap_err();
    assert!(error.is_limit(), "{error}");
}
