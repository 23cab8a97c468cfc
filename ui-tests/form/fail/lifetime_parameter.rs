use formaction::form;

#[form]
struct Borrowed<'a> {
    name: &'a str,
}

fn main() {}
