use formaction::action;

#[action]
struct Archive;

fn main() {}
