use formaction::form;

#[form]
struct Payment {
    #[field(scale = 2.5)]
    amount: f64,
}

fn main() {}
