use formaction::form;

#[form]
struct Order {
    #[field(rename = "")]
    note: String,
}

fn main() {}
