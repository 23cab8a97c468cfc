use formaction::form;

struct Money {
    cents: i64,
}

#[form]
struct Payment {
    amount: Money,
}

fn main() {}
