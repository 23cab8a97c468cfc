//! `application/x-www-form-urlencoded` bodies and GET query strings.
//!
//! The format is `name=value` pairs separated by `&`, with `+` for a space and `%XX` for any
//! byte. Unlike the lenient decoders most crates use, a malformed `%` escape or a name or value
//! that is not UTF-8 once decoded is an error rather than silently altered text.

use super::{DecodeError, Limits};
use crate::{FieldValue, FormData};

/// Decodes an `application/x-www-form-urlencoded` body (what a browser sends for a `<form
/// method=post>` without `enctype`).
///
/// Pairs are separated by `&`; empty pairs (`a=1&&b=2`) are skipped and a pair without `=` is a
/// name with an empty value. `+` decodes to a space and `%XX` to the byte `XX`. Names and values
/// keep their order, repeated names included.
///
/// # Errors
///
/// A `%` not followed by two hexadecimal digits, a name or value that is not UTF-8 once decoded,
/// or a submission beyond `limits` (checked pair by pair, so a huge submission is rejected as
/// soon as it crosses a limit).
///
/// ```
/// use formaction::decode::decode_urlencoded;
/// use formaction::Limits;
///
/// let data = decode_urlencoded(b"name=Ada+Lovelace&tags=a&tags=b%26c", &Limits::default())?;
/// assert_eq!(data.text("name"), Some("Ada Lovelace"));
/// assert_eq!(data.texts("tags").collect::<Vec<_>>(), ["a", "b&c"]);
/// # Ok::<(), formaction::DecodeError>(())
/// ```
pub fn decode_urlencoded(body: &[u8], limits: &Limits) -> Result<FormData, DecodeError> {
    decode_pairs(body, 0, limits)
}

/// Decodes a query string (what a browser sends for a `<form method=get>`), with or without its
/// leading `?`, by the same rules as [`decode_urlencoded`].
///
/// Byte positions in errors count from the start of `query` as given.
///
/// ```
/// use formaction::decode::decode_query;
/// use formaction::Limits;
///
/// let data = decode_query("?q=rust+forms&page=2", &Limits::default())?;
/// assert_eq!(data.text("q"), Some("rust forms"));
/// # Ok::<(), formaction::DecodeError>(())
/// ```
pub fn decode_query(query: &str, limits: &Limits) -> Result<FormData, DecodeError> {
    match query.strip_prefix('?') {
        Some(rest) => decode_pairs(rest.as_bytes(), 1, limits),
        None => decode_pairs(query.as_bytes(), 0, limits),
    }
}

/// The most entries reserved before decoding.
const MAX_RESERVED_ENTRIES: usize = 256;

/// The most bytes of names reserved before decoding.
const MAX_RESERVED_NAME_BYTES: usize = 4096;

