//! Why a body could not be decoded, in words a web developer can act on.

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt::{self, Write as _};

use http::StatusCode;

use serde_json::Value;

use crate::problem::Problem;

/// Why a request body (or query string) could not be decoded into [`FormData`](crate::FormData).
///
/// The messages name the field and the limit involved, and never quote more of the body than a
/// short, escaped snippet (a field name at most), so they are safe to log.
///
/// To answer the request: [`is_limit`](DecodeError::is_limit) errors are `413 Payload Too Large`,
/// [`is_unsupported_media_type`](DecodeError::is_unsupported_media_type) errors are
/// `415 Unsupported Media Type`, and the rest are `400 Bad Request`.
#[derive(Debug)]
#[non_exhaustive]
pub enum DecodeError {
    /// More entries than [`Limits::max_fields`](super::Limits::max_fields).
    TooManyFields {
        /// The limit that was exceeded.
        limit: usize,
    },
    /// More files than [`Limits::max_files`](super::Limits::max_files).
    TooManyFiles {
        /// The limit that was exceeded.
        limit: usize,
    },
    /// A text value larger than [`Limits::max_field_bytes`](super::Limits::max_field_bytes).
    FieldTooLarge {
        /// The field's name.
        name: String,
        /// The limit that was exceeded.
        limit: usize,
    },
    /// A file larger than [`Limits::max_file_bytes`](super::Limits::max_file_bytes).
    FileTooLarge {
        /// The name of the field the file was sent as.
        name: String,
        /// The limit that was exceeded.
        limit: usize,
    },
    /// A field name longer than [`Limits::max_name_bytes`](super::Limits::max_name_bytes).
    NameTooLong {
        /// The first few characters of the name (invalid UTF-8 replaced), to recognise it by.
        start: String,
        /// The limit that was exceeded.
        limit: usize,
    },
    /// A `%` not followed by two hexadecimal digits in a urlencoded body or query string.
    InvalidPercentEncoding {
        /// The position of the `%`, in bytes from the start of the body or query string.
        offset: usize,
    },
    /// A field name that is not valid UTF-8 once decoded.
    InvalidUtf8Name {
        /// Where the name starts, in bytes from the start of the body or query string, when known.
        offset: Option<usize>,
    },
    /// A text value that is not valid UTF-8 once decoded.
    InvalidUtf8Value {
        /// The field's name.
        name: String,
    },
    /// A multipart body that does not follow the format (truncated, wrong boundary, no closing
    /// boundary, unreadable part headers).
    MalformedMultipart {
        /// What is wrong, in a few words.
        reason: String,
    },
    /// A part of a multipart body with no `name` in its `Content-Disposition`.
    PartWithoutName,
    /// A `multipart/form-data` content type without a (non-empty) `boundary` parameter.
    MissingBoundary,
    /// A body that is not JSON.
    InvalidJson {
        /// The JSON parser's message (it gives a line and column, not the content).
        reason: String,
    },
    /// A JSON body that is valid JSON but not an object.
    JsonNotObject,
    /// A JSON body nested deeper than [`MAX_JSON_DEPTH`](super::MAX_JSON_DEPTH).
    JsonTooDeep {
        /// The limit that was exceeded.
        limit: usize,
    },
    /// A content type no decoder handles, or no content type at all.
    UnsupportedContentType {
        /// The content type as the request declared it, if it did (the message shows a short,
        /// escaped snippet of it).
        content_type: Option<String>,
    },
    /// Reading the body failed: the client went away, or a body size limit in front of the
    /// decoder stopped it. The cause is the [`source`](std::error::Error::source).
    BodyRead(Box<dyn StdError + Send + Sync>),
}

impl DecodeError {
    /// Whether a limit of [`Limits`](super::Limits) was exceeded: answer `413 Payload Too Large`.
    pub fn is_limit(&self) -> bool {
        matches!(
            self,
            DecodeError::TooManyFields { .. }
                | DecodeError::TooManyFiles { .. }
                | DecodeError::FieldTooLarge { .. }
                | DecodeError::FileTooLarge { .. }
                | DecodeError::NameTooLong { .. }
        )
    }

    /// Whether the body's content type is not one a decoder handles: answer
    /// `415 Unsupported Media Type`.
    pub fn is_unsupported_media_type(&self) -> bool {
        matches!(self, DecodeError::UnsupportedContentType { .. })
    }

