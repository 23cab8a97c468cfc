use axum::Json;
use formaction::{ActionError, Redirect, action};

#[action]
async fn archive(Json(ids): Json<Vec<u64>>) -> Result<Redirect, ActionError> {
    let _ = ids;
    Ok(Redirect::to("/"))
}

fn main() {}
