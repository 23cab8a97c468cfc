use formaction::form;

#[form]
struct SignUp {
    #[field(lable = "Your name")]
    name: String,
    #[validate(lenght(max = 80))]
    bio: String,
    #[validate(range(min = 13))]
    email: String,
}

fn main() {}
