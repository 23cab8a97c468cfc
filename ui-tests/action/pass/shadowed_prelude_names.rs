// The generated code compiles without a warning under `deny(warnings, unused_qualifications)`,
// with the user's own `Option`, `Some`, `Result`, `Box`... in scope.
#![deny(warnings, unused_qualifications)]

use axum::extract::State;
use formaction::{ActionError, Redirect, action, form, page, RouterExt};

#[allow(dead_code)]
struct Option;
#[allow(dead_code)]
struct Some;
#[allow(dead_code)]
struct None;
#[allow(dead_code)]
struct Result;
#[allow(dead_code)]
struct Ok;
#[allow(dead_code)]
struct Err;
#[allow(dead_code)]
struct Box;
#[allow(dead_code)]
struct Send;
#[allow(dead_code)]
struct Sync;
#[allow(dead_code)]
struct Default;
#[allow(dead_code)]
struct Probe;
// The default action id is built in a `[u8; N]`.
#[allow(dead_code, non_camel_case_types)]
struct u8;

#[form]
struct Rename {
    #[validate(length(min = 1))]
    name: String,
}

#[derive(Clone)]
struct Db;

#[action]
async fn rename(
    State(_db): State<Db>,
    #[bind] id: u64,
    #[form] input: Rename,
) -> core::result::Result<Redirect, ActionError> {
    core::result::Result::Ok(Redirect::to(format!("/items/{id}?name={}", input.name)))
}

async fn show() -> String {
    rename::bind(1).url()
}

fn main() {
    let _app: axum::Router =
        axum::Router::new().page("/", page(show).action::<rename>()).with_state(Db);
}
