use formaction::form;

#[form]
struct Order {
    #[field(disabled)]
    reference: String,
}

fn main() {}
