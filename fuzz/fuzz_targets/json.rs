//! `decode_json` (a JSON body flattened into the names a form would send) on arbitrary bytes.
//!
//! Properties checked, beyond "no panic":
//! - it succeeds only on a JSON object, and says why otherwise (not JSON, not an object, too deep);
//! - the entries are those of a small model flattener written here from the documentation, run
//!   over `serde_json::Value` (which keeps one of repeated keys, so the model's entries are a part
//!   of ours, all of them when no key repeats);
//! - tighter limits only ever turn a success into a limit error;
//! - errors are values with short, printable messages.
#![no_main]

use formaction::decode::{MAX_JSON_DEPTH, decode_json};
use formaction::{DecodeError, FieldValue, Limits};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|input: &[u8]| {
    let Some((&knob, body)) = input.split_first() else { return };
    let limits = Limits::default();
    let decoded = decode_json(body, &limits);
    // serde_json's own limit is 128 levels; the decoder's is lower.
    let parsed = serde_json::from_slice::<Value>(body);

    match &decoded {
        Ok(data) => {
            let Ok(Value::Object(object)) = &parsed else {
                panic!("decoded something that is not an object: {parsed:?}")
            };
            assert!(depth(parsed.as_ref().expect("parsed")) <= MAX_JSON_DEPTH);
            let mut ours: Vec<(String, String)> = data
                .iter()
                .map(|(name, value)| match value {
                    FieldValue::Text(text) => (name.to_owned(), text.clone()),
                    FieldValue::File(_) => panic!("a file from JSON"),
                })
                .collect();
            let mut model = Vec::new();
            for (key, value) in object {
                flatten(key, value, &mut model);
            }
            ours.sort();
            model.sort();
            if ours.len() == model.len() {
                assert_eq!(ours, model);
            } else {
                assert!(ours.len() > model.len(), "fewer entries than the model");
                let mut rest = ours.clone();
                for entry in &model {
                    let at =
                        rest.iter().position(|e| e == entry).unwrap_or_else(|| panic!("missing {entry:?}"));
                    rest.remove(at);
                }
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.chars().count() <= 800, "long message: {message}");
            assert!(!message.chars().any(char::is_control), "control character in: {message:?}");
            match error {
                DecodeError::InvalidJson { .. } => {
                    // Either not JSON at all, or serde_json's own depth limit was reached first.
                    assert!(parsed.is_err(), "valid JSON refused as invalid: {error}");
                }
                DecodeError::JsonNotObject => assert!(!matches!(parsed, Ok(Value::Object(_)))),
                DecodeError::JsonTooDeep { .. } => {
                    if let Ok(value) = &parsed {
                        assert!(depth(value) > MAX_JSON_DEPTH);
                    }
                }
                other => assert!(other.is_limit(), "unexpected error {other:?}"),
            }
        }
    }

    let tight = Limits::default()
        .with_max_fields(usize::from(knob & 0x0f))
        .with_max_name_bytes(usize::from(knob >> 4) * 3)
        .with_max_field_bytes(usize::from(knob % 17));
    match (&decoded, decode_json(body, &tight)) {
        (Ok(a), Ok(b)) => assert_eq!(a, &b),
        (Ok(_), Err(error)) => assert!(error.is_limit(), "tight limits gave {error:?}"),
        (Err(_), Ok(_)) => panic!("tight limits accepted what the defaults refused"),
        (Err(_), Err(_)) => {}
    }
});

/// The documented flattening: dotted names for objects, repeated names for arrays of scalars,
/// `name[i]` for containers inside arrays, `null` left out.
fn flatten(name: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((name.to_owned(), b.to_string())),
        Value::Number(n) => out.push((name.to_owned(), n.to_string())),
        Value::String(s) => out.push((name.to_owned(), s.clone())),
        Value::Object(object) => {
            for (key, value) in object {
                flatten(&format!("{name}.{key}"), value, out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                match item {
                    Value::Object(_) | Value::Array(_) => flatten(&format!("{name}[{index}]"), item, out),
                    scalar => flatten(name, scalar, out),
                }
            }
        }
    }
}

/// Levels of objects and arrays: `{}` is 1.
fn depth(value: &Value) -> usize {
    match value {
        Value::Object(object) => 1 + object.values().map(depth).max().unwrap_or(0),
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}
