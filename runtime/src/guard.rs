//! The first step of every request: is it for this app, and may an action answer it at all?
//!
//! - **Allowed hosts** (Django's `ALLOWED_HOSTS`, Rails' `config.hosts`). The app's own origins
//!   are [`Settings::origins`] (`FORMACTION_ORIGIN=https://app.example.com,https://www.example.com`).
//!   Every request names one of them in its `Host` (or, behind a trusted proxy, in the proxy's
//!   `X-Forwarded-Host` or `Forwarded: host=`), or is answered `400 Bad Request` (every page `GET`
//!   and `POST`, every endpoint, and every route under the [`protect`](crate::protect) layer). So
//!   DNS rebinding (a page on `rebind.attacker.test` whose name now points at the app) gets a 400
//!   for its `GET`s and its posts alike. Without a setting (development) only loopback names are
//!   served: `localhost`, `*.localhost`, `127.0.0.1` and `[::1]`, on any port, and the log says so
//!   once. Names compare without regard to case and with one trailing dot dropped
//!   (`app.example.com.`); ports compare by number, a missing one being its scheme's default
//!   (`https://x` is `https://x:443`). Whatever else a browser never sends is refused: two `Host`
//!   headers (RFC 9112, 3.2), user info, an empty port or one with leading zeros, whitespace inside,
//!   a non-ASCII name (an IDN host is given in punycode, `xn--...`, as browsers send it), an IPv6
//!   address not written as browsers write it (`[::1]`, not `[0:0:0:0:0:0:0:1]`).
//! - **A request with no host at all** (no `Host`, no authority in its target: HTTP/1.0 clients, and
//!   requests built in process as `tower::ServiceExt::oneshot` tests do) is served in development
//!   as a loopback request, since browsers always send `Host`; with origins configured it is a
//!   400. A post without a host is still refused (403): there is nothing to compare its `Origin`
//!   with.
//! - **Same origin.** A browser sends `Origin` with every POST; it must have the scheme, host and
//!   port of the request's own origin (the configured origin its host matched; in development the
//!   trusted proxy's scheme, else `http`), or be an allowed origin
//!   ([`Settings::allowed_origins`]: `https://admin.example.com`, or a glob like `*.example.com`).
//!   `Origin: null` (sandboxed frames, some redirects) is refused, and so are two `Origin`
//!   headers. A request with no `Origin` is refused unless its `Referer` is same-origin: Next.js
//!   lets such requests through with a warning; we do not.
//! - **The trusted proxy** ([`Settings::trust_proxy`], `FORMACTION_TRUST_PROXY=1`, like Django's
//!   `USE_X_FORWARDED_HOST` and `SECURE_PROXY_SSL_HEADER`): its `X-Forwarded-Host`,
//!   `X-Forwarded-Proto` and `Forwarded` (RFC 7239: `host=`, `proto=`) are read from the entry it
//!   wrote, the last comma-separated entry of the last header line; entries before it are the
//!   client's. When both families name a host (or a scheme), they must agree, or the request is
//!   a 400: neither wins, since a proxy that writes one family usually passes the other through
//!   from the client untouched.
//! - **Content type.** Only urlencoded, multipart and JSON bodies are read. `text/plain`, which a
//!   cross-site form may send without a CORS preflight, is refused before anything else happens.
//! - **Content encoding.** Bodies are read as sent: one with a `Content-Encoding` other than
//!   `identity` (gzip, br, deflate...) is refused with 415 before it is read, rather than decoded
//!   as if it were not compressed (and answered 400), or decompressed without a bound.

use std::fmt;
use std::str::FromStr;
use std::sync::Once;

use axum::response::Response;
use http::header::{CONTENT_ENCODING, CONTENT_TYPE, FORWARDED, HOST, ORIGIN, REFERER};
use http::{HeaderMap, HeaderName, StatusCode, Uri};

use crate::decode::eq_ignore_case;
use crate::respond;

/// The environment variable holding the app's own origins, comma-separated.
pub const ORIGIN_VAR: &str = "FORMACTION_ORIGIN";
/// The environment variable that trusts the proxy in front (`1`, `true` or `yes`).
pub const TRUST_PROXY_VAR: &str = "FORMACTION_TRUST_PROXY";

/// Which hosts the app answers to, and where posts may come from.
///
/// [`Settings::default`] is development: no origins, so only loopback hosts are served. The
/// pages, endpoints and the [`protect`](crate::protect) layer read [`Settings::from_env`] unless
/// given settings; to change one thing, start from it so `FORMACTION_ORIGIN` still counts:
/// `Settings::from_env().allow_origin("https://admin.example.com")`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The app's own origins: the hosts it answers to, and the scheme and port of each. Empty:
    /// development, only loopback hosts.
    pub origins: Vec<Origin>,
    /// Origins allowed to post besides the app's own: full origins (`https://admin.example.com`),
    /// hosts (`admin.example.com`), or globs on the host (`*.example.com`, which does not match
    /// `example.com` itself). They are not hosts the app answers to.
    pub allowed_origins: Vec<String>,
    /// Trust the proxy in front: read the host and scheme from its `X-Forwarded-Host`,
    /// `X-Forwarded-Proto` or `Forwarded` (the entry it wrote, the last one). Only behind a proxy
    /// that sets them on every request.
    pub trust_proxy: bool,
    /// Accept requests with neither `Origin` nor `Referer` (non-browser clients that cannot send
    /// one). Off by default.
    pub allow_missing_origin: bool,
}

impl Settings {
    /// Settings from the environment: `FORMACTION_ORIGIN` (comma-separated origins),
    /// `FORMACTION_ALLOWED_ORIGINS` (comma-separated), `FORMACTION_TRUST_PROXY=1`,
    /// `FORMACTION_ALLOW_MISSING_ORIGIN=1`. Without `FORMACTION_ORIGIN`, the log says once per
    /// process that only loopback hosts are served.
    ///
    /// # Panics
    ///
    /// When `FORMACTION_ORIGIN` is set but invalid, with the reason: serving with another set of
    /// hosts than the one configured would refuse every visitor, or accept any host. Call
    /// [`Settings::try_from_env`] at start-up to report it yourself.
    pub fn from_env() -> Self {
        match Settings::try_from_env() {
            Ok(settings) => settings,
            Err(error) => panic!("formaction: {error}"),
        }
    }

