use formaction::form;

#[form]
enum Status {
    Pending,
    Paid { on: String },
}

fn main() {}
