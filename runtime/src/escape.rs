//! The one HTML escaper: eight bytes at a time, the text between special bytes written whole.
//! Two sets of entities for the same five characters: askama's numeric ones for all the markup of
//! forms and pages (texts and attribute values alike, so a renderer of one's own can match it),
//! and the named ones of the problem pages and a form's instance key.

use std::borrow::Cow;
use std::fmt::{self, Write};

/// Writes `text` HTML-escaped as askama does: `"` `&` `'` `<` `>` as `&#34;` `&#38;` `&#39;`
/// `&#60;` `&#62;`, everything else as it is.
pub(crate) fn escape(out: &mut (impl Write + ?Sized), text: &str) -> fmt::Result {
    escape_with(out, text, &NUMERIC)
}

/// `text` escaped for a double-quoted HTML attribute value with the named entities: `"` `&` `'`
/// `<` `>` as `&quot;` `&amp;` `&#39;` `&lt;` `&gt;`; borrowed when nothing needs escaping.
pub(crate) fn escape_attribute(text: &str) -> Cow<'_, str> {
    if !needs_escaping(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    // Writing into a `String` cannot fail.
    let _ = escape_with(&mut out, text, &NAMED);
    Cow::Owned(out)
}

/// The entities of `"`, `&`, `'`, `<` and `>`, in that order.
type Entities = [&'static str; 5];

/// askama's entities, which the markup of forms and pages uses.
const NUMERIC: Entities = ["&#34;", "&#38;", "&#39;", "&#60;", "&#62;"];

/// The named entities, which the instance key of a form and the problem pages use.
const NAMED: Entities = ["&quot;", "&amp;", "&#39;", "&lt;", "&gt;"];

/// Whether `text` has a byte [`escape`] replaces.
fn needs_escaping(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (words, rest) = bytes.as_chunks::<8>();
    words.iter().any(|word| specials(u64::from_le_bytes(*word)) != 0)
        || rest.iter().any(|byte| matches!(byte, b'"' | b'&' | b'\'' | b'<' | b'>'))
}

/// Writes `text` with each of `"` `&` `'` `<` `>` replaced by its entity in `entities`.
fn escape_with(out: &mut (impl Write + ?Sized), text: &str, entities: &Entities) -> fmt::Result {
    let bytes = text.as_bytes();
    let mut last = 0;
    // Eight bytes at a time: the special bytes among them are found at once, and the text
    // between them written whole.
    let (words, rest) = bytes.as_chunks::<8>();
    for (position, word) in words.iter().enumerate() {
        let special = specials(u64::from_le_bytes(*word));
        if special != 0 {
            last = write_specials(out, text, position * 8, special, last, entities)?;
        }
    }
    if !rest.is_empty() {
        let at = bytes.len() - rest.len();
        let special = if let Some(tail) = bytes.last_chunk::<8>() {
            // The last eight bytes, of which the first `8 - rest.len()` were looked at already.
            specials(u64::from_le_bytes(*tail)) >> ((8 - rest.len()) * 8)
        } else {
            // A short text, padded with zeros (which need no escaping).
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            specials(u64::from_le_bytes(word))
        };
        if special != 0 {
            last = write_specials(out, text, at, special, last, entities)?;
        }
    }
    if last < text.len() {
        out.write_str(&text[last..])?;
    }
    Ok(())
}

/// Writes the text from `last` up to each special byte of the eight from `at` (`special` from
/// [`specials`]) and the byte's entity of `entities`; gives where the text not yet written starts.
#[cold]
fn write_specials(
    out: &mut (impl Write + ?Sized),
    text: &str,
    at: usize,
    mut special: u64,
    mut last: usize,
    entities: &Entities,
) -> Result<usize, fmt::Error> {
    let bytes = text.as_bytes();
    while special != 0 {
        let index = at + (special.trailing_zeros() / 8) as usize;
        special &= special - 1;
        let entity = match bytes[index] {
            b'"' => entities[0],
            b'&' => entities[1],
            b'\'' => entities[2],
            b'<' => entities[3],
            _ => entities[4],
        };
        if last < index {
            out.write_str(&text[last..index])?;
        }
        out.write_str(entity)?;
        last = index + 1;
    }
    Ok(last)
}

/// The bytes of `word` that are `"`, `&`, `'`, `<` or `>`: each one's high bit set, every other
/// bit clear.
#[inline]
fn specials(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero exactly when its high bit in `zero(x)` is set (no carries across
    // bytes: the addition is on seven-bit values, so no false positives either).
    let zero = |x: u64| !(((x & LOW7) + LOW7) | x) & HIGH;
    // Three tests rather than five: `&` (0x26) and `'` (0x27) are the bytes that are 0x27 with
    // their lowest bit set, `<` (0x3c) and `>` (0x3e) those that are 0x3e with their second bit set
    // (setting a bit in every byte carries into no other byte).
    zero(word ^ (ONES * u64::from(b'"')))
        | zero((word | ONES) ^ (ONES * u64::from(b'\'')))
        | zero((word | (ONES * 2)) ^ (ONES * u64::from(b'>')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_askamas_escaping() {
        let pieces = ["", "a", "é", "\"", "&", "'", "<", ">", "=", "ab", "0123456789", "€uro", "?"];
        let mut texts = Vec::new();
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    texts.push(format!("{first}{second}{third}{first}{third}"));
                }
            }
        }
        texts.push("Enter a valid email address <and> \"more\" & 'so on' in a long text".to_owned());
        for text in texts {
            let mut ours = String::new();
            escape(&mut ours, &text).expect("writing into a String");
            let theirs = askama::filters::escape(&text, askama::filters::Html).expect("escape").to_string();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn escaping_any_text_is_askamas(text in "[a-z \"&'<>=é€\u{1F600}]{0,40}") {
            let mut ours = String::new();
            escape(&mut ours, &text).expect("writing into a String");
            let theirs = askama::filters::escape(&text, askama::filters::Html).expect("escape").to_string();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn attributes_escape_with_the_named_entities() {
        assert_eq!(
            escape_attribute("plain text, long enough to be read in words"),
            "plain text, long enough to be read in words"
        );
        assert!(matches!(escape_attribute("plain"), Cow::Borrowed(_)));
        assert_eq!(escape_attribute(r#"a"b&c'd<e>f"#), "a&quot;b&amp;c&#39;d&lt;e&gt;f");
        for text in ["", "a", "\"", "0123456789<", "<0123456789", "é&", "ab'cdefgh"] {
            let by_hand: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_owned(),
                    '"' => "&quot;".to_owned(),
                    '<' => "&lt;".to_owned(),
                    '>' => "&gt;".to_owned(),
                    '\'' => "&#39;".to_owned(),
                    c => c.to_string(),
                })
                .collect();
            assert_eq!(escape_attribute(text), by_hand, "{text:?}");
            assert_eq!(needs_escaping(text), text.contains(['&', '"', '<', '>', '\'']), "{text:?}");
        }
    }
}
