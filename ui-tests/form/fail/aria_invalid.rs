use formaction::form;

#[form]
struct Search {
    #[field(aria(invalid = "true"))]
    query: String,
}

fn main() {}
