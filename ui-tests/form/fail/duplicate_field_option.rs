use formaction::form;

#[form]
struct SignUp {
    #[field(label = "Name", label = "Your name")]
    name: String,
}

fn main() {}
