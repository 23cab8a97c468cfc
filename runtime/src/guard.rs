//! The first step of every action request: is this a request an action may answer at all?
//!
//! - **Same origin.** A browser sends `Origin` with every POST; it must name this host (the `Host`
//!   header, or `X-Forwarded-Host` behind a proxy configured as trusted) or an allowed origin
//!   (`https://admin.example.com`, or a glob like `*.example.com`). `Origin: null` (sandboxed
//!   frames, some redirects) is refused. A request with no `Origin` is refused unless its `Referer`
//!   is same-origin: Next.js lets such requests through with a warning; we do not.
//! - **Content type.** Only urlencoded, multipart and JSON bodies are read. `text/plain`, which a
//!   cross-site form may send without a CORS preflight, is refused before anything else happens.
//! - **Content encoding.** Bodies are read as sent: one with a `Content-Encoding` other than
//!   `identity` (gzip, br, deflate...) is refused with 415 before it is read, rather than decoded
//!   as if it were not compressed (and answered 400), or decompressed without a bound.

use http::HeaderMap;
use http::header::{CONTENT_ENCODING, CONTENT_TYPE, HOST, ORIGIN, REFERER};

use crate::decode::eq_ignore_case;

/// Where requests may come from.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Origins allowed besides this host: full origins (`https://admin.example.com`), hosts
    /// (`admin.example.com`), or globs on the host (`*.example.com`, which does not match
    /// `example.com` itself).
    pub allowed_origins: Vec<String>,
    /// Trust `X-Forwarded-Host` as the host (behind a proxy that sets it).
    pub trust_forwarded_host: bool,
    /// Accept requests with neither `Origin` nor `Referer` (non-browser clients that cannot send
    /// one). Off by default.
    pub allow_missing_origin: bool,
}

impl Settings {
    /// Settings from the environment: `FORMACTION_ALLOWED_ORIGINS` (comma-separated),
    /// `FORMACTION_TRUST_FORWARDED_HOST=1`, `FORMACTION_ALLOW_MISSING_ORIGIN=1`.
    pub fn from_env() -> Self {
        let flag = |name: &str| std::env::var(name).is_ok_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
        Settings {
            allowed_origins: std::env::var("FORMACTION_ALLOWED_ORIGINS")
                .map(|list| list.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect())
                .unwrap_or_default(),
            trust_forwarded_host: flag("FORMACTION_TRUST_FORWARDED_HOST"),
            allow_missing_origin: flag("FORMACTION_ALLOW_MISSING_ORIGIN"),
        }
    }

    /// Adds an allowed origin (see [`Settings::allowed_origins`]).
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        self.allowed_origins.push(origin.into());
        self
    }

    /// Trusts `X-Forwarded-Host`.
    pub fn trust_forwarded_host(mut self, trust: bool) -> Self {
        self.trust_forwarded_host = trust;
        self
    }

    /// Accepts requests with neither `Origin` nor `Referer`.
    pub fn allow_missing_origin(mut self, allow: bool) -> Self {
        self.allow_missing_origin = allow;
        self
    }
}

/// Why a request was refused before its action ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// 403: not from an allowed origin.
    CrossOrigin(String),
    /// 415: a body we do not read.
    UnsupportedMediaType(String),
    /// 415: a body in a content coding we do not decode (the answer names the one we do).
    UnsupportedEncoding(String),
}

impl Refusal {
    pub(crate) fn message(&self) -> &str {
        match self {
            Refusal::CrossOrigin(message)
            | Refusal::UnsupportedMediaType(message)
            | Refusal::UnsupportedEncoding(message) => message,
        }
    }
}

