//! Properties of the decoders over generated input: they never panic or hang, whatever the bytes,
//! and what a well-behaved client encodes decodes back exactly.

use std::convert::Infallible;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use bytes::Bytes;
use formaction::decode::{decode_body, decode_json, decode_multipart, decode_query, decode_urlencoded};
use formaction::{DecodeError, FormData, Limits, UploadedFile};
use proptest::prelude::*;

/// Runs a future whose input is all there (the body streams below never wait), failing instead of
/// hanging if it does not finish.
fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..1000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
    panic!("the decoder is stuck although the whole body is available");
}

/// `body` as a stream of chunks of `chunk` bytes.
fn chunked(body: &[u8], chunk: usize) -> impl futures_util::Stream<Item = Result<Bytes, Infallible>> + use<> {
    let body = Bytes::copy_from_slice(body);
    let chunks: Vec<_> = (0..body.len())
        .step_by(chunk.max(1))
        .map(|at| Ok(body.slice(at..(at + chunk.max(1)).min(body.len()))))
        .collect();
    futures_util::stream::iter(chunks)
}

fn multipart(body: &[u8], boundary: &str, chunk: usize, limits: &Limits) -> Result<FormData, DecodeError> {
    block_on(decode_multipart(chunked(body, chunk), boundary, limits))
}

fn text_pairs(data: &FormData) -> Vec<(String, String)> {
    data.iter()
        .map(|(name, value)| (name.to_owned(), value.as_text().unwrap_or("<file>").to_owned()))
        .collect()
}

/// One entry of a generated multipart body.
#[derive(Debug, Clone)]
enum Entry {
    Text { name: String, value: String },
    File { name: String, path: String, base_name: String, content_type: Option<String>, bytes: Vec<u8> },
}

const BOUNDARY: &str = "----formactionPropertyBoundary4Zx9";

/// Names as browsers put them in a Content-Disposition (they escape `"`, CR and LF). multer reads
/// parameters by searching the header for `name` and `filename`, so names containing `name` are
/// left out: a name like `x filename` would be read as a parameter (a multer limitation).
fn part_name() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 _.;:=\\[\\]é名🦀-]{0,12}".prop_filter("contains `name`", |name| !name.contains("name"))
}

fn entry() -> impl Strategy<Value = Entry> {
    let text = (part_name(), any::<String>()).prop_map(|(name, value)| Entry::Text { name, value });
    let file_bytes =
        prop::collection::vec(prop_oneof![any::<u8>(), Just(b'\r'), Just(b'\n'), Just(b'-')], 0..200);
    let directory = prop_oneof![Just(""), Just("dir/"), Just("../../"), Just("C:\\Users\\ada\\")];
    let content_type =
        prop_oneof![Just(None), Just(Some("text/plain")), Just(Some("image/png; charset=binary"))];
    let file = (part_name(), directory, "[a-zA-Z0-9 ._é-]{0,10}", content_type, file_bytes)
        .prop_filter("a `\\` before the closing quote escapes it", |(_, directory, base, _, _)| {
            !(directory.ends_with('\\') && base.is_empty())
        })
        .prop_filter("contains `name`", |(_, _, base, _, _)| !base.contains("name"))
        .prop_map(|(name, directory, base_name, content_type, bytes)| Entry::File {
            name,
            path: format!("{directory}{base_name}"),
            base_name,
            content_type: content_type.map(str::to_owned),
            bytes,
        });
    prop_oneof![text, file]
}

fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut body = b"preamble\r\n".to_vec();
    for entry in entries {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match entry {
            Entry::Text { name, value } => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                );
                body.extend_from_slice(value.as_bytes());
            }
            Entry::File { name, path, content_type, bytes, .. } => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{path}\"\r\n")
                        .as_bytes(),
                );
                if let Some(content_type) = content_type {
                    body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
                }
                body.extend_from_slice(b"\r\n");
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn expected(entries: &[Entry]) -> FormData {
    let mut data = FormData::new();
    for entry in entries {
        match entry {
            Entry::Text { name, value } => data.push_text(name, value),
            Entry::File { name, base_name, content_type, bytes, .. } => data.push_file(
                name,
                UploadedFile {
                    file_name: base_name.clone(),
                    content_type: content_type.clone(),
                    bytes: Bytes::copy_from_slice(bytes),
                },
            ),
        }
    }
    data
}

