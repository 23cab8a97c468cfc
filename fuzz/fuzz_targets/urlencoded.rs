//! `decode_urlencoded` and `decode_query` on arbitrary bytes.
//!
//! Properties checked, beyond "no panic":
//! - a body that decodes gives exactly what the lenient `form_urlencoded` parser gives (the two
//!   agree on every well-formed body; ours only refuses more);
//! - what decodes, encoded again by `form_urlencoded`'s serializer, decodes to the same entries;
//! - `decode_query` of `?body` is `decode_urlencoded` of `body`, with error offsets one further;
//! - tighter limits only ever turn a success into a limit error, never into another result;
//! - every error is a value with a short, printable message pointing inside the input.
#![no_main]

use formaction::decode::{decode_query, decode_urlencoded};
use formaction::{DecodeError, FieldValue, FormData, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    // The first byte picks tight limits for a second decoding; the rest is the body.
    let Some((&knob, body)) = input.split_first() else { return };
    let defaults = Limits::default();
    let decoded = decode_urlencoded(body, &defaults);

    match &decoded {
        Ok(data) => {
            assert!(data.len() <= defaults.max_fields);
            for (name, value) in data.iter() {
                let FieldValue::Text(text) = value else { panic!("a file from a urlencoded body") };
                assert!(name.len() <= defaults.max_name_bytes);
                assert!(text.len() <= defaults.max_field_bytes);
            }
            // The same entries as the lenient reference decoder.
            let reference: Vec<(String, String)> =
                form_urlencoded::parse(body).map(|(n, v)| (n.into_owned(), v.into_owned())).collect();
            assert_eq!(pairs(data), reference, "differs from form_urlencoded");
            // Encoded again, it decodes to the same entries.
            let mut encoder = form_urlencoded::Serializer::new(String::new());
            for (name, value) in &reference {
                encoder.append_pair(name, value);
            }
            let again = decode_urlencoded(encoder.finish().as_bytes(), &defaults).expect("re-encoded body");
            assert_eq!(&again, data);
        }
        Err(error) => check_error(error, body.len()),
    }

    // A query string with or without its `?`.
    if let Ok(text) = std::str::from_utf8(body) {
        let query = decode_query(&format!("?{text}"), &defaults);
        match (&decoded, &query) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => assert_eq!(shifted(a), b.to_string()),
            _ => panic!("decode_query disagrees: {decoded:?} / {query:?}"),
        }
        // Without the `?`, unless the text itself starts with one (then it is the separator).
        if !text.starts_with('?') {
            let bare = decode_query(text, &defaults);
            assert_eq!(format!("{bare:?}"), format!("{decoded:?}"));
        }
    }

    // Tight limits: a success stays the same success or becomes a limit error.
    let tight = Limits::default()
        .with_max_fields(usize::from(knob & 0x0f))
        .with_max_name_bytes(usize::from(knob >> 4) * 2)
        .with_max_field_bytes(usize::from(knob % 23));
    let limited = decode_urlencoded(body, &tight);
    match (&decoded, &limited) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Ok(_), Err(error)) => assert!(error.is_limit(), "tight limits gave {error:?}"),
        (Err(_), Ok(_)) => panic!("tight limits accepted what the defaults refused"),
        (Err(a), Err(b)) => {
            // Either the limit is hit first, or the same error is found.
            assert!(b.is_limit() || a.to_string() == b.to_string(), "{a:?} then {b:?}");
            check_error(b, body.len());
        }
    }
});

fn pairs(data: &FormData) -> Vec<(String, String)> {
    data.iter()
        .map(|(name, value)| (name.to_owned(), value.as_text().unwrap_or_default().to_owned()))
        .collect()
}

/// The message of `error` when the input had one more byte in front (a query's `?`).
fn shifted(error: &DecodeError) -> String {
    match error {
        DecodeError::InvalidPercentEncoding { offset } => {
            DecodeError::InvalidPercentEncoding { offset: offset + 1 }.to_string()
        }
        DecodeError::InvalidUtf8Name { offset: Some(offset) } => {
            DecodeError::InvalidUtf8Name { offset: Some(offset + 1) }.to_string()
        }
        other => other.to_string(),
    }
}

/// An error is a 4xx the client can act on: a short message of printable text (a snippet of at
/// most 64 characters, each escaped to at most 10), with a position
/// inside the body.
fn check_error(error: &DecodeError, len: usize) {
    let message = error.to_string();
    assert!(message.chars().count() <= 800, "long message: {message}");
    assert!(!message.chars().any(char::is_control), "control character in: {message:?}");
    assert!(!error.is_unsupported_media_type());
    match error {
        DecodeError::InvalidPercentEncoding { offset } => assert!(*offset < len),
        DecodeError::InvalidUtf8Name { offset } => assert!(offset.is_some_and(|at| at < len)),
        DecodeError::InvalidUtf8Value { .. }
        | DecodeError::TooManyFields { .. }
        | DecodeError::FieldTooLarge { .. }
        | DecodeError::NameTooLong { .. } => {}
        other => panic!("unexpected error for a urlencoded body: {other:?}"),
    }
}
