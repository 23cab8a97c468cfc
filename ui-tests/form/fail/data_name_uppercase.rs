use formaction::form;

#[form]
struct Search {
    #[field(data(testId = "query"))]
    query: String,
}

fn main() {}