/// Checks that the request comes from this site or an allowed origin.
///
/// Every POST takes this path, so it works on the headers' bytes: a header value is text
/// (`HeaderValue::to_str`) exactly when all its bytes are ASCII, since `http` refuses control
/// characters in values; nothing is allocated unless the request is refused.
pub(crate) fn same_origin(headers: &HeaderMap, settings: &Settings) -> Result<(), Refusal> {
    let host = if settings.trust_forwarded_host {
        header(headers, X_FORWARDED_HOST)
            .map(|h| h.split(|&b| b == b',').next().unwrap_or(h).trim_ascii())
            .or(header(headers, HOST))
    } else {
        header(headers, HOST)
    };
    let Some(host) = host.map(<[u8]>::trim_ascii) else {
        return Err(Refusal::CrossOrigin("the request has no Host header".to_owned()));
    };
    let (source, what) = match header(headers, ORIGIN) {
        Some(origin) => (origin, "Origin"),
        None => match header(headers, REFERER) {
            Some(referer) => (referer, "Referer"),
            None if settings.allow_missing_origin => return Ok(()),
            None => {
                return Err(Refusal::CrossOrigin(
                    "cross-site request refused: the request has neither Origin nor Referer".to_owned(),
                ));
            }
        },
    };
    let refused =
        || Refusal::CrossOrigin(format!("cross-site request refused: {what} does not match this site"));
    let source = source.trim_ascii();
    if source.eq_ignore_ascii_case(b"null") {
        return Err(refused());
    }
    let Some(source_host) = authority(source) else { return Err(refused()) };
    // Hosts compare without regard to case.
    if eq_ignore_case(source_host, host) {
        return Ok(());
    }
    // ASCII throughout (see `header`), so these are text.
    let (Ok(source), Ok(source_host)) = (std::str::from_utf8(source), std::str::from_utf8(source_host))
    else {
        return Err(refused());
    };
    if settings
        .allowed_origins
        .iter()
        .any(|allowed| origin_matches(allowed, source, &source_host.to_ascii_lowercase()))
    {
        Ok(())
    } else {
        Err(refused())
    }
}

/// `X-Forwarded-Host`, named once.
const X_FORWARDED_HOST: http::HeaderName = http::HeaderName::from_static("x-forwarded-host");

/// The `host[:port]` of an origin or URL (trimmed), as written: `https://Example.com:8443/x`
/// gives `Example.com:8443`.
fn authority(url: &[u8]) -> Option<&[u8]> {
    // The scheme is what comes before the first `://`; only http and https are accepted, so the
    // first `://` must come right after one of them.
    let rest = if url.len() > 7 && url[..7].eq_ignore_ascii_case(b"http://") {
        &url[7..]
    } else if url.len() > 8 && url[..8].eq_ignore_ascii_case(b"https://") {
        &url[8..]
    } else {
        return None;
    };
    let end = memchr::memchr3(b'/', b'?', b'#', rest).unwrap_or(rest.len());
    let authority = &rest[..end];
    // userinfo@host is never sent by browsers in Origin, and a Referer with one is suspect.
    if authority.is_empty() || memchr::memchr(b'@', authority).is_some() {
        return None;
    }
    Some(authority)
}

fn origin_matches(allowed: &str, source: &str, source_host: &str) -> bool {
    let allowed = allowed.trim().to_ascii_lowercase();
    if allowed.contains("://") {
        // A full origin: scheme and authority must both match.
        let source = source.trim().to_ascii_lowercase();
        let source_origin = source.split_once("://").map(|(scheme, rest)| {
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            format!("{scheme}://{}", &rest[..end])
        });
        return source_origin.as_deref() == Some(allowed.trim_end_matches('/'));
    }
    match allowed.strip_prefix("*.") {
        Some(suffix) => {
            let host = source_host.split(':').next().unwrap_or(source_host);
            host.len() > suffix.len() + 1
                && host.ends_with(suffix)
                && host[..host.len() - suffix.len()].ends_with('.')
        }
        None => source_host == allowed,
    }
}

