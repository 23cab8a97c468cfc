use formaction::form;

#[form]
struct Order {
    #[field(disabled)]
    #[validate(required)]
    coupon: Option<String>,
}

fn main() {}