    pub(crate) fn malformed(reason: impl Into<String>) -> Self {
        DecodeError::MalformedMultipart { reason: reason.into() }
    }

    pub(crate) fn name_too_long(name: &[u8], limit: usize) -> Self {
        let lossy = String::from_utf8_lossy(name);
        DecodeError::NameTooLong { start: lossy.chars().take(SNIPPET_CHARS).collect(), limit }
    }
}

impl Problem for DecodeError {
    fn status(&self) -> StatusCode {
        if self.is_limit() {
            StatusCode::PAYLOAD_TOO_LARGE
        } else if self.is_unsupported_media_type() {
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        } else {
            StatusCode::BAD_REQUEST
        }
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }

    fn localized(&self) -> Option<(&'static str, Vec<(&'static str, Value)>)> {
        let snippet = |text: &str| Value::String(Snippet(text).to_string());
        let number = |n: usize| Value::from(n as u64);
        Some(match self {
            DecodeError::TooManyFields { limit } => {
                ("refusal-too-many-fields", vec![("limit", number(*limit))])
            }
            DecodeError::TooManyFiles { limit } => {
                ("refusal-too-many-files", vec![("limit", number(*limit))])
            }
            DecodeError::FieldTooLarge { name, limit } => {
                ("refusal-field-too-large", vec![("name", snippet(name)), ("limit", number(*limit))])
            }
            DecodeError::FileTooLarge { name, limit } => {
                ("refusal-file-too-large", vec![("name", snippet(name)), ("limit", number(*limit))])
            }
            DecodeError::NameTooLong { start, limit } => {
                ("refusal-name-too-long", vec![("start", snippet(start)), ("limit", number(*limit))])
            }
            DecodeError::InvalidPercentEncoding { offset } => {
                ("refusal-percent-encoding", vec![("offset", number(*offset))])
            }
            DecodeError::InvalidUtf8Name { offset: Some(offset) } => {
                ("refusal-name-not-utf8-at", vec![("offset", number(*offset))])
            }
            DecodeError::InvalidUtf8Name { offset: None } => ("refusal-name-not-utf8", vec![]),
            DecodeError::InvalidUtf8Value { name } => {
                ("refusal-value-not-utf8", vec![("name", snippet(name))])
            }
            DecodeError::MalformedMultipart { reason } => multipart_reason(reason),
            DecodeError::PartWithoutName => ("refusal-multipart-part-without-name", vec![]),
            DecodeError::MissingBoundary => ("refusal-multipart-no-boundary", vec![]),
            DecodeError::InvalidJson { reason } => {
                ("refusal-json-invalid", vec![("reason", reason.clone().into())])
            }
            DecodeError::JsonNotObject => ("refusal-json-not-object", vec![]),
            DecodeError::JsonTooDeep { limit } => ("refusal-json-too-deep", vec![("limit", number(*limit))]),
            DecodeError::UnsupportedContentType { content_type: Some(content_type) } => {
                ("refusal-content-type-unknown", vec![("content_type", snippet(content_type))])
            }
            DecodeError::UnsupportedContentType { content_type: None } => {
                ("refusal-content-type-missing", vec![])
            }
            DecodeError::BodyRead(cause) => {
                ("refusal-body-read-failed", vec![("cause", cause.to_string().into())])
            }
        })
    }

    fn log(&self, action: &str) {
        tracing::info!(action, status = self.status().as_u16(), error = %self, "action refused: body not decoded");
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooManyFields { limit } => write!(f, "too many fields: the limit is {limit}"),
            DecodeError::TooManyFiles { limit } => write!(f, "too many files: the limit is {limit}"),
            DecodeError::FieldTooLarge { name, limit } => {
                write!(f, "the value of `{}` is larger than the limit of {limit} bytes", Snippet(name))
            }
            DecodeError::FileTooLarge { name, limit } => {
                write!(f, "the file in `{}` is larger than the limit of {limit} bytes", Snippet(name))
            }
            DecodeError::NameTooLong { start, limit } => write!(
                f,
                "a field name is longer than the limit of {limit} bytes (it starts with `{}`)",
                Snippet(start)
            ),
            DecodeError::InvalidPercentEncoding { offset } => {
                write!(f, "invalid percent-encoding at byte {offset}")
            }
            DecodeError::InvalidUtf8Name { offset: Some(offset) } => {
                write!(f, "the field name at byte {offset} is not valid UTF-8")
            }
            DecodeError::InvalidUtf8Name { offset: None } => f.write_str("a field name is not valid UTF-8"),
            DecodeError::InvalidUtf8Value { name } => {
                write!(f, "the value of `{}` is not valid UTF-8", Snippet(name))
            }
            DecodeError::MalformedMultipart { reason } => write!(f, "malformed multipart body: {reason}"),
            DecodeError::PartWithoutName => {
                f.write_str("malformed multipart body: a part has no name in its Content-Disposition")
            }
            DecodeError::MissingBoundary => f.write_str("multipart content type without a boundary"),
            DecodeError::InvalidJson { reason } => write!(f, "invalid JSON: {reason}"),
            DecodeError::JsonNotObject => f.write_str("the JSON body must be an object"),
            DecodeError::JsonTooDeep { limit } => {
                write!(f, "the JSON body is nested deeper than the limit of {limit} levels")
            }
            DecodeError::UnsupportedContentType { content_type: Some(content_type) } => {
                write!(f, "unsupported content type `{}`", Snippet(content_type))
            }
            DecodeError::UnsupportedContentType { content_type: None } => {
                f.write_str("unsupported content type: the request has no Content-Type")
            }
            DecodeError::BodyRead(cause) => write!(f, "failed to read the request body: {cause}"),
        }
    }
}

