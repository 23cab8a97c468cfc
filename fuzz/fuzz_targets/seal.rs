//! Opening sealed values (`formaction::seal`, and the bound arguments of an action through
//! `open_bound`): arbitrary text, and edits of a value really sealed.
//!
//! Three kinds of input, by the first byte modulo 3:
//! - 0: the rest is text to open, as a browser could send it in the `$bound` field (the seed
//!   corpus holds values really sealed with the key below);
//! - 1: a value and a purpose to seal, then edits of the sealed text;
//! - 2: a serde value sealed and opened with an age limit, and opened for another purpose.
//!
//! Properties checked, beyond "no panic":
//! - nothing opens unless it was sealed with one of the keys, for the same purpose (a forgery
//!   would be a panic here);
//! - seal then open gives back the very bytes, and `seal_value` then `open_value` the same value;
//! - an edit that changes the decoded bytes is refused; an edit that opens gives the original;
//! - every refusal is a `SealError` with a message, never a panic.
#![no_main]

use std::time::Duration;

use arbitrary::{Arbitrary, Unstructured};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use formaction::FormData;
use formaction::seal::{Keys, MAX_PLAINTEXT_LEN, SealError, SealingError};
use libfuzzer_sys::fuzz_target;

/// The key the seed corpus was sealed with (and a previous one, for rotation).
const KEY: [u8; 32] = *b"formaction fuzzing key, 32 bytes";
const PREVIOUS: [u8; 32] = *b"formaction previous key, 32 byte";
/// The purpose of the seed corpus: what `open_bound` uses for the action `fuzz::action`.
const PURPOSE: &[u8] = b"formaction:bound:fuzz::action";

fn keys() -> Keys {
    Keys::new(KEY).with_previous(Keys::new(PREVIOUS))
}

#[derive(Debug, Arbitrary)]
enum Edit {
    Flip(u16, u8),
    Insert(u16, char),
    Remove(u16, u8),
    Truncate(u16),
    Swap(u16, u16),
    Pad(u8),
}

#[derive(Debug, Arbitrary)]
struct Sealing {
    purpose: Vec<u8>,
    plaintext: Vec<u8>,
    with_previous: bool,
    edits: Vec<Edit>,
}

#[derive(Debug, Arbitrary, serde::Serialize, serde::Deserialize, PartialEq)]
struct Bound {
    team: u64,
    name: String,
    tags: Vec<String>,
    ratio: Option<i32>,
    flag: bool,
}

fuzz_target!(|input: &[u8]| {
    let Some((&mode, rest)) = input.split_first() else { return };
    let keys = keys();
    match mode % 3 {
        0 => open_text(&keys, rest),
        1 => {
            if let Ok(sealing) = Sealing::arbitrary_take_rest(Unstructured::new(rest)) {
                edit_sealed(&keys, &sealing);
            }
        }
        _ => {
            if let Ok((value, purpose)) = <(Bound, Vec<u8>)>::arbitrary_take_rest(Unstructured::new(rest)) {
                values(&keys, &value, &purpose);
            }
        }
    }
});

/// Arbitrary text: it opens only if it is a value sealed with these keys for this purpose (the
/// seed corpus), and then only to what was sealed.
fn open_text(keys: &Keys, input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    let opened = keys.open(PURPOSE, &text);
    match &opened {
        Ok(plaintext) => {
            // Opening is deterministic, and the same value is refused for any other purpose.
            assert_eq!(keys.open(PURPOSE, &text).as_ref(), Ok(plaintext));
            assert_eq!(keys.open(b"formaction:bound:another", &text), Err(SealError::Rejected));
            assert_eq!(Keys::new([0; 32]).open(PURPOSE, &text), Err(SealError::Rejected));
        }
        Err(error) => check_error(error),
    }
    // Through an action's bound arguments, as the `$bound` field of a submission.
    let data = FormData::from_pairs([("$bound", text.as_ref())]);
    // The process's keys are these (installed once; later calls find them in place).
    let _ = formaction::seal::install(keys.clone());
    let result = formaction::__private::open_bound::<serde_json::Value>(&data, "fuzz::action", None);
    match (&opened, &result) {
        (Err(a), Err(b)) => assert_eq!(a, b),
        (Ok(plaintext), Ok(value)) => {
            // What opened is a timestamp and the JSON of the value.
            assert!(plaintext.len() >= 8);
            assert_eq!(
                &serde_json::from_slice::<serde_json::Value>(&plaintext[8..]).ok().as_ref(),
                &Some(value)
            );
        }
        (Ok(plaintext), Err(error)) => {
            assert!(
                plaintext.len() < 8 || serde_json::from_slice::<serde_json::Value>(&plaintext[8..]).is_err(),
                "{error:?}"
            );
            assert_eq!(error, &SealError::Undecodable);
        }
        (Err(_), Ok(value)) => panic!("open_bound opened what `open` refused: {value:?}"),
    }
    let missing = formaction::__private::open_bound::<u8>(&FormData::new(), "fuzz::action", None);
    assert_eq!(missing, Err(SealError::Missing));
}

