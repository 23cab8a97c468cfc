use formaction::form;

#[form]
struct Nothing;

fn main() {}
