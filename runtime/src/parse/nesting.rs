//! Nested groups and lists in a submission: which rows a list has (`items[0].name`,
//! `items[3].name`), and whether anything was entered in a group (`address.city`).

use super::ParseCx;
use crate::{FieldError, FieldValue, FormData};

/// The indices submitted for the list named `list`, ascending and without repeats.
///
/// Gaps are kept as sent (a row removed in the browser leaves one), and error names keep the
/// submitted index, so a script can still find the control. An index that is not a whole number
/// that fits a `usize`, written without leading zeros (`items[-1]`, `items[x]`, `items[007]`,
/// `items[18446744073709551616]`), is recorded as an `invalid_index` error on that name and
/// skipped.
pub fn list_indices(cx: &mut ParseCx<'_>, list: &str) -> Vec<usize> {
    let data = cx.data();
    let mut indices = Vec::new();
    let mut invalid: Vec<(usize, &str)> = Vec::new();
    for (at, name, _) in data.starting_with(list, "[") {
        let rest = &name[list.len() + 1..];
        let parsed = rest.split_once(']').and_then(|(digits, after)| {
            // One way to write each index: `items[010]` would otherwise be item 10 with its values
            // never read (they are under `items[010]`, not `items[10]`), silently dropped.
            let canonical = digits == "0" || !digits.starts_with('0');
            let well_formed = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && canonical
                && (after.is_empty() || after.starts_with('.') || after.starts_with('['));
            if well_formed { digits.parse::<usize>().ok() } else { None }
        });
        match parsed {
            Some(index) => indices.push(index),
            None => invalid.push((at, name)),
        }
    }
    // Each invalid name once, in the order first submitted (sorted rather than searched: a
    // submission may hold thousands).
    invalid.sort_unstable_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    invalid.dedup_by(|later, first| later.1 == first.1);
    invalid.sort_unstable();
    for (_, name) in invalid {
        cx.error(name, FieldError::new("invalid_index"));
    }
    indices.sort_unstable();
    indices.dedup();
    indices
}

/// Whether nothing was entered in the group named `prefix`: no non-blank value under
/// `prefix.…` or `prefix[…]` (or anywhere, for the top level `""`).
pub(crate) fn group_is_blank(data: &FormData, prefix: &str) -> bool {
    let filled = |(_, _, value): (usize, &str, &FieldValue)| !value.is_blank();
    if prefix.is_empty() {
        return !data.starting_with("", "").any(filled);
    }
    !data.starting_with(prefix, ".").any(filled) && !data.starting_with(prefix, "[").any(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_sorted_deduplicated_and_invalid_ones_reported() {
        let data = FormData::from_pairs([
            ("items[2].name", "b"),
            ("items[0].name", "a"),
            ("items[2].qty", "1"),
            ("items[-1].name", "x"),
            ("items[18446744073709551616].name", "x"),
            ("items[].name", "x"),
            ("items[1]x", "x"),
            ("itemsextra[5].name", "not ours"),
            ("items", "not indexed"),
        ]);
        let mut cx = ParseCx::new(&data);
        assert_eq!(list_indices(&mut cx, "items"), [0, 2]);
        let errors = cx.into_errors();
        let names: Vec<&str> = errors.fields().map(|(name, _)| name).collect();
        assert_eq!(
            names,
            ["items[-1].name", "items[18446744073709551616].name", "items[].name", "items[1]x"]
        );
        assert!(errors.fields().all(|(_, e)| e[0].code() == "invalid_index"));
    }

    #[test]
    fn groups_are_blank_when_every_value_is() {
        let data = FormData::from_pairs([("address.city", " "), ("addressee", "Ada"), ("items[0].name", "")]);
        assert!(group_is_blank(&data, "address"));
        assert!(group_is_blank(&data, "items"));
        assert!(!group_is_blank(&data, ""));
        let filled = FormData::from_pairs([("address.city", "Oslo")]);
        assert!(!group_is_blank(&filled, "address"));
    }
}