    /// [`Settings::from_env`], with an invalid `FORMACTION_ORIGIN` as an error.
    ///
    /// # Errors
    ///
    /// When `FORMACTION_ORIGIN` is set but empty or not a list of origins; the message names it.
    pub fn try_from_env() -> Result<Self, OriginError> {
        let flag = |name: &str| std::env::var(name).is_ok_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
        let origins = match std::env::var(ORIGIN_VAR) {
            Ok(list) => parse_origins(&list).map_err(|e| OriginError(format!("{ORIGIN_VAR}: {}", e.0)))?,
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(OriginError(format!("{ORIGIN_VAR}: not valid UTF-8")));
            }
            Err(std::env::VarError::NotPresent) => {
                static SAID: Once = Once::new();
                SAID.call_once(|| {
                    tracing::warn!(
                        "{ORIGIN_VAR} is not set: serving loopback hosts only (localhost, *.localhost, \
                         127.0.0.1, [::1]), as in development. Set {ORIGIN_VAR}=https://your.domain to serve it \
                         under its public name."
                    );
                });
                Vec::new()
            }
        };
        Ok(Settings {
            origins,
            allowed_origins: std::env::var("FORMACTION_ALLOWED_ORIGINS")
                .map(|list| list.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect())
                .unwrap_or_default(),
            trust_proxy: flag(TRUST_PROXY_VAR),
            allow_missing_origin: flag("FORMACTION_ALLOW_MISSING_ORIGIN"),
        })
    }

    /// Adds one of the app's own origins (see [`Settings::origins`]):
    /// `.origin("https://app.example.com".parse()?)`.
    pub fn origin(mut self, origin: Origin) -> Self {
        self.origins.push(origin);
        self
    }

    /// Adds an allowed origin (see [`Settings::allowed_origins`]).
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        self.allowed_origins.push(origin.into());
        self
    }

    /// Trusts the proxy in front (see [`Settings::trust_proxy`]).
    pub fn trust_proxy(mut self, trust: bool) -> Self {
        self.trust_proxy = trust;
        self
    }

    /// Accepts requests with neither `Origin` nor `Referer`.
    pub fn allow_missing_origin(mut self, allow: bool) -> Self {
        self.allow_missing_origin = allow;
        self
    }
}

/// The scheme of an origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `http`
    Http,
    /// `https`
    Https,
}

impl Scheme {
    /// 80 or 443.
    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }

    /// `http` or `https`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    /// `http://` or `https://`, as browsers write it.
    fn prefix(self) -> &'static [u8] {
        match self {
            Scheme::Http => b"http://",
            Scheme::Https => b"https://",
        }
    }

    /// The scheme a URL starts with (`http://` or `https://`, in any case), and the rest.
    fn split(url: &[u8]) -> Option<(Scheme, &[u8])> {
        let has =
            |prefix: &[u8]| url.len() >= prefix.len() && url[..prefix.len()].eq_ignore_ascii_case(prefix);
        if has(b"http://") {
            Some((Scheme::Http, &url[7..]))
        } else if has(b"https://") {
            Some((Scheme::Https, &url[8..]))
        } else {
            None
        }
    }
}

/// One of the app's own origins: a scheme, a host and a port, as `FORMACTION_ORIGIN` lists them.
///
/// ```
/// use formaction::guard::{Origin, Scheme};
///
/// let origin: Origin = "https://App.Example.com/".parse().unwrap();
/// assert_eq!((origin.scheme(), origin.host(), origin.port()), (Scheme::Https, "app.example.com", 443));
/// assert_eq!(origin.to_string(), "https://app.example.com");
/// assert!("https://app.example.com/login".parse::<Origin>().is_err());
/// assert!("https://bücher.example".parse::<Origin>().is_err(), "IDN hosts are given in punycode");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    scheme: Scheme,
    /// Lowercase, without a trailing dot; an IPv6 address in brackets, as browsers write it.
    host: String,
    port: u16,
}

impl Origin {
    /// Reads an origin: `http` or `https`, `://`, a host, an optional port, an optional `/`, and
    /// nothing else (no user info, path, query or fragment). A non-ASCII (IDN) host must be given
    /// in punycode (`https://xn--bcher-kva.example`), as browsers send it.
    ///
    /// # Errors
    ///
    /// When `text` is not such an origin; the message says why.
    pub fn parse(text: &str) -> Result<Origin, OriginError> {
        let text = text.trim();
        let error = |why: &str| Err(OriginError(format!("`{text}` is not an origin: {why}")));
        let Some((scheme, rest)) = Scheme::split(text.as_bytes()) else {
            return error("it must start with http:// or https://");
        };
        let rest = rest.strip_suffix(b"/").unwrap_or(rest);
        if !rest.is_ascii() {
            return error("a non-ASCII (IDN) host is written in punycode (xn--...), as browsers send it");
        }
        if rest.iter().any(|b| matches!(b, b'/' | b'?' | b'#')) {
            return error("an origin has no path, query or fragment");
        }
        if rest.contains(&b'@') {
            return error("an origin has no user info");
        }
        let Some(parsed) = split_host(rest) else {
            return error("expected a host name or IP address and an optional port (1 to 65535)");
        };
        let host = if parsed.name.first() == Some(&b'[') {
            let inside = std::str::from_utf8(&parsed.name[1..parsed.name.len() - 1]).unwrap_or_default();
            match std::net::Ipv6Addr::from_str(inside) {
                Ok(address) => format!("[{}]", ipv6_as_browsers_write_it(address)),
                Err(_) => return error("the part in brackets is not an IPv6 address"),
            }
        } else {
            String::from_utf8_lossy(parsed.name).to_ascii_lowercase()
        };
        Ok(Origin { scheme, host, port: parsed.port.unwrap_or(scheme.default_port()) })
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host: lowercase, without a trailing dot; an IPv6 address in brackets.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, the scheme's default when none is written.
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl FromStr for Origin {
    type Err = OriginError;

    fn from_str(text: &str) -> Result<Origin, OriginError> {
        Origin::parse(text)
    }
}

impl fmt::Display for Origin {
    /// As browsers write it in `Origin`: the default port left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme.as_str(), self.host)?;
        if self.port != self.scheme.default_port() {
            write!(f, ":{}", self.port)?;
        }
        Ok(())
    }
}

/// Why an origin (or `FORMACTION_ORIGIN`) could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginError(String);

impl fmt::Display for OriginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OriginError {}

/// A comma-separated list of origins, at least one.
fn parse_origins(list: &str) -> Result<Vec<Origin>, OriginError> {
    let origins = list
        .split(',')
        .map(str::trim)
        .filter(|origin| !origin.is_empty())
        .map(Origin::parse)
        .collect::<Result<Vec<_>, _>>()?;
    if origins.is_empty() {
        return Err(OriginError(
            "set but empty: list this app's origins, such as https://app.example.com".to_owned(),
        ));
    }
    Ok(origins)
}

/// An IPv6 address as the URL standard serializes it (and browsers send it in `Host`): hex in
/// lowercase, the first longest run of two or more zero pieces as `::`, no embedded IPv4.
fn ipv6_as_browsers_write_it(address: std::net::Ipv6Addr) -> String {
    let pieces = address.segments();
    let (mut best, mut run) = ((0, 0), (0, 0));
    for (at, piece) in pieces.iter().enumerate() {
        if *piece == 0 {
            run = if run.1 == 0 { (at, 1) } else { (run.0, run.1 + 1) };
            if run.1 > best.1 {
                best = run;
            }
        } else {
            run = (0, 0);
        }
    }
    let mut text = String::new();
    let mut at = 0;
    while at < 8 {
        if best.1 >= 2 && at == best.0 {
            text.push_str(if at == 0 { "::" } else { ":" });
            at += best.1;
            continue;
        }
        text.push_str(&format!("{:x}", pieces[at]));
        if at < 7 {
            text.push(':');
        }
        at += 1;
    }
    text
}

/// Why a request was refused before its page or action ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// 400: not one of this app's hosts, or a host that cannot be read.
    Host(String),
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
            Refusal::Host(message)
            | Refusal::CrossOrigin(message)
            | Refusal::UnsupportedMediaType(message)
            | Refusal::UnsupportedEncoding(message) => message,
        }
    }

    pub(crate) fn status(&self) -> StatusCode {
        match self {
            Refusal::Host(_) => StatusCode::BAD_REQUEST,
            Refusal::CrossOrigin(_) => StatusCode::FORBIDDEN,
            Refusal::UnsupportedMediaType(_) | Refusal::UnsupportedEncoding(_) => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
        }
    }
}

