use formaction::form;

#[form]
struct Payment {
    #[field(inputmode = "number")]
    card: String,
}

fn main() {}
