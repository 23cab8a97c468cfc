use formaction::form;

#[form]
struct Order {
    #[field(rename = "items[]")]
    items: Vec<String>,
}

fn main() {}
