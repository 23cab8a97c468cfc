//! Where an action sends the browser next: a path on this site, or, when asked for by name, an
//! address on another one; checked once, where every action's result passes.

use std::fmt;

/// A redirect after a successful action: 303 See Other for a browser (Post/Redirect/Get), or
/// `{"ok": true, "redirect": "/x"}` for a JSON caller; optionally with a one-shot flash message for
/// the next page.
///
/// It stays on the app's own site unless told otherwise, as Rails' `raise_on_open_redirects` and
/// Django's `url_has_allowed_host_and_scheme` keep it: [`Redirect::to`] takes a path only, and an
/// address on another site needs [`Redirect::to_external`]. A target that breaks its rule is never
/// followed: the action's answer is the plain 500 of an internal error (no redirect, nothing
/// shown), and the log says why, at `error` level, with the refused target. A JSON caller gets the
/// same 500, never `"redirect"` with it.
///
/// ```
/// use formaction::Redirect;
///
/// assert!(Redirect::to("/invoices/7?tab=lines#total").is_allowed());
/// let elsewhere = [
///     "//evil.example",
///     "/\\evil.example",
///     "/\t/evil.example",
///     "https://evil.example",
///     "javascript:alert(1)",
///     " /x",
///     "x",
/// ];
/// for target in elsewhere {
///     assert!(!Redirect::to(target).is_allowed(), "{target:?}");
/// }
/// assert!(Redirect::to_external("https://pay.example/checkout?id=7").is_allowed());
/// assert!(!Redirect::to_external("https://app.example@evil.example/").is_allowed());
/// assert!(!Redirect::to_external("javascript:alert(1)").is_allowed());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    to: String,
    flash: Option<String>,
    /// Made by [`Redirect::to_external`]: an `http`/`https` address on another site is allowed.
    external: bool,
    /// What an htmx request gets instead (`Redirect::htmx`, in `htmx.rs`): boxed, as most
    /// redirects have none.
    pub(crate) htmx: Option<Box<HtmxPart>>,
    /// An htmx request loads the whole target page (`HX-Redirect`) rather than swapping it in.
    pub(crate) full_reload: bool,
}

/// The answer an htmx request gets from a [`Redirect`] that has one: a fragment of HTML, where
/// it goes and how, and elements swapped out of band.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct HtmxPart {
    pub(crate) html: String,
    pub(crate) target: Option<String>,
    pub(crate) swap: Option<String>,
    pub(crate) also: Vec<String>,
}

impl Redirect {
    /// Redirects to `to`, a path on this site: it starts with one `/` (`/invoices/7`,
    /// `/search?q=x#top`), and holds no backslash and no control character (tabs and line breaks
    /// included: browsers drop them, so `/`, a tab, then `/evil.example` would be `//evil.example`).
    ///
    /// Anything else (`//host`, `/\host`, `https://...`, `javascript:...`, a relative `x`) is
    /// refused when the action answers: a 500, never a redirect (see [`Redirect`]). Use
    /// [`Redirect::to_external`] for another site.
    pub fn to(to: impl Into<String>) -> Self {
        Redirect { to: to.into(), flash: None, external: false, htmx: None, full_reload: false }
    }

    /// Redirects to `url`, which may be on another site: an absolute `http://` or `https://`
    /// address (or a path, as for [`Redirect::to`]). Like Rails' `allow_other_host: true`: never
    /// pass it an address the user chose without checking it against the sites you mean.
    ///
    /// Still refused (a 500, see [`Redirect`]): any other scheme (`javascript:`, `data:`,
    /// `ftp:`), a scheme without `//` (`https:evil.example`), user information before the host
    /// (`https://app.example@evil.example`), an empty or malformed host, a backslash, a space or
    /// a control character anywhere, and any character outside ASCII (write a host in its
    /// `xn--` form, and percent-encode the rest).
    pub fn to_external(url: impl Into<String>) -> Self {
        Redirect { to: url.into(), flash: None, external: true, htmx: None, full_reload: false }
    }

