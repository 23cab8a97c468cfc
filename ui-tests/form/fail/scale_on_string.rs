use formaction::form;

#[form]
struct Payment {
    #[field(scale = 2)]
    amount: String,
}

fn main() {}
