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

mod body;
mod error;
mod json;
mod limits;
mod multipart;
mod urlencoded;

use std::convert::Infallible;

use bytes::Bytes;
use futures_util::future::BoxFuture;

pub(crate) use body::{check_length, read};
pub use error::DecodeError;
pub(crate) use error::Snippet;
pub use json::{MAX_JSON_DEPTH, decode_json};
pub use limits::Limits;
pub use multipart::{decode_multipart, multipart_boundary};
pub use urlencoded::{decode_query, decode_urlencoded};

use crate::FormData;
use crate::guard::{ContentType, MediaType};
use crate::text::trim;

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
    let Some(text) = content_type.filter(|content_type| !trim(content_type).is_empty()) else {
        return Err(unsupported(None));
    };
    let Some(media) = MediaType::of(text) else { return Err(unsupported(Some(text))) };
    match start_decoding(Some(ContentType { text, media }), body, limits) {
        Decoding::Done(decoded) => decoded,
        Decoding::Multipart(future) => future.await,
    }
}

/// A body being decoded (see [`start_decoding`]).
pub(crate) enum Decoding {
    /// Decoded at once: urlencoded and JSON bodies, and every refusal.
    Done(Result<FormData, DecodeError>),
    /// A multipart body, decoded by this future.
    Multipart(BoxFuture<'static, Result<FormData, DecodeError>>),
}

/// [`decode_body`] of a body whose content type the guard has classified (`None`: the request
/// has none), without a future for the bodies decoded at once. A multipart body's parser waits on
/// its stream, and its state is large: boxed, it is not carried in the future of every
/// submission that awaits the decoding.
pub(crate) fn start_decoding(
    content_type: Option<ContentType<'_>>,
    body: Bytes,
    limits: &Limits,
) -> Decoding {
    let Some(ContentType { text, media }) = content_type else {
        return Decoding::Done(Err(unsupported(None)));
    };
    Decoding::Done(match media {
        MediaType::UrlEncoded => decode_urlencoded(&body, limits),
        MediaType::Json => decode_json(&body, limits),
        MediaType::Multipart => {
            let boundary = match multipart_boundary(text) {
                Ok(boundary) => boundary,
                Err(error) => return Decoding::Done(Err(error)),
            };
            let limits = *limits;
            let stream = futures_util::stream::iter([Ok::<_, Infallible>(body)]);
            return Decoding::Multipart(Box::pin(async move {
                decode_multipart(stream, &boundary, &limits).await
            }));
        }
    })
}

/// The decoding of a submission's `body`: [`start_decoding`], but nothing to decode in an empty
/// body without a content type (a form without fields, posted by a script).
pub(crate) fn submission(content_type: Option<ContentType<'_>>, body: Bytes, limits: &Limits) -> Decoding {
    if body.is_empty() && content_type.is_none() {
        Decoding::Done(Ok(FormData::new()))
    } else {
        start_decoding(content_type, body, limits)
    }
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
