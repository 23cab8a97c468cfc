//! Origins and hosts as they are written: `FORMACTION_ORIGIN`'s origins, and a `host[:port]` held
//! to what browsers send.

use std::fmt;
use std::str::FromStr;

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
    pub(super) fn prefix(self) -> &'static [u8] {
        match self {
            Scheme::Http => b"http://",
            Scheme::Https => b"https://",
        }
    }

    /// The scheme a URL starts with (`http://` or `https://`, in any case), and the rest.
    pub(super) fn split(url: &[u8]) -> Option<(Scheme, &[u8])> {
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
/// use formaction::security::{Origin, Scheme};
///
/// let origin: Origin = "https://App.Example.com/".parse().unwrap();
/// assert_eq!((origin.scheme(), origin.host(), origin.port()), (Scheme::Https, "app.example.com", 443));
/// assert_eq!(origin.to_string(), "https://app.example.com");
/// assert!("https://app.example.com/login".parse::<Origin>().is_err());
/// assert!("https://bücher.example".parse::<Origin>().is_err(), "IDN hosts are given in punycode");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub(super) scheme: Scheme,
    /// Lowercase, without a trailing dot; an IPv6 address in brackets, as browsers write it.
    pub(super) host: String,
    pub(super) port: u16,
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
pub struct OriginError(pub(super) String);

impl fmt::Display for OriginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OriginError {}

/// A comma-separated list of origins, at least one.
pub(super) fn parse_origins(list: &str) -> Result<Vec<Origin>, OriginError> {
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

/// A host as received: its name (in brackets for an IPv6 address) and its port, if written.
pub(super) struct HostPort<'a> {
    pub(super) name: &'a [u8],
    pub(super) port: Option<u16>,
}

/// `host[:port]` as RFC 3986 writes an authority without user info, held to what browsers send:
/// a name of letters, digits, `-` and `_` in non-empty labels (one trailing dot dropped), an
/// IPv4 address, or an IPv6 address in brackets; a port of 1 to 65535 without leading zeros.
pub(super) fn split_host(value: &[u8]) -> Option<HostPort<'_>> {
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
pub(super) fn host_port(value: &[u8]) -> Option<(HostPort<'_>, &[u8])> {
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
pub(super) fn port(digits: &[u8]) -> Option<u16> {
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
