use formaction::form;

#[form]
struct Order {
    #[validate(range(min = "one"))]
    quantity: u32,
}

fn main() {}
