//! What a body is: its media type (the one place it is classified) and its content coding.

use http::HeaderMap;
use http::header::{CONTENT_ENCODING, CONTENT_TYPE};

use super::Refusal;
use crate::text::{eq_ignore_case, trim};

/// The kinds of body an action reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MediaType {
    /// `application/x-www-form-urlencoded`: a `<form method=post>`.
    UrlEncoded,
    /// `multipart/form-data`: a form with files.
    Multipart,
    /// `application/json` and every `application/*+json`: scripts and other clients.
    Json,
}

impl MediaType {
    /// The kind of body `content_type` (a `Content-Type` value) names, if an action reads it: its
    /// media type compared without regard to case, as written (nothing lowered into a new
    /// string), its parameters ignored.
    pub(crate) fn of(content_type: &str) -> Option<MediaType> {
        let essence = essence(content_type).as_bytes();
        if eq_ignore_case(essence, b"application/x-www-form-urlencoded") {
            Some(MediaType::UrlEncoded)
        } else if eq_ignore_case(essence, b"multipart/form-data") {
            Some(MediaType::Multipart)
        } else if is_json(essence) {
            Some(MediaType::Json)
        } else {
            None
        }
    }
}

/// A content type without its parameters and the whitespace around it, as written.
fn essence(content_type: &str) -> &str {
    let end = memchr::memchr(b';', content_type.as_bytes()).unwrap_or(content_type.len());
    trim(&content_type[..end])
}

/// Whether a media type (in any case) is JSON: `application/json` or `application/<anything>+json`.
fn is_json(media_type: &[u8]) -> bool {
    const APPLICATION: &[u8] = b"application/";
    const JSON: &[u8] = b"+json";
    media_type.eq_ignore_ascii_case(b"application/json")
        || (media_type.len() >= APPLICATION.len() + JSON.len()
            && media_type[..APPLICATION.len()].eq_ignore_ascii_case(APPLICATION)
            && media_type[media_type.len() - JSON.len()..].eq_ignore_ascii_case(JSON))
}

/// A request's `Content-Type` that names a body an action reads: the header's text, and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ContentType<'a> {
    /// The header's value, parameters included (a multipart body's boundary is among them).
    pub(crate) text: &'a str,
    /// The kind of body.
    pub(crate) media: MediaType,
}

/// The kind of body, from `Content-Type`; anything we do not read is refused here, before the
/// body is read.
pub(crate) fn content_type(headers: &HeaderMap) -> Result<Option<ContentType<'_>>, Refusal> {
    let Some(value) = headers.get(CONTENT_TYPE) else {
        return Ok(None);
    };
    let text =
        value.to_str().map_err(|_| Refusal::UnsupportedMediaType("unreadable content type".to_owned()))?;
    match MediaType::of(text) {
        Some(media) => Ok(Some(ContentType { text, media })),
        None => Err(Refusal::UnsupportedMediaType(format!(
            "unsupported content type `{}`: send application/x-www-form-urlencoded, multipart/form-data or application/json",
            text.chars().take(100).collect::<String>()
        ))),
    }
}

/// Checks that the body is in no content coding: every `Content-Encoding` header (any number)
/// lists only `identity`, in any case, between blanks, or empty elements (`, identity ,`), which
/// all mean the body as it is. Anything else is refused before the body is read.
pub(crate) fn content_encoding(headers: &HeaderMap) -> Result<(), Refusal> {
    // The header is almost never there: a look at the few names a form post has is cheaper than
    // hashing one to find that out.
    if !headers.keys().any(|name| *name == CONTENT_ENCODING) {
        return Ok(());
    }
    for value in headers.get_all(CONTENT_ENCODING) {
        let plain = value.as_bytes().split(|&byte| byte == b',').all(|coding| {
            let coding = coding.trim_ascii();
            coding.is_empty() || coding.eq_ignore_ascii_case(b"identity")
        });
        if !plain {
            let shown = String::from_utf8_lossy(value.as_bytes()).chars().take(100).collect::<String>();
            return Err(Refusal::UnsupportedEncoding(format!(
                "unsupported Content-Encoding `{shown}`: send the body uncompressed"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;
    use crate::problem::Problem;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
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
            assert_eq!(essence(content_type), by_splitting, "{content_type:?}");
        }
        for json in ["application/json", "APPLICATION/Json", "application/+json", "Application/VND.API+JSON"]
        {
            assert!(is_json(json.as_bytes()), "{json}");
        }
        for other in
            ["application/jso", "application+json", "text/x+json", "application/json+", "application/"]
        {
            assert!(!is_json(other.as_bytes()), "{other}");
        }
    }

    #[test]
    fn content_types() {
        let ct = |value: &str| content_type(&headers(&[("content-type", value)])).is_ok();
        assert!(ct("application/x-www-form-urlencoded"));
        assert!(ct("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
        assert!(ct("multipart/form-data; boundary=x"));
        assert!(ct("application/json"));
        assert!(ct("application/vnd.api+json"));
        for bad in [
            "text/plain",
            "text/plain; x=application/json",
            "application/x-www-form-urlencodedx",
            "text/html",
        ] {
            assert!(!ct(bad), "{bad}");
        }
        assert_eq!(content_type(&HeaderMap::new()), Ok(None));
    }

    #[test]
    fn content_encodings() {
        let encoded = |values: &[&str]| {
            let pairs: Vec<(&'static str, &str)> = values.iter().map(|v| ("content-encoding", *v)).collect();
            content_encoding(&headers(&pairs))
        };
        for plain in [
            &[][..],
            &["identity"],
            &["IDENTITY"],
            &[" iDeNtItY\t"],
            &[""],
            &[", identity ,"],
            &["identity", "identity"],
        ] {
            assert_eq!(encoded(plain), Ok(()), "{plain:?}");
        }
        for coded in [
            &["gzip"][..],
            &["GZip"],
            &["x-gzip"],
            &["br"],
            &["deflate"],
            &["compress"],
            &["zstd"],
            &["gzip, identity"],
            &["identity,gzip"],
            &["identity", "gzip"],
            &["gzip", "identity"],
            &["identity identity"],
            &["identity;q=1"],
            &["\"identity\""],
            &["identit"],
        ] {
            let refusal = encoded(coded).unwrap_err();
            assert!(matches!(refusal, Refusal::UnsupportedEncoding(_)), "{coded:?}");
            assert!(refusal.message().starts_with("unsupported Content-Encoding `"), "{coded:?}");
        }
        // Bytes that are not text are shown replaced, never passed on as they are.
        let mut map = HeaderMap::new();
        map.append(CONTENT_ENCODING, HeaderValue::from_bytes(b"gz\xffip").unwrap());
        assert_eq!(
            content_encoding(&map).unwrap_err().message(),
            "unsupported Content-Encoding `gz\u{fffd}ip`: send the body uncompressed"
        );
    }
}
