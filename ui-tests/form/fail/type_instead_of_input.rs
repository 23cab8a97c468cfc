use formaction::form;

#[form]
struct Contact {
    #[field(r#type = "tel")]
    phone: String,
}

fn main() {}