/// The answer refusing a request for `refusal` (logged at `info`).
#[cold]
#[inline(never)]
pub(crate) fn refuse(refusal: &Refusal, path: &str, json: bool) -> Response {
    let status = refusal.status();
    tracing::info!(path, status = status.as_u16(), reason = refusal.message(), "request refused");
    respond::problem(status, refusal.message(), json)
}

/// The origin a request was made to: its scheme, host and port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RequestOrigin<'a> {
    /// The configured origin's that matched the host; else (development) the trusted proxy's;
    /// else `http`.
    pub(crate) scheme: Scheme,
    /// As received, without a trailing dot; empty for a request with no host (development only).
    host: &'a [u8],
    port: u16,
    /// The host and port as received (`host[:port]`), which a same-origin `Origin` repeats.
    authority: &'a [u8],
}

/// The request's own origin, or why it is not one this app serves: the one place that decides
/// the host a request is for and its scheme (the same-origin check and the flash cookie's
/// `Secure` both come from here).
///
/// The host is the trusted proxy's (see [`Settings::trust_proxy`]), else the authority of the
/// request target (HTTP/2's `:authority`, or an absolute-form target, which RFC 9112 puts before
/// `Host`), else the one `Host` header. It must be one of [`Settings::origins`] (the first that
/// matches, or the first whose scheme is the trusted proxy's), or in development a loopback name.
///
/// Every request takes this path: it works on the headers' bytes and allocates nothing unless
/// the request is refused.
pub(crate) fn request_origin<'a>(
    uri: &'a Uri,
    headers: &'a HeaderMap,
    settings: &Settings,
) -> Result<RequestOrigin<'a>, Refusal> {
    let forwarded = if settings.trust_proxy { forwarded(headers)? } else { Forwarded::default() };
    let raw = match (forwarded.host, uri.authority()) {
        (Some(host), _) => Some(host),
        (None, Some(authority)) => Some(authority.as_str().as_bytes()),
        (None, None) => only(headers, HOST).map_err(|()| several_hosts())?,
    };
    let Some(raw) = raw else {
        if !settings.origins.is_empty() {
            return Err(no_host());
        }
        let scheme = forwarded.proto.unwrap_or(Scheme::Http);
        return Ok(RequestOrigin { scheme, host: b"", port: scheme.default_port(), authority: b"" });
    };
    // The name the app serves as browsers write it (the usual request) needs no byte-by-byte read.
    let (received, authority, known) = match known_host(raw, settings) {
        Some(received) => (received, raw, true),
        None => {
            let authority = raw.trim_ascii();
            let Some(received) = split_host(authority) else { return Err(unknown_host(raw, settings)) };
            (received, authority, false)
        }
    };
    if settings.origins.is_empty() {
        if !known && !is_loopback(received.name) {
            return Err(unknown_host(raw, settings));
        }
        let scheme = forwarded.proto.unwrap_or(Scheme::Http);
        return Ok(RequestOrigin {
            scheme,
            host: received.name,
            port: received.port.unwrap_or(scheme.default_port()),
            authority,
        });
    }
    let mut matched: Option<&Origin> = None;
    for origin in &settings.origins {
        if received.port.unwrap_or(origin.scheme.default_port()) == origin.port
            && received.name.eq_ignore_ascii_case(origin.host.as_bytes())
        {
            if forwarded.proto.is_none_or(|proto| proto == origin.scheme) {
                matched = Some(origin);
                break;
            }
            matched.get_or_insert(origin);
        }
    }
    match matched {
        Some(origin) => {
            Ok(RequestOrigin { scheme: origin.scheme, host: received.name, port: origin.port, authority })
        }
        None => Err(unknown_host(raw, settings)),
    }
}

/// `raw` as [`split_host`] reads it, when it is a name the app serves as browsers write it: one
/// of [`Settings::origins`]' hosts (lowercase), or in development `localhost`, `127.0.0.1` or
/// `[::1]`, then perhaps `:port`. Each of those names is one [`split_host`] reads whole, so the
/// answer is its answer; anything else is `None`, left to it.
fn known_host<'a>(raw: &'a [u8], settings: &Settings) -> Option<HostPort<'a>> {
    let named = |name: &[u8]| {
        let port = match raw.strip_prefix(name)? {
            [] => None,
            [b':', digits @ ..] => Some(port(digits)?),
            _ => return None,
        };
        Some(HostPort { name: &raw[..name.len()], port })
    };
    if settings.origins.is_empty() {
        [b"localhost".as_slice(), b"127.0.0.1", b"[::1]"].into_iter().find_map(named)
    } else {
        settings.origins.iter().find_map(|origin| named(origin.host.as_bytes()))
    }
}

/// A host as received: its name (in brackets for an IPv6 address) and its port, if written.
struct HostPort<'a> {
    name: &'a [u8],
    port: Option<u16>,
}

/// `host[:port]` as RFC 3986 writes an authority without user info, held to what browsers send:
/// a name of letters, digits, `-` and `_` in non-empty labels (one trailing dot dropped), an
/// IPv4 address, or an IPv6 address in brackets; a port of 1 to 65535 without leading zeros.
fn split_host(value: &[u8]) -> Option<HostPort<'_>> {
    match host_port(value)? {
        (host, []) => Some(host),
        _ => None,
    }
}

