use formaction::form;

#[form]
struct Profile {
    #[field(accept = "image/png")]
    avatar: String,
}

fn main() {}
