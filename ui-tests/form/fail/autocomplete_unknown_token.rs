use formaction::form;

#[form]
struct SignUp {
    #[field(autocomplete = "emial")]
    email: String,
}

fn main() {}
