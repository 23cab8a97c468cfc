use formaction::form;

#[form]
struct Contact {
    #[field(input = "tel")]
    phone: u64,
}

fn main() {}
