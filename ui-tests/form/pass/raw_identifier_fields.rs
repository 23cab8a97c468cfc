// Fields named with raw identifiers (`r#type`) are read under their plain names.
use formaction::{Form, FormData, form};

#[form]
struct Transfer {
    r#type: String,
    #[validate(range(min = 1))]
    r#ref: u32,
}

fn main() {
    let data = FormData::from_pairs([("type", "wire"), ("ref", "7")]);
    let transfer = Transfer::parse(&data).unwrap();
    assert_eq!(transfer.r#type, "wire");
    assert_eq!(transfer.r#ref, 7);
    assert!(Transfer::schema().field("type").is_some());
}
