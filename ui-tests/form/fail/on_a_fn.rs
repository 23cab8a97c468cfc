use formaction::form;

#[form]
fn sign_up() {}

fn main() {}