/// A way to damage a body: cut it, change a byte, add a byte, or drop a stretch.
#[derive(Debug, Clone)]
enum Corruption {
    Truncate(prop::sample::Index),
    Replace(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Remove(prop::sample::Index, usize),
}

fn corrupt(body: &mut Vec<u8>, corruption: &Corruption) {
    if body.is_empty() {
        return;
    }
    match corruption {
        Corruption::Truncate(at) => body.truncate(at.index(body.len())),
        Corruption::Replace(at, byte) => {
            let at = at.index(body.len());
            body[at] = *byte;
        }
        Corruption::Insert(at, byte) => body.insert(at.index(body.len()), *byte),
        Corruption::Remove(at, len) => {
            let start = at.index(body.len());
            let end = (start + len).min(body.len());
            body.drain(start..end);
        }
    }
}

fn corruption() -> impl Strategy<Value = Corruption> {
    let byte = prop_oneof![any::<u8>(), Just(b'\r'), Just(b'\n'), Just(b'-'), Just(b'"')];
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Corruption::Truncate),
        (any::<prop::sample::Index>(), byte.clone()).prop_map(|(at, byte)| Corruption::Replace(at, byte)),
        (any::<prop::sample::Index>(), byte).prop_map(|(at, byte)| Corruption::Insert(at, byte)),
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(at, len)| Corruption::Remove(at, len)),
    ]
}

/// Fragments that make arbitrary bytes look like multipart, so the parser gets past its first
/// steps.
fn multipart_ish(boundary: String) -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..16),
        Just(format!("--{boundary}").into_bytes()),
        Just(format!("\r\n--{boundary}").into_bytes()),
        Just(format!("--{boundary}--").into_bytes()),
        Just(b"\r\n".to_vec()),
        Just(b"\r\n\r\n".to_vec()),
        Just(b"Content-Disposition: form-data; name=\"a\"".to_vec()),
        Just(b"Content-Disposition: form-data; name=\"f\"; filename=\"x/y.txt\"".to_vec()),
        Just(b"Content-Type: text/plain".to_vec()),
    ];
    prop::collection::vec(fragment, 0..24).prop_map(|fragments| fragments.concat())
}

/// Small limits, so generated input reaches them.
fn tiny_limits() -> Limits {
    Limits::default()
        .with_max_fields(2)
        .with_max_field_bytes(3)
        .with_max_files(1)
        .with_max_file_bytes(3)
        .with_max_name_bytes(2)
}

fn fail(error: DecodeError) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

fn urlencoded_ish() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![any::<u8>(), Just(b'%'), Just(b'&'), Just(b'='), Just(b'+')];
    prop::collection::vec(byte, 0..256)
}

fn json_ish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just("\"a\""),
        Just(":"),
        Just(","),
        Just("1"),
        Just("null"),
        Just("\"\\u00e9\""),
    ];
    prop::collection::vec(token, 0..200).prop_map(|tokens| tokens.concat())
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

proptest! {
    #[test]
    fn urlencoded_never_panics(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_urlencoded(&body, &Limits::default());
        let _ = decode_urlencoded(&body, &tiny_limits());
    }

    #[test]
    fn urlencoded_like_bytes_never_panic(body in urlencoded_ish()) {
        let _ = decode_urlencoded(&body, &Limits::default());
        if let Ok(query) = std::str::from_utf8(&body) {
            let _ = decode_query(query, &Limits::default());
        }
    }

    #[test]
    fn urlencoded_agrees_with_form_urlencoded_when_it_accepts(body in "[a-z%0-9A-F&=+é]{0,64}") {
        if let Ok(data) = decode_urlencoded(body.as_bytes(), &Limits::default()) {
            let lenient: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect();
            prop_assert_eq!(text_pairs(&data), lenient);
        }
    }

    #[test]
    fn urlencoded_round_trip(pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..40)) {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(&pairs).finish();
        let data = decode_urlencoded(body.as_bytes(), &Limits::default()).map_err(fail)?;
        prop_assert_eq!(text_pairs(&data), pairs.clone());
        let query = decode_query(&format!("?{body}"), &Limits::default()).map_err(fail)?;
        prop_assert_eq!(query, data);
    }

    #[test]
    fn json_never_panics(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_json(&body, &Limits::default());
    }

    #[test]
    fn json_like_bytes_never_panic(body in json_ish()) {
        let _ = decode_json(body.as_bytes(), &Limits::default());
        let _ = decode_json(body.as_bytes(), &tiny_limits());
    }

    #[test]
    fn json_flat_objects_round_trip(pairs in prop::collection::vec(("[^.\\[]{0,8}", ".{0,20}"), 0..20)) {
        let members: Vec<String> = pairs
            .iter()
            .map(|(name, value)| format!("{}:{}", json_string(name), json_string(value)))
            .collect();
        let body = format!("{{{}}}", members.join(","));
        let data = decode_json(body.as_bytes(), &Limits::default()).map_err(fail)?;
        prop_assert_eq!(text_pairs(&data), pairs);
    }

    #[test]
    fn json_values_never_panic(value in json_value()) {
        let body = serde_json::to_vec(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let result = decode_json(&body, &Limits::default());
        if value.is_object() {
            // Generated values are shallow and small: only the limits could refuse them, and do not.
            prop_assert!(result.is_ok(), "{:?}", result);
        } else {
            prop_assert!(matches!(result, Err(DecodeError::JsonNotObject)));
        }
    }

    #[test]
    fn multipart_never_panics_on_arbitrary_bytes(
        boundary in any::<String>(),
        body in prop::collection::vec(any::<u8>(), 0..512),
        chunk in 1usize..64,
    ) {
        let _ = multipart(&body, &boundary, chunk, &Limits::default());
    }

    #[test]
    fn multipart_never_panics_on_multipart_like_bytes(
        (boundary, body) in "[a-zA-Z0-9'()+_,./:=? -]{0,20}"
            .prop_flat_map(|boundary| (Just(boundary.clone()), multipart_ish(boundary))),
        chunk in 1usize..64,
    ) {
        let _ = multipart(&body, &boundary, chunk, &Limits::default());
        let _ = multipart(&body, &boundary, chunk, &tiny_limits());
    }

    #[test]
    fn multipart_round_trip(entries in prop::collection::vec(entry(), 0..8), chunk in 1usize..128) {
        let body = encode(&entries);
        let data = multipart(&body, BOUNDARY, chunk, &Limits::default()).map_err(fail)?;
        prop_assert_eq!(data, expected(&entries));
    }

    #[test]
    fn corrupted_multipart_never_panics(
        entries in prop::collection::vec(entry(), 0..6),
        damage in prop::collection::vec(corruption(), 1..4),
        chunk in 1usize..128,
    ) {
        let mut body = encode(&entries);
        for corruption in &damage {
            corrupt(&mut body, corruption);
        }
        let _ = multipart(&body, BOUNDARY, chunk, &Limits::default());
        let _ = multipart(&body, BOUNDARY, chunk, &tiny_limits());
    }

    #[test]
    fn decode_body_never_panics(
        content_type in prop_oneof![
            Just("application/x-www-form-urlencoded".to_owned()),
            Just(format!("multipart/form-data; boundary={BOUNDARY}")),
            Just("application/json".to_owned()),
            any::<String>(),
        ],
        body in prop::collection::vec(any::<u8>(), 0..256),
    ) {
        let _ = block_on(decode_body(Some(&content_type), Bytes::from(body), &Limits::default()));
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        ".{0,8}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-z]{0,4}", inner), 0..6)
                .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

