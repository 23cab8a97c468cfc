use formaction::form;

#[form]
struct Contact {
    #[field(input = "email")]
    email: String,
}

fn main() {}
