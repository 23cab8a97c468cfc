// Nested groups (`address.city`), lists of groups (`items[0].name`), optional groups.
use formaction::{Form, FormData, form};

#[form]
#[derive(Debug)]
struct Address {
    #[validate(length(min = 1))]
    street: String,
    city: String,
}

#[form]
#[derive(Debug)]
struct Line {
    description: String,
    #[validate(range(min = 1))]
    quantity: u32,
}

#[form]
#[derive(Debug)]
struct Order {
    billing: Address,
    shipping: Option<Address>,
    #[validate(length(min = 1, message = "Add a line"))]
    lines: Vec<Line>,
}

fn main() {
    let data = FormData::from_pairs([
        ("billing.street", "1 Main St"),
        ("billing.city", "Springfield"),
        ("lines[0].description", "Tea"),
        ("lines[0].quantity", "2"),
        ("lines[3].description", "Cake"),
        ("lines[3].quantity", "1"),
    ]);
    let order = Order::parse(&data).unwrap();
    assert_eq!(order.billing.city, "Springfield");
    assert!(order.shipping.is_none());
    assert_eq!(order.lines.len(), 2);
    assert_eq!(order.lines[1].description, "Cake");
    assert_eq!(order.billing.street, "1 Main St");
    assert_eq!(order.lines[0].quantity, 2);
}
