use formaction::form;

#[form]
struct Order {
    #[validate(length(max = 3))]
    quantity: u32,
}

fn main() {}
