use formaction::{Action, ActionError, Redirect, action};

#[action(
    id = "invoices.import",
    body_limit = "5MB",
    max_fields = 200,
    max_files = 3,
    max_field_size = "64KiB",
    max_file_size = "2mb",
    max_age = "1h"
)]
async fn import(#[bind] team: String) -> Result<Redirect, ActionError> {
    Ok(Redirect::to(format!("/{team}/invoices")))
}

fn main() {
    assert_eq!(import::ID, "invoices.import");
    let config = <import as Action<()>>::config();
    assert_eq!(config.body_limit, 5 << 20);
    assert_eq!(config.limits.max_fields, 200);
    assert_eq!(config.max_age, Some(std::time::Duration::from_secs(3600)));
}
