//! Forms as a user writes them: every coercion, rule, nested and indexed name, and the error shape.

use formaction::{Form, FormData, form};

#[form]
#[derive(Debug, PartialEq)]
enum Status {
    Pending,
    Paid,
    InProgress,
}

#[form]
#[derive(Debug)]
struct Item {
    #[validate(length(min = 1))]
    description: String,
    #[validate(range(min = 1, max = 1000))]
    quantity: u32,
}

#[form]
#[derive(Debug)]
struct Invoice {
    #[validate(length(min = 1, max = 80, message = "Enter the customer's name"))]
    customer: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 0.01, max = 1_000_000))]
    #[field(scale = 2)]
    amount: f64,
    status: Status,
    notes: Option<String>,
    urgent: bool,
    tags: Vec<String>,
    #[validate(length(min = 1))]
    items: Vec<Item>,
}

#[test]
fn smoke() {
    let data = FormData::from_pairs([
        ("customer", ""),
        ("email", "x"),
        ("amount", "1.234"),
        ("status", "nope"),
        ("items[0].description", ""),
        ("items[0].quantity", "0"),
        ("items[3].quantity", "x"),
    ]);
    let errors = Invoice::parse(&data).unwrap_err();
    println!("{}", serde_json::to_string_pretty(&errors).unwrap());
    for f in &Invoice::schema().fields {
        println!("{} {:?} {:?} {}", f.name, f.control, f.input_type, f.constraints.to_html());
    }
    let data = FormData::from_pairs([
        ("customer", "Ada"),
        ("email", "a@b.co"),
        ("amount", "1.23"),
        ("status", "in_progress"),
        ("urgent", "on"),
        ("tags", "a"),
        ("tags", "b"),
        ("items[0].description", "x"),
        ("items[0].quantity", "3"),
    ]);
    println!("{:?}", Invoice::parse(&data).unwrap());
}