impl StdError for DecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            DecodeError::BodyRead(cause) => Some(cause.as_ref()),
            _ => None,
        }
    }
}

/// The catalogue's message for a malformed multipart body, by the reason `multipart.rs` gives
/// (its own words, or multer's, which stay as the `$reason` of the general message).
fn multipart_reason(reason: &str) -> (&'static str, Vec<(&'static str, Value)>) {
    let fixed = match reason {
        "the Content-Disposition of a part is not valid UTF-8" => {
            Some("refusal-multipart-disposition-not-utf8-unnamed")
        }
        "the body ended before the first part (is the boundary the one in the content type?)" => {
            Some("refusal-multipart-ended-before-first-part")
        }
        "the body ended without the closing boundary" => Some("refusal-multipart-no-closing-boundary"),
        "the body ended inside a part" => Some("refusal-multipart-ended-in-unnamed-part"),
        "the headers of a part are invalid" => Some("refusal-multipart-invalid-headers"),
        _ => None,
    };
    if let Some(id) = fixed {
        return (id, vec![]);
    }
    // The name inside is a snippet already.
    let named = |prefix: &str, suffix: &str| {
        reason.strip_prefix(prefix)?.strip_suffix(suffix).map(|name| Value::String(name.to_owned()))
    };
    if let Some(name) = named("the body ended inside the part `", "`") {
        return ("refusal-multipart-ended-in-part", vec![("name", name)]);
    }
    if let Some(name) = named("the Content-Disposition of the part `", "` is not valid UTF-8") {
        return ("refusal-multipart-disposition-not-utf8", vec![("name", name)]);
    }
    ("refusal-multipart-malformed", vec![("reason", Value::String(reason.to_owned()))])
}

/// How many characters of a client-chosen string an error message shows.
pub(crate) const SNIPPET_CHARS: usize = 64;