#[test]
fn a_browser_multipart_submission_through_decode_body() {
    // What Chrome sends for a form with a text input, two checkboxes, a file and an empty file input.
    let body = "------WebKitFormBoundaryu7e3Jx2zF4vB0aQh\r\n\
        Content-Disposition: form-data; name=\"title\"\r\n\r\n\
        Quarterly report\r\n\
        ------WebKitFormBoundaryu7e3Jx2zF4vB0aQh\r\n\
        Content-Disposition: form-data; name=\"tags\"\r\n\r\n\
        finance\r\n\
        ------WebKitFormBoundaryu7e3Jx2zF4vB0aQh\r\n\
        Content-Disposition: form-data; name=\"tags\"\r\n\r\n\
        q3\r\n\
        ------WebKitFormBoundaryu7e3Jx2zF4vB0aQh\r\n\
        Content-Disposition: form-data; name=\"report\"; filename=\"report.csv\"\r\n\
        Content-Type: text/csv\r\n\r\n\
        a,b\r\n1,2\r\n\r\n\
        ------WebKitFormBoundaryu7e3Jx2zF4vB0aQh\r\n\
        Content-Disposition: form-data; name=\"appendix\"; filename=\"\"\r\n\
        Content-Type: application/octet-stream\r\n\r\n\
        \r\n\
        ------WebKitFormBoundaryu7e3Jx2zF4vB0aQh--\r\n";
    let content_type = "multipart/form-data; boundary=----WebKitFormBoundaryu7e3Jx2zF4vB0aQh";
    let data = block_on(decode_body(Some(content_type), Bytes::from(body), &Limits::default())).unwrap();

    assert_eq!(data.text("title"), Some("Quarterly report"));
    assert_eq!(data.texts("tags").collect::<Vec<_>>(), ["finance", "q3"]);
    let report = data.file("report").unwrap();
    assert_eq!(report.file_name, "report.csv");
    assert_eq!(report.content_type.as_deref(), Some("text/csv"));
    assert_eq!(&report.bytes[..], b"a,b\r\n1,2\r\n");
    let appendix = data.file("appendix").unwrap();
    assert!(appendix.is_empty_selection());
    assert_eq!(appendix.content_type.as_deref(), Some("application/octet-stream"));
    assert_eq!(data.len(), 5);
}

#[test]
fn the_same_submission_in_every_format() {
    let limits = Limits::default();
    let urlencoded =
        decode_urlencoded(b"name=Ada&address.city=Oslo&tags=a&tags=b&items[0].qty=2", &limits).unwrap();
    let json = decode_json(
        br#"{"name":"Ada","address":{"city":"Oslo"},"tags":["a","b"],"items":[{"qty":2}]}"#,
        &limits,
    )
    .unwrap();
    let query =
        decode_query("?name=Ada&address.city=Oslo&tags=a&tags=b&items%5B0%5D.qty=2", &limits).unwrap();
    assert_eq!(urlencoded, json);
    assert_eq!(urlencoded, query);
}
