use formaction::form;

#[form]
struct Contact {
    #[field(input = "phone")]
    phone: String,
}

fn main() {}
