use formaction::form;

#[form]
struct SignUp {
    #[field(lable = "Your name")]
    name: String,
}

fn main() {}