/// Splits `input` into pairs and decodes them; `base` is the position of `input` in what the
/// caller was given, for error positions.
fn decode_pairs(input: &[u8], base: usize, limits: &Limits) -> Result<FormData, DecodeError> {
    // Room for the pairs up front (empty pairs are skipped, so this may be a little more), but
    // never more than the limit lets through, nor so much that a body of bare `&` could make it
    // reserve far more memory than its own size: past that, the entries grow as usual.
    let pairs = count_ampersands(input) + 1;
    let mut data = FormData::with_capacity(pairs.min(limits.max_fields).min(MAX_RESERVED_ENTRIES));
    // Names are usually well under half of a body; the buffer grows past this if they are not.
    data.reserve_names((input.len() / 2).min(MAX_RESERVED_NAME_BYTES));
    // The whole input as text, checked once: browsers escape every byte that is not ASCII, so it
    // is, and the names and values used as they are need no check of their own. When it is not
    // UTF-8, each part is checked on its own, to say which one is wrong.
    let text = std::str::from_utf8(input).ok();
    // Escaped names are decoded here (on the stack when they fit, as names do), before they are
    // copied into the submission's buffer of names: no allocation of their own.
    let mut stack = [0u8; 128];
    let mut heap = Vec::new();
    for pair in (RawPairs { input, at: 0 }) {
        if pair.is_empty() {
            continue;
        }
        if data.len() >= limits.max_fields {
            return Err(DecodeError::TooManyFields { limit: limits.max_fields });
        }
        let name_offset = base + pair.name_at;
        let value_offset = base + pair.value_at;
        let invalid_name = || DecodeError::InvalidUtf8Name { offset: Some(name_offset) };

        if over_limit(pair.name, pair.name_escaped, name_offset, limits.max_name_bytes)? {
            // Too long, but its escapes are valid (they were checked): decode it for the message.
            let name = unescape(pair.name, name_offset)?;
            return Err(DecodeError::name_too_long(&name, limits.max_name_bytes));
        }
        let name: &str = if pair.name_escaped {
            let decoded = if pair.name.len() <= stack.len() {
                &mut stack[..pair.name.len()]
            } else {
                heap.resize(pair.name.len(), 0);
                &mut heap[..]
            };
            let len = unescape_to(pair.name, name_offset, decoded)?;
            std::str::from_utf8(&decoded[..len]).map_err(|_| invalid_name())?
        } else {
            match text {
                Some(text) => &text[pair.name_at..pair.name_at + pair.name.len()],
                None => std::str::from_utf8(pair.name).map_err(|_| invalid_name())?,
            }
        };

        if over_limit(pair.value, pair.value_escaped, value_offset, limits.max_field_bytes)? {
            return Err(DecodeError::FieldTooLarge { name: name.to_owned(), limit: limits.max_field_bytes });
        }
        let invalid_value = || DecodeError::InvalidUtf8Value { name: name.to_owned() };
        let value = if pair.value_escaped {
            String::from_utf8(unescape(pair.value, value_offset)?).map_err(|_| invalid_value())?
        } else {
            match text {
                Some(text) => text[pair.value_at..pair.value_at + pair.value.len()].to_owned(),
                None => std::str::from_utf8(pair.value).map_err(|_| invalid_value())?.to_owned(),
            }
        };

        // The name is copied into the submission's buffer of names, never allocated on its own.
        data.push_named(name, FieldValue::Text(value));
    }
    Ok(data)
}

/// The number of `&` in `input`, counted 64 bytes at a time into a byte-sized counter (which the
/// compiler turns into vector instructions).
fn count_ampersands(input: &[u8]) -> usize {
    let mut chunks = input.chunks_exact(64);
    let mut count = 0;
    for chunk in &mut chunks {
        count += usize::from(chunk.iter().fold(0u8, |n, &byte| n + u8::from(byte == b'&')));
    }
    count + chunks.remainder().iter().filter(|&&byte| byte == b'&').count()
}

/// One `&`-separated pair, split at its first `=`, as it is in the input.
struct RawPair<'a> {
    name: &'a [u8],
    value: &'a [u8],
    /// Whether the pair has a `=` (`a=` is a name with an empty value; a pair that is only `=` is
    /// the empty name with an empty value, and is kept).
    has_equals: bool,
    /// Positions in the input, for errors.
    name_at: usize,
    value_at: usize,
    /// Whether `name` or `value` holds a `%` or a `+`: the others are used as they are.
    name_escaped: bool,
    value_escaped: bool,
}

impl RawPair<'_> {
    /// Whether there is nothing between the `&` (`a=1&&b=2`): such pairs are skipped.
    fn is_empty(&self) -> bool {
        !self.has_equals && self.name.is_empty()
    }
}

/// The pairs of an input, found in one pass over its bytes.
struct RawPairs<'a> {
    input: &'a [u8],
    /// Where the next pair starts; past the end once the last pair is given.
    at: usize,
}

impl<'a> Iterator for RawPairs<'a> {
    type Item = RawPair<'a>;