/// A header's value when it is text: `HeaderValue::to_str` accepts exactly the values whose bytes
/// are all ASCII (`http` refuses control characters other than tab in a value), and `is_ascii`
/// checks a word at a time.
fn header<K: http::header::AsHeaderName>(headers: &HeaderMap, name: K) -> Option<&[u8]> {
    headers.get(name).map(http::HeaderValue::as_bytes).filter(|bytes| bytes.is_ascii())
}

/// The kind of body, from `Content-Type`; anything we do not read is refused here, before the
/// body is read.
pub(crate) fn content_type(headers: &HeaderMap) -> Result<Option<&str>, Refusal> {
    let Some(value) = headers.get(CONTENT_TYPE) else {
        return Ok(None);
    };
    let text =
        value.to_str().map_err(|_| Refusal::UnsupportedMediaType("unreadable content type".to_owned()))?;
    let essence = crate::decode::essence(text).as_bytes();
    let has_prefix =
        |prefix: &[u8]| essence.len() >= prefix.len() && essence[..prefix.len()].eq_ignore_ascii_case(prefix);
    let has_suffix = |suffix: &[u8]| {
        essence.len() >= suffix.len() && essence[essence.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let supported = eq_ignore_case(essence, b"application/x-www-form-urlencoded")
        || eq_ignore_case(essence, b"multipart/form-data")
        || essence.eq_ignore_ascii_case(b"application/json")
        || (has_prefix(b"application/") && has_suffix(b"+json"));
    if supported {
        Ok(Some(text))
    } else {
        Err(Refusal::UnsupportedMediaType(format!(
            "unsupported content type `{}`: send application/x-www-form-urlencoded, multipart/form-data or application/json",
            text.chars().take(100).collect::<String>()
        )))
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

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn same_origin_rules() {
        let s = Settings::default();
        assert!(
            same_origin(&headers(&[("host", "shop.test:3000"), ("origin", "http://shop.test:3000")]), &s)
                .is_ok()
        );
        assert!(same_origin(&headers(&[("host", "Shop.Test"), ("origin", "https://shop.test")]), &s).is_ok());
        let refused = [
            &[("host", "shop.test"), ("origin", "https://evil.test")][..],
            &[("host", "shop.test"), ("origin", "null")],
            &[("host", "shop.test"), ("origin", "https://shop.test.evil.test")],
            &[("host", "shop.test"), ("origin", "https://evil@shop.test")],
            &[("host", "shop.test")],
            &[("host", "shop.test"), ("referer", "https://evil.test/shop.test")],
            &[("origin", "https://shop.test")],
            &[("host", "shop.test"), ("x-forwarded-host", "evil.test"), ("origin", "https://evil.test")],
        ];
        for case in refused {
            assert!(same_origin(&headers(case), &s).is_err(), "{case:?}");
        }
        assert!(
            same_origin(&headers(&[("host", "shop.test"), ("referer", "https://shop.test/new")]), &s).is_ok()
        );
        let behind_proxy = Settings::default().trust_forwarded_host(true);
        let proxied = headers(&[
            ("host", "127.0.0.1:8080"),
            ("x-forwarded-host", "shop.test"),
            ("origin", "https://shop.test"),
        ]);
        assert!(same_origin(&proxied, &behind_proxy).is_ok());
        assert!(same_origin(&proxied, &s).is_err());
    }

    #[test]
    fn allowed_origins() {
        let s = Settings::default().allow_origin("*.example.com").allow_origin("https://partner.test");
        let from = |origin: &str| headers(&[("host", "shop.test"), ("origin", origin)]);
        assert!(same_origin(&from("https://admin.example.com"), &s).is_ok());
        assert!(same_origin(&from("https://a.b.example.com:8443"), &s).is_ok());
        assert!(same_origin(&from("https://example.com"), &s).is_err());
        assert!(same_origin(&from("https://badexample.com"), &s).is_err());
        assert!(same_origin(&from("https://partner.test"), &s).is_ok());
        assert!(same_origin(&from("http://partner.test"), &s).is_err(), "scheme must match a full origin");
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
