use formaction::form;

#[form]
struct Profile {
    #[field(max_size = "2MB")]
    bio: String,
}

fn main() {}
