use formaction::form;

#[form]
struct SignUp {
    #[field(readonly)]
    newsletter: bool,
}

fn main() {}
