use formaction::form;

#[form]
enum Status {
    #[field(label = "Pending", placeholder = "Choose")]
    Pending,
    Paid,
}

fn main() {}