/// Seals, checks the round trip, then edits the text: an edit that changes the bytes never opens.
fn edit_sealed(keys: &Keys, sealing: &Sealing) {
    let sealer = if sealing.with_previous { Keys::new(PREVIOUS) } else { keys.clone() };
    let sealed = match sealer.seal(&sealing.purpose, &sealing.plaintext) {
        Ok(sealed) => sealed,
        // Only a plaintext too long to open is refused.
        Err(error) => {
            assert!(sealing.plaintext.len() > MAX_PLAINTEXT_LEN, "{error}");
            assert!(matches!(error, SealingError::TooLarge { .. }), "{error}");
            return;
        }
    };
    assert_eq!(keys.open(&sealing.purpose, &sealed).as_deref(), Ok(&sealing.plaintext[..]));
    let mut other_purpose = sealing.purpose.clone();
    other_purpose.push(0);
    assert_eq!(keys.open(&other_purpose, &sealed), Err(SealError::Rejected));
    if sealing.with_previous {
        // The previous key opens, never seals: the current keys seal with the current key only.
        assert_eq!(
            Keys::new(PREVIOUS).open(&sealing.purpose, &keys.seal(&sealing.purpose, b"x").expect("one byte seals")),
            Err(SealError::Rejected)
        );
    }

    let original = URL_SAFE_NO_PAD.decode(&sealed).expect("sealed text is base64url");
    let mut text: Vec<char> = sealed.chars().collect();
    for edit in &sealing.edits {
        let at = |n: u16| usize::from(n) % (text.len() + 1);
        match *edit {
            Edit::Flip(n, mask) => {
                let at = at(n);
                if let Some(c) = text.get_mut(at) {
                    *c = char::from((*c as u8) ^ (mask & 0x7f));
                }
            }
            Edit::Insert(n, c) => {
                let at = at(n);
                text.insert(at, c);
            }
            Edit::Remove(n, len) => {
                let at = at(n);
                let end = (at + usize::from(len)).min(text.len());
                text.drain(at..end);
            }
            Edit::Truncate(n) => text.truncate(at(n)),
            Edit::Swap(a, b) => {
                let (a, b) = (at(a), at(b));
                if a < text.len() && b < text.len() {
                    text.swap(a, b);
                }
            }
            Edit::Pad(n) => text.extend(std::iter::repeat_n(' ', usize::from(n % 4))),
        }
    }
    let edited: String = text.into_iter().collect();
    match keys.open(&sealing.purpose, &edited) {
        Ok(plaintext) => {
            assert_eq!(plaintext, sealing.plaintext, "an edited value opened to something else");
            let bytes = URL_SAFE_NO_PAD.decode(edited.trim()).expect("what opened is base64url");
            assert_eq!(bytes, original, "different bytes opened");
        }
        Err(error) => {
            check_error(&error);
            if let Ok(bytes) = URL_SAFE_NO_PAD.decode(edited.trim()) {
                assert_ne!(bytes, original, "the same bytes were refused");
            }
        }
    }
}

/// A serde value round trip with an age limit, and refusals for another purpose and type.
fn values(keys: &Keys, value: &Bound, purpose: &[u8]) {
    let Ok(sealed) = keys.seal_value(purpose, value) else {
        // Only a value whose JSON is too long to open is refused.
        let json = serde_json::to_vec(value).expect("a value serialises");
        assert!(json.len() + 8 > MAX_PLAINTEXT_LEN);
        return;
    };
    let opened: Result<Bound, _> = keys.open_value(purpose, &sealed, Some(Duration::from_secs(60)));
    assert_eq!(opened.as_ref(), Ok(value));
    let opened: Result<Bound, _> = keys.open_value(purpose, &sealed, None);
    assert_eq!(opened.as_ref(), Ok(value));
    let mut other = purpose.to_vec();
    other.push(b'!');
    assert_eq!(keys.open_value::<Bound>(&other, &sealed, None), Err(SealError::Rejected));
    assert_eq!(keys.open_value::<(u8, u8)>(purpose, &sealed, None), Err(SealError::Undecodable));
}

fn check_error(error: &SealError) {
    assert!(!error.to_string().is_empty());
    assert_ne!(error, &SealError::Missing, "a value was given");
}
