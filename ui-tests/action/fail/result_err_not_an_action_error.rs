use formaction::{Redirect, action};

#[derive(Debug)]
struct NotFound;

#[action]
async fn archive() -> Result<Redirect, NotFound> {
    Err(NotFound)
}

fn main() {}
