use formaction::{ActionError, action};

#[action]
async fn archive() -> Result<String, ActionError> {
    Ok(String::from("archived"))
}

fn main() {}
