use formaction::form;

#[form]
struct Wrapper<T> {
    value: T,
}

fn main() {}
