//! Decoding request bodies and query strings into [`FormData`].
//!
//! Each wire format has its decoder, and [`decode_body`] picks one by the request's
//! `Content-Type`:
//!
//! - `application/x-www-form-urlencoded` (a `<form method=post>`): [`decode_urlencoded`];
//! - `multipart/form-data` (a form with `enctype="multipart/form-data"`, needed for files):
//!   [`decode_multipart`];
//! - `application/json` and `application/*+json` (scripts and non-browser clients): [`decode_json`].
//!
//! A `<form method=get>` sends its fields in the query string instead: [`decode_query`].
//!
//! Every decoder is strict: malformed input is a [`DecodeError`], never silently altered text. Every
//! decoder checks [`Limits`] as it goes, so an oversized submission stops the decoding as soon as
//! it crosses a limit. Text is UTF-8 (what browsers send for a page served as UTF-8); a `charset`
//! parameter is ignored.

mod error;
mod json;
mod limits;
mod multipart;
mod urlencoded;

use std::convert::Infallible;

use bytes::Bytes;

pub use error::DecodeError;
pub(crate) use error::Snippet;
pub use json::{MAX_JSON_DEPTH, decode_json};
pub use limits::Limits;
pub use multipart::{decode_multipart, multipart_boundary};
pub use urlencoded::{decode_query, decode_urlencoded};

use crate::FormData;

/// Decodes a whole request body by its content type (the `Content-Type` header value, if the
/// request has one).
///
/// The media type is compared case-insensitively and its parameters are ignored, except the
/// `boundary` of `multipart/form-data`. `application/json` and every `application/*+json` type
/// are JSON.
///
/// # Errors
///
/// [`DecodeError::UnsupportedContentType`] for any other content type (`text/plain` included) or
/// none; otherwise the errors of the decoder picked.
///
/// ```
/// use formaction::decode::decode_body;
/// use formaction::Limits;
///
/// # async fn run() -> Result<(), formaction::DecodeError> {
/// let limits = Limits::default();
/// let form = decode_body(Some("application/x-www-form-urlencoded"), "a=1".into(), &limits).await?;
/// let json = decode_body(Some("application/json; charset=utf-8"), r#"{"a":1}"#.into(), &limits).await?;
/// assert_eq!(form, json);
///
/// let error = decode_body(Some("text/plain"), "a=1".into(), &limits).await.unwrap_err();
/// assert!(error.is_unsupported_media_type());
/// # Ok(())
/// # }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(run()).unwrap();
/// ```
pub async fn decode_body(
    content_type: Option<&str>,
    body: Bytes,
    limits: &Limits,
) -> Result<FormData, DecodeError> {
    match start_decoding(content_type, body, limits) {
        Decoding::Done(decoded) => decoded,
        Decoding::Multipart(future) => future.await,
    }
}

/// A body being decoded (see [`start_decoding`]).
pub(crate) enum Decoding {
    /// Decoded at once: urlencoded and JSON bodies, and every refusal.
    Done(Result<FormData, DecodeError>),
    /// A multipart body, decoded by this future.
    Multipart(crate::action::BoxFuture<'static, Result<FormData, DecodeError>>),
}

/// [`decode_body`] without a future for the bodies decoded at once. A multipart body's parser
/// waits on its stream, and its state is large: boxed, it is not carried in the future of every
/// submission that awaits the decoding.
pub(crate) fn start_decoding(content_type: Option<&str>, body: Bytes, limits: &Limits) -> Decoding {
    let Some(content_type) = content_type.filter(|content_type| !trim(content_type).is_empty()) else {
        return Decoding::Done(Err(unsupported(None)));
    };
    // The media type compared ignoring case, as written: nothing lowered into a new string.
    let media = essence(content_type);
    Decoding::Done(if eq_ignore_case(media.as_bytes(), b"application/x-www-form-urlencoded") {
        decode_urlencoded(&body, limits)
    } else if eq_ignore_case(media.as_bytes(), b"multipart/form-data") {
        let boundary = match multipart_boundary(content_type) {
            Ok(boundary) => boundary,
            Err(error) => return Decoding::Done(Err(error)),
        };
        let limits = *limits;
        let stream = futures_util::stream::iter([Ok::<_, Infallible>(body)]);
        return Decoding::Multipart(Box::pin(
            async move { decode_multipart(stream, &boundary, &limits).await },
        ));
    } else if is_json(media) {
        decode_json(&body, limits)
    } else {
        Err(unsupported(Some(content_type)))
    })
}

/// Whether `a` and `b` are the same ASCII text but for case: compared as they are first, since
/// what is compared (a header's value against a name) is usually written in the same case, and
/// a plain comparison takes whole words where the other goes byte by byte.
pub(crate) fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a == b || a.eq_ignore_ascii_case(b)
}

