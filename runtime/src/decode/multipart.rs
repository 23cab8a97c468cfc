//! `multipart/form-data` bodies (forms with `enctype="multipart/form-data"`, needed for file
//! inputs), parsed by the `multer` crate.

use bytes::{Bytes, BytesMut};
use futures_util::Stream;

use super::{DecodeError, Limits};
use crate::guard::MediaType;
use crate::{FormData, UploadedFile};

/// The boundary of a `multipart/form-data` content type (a `Content-Type` header value).
///
/// # Errors
///
/// [`DecodeError::MissingBoundary`] for a `multipart/form-data` type without a usable `boundary`
/// parameter, [`DecodeError::UnsupportedContentType`] for any other type.
///
/// ```
/// use formaction::decode::multipart_boundary;
///
/// let boundary = multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryX")?;
/// assert_eq!(boundary, "----WebKitFormBoundaryX");
/// # Ok::<(), formaction::DecodeError>(())
/// ```
pub fn multipart_boundary(content_type: &str) -> Result<String, DecodeError> {
    match multer::parse_boundary(content_type) {
        Ok(boundary) if !boundary.is_empty() => Ok(boundary),
        Ok(_) | Err(multer::Error::NoBoundary) => Err(DecodeError::MissingBoundary),
        // A multipart type whose parameters do not parse (`boundary` without a value, an open quote).
        Err(_) if MediaType::of(content_type) == Some(MediaType::Multipart) => {
            Err(DecodeError::MissingBoundary)
        }
        Err(_) => Err(super::unsupported(Some(content_type))),
    }
}

/// Decodes a `multipart/form-data` body, read from `body` (the request's body stream) as it
/// arrives.
///
/// A part with a `filename` parameter (even an empty one, which is what browsers send for a file
/// input left empty) is a [`FieldValue::File`](crate::FieldValue::File): its name keeps only what
/// follows the last `/` or `\` (browsers and some clients send paths), and its content type is
/// the part's `Content-Type`. Every other part is a text value. Entries keep their order,
/// repeated names included.
///
/// `limits` are checked part by part and chunk by chunk: a part beyond a limit stops the decoding
/// before the rest of the body is read.
///
/// # Errors
///
/// A body that does not follow the format (another boundary, truncated, no closing boundary), a
/// part without a name, a text part that is not UTF-8, a submission beyond `limits`, or a failure
/// to read `body` ([`DecodeError::BodyRead`]).
///
/// ```
/// use formaction::decode::decode_multipart;
/// use formaction::Limits;
///
/// # async fn run() -> Result<(), formaction::DecodeError> {
/// let body = "--XyZ\r\n\
///     Content-Disposition: form-data; name=\"title\"\r\n\r\n\
///     Hello\r\n\
///     --XyZ\r\n\
///     Content-Disposition: form-data; name=\"doc\"; filename=\"C:\\\\Users\\\\ada\\\\notes.txt\"\r\n\
///     Content-Type: text/plain\r\n\r\n\
///     line 1\r\nline 2\r\n\
///     --XyZ--\r\n";
/// let stream = futures_util::stream::iter([Ok::<_, std::convert::Infallible>(bytes::Bytes::from(body))]);
/// let data = decode_multipart(stream, "XyZ", &Limits::default()).await?;
/// assert_eq!(data.text("title"), Some("Hello"));
/// let doc = data.file("doc").unwrap();
/// assert_eq!(doc.file_name, "notes.txt");
/// assert_eq!(doc.content_type.as_deref(), Some("text/plain"));
/// assert_eq!(&doc.bytes[..], b"line 1\r\nline 2");
/// # Ok(())
/// # }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(run()).unwrap();
/// ```
pub async fn decode_multipart<S, E>(body: S, boundary: &str, limits: &Limits) -> Result<FormData, DecodeError>
where
    S: Stream<Item = Result<Bytes, E>> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if boundary.is_empty() {
        return Err(DecodeError::MissingBoundary);
    }
    let mut multipart = multer::Multipart::new(body, boundary);
    let mut data = FormData::new();
    let mut files = 0;
    loop {
        let mut part = match multipart.next_field().await {
            Ok(Some(part)) => part,
            Ok(None) => return Ok(data),
            Err(error) => return Err(multer_error(error, data.is_empty())),
        };

        let Some(name) = part.name().map(str::to_owned) else {
            return Err(nameless(&part));
        };
        if name.len() > limits.max_name_bytes {
            return Err(DecodeError::name_too_long(name.as_bytes(), limits.max_name_bytes));
        }
        if data.len() >= limits.max_fields {
            return Err(DecodeError::TooManyFields { limit: limits.max_fields });
        }

        match part.file_name().map(base_name) {
            Some(file_name) => {
                if files >= limits.max_files {
                    return Err(DecodeError::TooManyFiles { limit: limits.max_files });
                }
                files += 1;
                let content_type = declared_content_type(&part);
                let Some(bytes) = read_part(&mut part, limits.max_file_bytes).await? else {
                    return Err(DecodeError::FileTooLarge { name, limit: limits.max_file_bytes });
                };
                data.push_file(name, UploadedFile { file_name, content_type, bytes });
            }
            None => {
                if content_disposition_is_not_utf8(&part) {
                    // multer finds no `filename` in a header that is not UTF-8: do not let a file
                    // pass for a text value.
                    return Err(DecodeError::malformed(format!(
                        "the Content-Disposition of the part `{}` is not valid UTF-8",
                        super::Snippet(&name)
                    )));
                }
                let Some(bytes) = read_part(&mut part, limits.max_field_bytes).await? else {
                    return Err(DecodeError::FieldTooLarge { name, limit: limits.max_field_bytes });
                };
                match String::from_utf8(Vec::from(bytes)) {
                    Ok(text) => data.push_text(name, text),
                    Err(_) => return Err(DecodeError::InvalidUtf8Value { name }),
                }
            }
        }
    }
}

