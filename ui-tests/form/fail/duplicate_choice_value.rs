use formaction::form;

#[form]
enum Status {
    Pending,
    #[field(rename = "pending")]
    Waiting,
}

fn main() {}
