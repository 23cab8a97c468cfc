// An action served on its own route, without a page.
use axum::Router;
use axum::extract::State;
use formaction::{ActionError, ActionState, action, endpoint, form};

#[derive(Clone)]
struct Counter;

#[form]
struct Add {
    #[validate(range(min = 1, max = 10))]
    by: u32,
}

#[action]
async fn add(State(_counter): State<Counter>, #[form] add: Add) -> Result<ActionState<u32>, ActionError> {
    Ok(ActionState(add.by))
}

fn main() {
    let _app: Router = Router::new().route("/add", endpoint::<add, Counter>()).with_state(Counter);
}