    fn next(&mut self) -> Option<RawPair<'a>> {
        let start = self.at;
        let rest = self.input.get(start..)?;
        // The `&` is searched many bytes at a time (`memchr`): values such as sealed bound
        // arguments are long.
        let len = memchr::memchr(b'&', rest).unwrap_or(rest.len());
        let end = start + len;
        self.at = end + 1;
        let pair = &rest[..len];
        Some(match pair.iter().position(|&byte| byte == b'=') {
            Some(eq) => RawPair {
                name: &pair[..eq],
                value: &pair[eq + 1..],
                has_equals: true,
                name_at: start,
                value_at: start + eq + 1,
                name_escaped: escaped(&pair[..eq]),
                value_escaped: escaped(&pair[eq + 1..]),
            },
            None => RawPair {
                name: pair,
                value: &[],
                has_equals: false,
                name_at: start,
                value_at: end,
                name_escaped: escaped(pair),
                value_escaped: false,
            },
        })
    }
}

/// Whether `part` holds a `%` or a `+`: a long part (a sealed value) is searched many bytes at a
/// time, a short one byte by byte, which costs less for it.
fn escaped(part: &[u8]) -> bool {
    if part.len() > 32 {
        memchr::memchr2(b'%', b'+', part).is_some()
    } else {
        part.iter().any(|&byte| byte == b'%' || byte == b'+')
    }
}

/// Whether what `raw` decodes to is longer than `limit` bytes (found without decoding it;
/// `escaped` tells whether it has any escape). `offset` is the position of `raw`, for the error
/// of a `%` not followed by two hexadecimal digits.
fn over_limit(raw: &[u8], escaped: bool, offset: usize, limit: usize) -> Result<bool, DecodeError> {
    // An escape only shortens the text, so only text longer than the limit needs counting.
    Ok(raw.len() > limit && (!escaped || decoded_len(raw, offset)? > limit))
}

/// Decodes the `+` and `%XX` escapes of `raw` in one pass into `decoded`, which must have room
/// for `raw.len()` bytes (escapes only shorten), and answers the length decoded. `offset` is the
/// position of `raw`, for the error of a `%` not followed by two hexadecimal digits (the first
/// such `%`).
fn unescape_to(raw: &[u8], offset: usize, decoded: &mut [u8]) -> Result<usize, DecodeError> {
    let mut len = 0;
    let mut at = 0;
    while let (Some(&byte), Some(out)) = (raw.get(at), decoded.get_mut(len)) {
        match byte {
            b'+' => {
                *out = b' ';
                at += 1;
            }
            b'%' => {
                let digit = |at: usize| raw.get(at).and_then(|&byte| char::from(byte).to_digit(16));
                let (Some(high), Some(low)) = (digit(at + 1), digit(at + 2)) else {
                    return Err(DecodeError::InvalidPercentEncoding { offset: offset + at });
                };
                // Two hexadecimal digits make at most 0xFF.
                *out = (high * 16 + low) as u8;
                at += 3;
            }
            _ => {
                *out = byte;
                at += 1;
            }
        }
        len += 1;
    }
    Ok(len)
}

/// [`unescape_to`] into a new buffer of the right length.
fn unescape(raw: &[u8], offset: usize) -> Result<Vec<u8>, DecodeError> {
    let mut decoded = vec![0; raw.len()];
    let len = unescape_to(raw, offset, &mut decoded)?;
    decoded.truncate(len);
    Ok(decoded)
}