    /// Adds a message shown once, by the page the redirect leads to (a sealed cookie, so any
    /// instance can show it; see [`Flash`](crate::Flash) for what "once" means).
    pub fn with_flash(mut self, message: impl Into<String>) -> Self {
        self.flash = Some(message.into());
        self
    }

    /// The target.
    pub fn target(&self) -> &str {
        &self.to
    }

    /// The flash message, if any.
    pub fn flash(&self) -> Option<&str> {
        self.flash.as_deref()
    }

    /// Whether the target is an address on another site, allowed by [`Redirect::to_external`]
    /// (a JSON answer says so, and only then does the enhancement script leave the site).
    pub fn leaves_site(&self) -> bool {
        self.external && !self.to.starts_with('/')
    }

    /// Whether the target follows its rule ([`Redirect::to`] or [`Redirect::to_external`]), so
    /// that the action's answer will redirect to it.
    pub fn is_allowed(&self) -> bool {
        self.check().is_ok()
    }

    /// `Ok`, or why the target is refused.
    pub(crate) fn check(&self) -> Result<(), &'static str> {
        if self.leaves_site() { external_url(&self.to) } else { local_path(&self.to) }
    }
}

/// Why `to` is not a path on this site, if it is not (the rule of [`Redirect::to`]).
fn local_path(to: &str) -> Result<(), &'static str> {
    let bytes = to.as_bytes();
    if bytes.first() != Some(&b'/') {
        return Err("it does not start with `/` (a path on this site)");
    }
    // A second `/` or a `\` (which browsers read as `/`) makes `//host`: another site.
    if matches!(bytes.get(1), Some(b'/' | b'\\')) {
        return Err("it starts with `//` or `/\\`, which browsers read as another site");
    }
    // The usual path, printable ASCII without `\`, in one quick pass (this runs for every redirect).
    if is_printable_path(bytes) {
        return if bytes.last() == Some(&b' ') { Err("it ends with whitespace") } else { Ok(()) };
    }
    not_printable(to)
}

/// Whether every byte is printable ASCII other than `\` (0x20 to 0x7e, not 0x5c): eight bytes at
/// a time, since every redirect's target goes through it.
#[inline]
fn is_printable_path(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that is not printable or is `\`; exact per byte, since every sum
    // is on seven-bit values and so carries into no other byte.
    let outside = |word: u64| {
        let low7 = word & LOW7;
        let at_least_space = low7 + ONES * 0x60;
        let delete = low7 + ONES;
        let other = word ^ (ONES * 0x5c);
        let backslash = !(((other & LOW7) + LOW7) | other);
        (word | !at_least_space | delete | backslash) & HIGH
    };
    let (words, rest) = bytes.as_chunks::<8>();
    let mut found = 0;
    for word in words {
        found |= outside(u64::from_le_bytes(*word));
    }
    if !rest.is_empty() {
        // The last eight bytes (some looked at already), or the few there are padded with `/`.
        let last = bytes.last_chunk::<8>().copied().unwrap_or_else(|| {
            let mut padded = [b'/'; 8];
            padded[..rest.len()].copy_from_slice(rest);
            padded
        });
        found |= outside(u64::from_le_bytes(last));
    }
    found == 0
}

/// [`local_path`] for a target with a byte that is not printable ASCII, or a `\`.
#[cold]
#[inline(never)]
fn not_printable(to: &str) -> Result<(), &'static str> {
    let bytes = to.as_bytes();
    // Otherwise byte by byte: the text is UTF-8, so `0xC2` then `0x80..=0x9F` is exactly a C1
    // control character, U+0080 to U+009F.
    let mut previous = 0;
    for &byte in bytes {
        match byte {
            b'\\' => return Err("it contains a backslash, which browsers read as `/`"),
            0x00..=0x1f | 0x7f => {
                return Err("it contains a control character (browsers drop tabs and line breaks)");
            }
            0x80..=0x9f if previous == 0xc2 => {
                return Err("it contains a control character (browsers drop tabs and line breaks)");
            }
            _ => previous = byte,
        }
    }
    if to.ends_with(char::is_whitespace) {
        return Err("it ends with whitespace");
    }
    Ok(())
}

/// Why `url` is not an absolute `http`/`https` address with a plain host, if it is not (the rule
/// of [`Redirect::to_external`]).
fn external_url(url: &str) -> Result<(), &'static str> {
    // Visible ASCII only: no whitespace, no control characters (which browsers drop or strip
    // around a URL), nothing a browser would decode or normalise first.
    if !url.bytes().all(|byte| byte.is_ascii_graphic()) {
        return Err("it contains whitespace, a control character or a character outside ASCII");
    }
    if url.contains('\\') {
        return Err("it contains a backslash, which browsers read as `/`");
    }
    let scheme_end = url.find(':').ok_or("it has no scheme")?;
    let scheme = &url[..scheme_end];
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err("its scheme is neither `http` nor `https`");
    }
    let rest = url[scheme_end + 1..].strip_prefix("//").ok_or("its scheme is not followed by `//`")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    if authority.contains('@') {
        return Err("it has user information before the host (`user@host`)");
    }
    let (host, port) = if let Some(inside) = authority.strip_prefix('[') {
        // An IPv6 address: `[...]`, then perhaps a port.
        let close = inside.find(']').ok_or("its IPv6 host has no `]`")?;
        let address = &inside[..close];
        if address.is_empty() || !address.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return Err("its IPv6 host is not an address");
        }
        (address, &inside[close + 1..])
    } else {
        let port_at = authority.find(':').unwrap_or(authority.len());
        let host = &authority[..port_at];
        if !host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_')) {
            return Err("its host has characters a host name does not");
        }
        (host, &authority[port_at..])
    };
    if host.is_empty() {
        return Err("it has no host");
    }
    if !port.is_empty() {
        let digits = port.strip_prefix(':').ok_or("its host is followed by something other than a port")?;
        if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err("its port is not a number");
        }
    }
    Ok(())
}

