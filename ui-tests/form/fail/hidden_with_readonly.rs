use formaction::form;

#[form]
struct Order {
    #[field(hidden, readonly)]
    token: String,
}

fn main() {}