/// Checks that every `%` in `raw` starts an escape of two hexadecimal digits, and answers the
/// length `raw` decodes to. `offset` is the position of `raw` for the error.
fn decoded_len(raw: &[u8], offset: usize) -> Result<usize, DecodeError> {
    let mut escapes = 0;
    let mut rest_start = 0;
    while let Some(found) = raw[rest_start..].iter().position(|&byte| byte == b'%') {
        let percent = rest_start + found;
        let is_hex = |at: usize| raw.get(at).is_some_and(u8::is_ascii_hexdigit);
        if !(is_hex(percent + 1) && is_hex(percent + 2)) {
            return Err(DecodeError::InvalidPercentEncoding { offset: offset + percent });
        }
        escapes += 1;
        rest_start = percent + 3;
    }
    Ok(raw.len() - 2 * escapes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldValue;
    use crate::decode::test_support::{message, pairs};

    fn decode(body: &str) -> Result<FormData, DecodeError> {
        decode_urlencoded(body.as_bytes(), &Limits::default())
    }

    #[test]
    fn keeps_order_and_repeated_names() {
        let data = decode("b=2&a=1&b=3&c=&b=4").unwrap();
        assert_eq!(pairs(&data), [("b", "2"), ("a", "1"), ("b", "3"), ("c", ""), ("b", "4")]);
        assert!(data.iter().all(|(_, value)| matches!(value, FieldValue::Text(_))));
    }

    #[test]
    fn plus_and_percent_20_are_spaces_but_percent_2b_is_a_plus() {
        let data = decode("full+name=Ada+Lovelace&city=New%20York&sum=1%2B1&both=a+%20+b").unwrap();
        assert_eq!(
            pairs(&data),
            [("full name", "Ada Lovelace"), ("city", "New York"), ("sum", "1+1"), ("both", "a   b")]
        );
    }

    #[test]
    fn escaped_separators_are_data() {
        let data = decode("a%3Db=c%26d&e==f").unwrap();
        assert_eq!(pairs(&data), [("a=b", "c&d"), ("e", "=f")]);
    }

    #[test]
    fn multibyte_utf8_escaped_or_raw() {
        let data = decode("%E5%90%8D%E5%89%8D=%C3%A9t%C3%A9&raw=caf\u{e9}&emoji=%F0%9F%A6%80").unwrap();
        assert_eq!(pairs(&data), [("名前", "été"), ("raw", "café"), ("emoji", "🦀")]);
    }

    #[test]
    fn long_escaped_names_and_values() {
        let name = "n%41".repeat(100);
        let value = "v+%2B".repeat(100);
        let data = decode(&format!("{name}={value}&%24bound=x")).unwrap();
        assert_eq!(pairs(&data), [("nA".repeat(100).as_str(), "v +".repeat(100).as_str()), ("$bound", "x")]);
        // Raw bytes that are not ASCII elsewhere in the body: each part is checked on its own.
        let data = decode_urlencoded(b"a%41=1&b=caf\xc3\xa9", &Limits::default()).unwrap();
        assert_eq!(pairs(&data), [("aA", "1"), ("b", "caf\u{e9}")]);
        assert_eq!(
            message(decode_urlencoded(b"ok=\xff&n%41=x", &Limits::default())),
            "the value of `ok` is not valid UTF-8"
        );
        assert_eq!(
            message(decode_urlencoded(b"ok=1&n%41\xff=x", &Limits::default())),
            "the field name at byte 5 is not valid UTF-8"
        );
    }

    #[test]
    fn lowercase_hex_is_accepted() {
        let data = decode("a=%c3%a9").unwrap();
        assert_eq!(data.text("a"), Some("é"));
    }

    #[test]
    fn pair_without_equals_is_an_empty_value_and_empty_pairs_are_skipped() {
        let data = decode("&a=1&&flag&=x&b=2&").unwrap();
        assert_eq!(pairs(&data), [("a", "1"), ("flag", ""), ("", "x"), ("b", "2")]);
        assert!(decode("").unwrap().is_empty());
        assert!(decode("&&&").unwrap().is_empty());
    }

    #[test]
    fn bad_percent_escapes_are_errors_with_their_position() {
        assert_eq!(message(decode("name=Ada&notes=100%")), "invalid percent-encoding at byte 18");
        assert_eq!(message(decode("name=Ada&notes=100%25&x=%zz")), "invalid percent-encoding at byte 24");
        assert_eq!(message(decode("a=%4")), "invalid percent-encoding at byte 2");
        assert_eq!(message(decode("a%g1=1")), "invalid percent-encoding at byte 1");
        assert_eq!(message(decode("%=1")), "invalid percent-encoding at byte 0");
        assert_eq!(message(decode("a=%%41")), "invalid percent-encoding at byte 2");
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_field() {
        assert_eq!(message(decode("name=%FF")), "the value of `name` is not valid UTF-8");
        assert_eq!(message(decode("ok=1&name=%C3")), "the value of `name` is not valid UTF-8");
        assert_eq!(
            message(decode_urlencoded(b"name=\xff", &Limits::default())),
            "the value of `name` is not valid UTF-8"
        );
        assert_eq!(message(decode("ok=1&n%FFme=x")), "the field name at byte 5 is not valid UTF-8");
    }

    #[test]
    fn field_limit_counts_entries_and_stops_early() {
        let limits = Limits::default().with_max_fields(3);
        assert_eq!(decode_urlencoded(b"a=1&b=2&&a=3", &limits).unwrap().len(), 3);
        let error = decode_urlencoded(b"a=1&b=2&a=3&c=4", &limits).unwrap_err();
        assert_eq!(error.to_string(), "too many fields: the limit is 3");
        assert!(error.is_limit());
        // The fifth pair is malformed, but the limit is noticed at the fourth: decoding stops there.
        let error = decode_urlencoded(b"a=1&b=2&a=3&c=4&d=%", &limits).unwrap_err();
        assert_eq!(error.to_string(), "too many fields: the limit is 3");
    }

    #[test]
    fn default_field_limit() {
        let body = vec!["a=1"; 1000].join("&");
        assert_eq!(decode(&body).unwrap().len(), 1000);
        let error = decode(&format!("{body}&a=1")).unwrap_err();
        assert_eq!(error.to_string(), "too many fields: the limit is 1000");
    }

    #[test]
    fn value_limit_counts_decoded_bytes() {
        let limits = Limits::default().with_max_field_bytes(4);
        let data = decode_urlencoded(b"notes=%C3%A9%C3%A9&other=ab+d", &limits).unwrap();
        assert_eq!(data.text("notes"), Some("éé"));
        let error = decode_urlencoded(b"notes=abcde", &limits).unwrap_err();
        assert_eq!(error.to_string(), "the value of `notes` is larger than the limit of 4 bytes");
        assert!(error.is_limit());
    }

    #[test]
    fn name_limit_counts_decoded_bytes() {
        let limits = Limits::default().with_max_name_bytes(4);
        assert!(decode_urlencoded(b"%61bcd=1&a+b+=2", &limits).is_ok());
        let error = decode_urlencoded(b"abcde=1", &limits).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a field name is longer than the limit of 4 bytes (it starts with `abcde`)"
        );
        assert!(error.is_limit());
    }

    #[test]
    fn query_strings_with_or_without_question_mark() {
        let limits = Limits::default();
        let with = decode_query("?q=rust+forms&page=2&page=3", &limits).unwrap();
        let without = decode_query("q=rust+forms&page=2&page=3", &limits).unwrap();
        assert_eq!(with, without);
        assert_eq!(pairs(&with), [("q", "rust forms"), ("page", "2"), ("page", "3")]);
        assert!(decode_query("?", &limits).unwrap().is_empty());
        assert!(decode_query("", &limits).unwrap().is_empty());
        // Only one leading `?` is the separator; a second one is part of the name.
        assert_eq!(pairs(&decode_query("??a=1", &limits).unwrap()), [("?a", "1")]);
        assert_eq!(
            decode_query("?a=1&b=%x1", &limits).unwrap_err().to_string(),
            "invalid percent-encoding at byte 7"
        );
        assert_eq!(
            decode_query("a=1&b=%x1", &limits).unwrap_err().to_string(),
            "invalid percent-encoding at byte 6"
        );
    }
}
