use formaction::form;

#[form]
struct Order {
    #[field(textarea)]
    quantity: u32,
}

fn main() {}