/// A content type without its parameters and the whitespace around it, as written.
pub(crate) fn essence(content_type: &str) -> &str {
    let end = memchr::memchr(b';', content_type.as_bytes()).unwrap_or(content_type.len());
    trim(&content_type[..end])
}

/// `text` without the whitespace at its ends, as [`str::trim`] gives it; at once when both ends
/// are visible ASCII, as in what browsers send, where trimming finds nothing to take (it decodes
/// characters at both ends otherwise).
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_graphic) && bytes.last().is_some_and(u8::is_ascii_graphic) {
        text
    } else {
        text.trim()
    }
}

/// The media type of a content type: lower case, without parameters (borrowed when it is already
/// lower case, as browsers send it).
fn media_type(content_type: &str) -> std::borrow::Cow<'_, str> {
    let essence = essence(content_type);
    if essence.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(essence.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(essence)
    }
}

/// Whether a media type (in any case) is JSON: `application/json` or `application/<anything>+json`.
fn is_json(media_type: &str) -> bool {
    const APPLICATION: &str = "application/";
    let bytes = media_type.as_bytes();
    media_type.eq_ignore_ascii_case("application/json")
        || (bytes.len() > APPLICATION.len() + "+json".len() - 1
            && bytes[..APPLICATION.len()].eq_ignore_ascii_case(APPLICATION.as_bytes())
            && bytes[bytes.len() - "+json".len()..].eq_ignore_ascii_case(b"+json"))
}

fn unsupported(content_type: Option<&str>) -> DecodeError {
    DecodeError::UnsupportedContentType { content_type: content_type.map(str::to_owned) }
}

/// Helpers shared by the decoders' unit tests.
#[cfg(test)]
mod test_support {
    use crate::{DecodeError, FormData};

    /// The entries as `(name, text)`, files shown as `<file>`.
    pub(super) fn pairs(data: &FormData) -> Vec<(&str, &str)> {
        data.iter().map(|(name, value)| (name, value.as_text().unwrap_or("<file>"))).collect()
    }

