#![deny(warnings)]

use formaction::{Action, ActionError, ActionState, action, form};

#[form]
struct Query {
    q: String,
}

/// A search runs again each time: its forms carry no one-time token.
#[action(once = false)]
async fn search(#[form] query: Query) -> Result<ActionState<String>, ActionError> {
    Ok(ActionState(query.q))
}

/// Once only, said explicitly: the default.
#[action(once = true, max_age = "1h")]
async fn archive(#[bind] id: u64) -> Result<ActionState<u64>, ActionError> {
    Ok(ActionState(id))
}

fn main() {
    assert!(!<search as Action<()>>::config().once);
    assert_eq!(search::bind().once_token(), None);
    assert!(<archive as Action<()>>::config().once);
    let (a, b) = (archive::bind(7), archive::bind(7));
    assert!(a.once_token().is_some());
    assert_ne!(a.once_token(), b.once_token(), "each form rendered has its own");
    assert!(a.hidden_input().to_string().contains(r#"name="$once""#));
}