/// What a byte is in a host name: [`OTHER`] ends it, [`DOT`] separates labels, [`LABEL`] is a
/// letter, digit, `-` or `_`. A table, since every request's host goes through [`host_port`].
const NAME_BYTES: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            table[byte] = LABEL;
        } else if b == b'.' {
            table[byte] = DOT;
        }
        byte += 1;
    }
    table
};
const OTHER: u8 = 0;
const LABEL: u8 = 1;
const DOT: u8 = 2;

/// The `host[:port]` that `value` starts with (see [`split_host`]), and the bytes after it.
fn host_port(value: &[u8]) -> Option<(HostPort<'_>, &[u8])> {
    let (name, rest) = if value.first() == Some(&b'[') {
        let end = memchr::memchr(b']', value)?;
        let inside = &value[1..end];
        if inside.is_empty() || !inside.iter().all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return None;
        }
        (&value[..=end], &value[end + 1..])
    } else {
        // One pass: labels between single dots, up to the first other byte. `previous` starts as
        // a dot so that a leading dot is refused.
        let mut end = value.len();
        let mut previous = DOT;
        for (at, &byte) in value.iter().enumerate() {
            let class = NAME_BYTES[usize::from(byte)];
            if class == OTHER {
                end = at;
                break;
            }
            if class == DOT && previous == DOT {
                return None;
            }
            previous = class;
        }
        let name = &value[..end];
        // Empty, or ending with a dot: one trailing dot is dropped (`localhost.`), nothing else.
        let name =
            if previous == DOT { name.strip_suffix(b".").filter(|name| !name.is_empty())? } else { name };
        (name, &value[end..])
    };
    let (port, rest) = match rest {
        [b':', after @ ..] => {
            let digits = after.iter().position(|b| !b.is_ascii_digit()).unwrap_or(after.len());
            (Some(port(&after[..digits])?), &after[digits..])
        }
        rest => (None, rest),
    };
    Some((HostPort { name, port }, rest))
}

/// A port: 1 to 65535, in digits without a leading zero (anything else is `None`).
fn port(digits: &[u8]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || digits[0] == b'0' {
        return None;
    }
    let mut value = 0u32;
    for &digit in digits {
        if !digit.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(digit - b'0');
    }
    u16::try_from(value).ok()
}

/// The names a development server answers to: `localhost`, `*.localhost` (RFC 6761: they resolve
/// to loopback), `127.0.0.1` and `[::1]`.
fn is_loopback(name: &[u8]) -> bool {
    const SUFFIX: &[u8] = b".localhost";
    name == b"127.0.0.1"
        || name == b"[::1]"
        || name.eq_ignore_ascii_case(b"localhost")
        || (name.len() > SUFFIX.len() && name[name.len() - SUFFIX.len()..].eq_ignore_ascii_case(SUFFIX))
}

/// What the trusted proxy says: the host and scheme of the entry it wrote.
#[derive(Clone, Copy, Default)]
struct Forwarded<'a> {
    host: Option<&'a [u8]>,
    proto: Option<Scheme>,
}

/// `X-Forwarded-Host`, `X-Forwarded-Proto` and `Forwarded`, each read from its last entry; when
/// both families give a host (or a scheme), they must agree.
fn forwarded(headers: &HeaderMap) -> Result<Forwarded<'_>, Refusal> {
    const X_FORWARDED_HOST: HeaderName = HeaderName::from_static("x-forwarded-host");
    const X_FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");
    let x_host = last_entry(headers, X_FORWARDED_HOST)?;
    let x_proto = last_entry(headers, X_FORWARDED_PROTO)?.map(proto).transpose()?;
    let standard = match last_line(headers, FORWARDED)? {
        Some(line) => forwarded_element(line)?,
        None => Forwarded::default(),
    };
    let host = match (x_host, standard.host) {
        (Some(x), Some(standard)) if !eq_ignore_case(x, standard) => {
            return Err(Refusal::Host(
                "cannot tell the request's host: the proxy's X-Forwarded-Host and Forwarded name different hosts".to_owned(),
            ));
        }
        (x, standard) => x.or(standard),
    };
    let proto = match (x_proto, standard.proto) {
        (Some(x), Some(standard)) if x != standard => {
            return Err(Refusal::Host(
                "cannot tell the request's scheme: the proxy's X-Forwarded-Proto and Forwarded name different ones".to_owned(),
            ));
        }
        (x, standard) => x.or(standard),
    };
    Ok(Forwarded { host, proto })
}

/// The last line of header `name`, which must be ASCII.
fn last_line(headers: &HeaderMap, name: HeaderName) -> Result<Option<&[u8]>, Refusal> {
    match headers.get_all(&name).iter().next_back() {
        Some(value) if !value.as_bytes().is_ascii() => {
            Err(Refusal::Host(format!("cannot tell the request's host: the proxy's {name} is not ASCII")))
        }
        value => Ok(value.map(http::HeaderValue::as_bytes)),
    }
}

/// The last comma-separated entry of the last line of header `name` (the proxy's own), which
/// must not be empty.
fn last_entry(headers: &HeaderMap, name: HeaderName) -> Result<Option<&[u8]>, Refusal> {
    let Some(line) = last_line(headers, name.clone())? else { return Ok(None) };
    let entry = line[memchr::memrchr(b',', line).map_or(0, |comma| comma + 1)..].trim_ascii();
    if entry.is_empty() {
        return Err(Refusal::Host(format!(
            "cannot tell the request's host: the proxy's {name} ends with an empty entry"
        )));
    }
    Ok(Some(entry))
}

fn proto(value: &[u8]) -> Result<Scheme, Refusal> {
    if value.eq_ignore_ascii_case(b"https") {
        Ok(Scheme::Https)
    } else if value.eq_ignore_ascii_case(b"http") {
        Ok(Scheme::Http)
    } else {
        Err(Refusal::Host(
            "cannot tell the request's scheme: the proxy's is neither http nor https".to_owned(),
        ))
    }
}