/// A redirect refused by its rule: the action's internal error (logged at `error`, answered 500).
#[derive(Debug)]
pub(crate) struct RefusedRedirect {
    to: String,
    external: bool,
    reason: &'static str,
}

impl fmt::Display for RefusedRedirect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let made = if self.external { "Redirect::to_external" } else { "Redirect::to" };
        // Debug-quoted: the target may hold anything, control characters included.
        write!(f, "redirect refused: {made}({:?}): {}", self.to, self.reason)?;
        if !self.external {
            f.write_str("; use Redirect::to_external for another site")?;
        }
        Ok(())
    }
}

impl std::error::Error for RefusedRedirect {}

impl Redirect {
    /// The redirect, or the internal error a target that breaks its rule is.
    pub(crate) fn checked(self) -> Result<Redirect, RefusedRedirect> {
        match self.check() {
            Ok(()) => Ok(self),
            Err(reason) => Err(RefusedRedirect { to: self.to, external: self.external, reason }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCAL: &[&str] = &[
        "/",
        "/x",
        "/x?y#z",
        "/invoices/7",
        "/search?q=https://evil.example&next=//evil.example",
        "/view/?param=http://example.com",
        "/url%20with%20spaces/",
        "/%2F%2Fevil.example",
        "/%5Cevil.example",
        "/a/b/../c",
        "/./x",
        "/a b",
        "/é/ü?q=€",
        "/#top",
        "/?x=1",
        "/javascript:alert(1)",
        "/@evil.example",
    ];

    /// What `Redirect::to` refuses: another site, a script, anything not a plain path.
    const NOT_LOCAL: &[&str] = &[
        "",
        "x",
        "invoices/7",
        "?x=1",
        "#top",
        ".",
        "../x",
        "//evil.example",
        "///evil.example",
        "//evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\\/evil.example",
        "/x\\y",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\r\n/evil.example",
        "/x\ty",
        "/x\0",
        "/\u{7f}/evil.example",
        "/\u{85}/evil.example",
        "/\u{1b}[31m",
        "\t/x",
        " /x",
        " //evil.example",
        "\u{8}//evil.example",
        "\n/x",
        "/x ",
        "/x\n",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://evil.example",
        "HTTPS://evil.example",
        "http://evil.example",
        "http:evil.example",
        "http:/evil.example",
        "https:\\\\evil.example",
        "http:999999999",
        "ftp://evil.example",
        "mailto:a@evil.example",
        "file:///etc/passwd",
    ];

    /// Absolute addresses `Redirect::to_external` takes.
    const EXTERNAL: &[&str] = &[
        "https://pay.example",
        "https://pay.example/",
        "https://pay.example/checkout?id=7#top",
        "HTTPS://Pay.Example/x",
        "http://pay.example:8080/x",
        "https://xn--bcher-kva.example/",
        "http://127.0.0.1:3000/",
        "http://[::1]:3000/x",
        "https://[2001:db8::1]/",
        "https://pay.example?x=1",
        "https://pay.example#x",
        "https://pay.example/confirm?email=me@example.com",
        "https://pay.example/%2F%2Fx",
    ];

    /// What `Redirect::to_external` still refuses.
    const NOT_EXTERNAL: &[&str] = &[
        "",
        "x",
        "pay.example",
        "//pay.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "javascript://pay.example/%0Aalert(1)",
        "data:text/html,x",
        "ftp://pay.example",
        "file:///etc/passwd",
        "https:pay.example",
        "https:/pay.example",
        "https:///pay.example",
        "https://",
        "https://:443/",
        "https://app.example@evil.example/",
        "https://user:pass@evil.example/",
        "https://@evil.example/",
        "https://app.example\\@evil.example/",
        "https:\\\\evil.example",
        "https://evil.example\\",
        "https://evil.example/\\x",
        " https://pay.example",
        "https://pay.example ",
        "https://pay .example",
        "\thttps://pay.example",
        "https://pay.example/\tx",
        "https://pay.example/\n",
        "https://pay\u{0}.example",
        "https://bücher.example/",
        "https://pay.example/é",
        "https://evil%2Eexample/",
        "https://pay.example:/",
        "https://pay.example:80a/",
        "https://pay.example:123456/",
        "https://pay.example:80:80/",
        "https://[::1/",
        "https://::1]/",
        "https://[]/",
        "https://[evil.example]/",
        "https://[::1]x/",
        "https://pay.example;evil/",
    ];

    #[test]
    fn a_redirect_stays_on_the_site_unless_made_external() {
        for to in LOCAL {
            assert_eq!(Redirect::to(*to).check(), Ok(()), "Redirect::to({to:?})");
            assert_eq!(Redirect::to_external(*to).check(), Ok(()), "Redirect::to_external({to:?})");
        }
        for to in NOT_LOCAL {
            assert!(Redirect::to(*to).check().is_err(), "Redirect::to({to:?}) is allowed");
        }
        for to in EXTERNAL {
            assert_eq!(Redirect::to_external(*to).check(), Ok(()), "Redirect::to_external({to:?})");
            assert!(Redirect::to(*to).check().is_err(), "Redirect::to({to:?}) is allowed");
        }
        for to in NOT_EXTERNAL {
            assert!(Redirect::to_external(*to).check().is_err(), "Redirect::to_external({to:?}) is allowed");
        }
    }

    #[test]
    fn the_quick_pass_takes_printable_ascii_but_the_backslash_at_every_place() {
        for length in 0..20 {
            for at in 0..length {
                for byte in 0..=255u8 {
                    let mut path = vec![b'/'; length];
                    path[at] = byte;
                    let printable = (0x20..=0x7e).contains(&byte) && byte != b'\\';
                    assert_eq!(is_printable_path(&path), printable, "{byte:#04x} at {at} of {length}");
                }
            }
        }
    }

    #[test]
    fn every_control_character_and_only_those_and_the_backslash_is_refused_inside_a_path() {
        for c in (0..0x3000).chain(0xfff0..0x10000).chain([0x1_f600, 0x10_ffff]).filter_map(char::from_u32) {
            let refused = c.is_control() || c == '\\';
            assert_eq!(local_path(&format!("/a{c}b")).is_err(), refused, "U+{:04X}", u32::from(c));
        }
    }
}
