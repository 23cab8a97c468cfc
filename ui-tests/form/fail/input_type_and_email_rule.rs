use formaction::form;

#[form]
struct Contact {
    #[field(input = "search")]
    #[validate(email)]
    email: String,
}

fn main() {}
