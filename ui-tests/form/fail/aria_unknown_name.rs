use formaction::form;

#[form]
struct Search {
    #[field(aria(lable = "Search"))]
    query: String,
}

fn main() {}