/// A client-chosen string (a field name, a content type) as an error message shows it: at most
/// [`SNIPPET_CHARS`] characters, with control characters, invisible formatting characters and
/// backticks escaped, so it cannot break the message or a log line.
pub(crate) struct Snippet<'a>(pub(crate) &'a str);

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        for c in chars.by_ref().take(SNIPPET_CHARS) {
            if c == '`' {
                // Printable, so `escape_default` would leave it, but it would end the quotation.
                f.write_str("\\u{60}")?;
            } else if needs_escape(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        if chars.next().is_some() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || c == '\\'
        // Zero-width and bidirectional formatting characters, which can disguise text.
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_and_shorten() {
        assert_eq!(Snippet("notes").to_string(), "notes");
        assert_eq!(Snippet("a`b\nc\u{202E}d\\").to_string(), "a\\u{60}b\\nc\\u{202e}d\\\\");
        assert_eq!(Snippet("名前").to_string(), "名前");
        let long = "x".repeat(100);
        assert_eq!(Snippet(&long).to_string(), format!("{}…", "x".repeat(SNIPPET_CHARS)));
        assert_eq!(Snippet(&long[..SNIPPET_CHARS]).to_string(), "x".repeat(SNIPPET_CHARS));
    }

    #[test]
    fn limit_and_media_type_classification() {
        let limits = [
            DecodeError::TooManyFields { limit: 1 },
            DecodeError::TooManyFiles { limit: 1 },
            DecodeError::FieldTooLarge { name: "a".into(), limit: 1 },
            DecodeError::FileTooLarge { name: "a".into(), limit: 1 },
            DecodeError::NameTooLong { start: "a".into(), limit: 1 },
        ];
        for error in &limits {
            assert!(error.is_limit(), "{error}");
            assert!(!error.is_unsupported_media_type(), "{error}");
        }
        let others = [
            DecodeError::InvalidPercentEncoding { offset: 0 },
            DecodeError::InvalidUtf8Name { offset: None },
            DecodeError::InvalidUtf8Value { name: "a".into() },
            DecodeError::malformed("x"),
            DecodeError::PartWithoutName,
            DecodeError::MissingBoundary,
            DecodeError::InvalidJson { reason: "x".into() },
            DecodeError::JsonNotObject,
            DecodeError::JsonTooDeep { limit: 32 },
            DecodeError::BodyRead("gone".into()),
        ];
        for error in &others {
            assert!(!error.is_limit(), "{error}");
            assert!(!error.is_unsupported_media_type(), "{error}");
        }
        let unsupported = DecodeError::UnsupportedContentType { content_type: None };
        assert!(unsupported.is_unsupported_media_type());
        assert!(!unsupported.is_limit());
    }

    #[test]
    fn messages() {
        let cases = [
            (DecodeError::TooManyFields { limit: 1000 }, "too many fields: the limit is 1000"),
            (DecodeError::TooManyFiles { limit: 100 }, "too many files: the limit is 100"),
            (
                DecodeError::FieldTooLarge { name: "notes".into(), limit: 1_048_576 },
                "the value of `notes` is larger than the limit of 1048576 bytes",
            ),
            (
                DecodeError::FileTooLarge { name: "avatar".into(), limit: 10 },
                "the file in `avatar` is larger than the limit of 10 bytes",
            ),
            (
                DecodeError::name_too_long(b"abc\xff", 3),
                "a field name is longer than the limit of 3 bytes (it starts with `abc\u{FFFD}`)",
            ),
            (DecodeError::InvalidPercentEncoding { offset: 17 }, "invalid percent-encoding at byte 17"),
            (DecodeError::InvalidUtf8Name { offset: Some(4) }, "the field name at byte 4 is not valid UTF-8"),
            (DecodeError::InvalidUtf8Name { offset: None }, "a field name is not valid UTF-8"),
            (DecodeError::InvalidUtf8Value { name: "name".into() }, "the value of `name` is not valid UTF-8"),
            (DecodeError::malformed("it ended early"), "malformed multipart body: it ended early"),
            (
                DecodeError::PartWithoutName,
                "malformed multipart body: a part has no name in its Content-Disposition",
            ),
            (DecodeError::MissingBoundary, "multipart content type without a boundary"),
            (DecodeError::InvalidJson { reason: "EOF".into() }, "invalid JSON: EOF"),
            (DecodeError::JsonNotObject, "the JSON body must be an object"),
            (
                DecodeError::JsonTooDeep { limit: 32 },
                "the JSON body is nested deeper than the limit of 32 levels",
            ),
            (
                DecodeError::UnsupportedContentType { content_type: Some("text/plain".into()) },
                "unsupported content type `text/plain`",
            ),
            (
                DecodeError::UnsupportedContentType { content_type: None },
                "unsupported content type: the request has no Content-Type",
            ),
            (
                DecodeError::BodyRead("connection reset".into()),
                "failed to read the request body: connection reset",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn body_read_errors_keep_their_cause() {
        let error = DecodeError::BodyRead("length limit exceeded".into());
        assert_eq!(error.source().map(ToString::to_string).as_deref(), Some("length limit exceeded"));
        assert!(DecodeError::JsonNotObject.source().is_none());
    }
}
