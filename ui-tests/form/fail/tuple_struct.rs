use formaction::form;

#[form]
struct Point(i32, i32);

fn main() {}
