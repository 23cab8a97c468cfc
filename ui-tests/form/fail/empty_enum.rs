use formaction::form;

#[form]
enum Never {}

fn main() {}
