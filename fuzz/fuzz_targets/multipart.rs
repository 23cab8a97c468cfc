//! `decode_multipart` (and `decode_body` for multipart types) on hostile bodies.
//!
//! Two kinds of input, by the low bit of the first byte:
//! - raw: `[len, boundary (len bytes), body...]`, any bytes at all;
//! - structured: parts built by `arbitrary` (names, file names, content types, data, a preamble,
//!   an epilogue, then edits: truncation, a flipped byte, an inserted line break).
//!
//! Properties checked, beyond "no panic":
//! - the answer is the same whatever the chunking of the body (one piece, 1 byte, odd sizes);
//! - a well-formed body (as a browser writes it) decodes to exactly its parts: text as text, files
//!   with their base name, content type and bytes, in order;
//! - `decode_body` with the matching content type gives the same answer;
//! - errors are values with short, printable messages, and limits are respected.
#![no_main]

use std::convert::Infallible;

use arbitrary::{Arbitrary, Unstructured};
use bytes::Bytes;
use formaction::decode::{decode_body, decode_multipart, multipart_boundary};
use formaction::{DecodeError, FieldValue, FormData, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some((&mode, rest)) = input.split_first() else { return };
    if mode & 1 == 0 {
        raw(rest);
    } else {
        let Ok(body) = Structured::arbitrary_take_rest(Unstructured::new(rest)) else { return };
        structured(&body);
    }
});

/// Any bytes, with any boundary.
fn raw(input: &[u8]) {
    let Some((&len, rest)) = input.split_first() else { return };
    let len = usize::from(len).min(rest.len());
    let (boundary, body) = rest.split_at(len);
    let boundary = String::from_utf8_lossy(boundary);
    let chunk = len % 13 + 1;
    // The checks are inside; what it decoded is not known here.
    let _ = decode_everywhere(body, &boundary, &Limits::default(), chunk);
}

/// A part as the fuzzer describes it.
#[derive(Debug, Arbitrary)]
struct Part {
    name: String,
    /// `Some` makes it a file part (an empty string is an empty file input).
    file_name: Option<String>,
    content_type: Option<ContentType>,
    data: Vec<u8>,
}

#[derive(Debug, Arbitrary)]
enum ContentType {
    Plain,
    Octets,
    Png,
    Other(String),
}

/// An edit applied to the well-formed body, to reach the error paths from a valid start.
#[derive(Debug, Arbitrary)]
enum Edit {
    Truncate(u16),
    Flip(u16, u8),
    InsertCrlf(u16),
    Remove(u16, u8),
}

#[derive(Debug, Arbitrary)]
struct Structured {
    boundary: Vec<u8>,
    preamble: Option<Vec<u8>>,
    parts: Vec<Part>,
    epilogue: Vec<u8>,
    chunk: u8,
    tight: Option<(u8, u8, u8, u8)>,
    edits: Vec<Edit>,
}

/// The characters RFC 2046 allows in a boundary (a space only inside).
const BCHARS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'()+_,-./:=?";

