use formaction::form;

#[form]
struct Contact {
    #[validate(email)]
    phone: u64,
}

fn main() {}