    /// The message of an error the decoder must return.
    pub(super) fn message(result: Result<FormData, DecodeError>) -> String {
        match result {
            Ok(data) => panic!("expected an error, decoded {data:?}"),
            Err(error) => error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::test_support::message;

    #[test]
    fn trim_and_eq_ignore_case_answer_as_the_standard_library() {
        let texts = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta b\n",
            "\u{a0}x\u{a0}",
            "\u{3000}",
            "x\u{2003}",
            "é",
            " é ",
            "a;b",
        ];
        for text in texts {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            for other in texts {
                assert_eq!(
                    eq_ignore_case(text.as_bytes(), other.as_bytes()),
                    text.eq_ignore_ascii_case(other),
                    "{text:?} {other:?}"
                );
            }
        }
        assert!(eq_ignore_case(b"Multipart/Form-Data", b"multipart/form-data"));
        assert!(!eq_ignore_case(b"multipart/form-datA ", b"multipart/form-data"));
    }

    fn decode(content_type: Option<&str>, body: &str) -> Result<FormData, DecodeError> {
        let limits = Limits::default();
        let future = decode_body(content_type, Bytes::copy_from_slice(body.as_bytes()), &limits);
        tokio::runtime::Builder::new_current_thread().build().expect("a runtime").block_on(future)
    }

    #[test]
    fn picks_the_decoder_by_media_type() {
        let expected = FormData::from_pairs([("a", "1"), ("b", "x y")]);
        let multipart = "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n\
                         --XX\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx y\r\n--XX--\r\n";
        let cases = [
            ("application/x-www-form-urlencoded", "a=1&b=x+y"),
            ("Application/X-WWW-Form-URLEncoded; charset=UTF-8", "a=1&b=x%20y"),
            ("multipart/form-data; boundary=XX", multipart),
            ("MULTIPART/FORM-DATA; BOUNDARY=\"XX\"", multipart),
            ("application/json", r#"{"a":1,"b":"x y"}"#),
            (" application/JSON ; charset=utf-8", r#"{"a":"1","b":"x y"}"#),
            ("application/vnd.api+json", r#"{"a":1,"b":"x y"}"#),
            ("application/ld+json", r#"{"a":1,"b":"x y"}"#),
        ];
        for (content_type, body) in cases {
            assert_eq!(decode(Some(content_type), body).unwrap(), expected, "{content_type}");
        }
    }

    #[test]
    fn the_essence_is_the_text_before_parameters_trimmed() {
        for content_type in [
            "",
            " ",
            ";",
            "a/b",
            " a/b ; x=1",
            "\u{b}a/b\u{b}",
            "\u{a0}a/b\u{2003};",
            "a/b\t;c",
            "é/ü",
            "a/b\n",
        ] {
            let by_splitting = content_type.split(';').next().unwrap_or_default().trim();
            assert_eq!(super::essence(content_type), by_splitting, "{content_type:?}");
        }
        for json in ["application/json", "APPLICATION/Json", "application/+json", "Application/VND.API+JSON"]
        {
            assert!(super::is_json(json), "{json}");
        }
        for other in
            ["application/jso", "application+json", "text/x+json", "application/json+", "application/"]
        {
            assert!(!super::is_json(other), "{other}");
        }
    }

    #[test]
    fn other_content_types_are_unsupported() {
        for content_type in [
            "text/plain",
            "text/plain; charset=utf-8",
            "application/xml",
            "text/json",
            "json",
            "image/svg+json",
        ] {
            let error = decode(Some(content_type), "a=1").unwrap_err();
            assert!(error.is_unsupported_media_type(), "{content_type}");
            assert!(!error.is_limit(), "{content_type}");
        }
        assert_eq!(message(decode(Some("text/plain"), "a=1")), "unsupported content type `text/plain`");
        assert_eq!(message(decode(None, "a=1")), "unsupported content type: the request has no Content-Type");
        assert_eq!(
            message(decode(Some("  "), "a=1")),
            "unsupported content type: the request has no Content-Type"
        );
        assert_eq!(
            message(decode(Some("text/`plain`\n"), "")),
            "unsupported content type `text/\\u{60}plain\\u{60}\\n`"
        );
    }

    #[test]
    fn multipart_without_a_boundary() {
        assert_eq!(
            message(decode(Some("multipart/form-data"), "")),
            "multipart content type without a boundary"
        );
        assert!(!decode(Some("multipart/form-data"), "").unwrap_err().is_unsupported_media_type());
    }

    #[test]
    fn errors_of_the_decoder_picked() {
        assert_eq!(
            message(decode(Some("application/x-www-form-urlencoded"), "a=%")),
            "invalid percent-encoding at byte 2"
        );
        assert_eq!(message(decode(Some("application/json"), "[1]")), "the JSON body must be an object");
        assert_eq!(
            message(decode(Some("multipart/form-data; boundary=YY"), "--XX--")),
            concat!(
                "malformed multipart body: the body ended before the first part ",
                "(is the boundary the one in the content type?)"
            )
        );
    }
}
