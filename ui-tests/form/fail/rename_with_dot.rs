use formaction::form;

#[form]
struct Address {
    #[field(rename = "address.city")]
    city: String,
}

fn main() {}
