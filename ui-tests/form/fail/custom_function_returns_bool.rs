use formaction::form;

fn not_reserved(name: &str) -> bool {
    name != "admin"
}

#[form]
struct SignUp {
    #[validate(custom(function = not_reserved))]
    name: String,
}

fn main() {}
