//! Names with a meaning of their own: the reserved names of the fields and the query parameter
//! the runtime adds to a page, and how the names of nested and listed fields are made
//! (`address.city`, `items[0].name`, like Conform and zod-form-data).

use std::borrow::Cow;

/// The name of the query parameter that says which action of a page a submission is for.
pub(crate) const ACTION_PARAM: &str = "_action";
/// The name of the field that carries the sealed bound arguments.
pub(crate) const BOUND_FIELD: &str = "$bound";
/// The name of the field that carries a rendered form's one-time token (see `once`).
pub(crate) const ONCE_FIELD: &str = "$once";
/// The name of the submit buttons that ask for a list row more or less, without running the action.
pub const INTENT_FIELD: &str = "$intent";
/// The name of the field that carries a form's instance key (several instances of one form on a
/// page keep their errors apart by it).
pub const KEY_FIELD: &str = "$key";

/// The name of the field `field` inside the group named `parent` (`""` at the top level):
/// `child_name("address", "city")` is `"address.city"`.
pub fn child_name<'a>(parent: &str, field: &'a str) -> Cow<'a, str> {
    if parent.is_empty() { Cow::Borrowed(field) } else { Cow::Owned(format!("{parent}.{field}")) }
}

/// The name of item `index` of the list named `list`: `indexed_name("items", 2)` is `"items[2]"`.
pub fn indexed_name(list: &str, index: usize) -> String {
    format!("{list}[{index}]")
}

/// Percent-encodes an action id for a query string (ids are Rust paths: letters, digits, `_`,
/// `:`, plus whatever `#[action(id = "...")]` chose), onto `out`.
pub(crate) fn push_urlencoded_component(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // The bytes that stay as they are, as a table: one load per byte.
    const SAFE: [bool; 256] = {
        let mut table = [false; 256];
        let mut byte = 0;
        while byte < 256 {
            let b = byte as u8;
            table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':');
            byte += 1;
        }
        table
    };
    let safe = |byte: u8| SAFE[usize::from(byte)];
    // A Rust path needs no escape: copied whole.
    if text.bytes().all(safe) {
        out.push_str(text);
        return;
    }
    for byte in text.bytes() {
        if safe(byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0x0f)] as char);
        }
    }
}

/// The action named in the query, `?_action=<id>`: borrowed as it is when it needs no decoding
/// (ids are Rust paths), decoded otherwise.
pub(crate) fn chosen_action(query: &str) -> Option<Cow<'_, str>> {
    let value = raw_chosen_action(query)?;
    if value.contains(['%', '+']) {
        let pair = format!("_={value}");
        Some(Cow::Owned(
            form_urlencoded::parse(pair.as_bytes()).next().map_or_else(String::new, |(_, v)| v.into_owned()),
        ))
    } else {
        Some(Cow::Borrowed(value))
    }
}

/// The value of the first `_action` in the query, as written.
pub(crate) fn raw_chosen_action(query: &str) -> Option<&str> {
    // Byte by byte rather than `split('&')` and `split_once('=')`: the name is ASCII, and '&' and
    // '=' are single bytes, so every slice below starts and ends at a character boundary.
    let name = ACTION_PARAM.as_bytes();
    let mut rest = query;
    loop {
        let end = memchr::memchr(b'&', rest.as_bytes()).unwrap_or(rest.len());
        let pair = &rest[..end];
        if let Some(after) = pair.as_bytes().strip_prefix(name) {
            match after.first() {
                None => return Some(""),
                Some(b'=') => return Some(&pair[name.len() + 1..]),
                Some(_) => {}
            }
        }
        if end == rest.len() {
            return None;
        }
        rest = &rest[end + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_id_is_the_raw_value_and_decodes_to_the_id() {
        for id in ["a::b::sign_up", "plain", "x y+z%"] {
            let mut encoded = String::new();
            push_urlencoded_component(&mut encoded, id);
            let query = format!("x=1&{}={encoded}&{}=other", ACTION_PARAM, ACTION_PARAM);
            assert_eq!(raw_chosen_action(&query), Some(encoded.as_str()), "{id}");
            assert_eq!(chosen_action(&query).as_deref(), Some(id), "{id}");
        }
        assert_eq!(chosen_action("_action=a%3A%3Ab+c"), Some("a::b c".into()));
        assert_eq!(chosen_action("_action"), Some("".into()));
        assert_eq!(chosen_action("_actionx=1"), None);
    }

    #[test]
    fn the_raw_value_is_what_splitting_at_ampersands_and_the_first_equals_sign_finds() {
        let by_splitting = |query: &'static str| {
            query.split('&').find_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (key == ACTION_PARAM).then_some(value)
            })
        };
        for query in [
            "",
            "&",
            "_action",
            "_action=",
            "&_action=&",
            "_action=a=b&_action=c",
            "x=_action=1",
            "_action_x=1&_action=y",
            "é=1&_action=ü",
            "_actio=1&_action",
            "a&&_action=z&",
            "_Action=1",
        ] {
            assert_eq!(raw_chosen_action(query), by_splitting(query), "{query}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(child_name("", "city"), "city");
        assert_eq!(child_name("address", "city"), "address.city");
        assert_eq!(child_name("items[3]", "name"), "items[3].name");
        assert_eq!(indexed_name("items", 3), "items[3]");
    }

    #[test]
    fn action_ids_are_percent_encoded_in_urls_except_for_path_characters() {
        let mut url = String::new();
        push_urlencoded_component(&mut url, "crate::mod_1::Save-it.v2~");
        assert_eq!(url, "crate::mod_1::Save-it.v2~");
        url.clear();
        push_urlencoded_component(&mut url, "a b/é&\"<");
        assert_eq!(url, "a%20b%2F%C3%A9%26%22%3C");
    }
}