/// `host=` and `proto=` of the last element of a `Forwarded` line (RFC 7239): elements are
/// separated by commas, pairs by semicolons, outside quoted strings; whitespace around either is
/// allowed; names are case-insensitive; a value is a token or a quoted string (without
/// backslash escapes, which no host or scheme needs).
fn forwarded_element(line: &[u8]) -> Result<Forwarded<'_>, Refusal> {
    let malformed = || {
        Refusal::Host("cannot tell the request's host: the proxy's Forwarded header is malformed".to_owned())
    };
    let (mut element_start, mut quoted) = (0, false);
    for (at, &byte) in line.iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\\' if quoted => return Err(malformed()),
            b',' if !quoted => element_start = at + 1,
            _ => {}
        }
    }
    if quoted {
        return Err(malformed());
    }
    let mut found = Forwarded::default();
    let mut rest = &line[element_start..];
    while !rest.is_empty() {
        // Pairs are split at semicolons outside quotes (no quote is left open, see above).
        let mut end = rest.len();
        let mut inside = false;
        for (at, &byte) in rest.iter().enumerate() {
            match byte {
                b'"' => inside = !inside,
                b';' if !inside => {
                    end = at;
                    break;
                }
                _ => {}
            }
        }
        let pair = rest[..end].trim_ascii();
        rest = rest.get(end + 1..).unwrap_or_default();
        if pair.is_empty() {
            continue;
        }
        let equals = memchr::memchr(b'=', pair).ok_or_else(malformed)?;
        let (name, value) = (pair[..equals].trim_ascii(), pair[equals + 1..].trim_ascii());
        let value = match value {
            [b'"', inner @ .., b'"'] => inner,
            value if value.contains(&b'"') => return Err(malformed()),
            value => value,
        };
        if value.is_empty() {
            return Err(malformed());
        }
        // Each parameter at most once per element (RFC 7239, 4); others (`for`, `by`) are not read.
        let repeated = if name.eq_ignore_ascii_case(b"host") {
            found.host.replace(value).is_some()
        } else if name.eq_ignore_ascii_case(b"proto") {
            found.proto.replace(proto(value)?).is_some()
        } else {
            false
        };
        if repeated {
            return Err(malformed());
        }
    }
    Ok(found)
}

/// The one value of header `name`; `Err` when there are several.
fn only(headers: &HeaderMap, name: HeaderName) -> Result<Option<&[u8]>, ()> {
    let mut all = headers.get_all(name).iter();
    let first = all.next();
    if all.next().is_some() {
        return Err(());
    }
    Ok(first.map(http::HeaderValue::as_bytes))
}

#[cold]
fn several_hosts() -> Refusal {
    Refusal::Host("the request has several Host headers".to_owned())
}

#[cold]
fn no_host() -> Refusal {
    Refusal::Host("the request has no Host header".to_owned())
}

/// The refusal of host `raw`: shown as text, control characters escaped, at most 100 characters.
#[cold]
#[inline(never)]
fn unknown_host(raw: &[u8], settings: &Settings) -> Refusal {
    let shown: String =
        String::from_utf8_lossy(raw).chars().flat_map(char::escape_default).take(100).collect();
    Refusal::Host(if settings.origins.is_empty() {
        format!(
            "unknown host `{shown}`: without {ORIGIN_VAR}, only loopback hosts are served (localhost, \
             *.localhost, 127.0.0.1, [::1]); set {ORIGIN_VAR} to this app's origin"
        )
    } else {
        format!("unknown host `{shown}`: this app does not answer to that name")
    })
}

