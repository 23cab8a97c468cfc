use formaction::form;

#[form]
struct Payment {
    #[validate(credit_card)]
    card: String,
}

fn main() {}
