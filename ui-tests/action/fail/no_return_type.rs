use formaction::action;

#[action]
async fn archive() {}

fn main() {}
