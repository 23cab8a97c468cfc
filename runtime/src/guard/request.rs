//! Which of the app's hosts a request is for, over which scheme, and whether a post comes from
//! its own origin (or an allowed one).

use http::header::{FORWARDED, HOST, ORIGIN, REFERER};
use http::{HeaderMap, HeaderName, Uri};

use super::origin::{HostPort, Origin, Scheme, host_port, port, split_host};
use super::{ORIGIN_VAR, OriginPolicy, Refusal};
use crate::text::eq_ignore_case;

/// The origin a request was made to: its scheme, host and port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RequestOrigin<'a> {
    /// The configured origin's that matched the host; else (development) the trusted proxy's;
    /// else `http`.
    pub(crate) scheme: Scheme,
    /// As received, without a trailing dot; empty for a request with no host (development only).
    pub(super) host: &'a [u8],
    pub(super) port: u16,
    /// The host and port as received (`host[:port]`), which a same-origin `Origin` repeats.
    authority: &'a [u8],
}

/// The request's own origin, or why it is not one this app serves: the one place that decides
/// the host a request is for and its scheme (the same-origin check and the flash cookie's
/// `Secure` both come from here).
///
/// The host is the trusted proxy's (see [`OriginPolicy::trust_proxy`]), else the authority of the
/// request target (HTTP/2's `:authority`, or an absolute-form target, which RFC 9112 puts before
/// `Host`), else the one `Host` header. It must be one of [`OriginPolicy::origins`] (the first that
/// matches, or the first whose scheme is the trusted proxy's), or in development a loopback name.
///
/// Every request takes this path: it works on the headers' bytes and allocates nothing unless
/// the request is refused.
pub(crate) fn request_origin<'a>(
    uri: &'a Uri,
    headers: &'a HeaderMap,
    settings: &OriginPolicy,
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
/// of [`OriginPolicy::origins`]' hosts (lowercase), or in development `localhost`, `127.0.0.1` or
/// `[::1]`, then perhaps `:port`. Each of those names is one [`split_host`] reads whole, so the
/// answer is its answer; anything else is `None`, left to it.
pub(super) fn known_host<'a>(raw: &'a [u8], settings: &OriginPolicy) -> Option<HostPort<'a>> {
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

/// The names a development server answers to: `localhost`, `*.localhost` (RFC 6761: they resolve
/// to loopback), `127.0.0.1` and `[::1]`.
pub(super) fn is_loopback(name: &[u8]) -> bool {
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
fn unknown_host(raw: &[u8], settings: &OriginPolicy) -> Refusal {
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
pub(crate) fn same_origin(uri: &Uri, headers: &HeaderMap, settings: &OriginPolicy) -> Result<(), Refusal> {
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