/// Checks that the request comes from its own origin ([`request_origin`]) or an allowed one.
///
/// Every POST takes this path, so it works on the headers' bytes: nothing is allocated unless the
/// request is refused or comes from an allowed origin other than its own.
pub(crate) fn same_origin(uri: &Uri, headers: &HeaderMap, settings: &Settings) -> Result<(), Refusal> {
    let own = request_origin(uri, headers, settings)?;
    let several =
        |what: &str| Refusal::CrossOrigin(format!("cross-site request refused: several {what} headers"));
    let (source, what) = match only(headers, ORIGIN).map_err(|()| several("Origin"))? {
        Some(origin) => (origin, "Origin"),
        None => match only(headers, REFERER).map_err(|()| several("Referer"))? {
            Some(referer) => (referer, "Referer"),
            None if settings.allow_missing_origin => return Ok(()),
            None => {
                return Err(Refusal::CrossOrigin(
                    "cross-site request refused: the request has neither Origin nor Referer".to_owned(),
                ));
            }
        },
    };
    let refused = || {
        if own.host.is_empty() {
            Refusal::CrossOrigin("cross-site request refused: the request has no Host header".to_owned())
        } else {
            Refusal::CrossOrigin(format!("cross-site request refused: {what} does not match this site"))
        }
    };
    let source = source.trim_ascii();
    // The usual post: the request's own scheme and host as received, byte for byte, which is
    // what the comparison below would find (a `Referer` with its path after them).
    if !own.host.is_empty()
        && let Some(rest) = source.strip_prefix(own.scheme.prefix())
        && let Some(after) = rest.strip_prefix(own.authority)
    {
        match after.first() {
            None => return Ok(()),
            Some(b'/' | b'?' | b'#') if what == "Referer" => return Ok(()),
            Some(_) => {}
        }
    }
    // An Origin is exactly `scheme://host[:port]`; a Referer is a URL, its path after that.
    let Some((scheme, received, authority)) = url_origin(source, what == "Origin") else {
        return Err(refused());
    };
    if !own.host.is_empty()
        && scheme == own.scheme
        && received.port.unwrap_or(scheme.default_port()) == own.port
        && eq_ignore_case(received.name, own.host)
    {
        return Ok(());
    }
    // ASCII throughout (or no allowed origin matches), so these are text.
    let (Ok(source), Ok(source_host)) = (std::str::from_utf8(source), std::str::from_utf8(authority)) else {
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

/// The scheme, host and port of an origin (`exact`: nothing may follow) or of a URL (a path,
/// query or fragment may follow), and its authority as written: `None` for anything but http and
/// https, and for user info (browsers never send it in `Origin`, and a `Referer` with one is
/// suspect).
fn url_origin(url: &[u8], exact: bool) -> Option<(Scheme, HostPort<'_>, &[u8])> {
    let (scheme, rest) = Scheme::split(url)?;
    let (host, after) = host_port(rest)?;
    match after.first() {
        None => {}
        Some(b'/' | b'?' | b'#') if !exact => {}
        Some(_) => return None,
    }
    Some((scheme, host, &rest[..rest.len() - after.len()]))
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

    fn origins(list: &str) -> Settings {
        Settings { origins: parse_origins(list).unwrap(), ..Settings::default() }
    }

    /// The request's origin for these headers (and no authority in its target), as text.
    fn origin_of(pairs: &[(&'static str, &str)], settings: &Settings) -> Result<String, Refusal> {
        let uri = Uri::from_static("/x");
        let headers = headers(pairs);
        request_origin(&uri, &headers, settings).map(|own| {
            format!("{}://{}:{}", own.scheme.as_str(), String::from_utf8_lossy(own.host), own.port)
        })
    }

    fn same(pairs: &[(&'static str, &str)], settings: &Settings) -> Result<(), Refusal> {
        same_origin(&Uri::from_static("/x"), &headers(pairs), settings)
    }

    #[test]
    fn hosts_as_received() {
        let split = |value: &str| {
            split_host(value.as_bytes()).map(|h| (String::from_utf8_lossy(h.name).into_owned(), h.port))
        };
        let some = |name: &str, port: Option<u16>| Some((name.to_owned(), port));
        assert_eq!(split("Shop.Test:3000"), some("Shop.Test", Some(3000)));
        assert_eq!(split("shop.test."), some("shop.test", None));
        assert_eq!(split("shop.test.:65535"), some("shop.test", Some(65535)));
        assert_eq!(split("[::1]:1"), some("[::1]", Some(1)));
        assert_eq!(split("[::ffff:127.0.0.1]"), some("[::ffff:127.0.0.1]", None));
        assert_eq!(split("xn--bcher-kva.example"), some("xn--bcher-kva.example", None));
        assert_eq!(split("under_score.test"), some("under_score.test", None));
        for bad in [
            "",
            ".",
            "..",
            "shop.test..",
            ".shop.test",
            "shop..test",
            "shop.test:",
            "shop.test:0",
            "shop.test:080",
            "shop.test:65536",
            "shop.test:99999999999",
            "shop.test:+1",
            "shop.test:1:2",
            "user@shop.test",
            "shop test",
            "shop\ttest",
            "shop.test/x",
            "shop.test?",
            "shop.test#",
            "bücher.test",
            "[::1",
            "[]",
            "[::1]x",
            "[::1]:",
            "::1",
            "[v1.x]",
            "[::1%eth0]",
            "shop.test\\x",
            "*.test",
            "%73hop.test",
        ] {
            assert_eq!(split(bad), None, "{bad:?}");
        }
        for name in ["localhost", "LocalHost", "a.localhost", "a.b.LOCALHOST", "127.0.0.1", "[::1]"] {
            assert!(is_loopback(name.as_bytes()), "{name}");
        }
        for name in [
            "localhostx",
            "xlocalhost",
            "localhost.test",
            "127.0.0.2",
            "127.0.0.1.test",
            "[::ffff:127.0.0.1]",
            "0.0.0.0",
            "[0:0:0:0:0:0:0:1]",
            ".localhost",
        ] {
            assert!(!is_loopback(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn a_known_host_is_read_as_split_host_reads_it() {
        let read = |host: Option<HostPort<'_>>| host.map(|h| (h.name.to_vec(), h.port));
        let dev = Settings::default();
        let configured = origins("https://shop.test,http://[::1]:8080,http://127.0.0.1");
        let names = ["localhost", "127.0.0.1", "[::1]", "shop.test", "Shop.test", "shop.test.", "localhostx"];
        let ports =
            ["", ":1", ":3000", ":65535", ":0", ":080", ":65536", ":", ":3000x", ":+1", " ", ".", "/"];
        for settings in [&dev, &configured] {
            for name in names {
                for port in ports {
                    let raw = format!("{name}{port}");
                    if let Some(known) = read(known_host(raw.as_bytes(), settings)) {
                        assert_eq!(Some(known), read(split_host(raw.as_bytes())), "{raw:?}");
                    }
                }
            }
        }
        // The usual hosts take the quick way.
        for raw in ["localhost:3000", "127.0.0.1:3200", "[::1]", "localhost"] {
            assert!(known_host(raw.as_bytes(), &dev).is_some(), "{raw}");
        }
        for raw in ["shop.test", "shop.test:443", "[::1]:8080", "127.0.0.1"] {
            assert!(known_host(raw.as_bytes(), &configured).is_some(), "{raw}");
        }
        assert!(known_host(b"localhost:3000", &configured).is_none());
    }

    #[test]
    fn origins_from_the_setting() {
        let origin =
            |text: &str| Origin::parse(text).map(|o| (o.scheme, o.host.clone(), o.port, o.to_string()));
        assert_eq!(
            origin("https://App.Example.com/"),
            Ok((Scheme::Https, "app.example.com".into(), 443, "https://app.example.com".into()))
        );
        assert_eq!(
            origin(" HTTP://app.example.com.:8080 "),
            Ok((Scheme::Http, "app.example.com".into(), 8080, "http://app.example.com:8080".into()))
        );
        assert_eq!(origin("http://x.test:80").map(|o| o.3), Ok("http://x.test".into()));
        assert_eq!(origin("https://x.test:80").map(|o| o.3), Ok("https://x.test:80".into()));
        assert_eq!(origin("https://[0:0::1]").map(|o| o.1), Ok("[::1]".into()));
        assert_eq!(origin("http://[::FFFF:127.0.0.1]:8080").map(|o| o.1), Ok("[::ffff:7f00:1]".into()));
        assert_eq!(origin("http://[1:0:0:2:0:0:0:3]").map(|o| o.1), Ok("[1:0:0:2::3]".into()));
        assert_eq!(origin("http://[1:2:3:4:5:6:7:8]").map(|o| o.1), Ok("[1:2:3:4:5:6:7:8]".into()));
        assert_eq!(
            origin("http://[1:0:2:3:4:5:6:7]").map(|o| o.1),
            Ok("[1:0:2:3:4:5:6:7]".into()),
            "one zero piece stays"
        );
        assert_eq!(origin("http://[::]").map(|o| o.1), Ok("[::]".into()));
        for (bad, why) in [
            ("app.example.com", "http:// or https://"),
            ("ftp://app.example.com", "http:// or https://"),
            ("https//app.example.com", "http:// or https://"),
            ("https://", "host"),
            ("https://app.example.com/login", "no path"),
            ("https://app.example.com//", "no path"),
            ("https://app.example.com?x", "no path, query"),
            ("https://app.example.com#x", "fragment"),
            ("https://user@app.example.com", "user info"),
            ("https://app.example.com:", "port"),
            ("https://app.example.com:0", "port"),
            ("https://app.example.com:65536", "port"),
            ("https://*.example.com", "host"),
            ("https://app example.com", "host"),
            ("https://bücher.example", "punycode"),
            ("https://[::1", "host"),
            ("https://[1::2::3]", "IPv6"),
        ] {
            let error = Origin::parse(bad).unwrap_err().to_string();
            assert!(error.contains(why) && error.contains(bad.trim()), "{bad}: {error}");
        }
        assert_eq!(parse_origins(" https://a.test , ,http://b.test:8080/ ").unwrap().len(), 2);
        assert!(parse_origins(" , ").unwrap_err().to_string().contains("empty"));
        assert!(parse_origins("https://a.test,b.test").is_err());
    }

    #[test]
    fn development_serves_loopback_names_only() {
        let dev = Settings::default();
        assert_eq!(origin_of(&[("host", "127.0.0.1:3000")], &dev), Ok("http://127.0.0.1:3000".into()));
        assert_eq!(origin_of(&[("host", "LOCALHOST.")], &dev), Ok("http://LOCALHOST:80".into()));
        assert_eq!(origin_of(&[("host", " [::1]:8080\t")], &dev), Ok("http://[::1]:8080".into()));
        // No host at all: a loopback request with nothing to compare an Origin with.
        assert_eq!(origin_of(&[], &dev), Ok("http://:80".into()));
        for host in [
            "shop.test",
            "rebind.attacker.test:3000",
            "localhost.attacker.test",
            "127.0.0.1:",
            "bücher.localhost",
        ] {
            let refusal = origin_of(&[("host", host)], &dev).unwrap_err();
            assert_eq!(refusal.status(), StatusCode::BAD_REQUEST, "{host}");
            assert!(refusal.message().contains("only loopback hosts are served"), "{host}: {refusal:?}");
        }
        assert_eq!(
            origin_of(&[("host", "127.0.0.1"), ("host", "127.0.0.1")], &dev),
            Err(Refusal::Host("the request has several Host headers".into()))
        );
        // The target's authority comes before Host (RFC 9112, 3.2.2), and is held to the same.
        let absolute = Uri::from_static("http://rebind.attacker.test/x");
        assert!(request_origin(&absolute, &headers(&[("host", "127.0.0.1")]), &dev).is_err());
        let absolute = Uri::from_static("http://localhost:3000/x");
        let map = headers(&[("host", "rebind.attacker.test")]);
        let own = request_origin(&absolute, &map, &dev).unwrap();
        assert_eq!((own.host, own.port), (&b"localhost"[..], 3000));
    }

    #[test]
    fn configured_origins_name_the_hosts_and_their_scheme() {
        let s = origins("https://app.example.com, http://app.example.com:8080, https://[::1]");
        assert_eq!(origin_of(&[("host", "app.example.com")], &s), Ok("https://app.example.com:443".into()));
        assert_eq!(
            origin_of(&[("host", "APP.example.com.:443")], &s),
            Ok("https://APP.example.com:443".into())
        );
        assert_eq!(
            origin_of(&[("host", "app.example.com:8080")], &s),
            Ok("http://app.example.com:8080".into())
        );
        assert_eq!(origin_of(&[("host", "[::1]")], &s), Ok("https://[::1]:443".into()));
        for host in [
            "app.example.com:80",
            "app.example.com:8443",
            "www.example.com",
            "127.0.0.1",
            "localhost",
            "[::1]:80",
        ] {
            let refusal = origin_of(&[("host", host)], &s).unwrap_err();
            assert!(refusal.message().contains("does not answer to that name"), "{host}: {refusal:?}");
        }
        assert_eq!(origin_of(&[], &s), Err(Refusal::Host("the request has no Host header".into())));
        // The same host under two schemes: the first listed, unless the trusted proxy says which.
        let both = origins("https://app.example.com:8443,http://app.example.com:8443").trust_proxy(true);
        assert_eq!(
            origin_of(&[("host", "app.example.com:8443")], &both),
            Ok("https://app.example.com:8443".into())
        );
        assert_eq!(
            origin_of(&[("host", "app.example.com:8443"), ("x-forwarded-proto", "http")], &both),
            Ok("http://app.example.com:8443".into())
        );
        // A configured origin's scheme wins over the proxy's.
        let one = origins("https://app.example.com").trust_proxy(true);
        assert_eq!(
            origin_of(&[("host", "app.example.com"), ("x-forwarded-proto", "http")], &one),
            Ok("https://app.example.com:443".into())
        );
    }

    #[test]
    fn a_trusted_proxy_is_read_from_its_own_entry() {
        let proxy = Settings::default().trust_proxy(true);
        let of = |pairs: &[(&'static str, &str)]| origin_of(pairs, &proxy);
        let ok = |text: &str| Ok::<String, Refusal>(text.to_owned());
        assert_eq!(
            of(&[("host", "shop.test"), ("x-forwarded-host", "shop.test, localhost:3000")]),
            ok("http://localhost:3000")
        );
        assert_eq!(
            of(&[("x-forwarded-host", "localhost"), ("x-forwarded-host", "evil.test,127.0.0.1")]),
            ok("http://127.0.0.1:80")
        );
        assert_eq!(
            of(&[("host", "localhost"), ("x-forwarded-proto", "http, https")]),
            ok("https://localhost:443")
        );
        assert_eq!(
            of(&[("host", "localhost"), ("x-forwarded-proto", "https"), ("x-forwarded-proto", " HTTP ")]),
            ok("http://localhost:80")
        );
        assert_eq!(
            of(&[
                ("host", "shop.test"),
                (
                    "forwarded",
                    r#"host=evil.test;proto=http, for="[2001:db8::1]:4711";HOST = "localhost:3000" ; Proto=HTTPS"#
                )
            ]),
            ok("https://localhost:3000")
        );
        assert_eq!(
            of(&[("forwarded", "host=evil.test"), ("forwarded", "for=1.2.3.4;host=localhost")]),
            ok("http://localhost:80")
        );
        assert_eq!(of(&[("forwarded", r#"for="a,b";host="localhost""#)]), ok("http://localhost:80"));
        assert_eq!(of(&[("forwarded", "for=1.2.3.4;;host=localhost;")]), ok("http://localhost:80"));
        assert_eq!(of(&[("forwarded", "for=1.2.3.4"), ("host", "localhost")]), ok("http://localhost:80"));
        assert_eq!(
            of(&[
                ("x-forwarded-host", "localhost"),
                ("forwarded", "host=LOCALHOST"),
                ("x-forwarded-proto", "https"),
                ("forwarded", "proto=https")
            ]),
            ok("https://localhost:443")
        );
        for pairs in [
            &[("host", "localhost"), ("x-forwarded-host", "localhost, evil.test")][..],
            &[("host", "localhost"), ("x-forwarded-host", "localhost,")],
            &[("host", "localhost"), ("x-forwarded-host", "")],
            &[("host", "localhost"), ("x-forwarded-proto", "ftp")],
            &[("host", "localhost"), ("x-forwarded-proto", "https,")],
            &[("host", "localhost"), ("forwarded", "host=localhost, host=evil.test")],
            &[("host", "localhost"), ("forwarded", r#"host="evil.test,localhost""#)],
            &[("host", "localhost"), ("forwarded", r#"host="localhost"#)],
            &[("host", "localhost"), ("forwarded", r#"host="local\"host""#)],
            &[("host", "localhost"), ("forwarded", r#"host=local"host"#)],
            &[("host", "localhost"), ("forwarded", "host=")],
            &[("host", "localhost"), ("forwarded", "host")],
            &[("host", "localhost"), ("forwarded", "host=localhost;host=localhost")],
            &[("host", "localhost"), ("forwarded", "proto=https;proto=https")],
            &[("host", "localhost"), ("forwarded", "proto=wss")],
            &[("host", "localhost"), ("x-forwarded-host", "localhost"), ("forwarded", "host=127.0.0.1")],
            &[("host", "localhost"), ("x-forwarded-proto", "https"), ("forwarded", "proto=http")],
        ] {
            let refusal = of(pairs).unwrap_err();
            assert_eq!(refusal.status(), StatusCode::BAD_REQUEST, "{pairs:?}");
        }
        // Not trusted: none of it counts.
        let untrusted = Settings::default();
        assert_eq!(
            origin_of(
                &[
                    ("host", "localhost"),
                    ("x-forwarded-host", "evil.test"),
                    ("x-forwarded-proto", "https"),
                    ("forwarded", "host=evil.test")
                ],
                &untrusted
            ),
            ok("http://localhost:80")
        );
        // Non-ASCII bytes from the proxy are refused, not skipped.
        let mut map = headers(&[("host", "localhost")]);
        map.append("x-forwarded-host", HeaderValue::from_bytes("bücher.test".as_bytes()).unwrap());
        assert!(request_origin(&Uri::from_static("/"), &map, &proxy).is_err());
    }

    #[test]
    fn same_origin_rules() {
        let dev = Settings::default();
        assert!(same(&[("host", "localhost:3000"), ("origin", "http://localhost:3000")], &dev).is_ok());
        assert!(same(&[("host", "LocalHost"), ("origin", "HTTP://localhost.")], &dev).is_ok());
        assert!(same(&[("host", "localhost"), ("origin", "http://localhost:80")], &dev).is_ok());
        assert!(same(&[("host", "localhost:80"), ("origin", "http://localhost")], &dev).is_ok());
        assert!(same(&[("host", "localhost"), ("referer", "http://localhost/new?x#y")], &dev).is_ok());
        for referer in [
            "http://localhost:3000",
            "http://localhost:3000/",
            "http://localhost:3000?x",
            "http://localhost:3000#y",
        ] {
            assert!(same(&[("host", "localhost:3000"), ("referer", referer)], &dev).is_ok(), "{referer}");
        }
        let refused = [
            &[("host", "localhost"), ("origin", "https://evil.test")][..],
            &[("host", "localhost"), ("origin", "https://localhost")],
            &[("host", "localhost:443"), ("origin", "https://localhost")],
            &[("host", "localhost"), ("origin", "http://localhost:8080")],
            &[("host", "localhost"), ("origin", "http://localhost/")],
            &[("host", "localhost"), ("origin", "null")],
            &[("host", "localhost"), ("origin", "http://localhost.evil.test")],
            &[("host", "localhost"), ("origin", "http://evil@localhost")],
            &[("host", "localhost"), ("origin", "http://localhost:")],
            &[("host", "localhost:3000"), ("origin", "http://localhost:30000")],
            &[("host", "localhost:3000"), ("origin", "http://localhost:3000/")],
            &[("host", "localhost:3000"), ("origin", "http://localhost:3000?")],
            &[("host", "localhost:3000"), ("origin", "https://localhost:3000")],
            &[("host", "localhost:3000"), ("referer", "http://localhost:3000x/")],
            &[("host", "localhost:3000"), ("referer", "http://localhost:3000@evil.test/")],
            &[("host", "localhost"), ("origin", " http ://localhost")],
            &[("host", "localhost"), ("origin", "ws://localhost")],
            &[("host", "localhost")],
            &[("host", "localhost"), ("referer", "https://localhost/new")],
            &[("host", "localhost"), ("referer", "http://evil.test/localhost")],
            &[("host", "localhost"), ("origin", "http://localhost"), ("origin", "http://localhost")],
            &[("host", "localhost"), ("origin", "https://evil.test"), ("origin", "http://localhost")],
            &[("host", "localhost"), ("referer", "http://localhost/a"), ("referer", "http://localhost/b")],
            &[("origin", "http://localhost")],
            &[("host", "localhost"), ("x-forwarded-host", "evil.test"), ("origin", "http://evil.test")],
        ];
        for case in refused {
            let refusal = same(case, &dev).unwrap_err();
            assert_eq!(refusal.status(), StatusCode::FORBIDDEN, "{case:?}");
        }
        assert!(same(&[("origin", "http://localhost")], &dev).unwrap_err().message().contains("no Host"));
        // https when the configured origin is, or when the trusted proxy says so.
        let configured = origins("https://shop.test");
        assert!(same(&[("host", "shop.test"), ("origin", "https://shop.test")], &configured).is_ok());
        assert!(same(&[("host", "shop.test"), ("origin", "http://shop.test")], &configured).is_err());
        let behind_proxy = origins("https://shop.test").trust_proxy(true);
        let proxied =
            [("host", "127.0.0.1:8080"), ("x-forwarded-host", "shop.test"), ("origin", "https://shop.test")];
        assert!(same(&proxied, &behind_proxy).is_ok());
        assert_eq!(same(&proxied, &configured).unwrap_err().status(), StatusCode::BAD_REQUEST);
        let dev_proxy = Settings::default().trust_proxy(true);
        assert!(
            same(
                &[("host", "localhost"), ("x-forwarded-proto", "https"), ("origin", "https://localhost")],
                &dev_proxy
            )
            .is_ok()
        );
        assert!(
            same(
                &[("host", "localhost"), ("x-forwarded-proto", "https"), ("origin", "http://localhost")],
                &dev_proxy
            )
            .is_err()
        );
        let allow_missing = Settings::default().allow_missing_origin(true);
        assert!(same(&[("host", "localhost")], &allow_missing).is_ok());
        assert_eq!(
            same(&[("host", "evil.test")], &allow_missing).unwrap_err().status(),
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn allowed_origins() {
        let s = Settings::default().allow_origin("*.example.com").allow_origin("https://partner.test");
        let from = |origin: &'static str| [("host", "localhost"), ("origin", origin)];
        assert!(same(&from("https://admin.example.com"), &s).is_ok());
        assert!(same(&from("https://a.b.example.com:8443"), &s).is_ok());
        assert!(same(&from("https://example.com"), &s).is_err());
        assert!(same(&from("https://badexample.com"), &s).is_err());
        assert!(same(&from("https://partner.test"), &s).is_ok());
        assert!(same(&from("HTTPS://Partner.test"), &s).is_ok());
        assert!(same(&from("http://partner.test"), &s).is_err(), "scheme must match a full origin");
        // An allowed origin posts; it is not a host the app answers to.
        assert!(same(&[("host", "partner.test"), ("origin", "https://partner.test")], &s).is_err());
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
