use formaction::{Redirect, action};

#[action]
async fn archive() -> Redirect {
    Redirect::to("/")
}

fn main() {}