/// Reads the rest of a part, or answers `None` as soon as it is longer than `limit` bytes.
async fn read_part(part: &mut multer::Field<'_>, limit: usize) -> Result<Option<Bytes>, DecodeError> {
    let mut first: Option<Bytes> = None;
    let mut joined = BytesMut::new();
    let mut len = 0usize;
    while let Some(chunk) = part.chunk().await.map_err(|error| multer_error(error, false))? {
        len = len.saturating_add(chunk.len());
        if len > limit {
            return Ok(None);
        }
        // The usual case is a single chunk: keep it as it is rather than copy it.
        match first.take() {
            None if joined.is_empty() => first = Some(chunk),
            None => joined.extend_from_slice(&chunk),
            Some(previous) => {
                joined.extend_from_slice(&previous);
                joined.extend_from_slice(&chunk);
            }
        }
    }
    Ok(Some(first.unwrap_or_else(|| joined.freeze())))
}

/// The file name without any directory: what follows the last `/` or `\`.
fn base_name(file_name: &str) -> String {
    match file_name.rfind(['/', '\\']) {
        Some(separator) => file_name[separator + 1..].to_owned(),
        None => file_name.to_owned(),
    }
}

/// The part's `Content-Type` as declared, if it has a readable one.
fn declared_content_type(part: &multer::Field<'_>) -> Option<String> {
    let value = part.headers().get("content-type")?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn content_disposition_is_not_utf8(part: &multer::Field<'_>) -> bool {
    part.headers()
        .get("content-disposition")
        .is_some_and(|value| std::str::from_utf8(value.as_bytes()).is_err())
}

/// The error for a part without a name: no name at all, or one multer could not read.
fn nameless(part: &multer::Field<'_>) -> DecodeError {
    if content_disposition_is_not_utf8(part) {
        DecodeError::malformed("the Content-Disposition of a part is not valid UTF-8")
    } else {
        DecodeError::PartWithoutName
    }
}

/// Our words for multer's errors. `before_first_part` tells a body that never reached a part
/// (most likely another boundary than the content type's) from one that stopped short.
fn multer_error(error: multer::Error, before_first_part: bool) -> DecodeError {
    match error {
        multer::Error::StreamReadFailed(cause) => DecodeError::BodyRead(cause),
        multer::Error::IncompleteStream if before_first_part => DecodeError::malformed(
            "the body ended before the first part (is the boundary the one in the content type?)",
        ),
        multer::Error::IncompleteStream => {
            DecodeError::malformed("the body ended without the closing boundary")
        }
        multer::Error::IncompleteFieldData { field_name: Some(name) } => {
            DecodeError::malformed(format!("the body ended inside the part `{}`", super::Snippet(&name)))
        }
        multer::Error::IncompleteFieldData { field_name: None } => {
            DecodeError::malformed("the body ended inside a part")
        }
        multer::Error::IncompleteHeaders
        | multer::Error::ReadHeaderFailed(_)
        | multer::Error::DecodeHeaderName { .. }
        | multer::Error::DecodeHeaderValue { .. } => {
            DecodeError::malformed("the headers of a part are invalid")
        }
        other => DecodeError::malformed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use super::*;
    use crate::FieldValue;
    use crate::decode::test_support::message;

    const B: &str = "----formaction7MA4YWxkTrZu0gW";

    fn run<T>(future: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread().build().expect("a runtime").block_on(future)
    }

    /// Decodes `body` delivered in chunks of `chunk` bytes (0: in one piece).
    fn decode_chunked(
        body: &[u8],
        boundary: &str,
        limits: &Limits,
        chunk: usize,
    ) -> Result<FormData, DecodeError> {
        let body = Bytes::copy_from_slice(body);
        let chunks: Vec<Result<Bytes, Infallible>> = if chunk == 0 {
            vec![Ok(body)]
        } else {
            (0..body.len())
                .step_by(chunk)
                .map(|at| Ok(body.slice(at..(at + chunk).min(body.len()))))
                .collect()
        };
        run(decode_multipart(futures_util::stream::iter(chunks), boundary, limits))
    }

    fn decode_with(body: &[u8], limits: &Limits) -> Result<FormData, DecodeError> {
        let whole = decode_chunked(body, B, limits, 0);
        // The same answer whatever the chunking.
        for chunk in [1, 7, 64] {
            let chunked = decode_chunked(body, B, limits, chunk);
            match (&whole, &chunked) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "chunks of {chunk}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "chunks of {chunk}"),
                _ => panic!("chunks of {chunk}: {whole:?} but {chunked:?}"),
            }
        }
        whole
    }

    fn decode(body: &[u8]) -> Result<FormData, DecodeError> {
        decode_with(body, &Limits::default())
    }

    /// A part: its Content-Disposition parameters, extra header lines, and data.
    fn part(disposition: &str, headers: &str, data: &[u8]) -> Vec<u8> {
        let mut part =
            format!("--{B}\r\nContent-Disposition: form-data{disposition}\r\n{headers}\r\n").into_bytes();
        part.extend_from_slice(data);
        part.extend_from_slice(b"\r\n");
        part
    }

    fn text(name: &str, value: &str) -> Vec<u8> {
        part(&format!("; name=\"{name}\""), "", value.as_bytes())
    }

    fn file(name: &str, file_name: &str, content_type: &str, data: &[u8]) -> Vec<u8> {
        part(
            &format!("; name=\"{name}\"; filename=\"{file_name}\""),
            &format!("Content-Type: {content_type}\r\n"),
            data,
        )
    }

    fn body(parts: &[Vec<u8>]) -> Vec<u8> {
        let mut body = parts.concat();
        body.extend_from_slice(format!("--{B}--\r\n").as_bytes());
        body
    }

    #[test]
    fn text_parts_in_order_with_repeats_and_multibyte() {
        let data = decode(&body(&[
            text("tags", "a"),
            text("名前", "Zoë 🦀"),
            text("tags", "b"),
            text("empty", ""),
            text("lines", "one\r\ntwo\r\n"),
        ]))
        .unwrap();
        let entries: Vec<_> = data.iter().map(|(name, value)| (name, value.as_text())).collect();
        assert_eq!(
            entries,
            [
                ("tags", Some("a")),
                ("名前", Some("Zoë 🦀")),
                ("tags", Some("b")),
                ("empty", Some("")),
                ("lines", Some("one\r\ntwo\r\n")),
            ]
        );
    }

    #[test]
    fn files_keep_their_bytes_name_and_type() {
        let binary: Vec<u8> =
            (0..=255u8).chain(*b"\r\n\r\n--not-the-boundary\r\n-").chain(0..=255u8).collect();
        let data = decode(&body(&[
            text("title", "Report"),
            file("doc", "report.bin", "application/octet-stream", &binary),
            file("photo", "C:\\Users\\ada\\cat.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            file("unix", "../../etc/passwd", "text/plain", b"x"),
        ]))
        .unwrap();
        let doc = data.file("doc").unwrap();
        assert_eq!(doc.file_name, "report.bin");
        assert_eq!(doc.content_type.as_deref(), Some("application/octet-stream"));
        assert_eq!(&doc.bytes[..], &binary[..]);
        let photo = data.file("photo").unwrap();
        assert_eq!(photo.file_name, "cat.png");
        assert_eq!(&photo.bytes[..], b"\x89PNG\r\n\x1a\n");
        assert_eq!(data.file("unix").unwrap().file_name, "passwd");
        assert_eq!(data.text("title"), Some("Report"));
    }

    #[test]
    fn empty_file_input_is_a_file_with_an_empty_name() {
        let data = decode(&body(&[file("avatar", "", "application/octet-stream", b"")])).unwrap();
        let avatar = data.file("avatar").unwrap();
        assert_eq!(avatar.file_name, "");
        assert!(avatar.bytes.is_empty());
        assert!(avatar.is_empty_selection());
        assert!(data.get("avatar").is_some_and(FieldValue::is_blank));
    }

    #[test]
    fn file_without_content_type() {
        let data = decode(&body(&[part("; name=\"f\"; filename=\"a.txt\"", "", b"hi")])).unwrap();
        let f = data.file("f").unwrap();
        assert_eq!(
            (f.file_name.as_str(), f.content_type.as_deref(), &f.bytes[..]),
            ("a.txt", None, &b"hi"[..])
        );
    }

    #[test]
    fn invalid_utf8_text_is_an_error_naming_the_field() {
        let error = decode(&body(&[text("ok", "1"), part("; name=\"bio\"", "", b"caf\xe9")])).unwrap_err();
        assert_eq!(error.to_string(), "the value of `bio` is not valid UTF-8");
        // The same bytes in a file are fine.
        assert!(decode(&body(&[file("bio", "bio.txt", "text/plain", b"caf\xe9")])).is_ok());
    }

    #[test]
    fn part_without_name() {
        assert_eq!(
            message(decode(&body(&[text("a", "1"), part("", "", b"x")]))),
            "malformed multipart body: a part has no name in its Content-Disposition"
        );
        assert_eq!(
            message(decode(&body(&[part("; filename=\"a.txt\"", "", b"x")]))),
            "malformed multipart body: a part has no name in its Content-Disposition"
        );
        let no_disposition = format!("--{B}\r\nContent-Type: text/plain\r\n\r\nx\r\n--{B}--\r\n");
        assert_eq!(
            message(decode(no_disposition.as_bytes())),
            "malformed multipart body: a part has no name in its Content-Disposition"
        );
        assert_eq!(
            message(decode(
                &body(&[part("; name=\"n\u{e9}\"", "", b"x")])
                    .iter()
                    .map(|&b| if b == 0xc3 { 0xff } else { b })
                    .collect::<Vec<_>>()
            )),
            "malformed multipart body: the Content-Disposition of a part is not valid UTF-8"
        );
    }

    #[test]
    fn non_utf8_file_name_is_not_taken_for_text() {
        let mut raw = body(&[file("doc", "r\u{e9}sum\u{e9}.pdf", "application/pdf", b"%PDF")]);
        for byte in raw.iter_mut().filter(|byte| **byte == 0xc3) {
            *byte = 0xff;
        }
        assert_eq!(
            message(decode(&raw)),
            "malformed multipart body: the Content-Disposition of the part `doc` is not valid UTF-8"
        );
    }

    #[test]
    fn wrong_boundary() {
        let raw = body(&[text("a", "1")]);
        assert_eq!(
            message(decode_chunked(&raw, "other-boundary", &Limits::default(), 0)),
            concat!(
                "malformed multipart body: the body ended before the first part ",
                "(is the boundary the one in the content type?)"
            )
        );
        assert_eq!(
            message(decode(b"")),
            concat!(
                "malformed multipart body: the body ended before the first part ",
                "(is the boundary the one in the content type?)"
            )
        );
    }

    #[test]
    fn truncated_body() {
        let raw = body(&[text("a", "1"), text("notes", "a long note")]);
        let cut = raw.len() - format!("ote\r\n--{B}--\r\n").len();
        assert_eq!(
            message(decode(&raw[..cut])),
            "malformed multipart body: the body ended inside the part `notes`"
        );
        // Cut inside the headers of the second part.
        let cut = text("a", "1").len() + B.len() + 12;
        assert_eq!(
            message(decode(&raw[..cut])),
            "malformed multipart body: the body ended without the closing boundary"
        );
    }

    #[test]
    fn no_closing_boundary() {
        let mut raw = text("a", "1");
        raw.extend_from_slice(format!("--{B}").as_bytes());
        assert_eq!(
            message(decode(&raw)),
            "malformed multipart body: the body ended without the closing boundary"
        );
        let mut raw = text("a", "1");
        raw.extend_from_slice(format!("--{B}\r\n").as_bytes());
        assert_eq!(
            message(decode(&raw)),
            "malformed multipart body: the body ended without the closing boundary"
        );
        // The last part's data never ends.
        assert_eq!(
            message(decode(&text("a", "1"))),
            "malformed multipart body: the body ended inside the part `a`"
        );
    }

    #[test]
    fn broken_part_headers() {
        let raw = format!("--{B}\r\nContent-Disposition form-data name=a\r\n\r\nx\r\n--{B}--\r\n");
        assert_eq!(
            message(decode(raw.as_bytes())),
            "malformed multipart body: the headers of a part are invalid"
        );
    }

    #[test]
    fn an_empty_form_and_a_preamble() {
        assert!(decode(format!("--{B}--\r\n").as_bytes()).unwrap().is_empty());
        let mut raw = b"This is the preamble.\r\n".to_vec();
        raw.extend(body(&[text("a", "1")]));
        raw.extend_from_slice(b"epilogue");
        assert_eq!(decode(&raw).unwrap().text("a"), Some("1"));
    }

    #[test]
    fn empty_boundary_is_refused() {
        let raw = body(&[text("a", "1")]);
        assert_eq!(
            message(decode_chunked(&raw, "", &Limits::default(), 0)),
            "multipart content type without a boundary"
        );
    }

    #[test]
    fn field_limit_counts_text_and_files() {
        let limits = Limits::default().with_max_fields(3);
        let three = [text("a", "1"), file("f", "f.txt", "text/plain", b"x"), text("a", "2")];
        assert_eq!(decode_with(&body(&three), &limits).unwrap().len(), 3);
        let four = [three.as_slice(), &[file("g", "", "application/octet-stream", b"")]].concat();
        let error = decode_with(&body(&four), &limits).unwrap_err();
        assert_eq!(error.to_string(), "too many fields: the limit is 3");
        assert!(error.is_limit());
    }

    #[test]
    fn field_limit_is_checked_before_reading_the_next_part() {
        // The fourth part is truncated, but the limit is what stops the decoding.
        let limits = Limits::default().with_max_fields(3);
        let raw = [text("a", "1"), text("b", "2"), text("c", "3"), text("d", "4")].concat();
        let cut = raw.len() - 3;
        assert_eq!(message(decode_with(&raw[..cut], &limits)), "too many fields: the limit is 3");
    }

    #[test]
    fn file_count_limit() {
        let limits = Limits::default().with_max_files(2);
        let two = [file("f", "1.txt", "text/plain", b"1"), text("t", "x"), file("f", "", "text/plain", b"")];
        assert_eq!(decode_with(&body(&two), &limits).unwrap().len(), 3);
        let three = [two.as_slice(), &[file("g", "3.txt", "text/plain", b"3")]].concat();
        let error = decode_with(&body(&three), &limits).unwrap_err();
        assert_eq!(error.to_string(), "too many files: the limit is 2");
        assert!(error.is_limit());
    }

    #[test]
    fn text_size_limit() {
        let limits = Limits::default().with_max_field_bytes(5);
        let data = decode_with(
            &body(&[text("notes", "\r\né\n"), file("f", "f", "x/y", b"longer than five")]),
            &limits,
        )
        .unwrap();
        assert_eq!(data.text("notes"), Some("\r\né\n"));
        let error = decode_with(&body(&[text("notes", "123456")]), &limits).unwrap_err();
        assert_eq!(error.to_string(), "the value of `notes` is larger than the limit of 5 bytes");
        assert!(error.is_limit());
    }

    #[test]
    fn file_size_limit() {
        let limits = Limits::default().with_max_file_bytes(4);
        let data = decode_with(
            &body(&[file("avatar", "a.png", "image/png", b"\r\n\r\n"), text("t", "longer text")]),
            &limits,
        )
        .unwrap();
        assert_eq!(&data.file("avatar").unwrap().bytes[..], b"\r\n\r\n");
        let error =
            decode_with(&body(&[file("avatar", "a.png", "image/png", b"12345")]), &limits).unwrap_err();
        assert_eq!(error.to_string(), "the file in `avatar` is larger than the limit of 4 bytes");
        assert!(error.is_limit());
    }

    /// Decodes `body` delivered in chunks of 16 bytes by a stream that then never ends.
    fn decode_unending(body: &[u8], limits: &Limits) -> Result<FormData, DecodeError> {
        let chunks: Vec<Result<Bytes, Infallible>> =
            body.chunks(16).map(|chunk| Ok(Bytes::copy_from_slice(chunk))).collect();
        let stream = futures_util::StreamExt::chain(
            futures_util::stream::iter(chunks),
            futures_util::stream::pending(),
        );
        run(decode_multipart(stream, B, limits))
    }

    #[test]
    fn limits_stop_the_decoding_without_waiting_for_the_rest_of_the_body() {
        let limits = Limits::default().with_max_file_bytes(10).with_max_field_bytes(10).with_max_fields(1);
        let big = [b'x'; 1000];
        let file = part("; name=\"big\"; filename=\"big.bin\"", "", &big);
        assert_eq!(
            message(decode_unending(&file[..500], &limits)),
            "the file in `big` is larger than the limit of 10 bytes"
        );
        let text = part("; name=\"notes\"", "", &big);
        assert_eq!(
            message(decode_unending(&text[..500], &limits)),
            "the value of `notes` is larger than the limit of 10 bytes"
        );
        let two = [part("; name=\"a\"", "", b"1"), part("; name=\"b\"", "", b"2")].concat();
        assert_eq!(message(decode_unending(&two, &limits)), "too many fields: the limit is 1");
    }

    #[test]
    fn name_limit() {
        let limits = Limits::default().with_max_name_bytes(4);
        assert!(
            decode_with(&body(&[text("abcd", "1"), file("éé", "long file name.txt", "a/b", b"")]), &limits)
                .is_ok()
        );
        let error = decode_with(&body(&[text("abcde", "1")]), &limits).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a field name is longer than the limit of 4 bytes (it starts with `abcde`)"
        );
        assert!(error.is_limit());
    }

    #[test]
    fn body_read_errors_are_reported_with_their_cause() {
        let chunks: Vec<Result<Bytes, std::io::Error>> =
            vec![Ok(Bytes::from(text("a", "1"))), Err(std::io::Error::other("length limit exceeded"))];
        let error =
            run(decode_multipart(futures_util::stream::iter(chunks), B, &Limits::default())).unwrap_err();
        assert_eq!(error.to_string(), "failed to read the request body: length limit exceeded");
        assert!(matches!(error, DecodeError::BodyRead(_)));
        assert!(std::error::Error::source(&error).is_some());
    }

    #[test]
    fn boundaries_from_content_types() {
        assert_eq!(multipart_boundary(&format!("multipart/form-data; boundary={B}")).unwrap(), B);
        assert_eq!(
            multipart_boundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c\"").unwrap(),
            "a b:c"
        );
        for missing in [
            "multipart/form-data",
            "multipart/form-data; charset=utf-8",
            "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary",
            "multipart/form-data; boundary=\"open",
        ] {
            assert_eq!(
                multipart_boundary(missing).unwrap_err().to_string(),
                "multipart content type without a boundary",
                "{missing}"
            );
        }
        for other in ["text/plain", "multipart/mixed; boundary=x", "garbage"] {
            let error = multipart_boundary(other).unwrap_err();
            assert!(error.is_unsupported_media_type(), "{other}");
            assert_eq!(error.to_string(), format!("unsupported content type `{other}`"));
        }
    }

    #[test]
    fn the_future_is_send() {
        fn assert_send<T: Send>(_: &T) {}
        let stream = futures_util::stream::iter(Vec::<Result<Bytes, Infallible>>::new());
        let limits = Limits::default();
        let future = decode_multipart(stream, B, &limits);
        assert_send(&future);
    }
}
