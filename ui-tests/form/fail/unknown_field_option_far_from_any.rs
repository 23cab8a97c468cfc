use formaction::form;

#[form]
struct SignUp {
    #[field(tooltip = "name")]
    name: String,
}

fn main() {}
