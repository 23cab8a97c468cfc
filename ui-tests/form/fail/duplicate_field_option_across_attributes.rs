use formaction::form;

#[form]
struct SignUp {
    #[field(rename = "full_name")]
    #[field(rename = "name")]
    name: String,
}

fn main() {}
