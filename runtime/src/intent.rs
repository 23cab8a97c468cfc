//! List intents: the "Add" and "Remove" buttons of a list of groups submit `$intent=add:items` or
//! `$intent=remove:items[2]` instead of asking for the action, and the page renders again with a
//! row more or less.

use crate::FormData;
use crate::names::{INTENT_FIELD, indexed_name};
use crate::parse::{ParseCx, list_indices};

/// The intent of a submission, if it carries one.
pub fn intent(data: &FormData) -> Option<&str> {
    data.text(INTENT_FIELD).filter(|intent| !intent.is_empty())
}

/// Adds a row to a list (`add:items`: one past the highest index) or removes one
/// (`remove:items[2]`: every value under that row); anything else changes nothing.
pub(crate) fn apply(values: &mut FormData, intent: &str) {
    if let Some(list) = intent.strip_prefix("add:") {
        let mut cx = ParseCx::new(values);
        let next = list_indices(&mut cx, list).last().map_or(0, |last| last.saturating_add(1));
        values.push_text(indexed_name(list, next), "");
    } else if let Some(row) = intent.strip_prefix("remove:")
        && row.ends_with(']')
    {
        values.retain(|name, _| {
            let inside =
                name.strip_prefix(row).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']));
            !inside
        });
    }
}