fn structured(input: &Structured) {
    // A boundary of 1 to 70 allowed characters, as a browser makes.
    let mut boundary: String =
        input.boundary.iter().take(70).map(|b| char::from(BCHARS[usize::from(*b) % BCHARS.len()])).collect();
    if boundary.is_empty() {
        boundary.push('x');
    }
    let delimiter = format!("--{boundary}");

    let mut body = Vec::new();
    // Whether the body is exactly what a browser would send, so its entries are known.
    let mut exact = true;
    if let Some(preamble) = &input.preamble {
        exact &= !contains(preamble, delimiter.as_bytes());
        body.extend_from_slice(preamble);
        body.extend_from_slice(b"\r\n");
    }
    let mut expected = Vec::new();
    for part in &input.parts {
        let name = quotable(&part.name);
        exact &= !name.is_empty() && name == part.name;
        body.extend_from_slice(
            format!("{delimiter}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes(),
        );
        if let Some(file_name) = &part.file_name {
            let file_name = quotable(file_name);
            exact &= Some(&file_name) == part.file_name.as_ref();
            body.extend_from_slice(format!("; filename=\"{file_name}\"").as_bytes());
        }
        body.extend_from_slice(b"\r\n");
        let content_type = part.content_type.as_ref().map(|content_type| match content_type {
            ContentType::Plain => "text/plain".to_owned(),
            ContentType::Octets => "application/octet-stream".to_owned(),
            ContentType::Png => "image/png".to_owned(),
            ContentType::Other(other) => {
                let other = quotable(other);
                // A value that is not visible ASCII is no content type at all.
                exact &= !other.trim().is_empty() && other.trim() == other && other.is_ascii();
                other
            }
        });
        if let Some(content_type) = &content_type {
            body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(&part.data);
        body.extend_from_slice(b"\r\n");
        // Data that holds the delimiter ends the part early: not a browser's body.
        exact &= !contains(&part.data, delimiter.as_bytes());
        expected.push((name, part.file_name.as_deref().map(base_name), content_type, &part.data));
    }
    body.extend_from_slice(format!("{delimiter}--\r\n").as_bytes());
    body.extend_from_slice(&input.epilogue);

    for edit in &input.edits {
        exact = false;
        let at = |n: u16| usize::from(n) % (body.len() + 1);
        match *edit {
            Edit::Truncate(n) => body.truncate(at(n)),
            Edit::Flip(n, mask) => {
                let at = at(n);
                if let Some(byte) = body.get_mut(at) {
                    *byte ^= mask;
                }
            }
            Edit::InsertCrlf(n) => {
                let at = at(n);
                body.splice(at..at, *b"\r\n");
            }
            Edit::Remove(n, len) => {
                let at = at(n);
                let end = (at + usize::from(len)).min(body.len());
                body.drain(at..end);
            }
        }
    }

    let limits = match input.tight {
        Some((fields, files, field_bytes, file_bytes)) => {
            exact = false;
            Limits::default()
                .with_max_fields(usize::from(fields % 8))
                .with_max_files(usize::from(files % 4))
                .with_max_field_bytes(usize::from(field_bytes))
                .with_max_file_bytes(usize::from(file_bytes))
                .with_max_name_bytes(usize::from(fields))
        }
        None => Limits::default(),
    };
    let decoded = decode_everywhere(&body, &boundary, &limits, usize::from(input.chunk) + 1);

    if exact && expected.len() <= Limits::DEFAULT_MAX_FILES {
        // A text part that is not UTF-8 is refused, naming the first such part.
        let first_bad_text = expected
            .iter()
            .find(|(_, file_name, _, data)| file_name.is_none() && std::str::from_utf8(data).is_err());
        match (first_bad_text, &decoded) {
            (Some((name, ..)), Err(DecodeError::InvalidUtf8Value { name: got })) => assert_eq!(got, name),
            (Some(_), other) => panic!("a text part that is not UTF-8 gave {other:?}"),
            (None, Ok(data)) => {
                assert_eq!(data.len(), expected.len());
                for ((name, value), (want_name, file_name, content_type, bytes)) in data.iter().zip(&expected)
                {
                    assert_eq!(name, want_name);
                    match (value, file_name) {
                        (FieldValue::Text(text), None) => assert_eq!(text.as_bytes(), &bytes[..]),
                        (FieldValue::File(file), Some(file_name)) => {
                            assert_eq!(&file.file_name, file_name);
                            assert_eq!(file.content_type.as_deref(), content_type.as_deref());
                            assert_eq!(&file.bytes[..], &bytes[..]);
                        }
                        (value, file_name) => panic!("{name}: {value:?} for file name {file_name:?}"),
                    }
                }
            }
            (None, Err(error)) => {
                panic!("a browser's body was refused: {error}\n{:?}", String::from_utf8_lossy(&body))
            }
        }
    }
}

/// Decodes `body` in one piece, in chunks of `chunk` bytes and of 1 byte, and through
/// `decode_body`: every answer must be the same. Checks the answer's limits and error.
fn decode_everywhere(
    body: &[u8],
    boundary: &str,
    limits: &Limits,
    chunk: usize,
) -> Result<FormData, DecodeError> {
    let whole = decode(body, boundary, limits, body.len().max(1));
    for size in [chunk, 1] {
        same(&whole, &decode(body, boundary, limits, size), size);
    }
    // `decode_body` with the content type a browser writes for this boundary.
    let content_type = format!("multipart/form-data; boundary=\"{boundary}\"");
    if !boundary.is_empty()
        && !boundary.contains(['"', '\\', '\r', '\n'])
        && boundary.is_ascii()
        && multipart_boundary(&content_type).is_ok_and(|parsed| parsed == boundary)
    {
        let future = decode_body(Some(&content_type), Bytes::copy_from_slice(body), limits);
        same(&whole, &block_on(future), 0);
    }
    match &whole {
        Ok(data) => {
            assert!(data.len() <= limits.max_fields);
            let files = data.iter().filter(|(_, value)| value.as_file().is_some()).count();
            assert!(files <= limits.max_files);
            for (name, value) in data.iter() {
                assert!(name.len() <= limits.max_name_bytes);
                match value {
                    FieldValue::Text(text) => assert!(text.len() <= limits.max_field_bytes),
                    FieldValue::File(file) => {
                        assert!(file.bytes.len() <= limits.max_file_bytes);
                        assert!(!file.file_name.contains(['/', '\\']), "a path kept: {:?}", file.file_name);
                    }
                }
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.chars().count() <= 800, "long message: {message}");
            assert!(!message.chars().any(char::is_control), "control character in: {message:?}");
            assert!(!error.is_unsupported_media_type());
            assert!(
                !matches!(error, DecodeError::BodyRead(_)),
                "no read error from a stream that cannot fail"
            );
        }
    }
    whole
}

fn decode(body: &[u8], boundary: &str, limits: &Limits, chunk: usize) -> Result<FormData, DecodeError> {
    let body = Bytes::copy_from_slice(body);
    let chunks: Vec<Result<Bytes, Infallible>> =
        (0..body.len()).step_by(chunk).map(|at| Ok(body.slice(at..(at + chunk).min(body.len())))).collect();
    block_on(decode_multipart(futures_util::stream::iter(chunks), boundary, limits))
}

fn same(a: &Result<FormData, DecodeError>, b: &Result<FormData, DecodeError>, chunk: usize) {
    match (a, b) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "chunks of {chunk}"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "chunks of {chunk}"),
        _ => panic!("chunks of {chunk}: {a:?} but {b:?}"),
    }
}

thread_local! {
    static RUNTIME: tokio::runtime::Runtime =
        tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
}

fn block_on<F: Future>(future: F) -> F::Output {
    RUNTIME.with(|runtime| runtime.block_on(future))
}

/// `text` as a browser puts it in a quoted header parameter: without `"`, `\`, line breaks and
/// other control characters (browsers percent-encode those), and without the word `name`, which
/// multer's parameter search would take for a parameter of its own.
fn quotable(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '"' | '\\') && !c.is_control())
        .collect::<String>()
        .replace("name", "")
}

/// The file name a browser's path ends with.
fn base_name(file_name: &str) -> String {
    let quoted = quotable(file_name);
    quoted.rsplit(['/', '\\']).next().unwrap_or_default().to_owned()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}
