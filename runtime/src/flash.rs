//! The flash message's cookie: set by a redirect with [`Redirect::with_flash`](crate::Redirect::with_flash),
//! shown by [`Flash`](crate::Flash) (what "once" means is documented there).
//!
//! The cookie holds, sealed with the time ([`Keys::seal_value`](crate::seal::Keys::seal_value)),
//! the path the redirect leads to and the message: `[path, message]`. It opens only within
//! [`MAX_AGE`] of the redirect as the server counts it (the cookie's `Max-Age` only asks the
//! browser), and shows only on that path.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::OriginalUri;
use axum::response::Response;
use http::header::{COOKIE, SET_COOKIE};
use http::{Extensions, HeaderMap, HeaderValue, Method, Uri};

use crate::seal;

/// How long a flash message lives: the cookie's `Max-Age`, and the age past which the server
/// refuses it.
pub(crate) const MAX_AGE: Duration = Duration::from_secs(300);
/// How far ahead of this server's clock another instance's may be.
const CLOCK_SKEW: u64 = 60;
const PURPOSE: &[u8] = b"formaction:flash";
/// The cookie's name on http; on https, with the `__Host-` prefix (which also contains this).
const PLAIN: &str = "formaction_flash";
const HOST_PREFIXED: &str = "__Host-formaction_flash";

/// The name a flash cookie came under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Name {
    /// `formaction_flash`, set on http.
    Plain = 1,
    /// `__Host-formaction_flash`, set on https.
    HostPrefixed = 2,
}

impl Name {
    fn of(name: &str) -> Option<Name> {
        match name {
            PLAIN => Some(Name::Plain),
            HOST_PREFIXED => Some(Name::HostPrefixed),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Name::Plain => PLAIN,
            Name::HostPrefixed => HOST_PREFIXED,
        }
    }
}

/// Whether the request may carry a flash cookie: a byte search, so that requests without one
/// (nearly all) parse no cookies.
pub(crate) fn present(headers: &HeaderMap) -> bool {
    headers
        .get_all(COOKIE)
        .iter()
        .any(|value| memchr::memmem::find(value.as_bytes(), PLAIN.as_bytes()).is_some())
}

/// The path a page is shown at: the request's, before any `Router::nest` took its prefix.
pub(crate) fn page_path<'a>(uri: &'a Uri, extensions: &'a Extensions) -> &'a str {
    extensions.get::<OriginalUri>().map_or(uri.path(), |original| original.0.path())
}

/// The flash message for a `GET` of `path`, and the name of its cookie: the first cookie of
/// either name that opens, is younger than [`MAX_AGE`] and was sealed for `path`. Junk, stale
/// cookies and cookies for other pages are passed over.
pub(crate) fn read(headers: &HeaderMap, method: &Method, path: &str) -> Option<(String, Name)> {
    if method == Method::HEAD || !present(headers) {
        return None;
    }
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find_map(|cookie| {
            let name = Name::of(cookie.name())?;
            open(cookie.value(), path).map(|message| (message, name))
        })
}

fn open(sealed: &str, path: &str) -> Option<String> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    seal::with_current(|keys| {
        keys.open_stamped(PURPOSE, sealed, Some(MAX_AGE), |plaintext, _| {
            let (stamp, json) = seal::split_stamp(plaintext);
            // Sealed in the future: by an instance whose clock is far ahead, or not by one at all.
            if u64::from_be_bytes(stamp.try_into().ok()?) > now + CLOCK_SKEW {
                return None;
            }
            let (bound, message): (Cow<'_, str>, String) = serde_json::from_slice(json).ok()?;
            same_path(&bound, path).then_some(message)
        })
    })
    .ok()
    .flatten()
}

/// Adds the cookie of `message` to `response`, a redirect to `target` answering a request to
/// `from`; `secure` on https (`__Host-` and `Secure`).
pub(crate) fn set(response: &mut Response, message: &str, target: &str, from: &str, secure: bool) {
    let path = target_path(target, from);
    let Some(sealed) = seal::with_current(|keys| keys.seal_value(PURPOSE, &(&*path, message)).ok()) else {
        return;
    };
    let max_age = MAX_AGE.as_secs();
    let cookie = if secure {
        format!("{HOST_PREFIXED}={sealed}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax; Secure")
    } else {
        format!("{PLAIN}={sealed}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax")
    };
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

/// Clears the cookie `name` in the browser, unless `response` sets a new flash under that name
/// (the browser applies `Set-Cookie`s in order: the clearing would remove it).
pub(crate) fn clear(response: &mut Response, name: Name) {
    let sets_it = response.headers().get_all(SET_COOKIE).iter().any(|value| {
        value
            .as_bytes()
            .strip_prefix(name.as_str().as_bytes())
            .is_some_and(|rest| rest.first() == Some(&b'='))
    });
    if sets_it {
        return;
    }
    // Attributes as when set: a `__Host-` cookie is only accepted (even to clear it) with `Secure`.
    let clearing = match name {
        Name::Plain => "formaction_flash=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
        Name::HostPrefixed => "__Host-formaction_flash=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    };
    response.headers_mut().append(SET_COOKIE, HeaderValue::from_static(clearing));
}

/// What a handler outside `page()` read, for the `protect` layer to clear: the layer puts one in
/// the request's extensions when it carries a flash cookie, [`Flash`](crate::Flash) marks it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Seen(Arc<AtomicU8>);

impl Seen {
    /// A mark for `request` when it may carry a flash (else nothing is added to it).
    pub(crate) fn watch<B>(request: &mut http::Request<B>) -> Option<Seen> {
        if request.method() == Method::HEAD || !present(request.headers()) {
            return None;
        }
        let seen = Seen::default();
        request.extensions_mut().insert(seen.clone());
        Some(seen)
    }

    /// Notes that the flash under `name` was read.
    pub(crate) fn mark(&self, name: Name) {
        self.0.store(name as u8, Ordering::Relaxed);
    }

    /// Clears the flash in `response` when it was read.
    pub(crate) fn clear(&self, response: &mut Response) {
        match self.0.load(Ordering::Relaxed) {
            1 => clear(response, Name::Plain),
            2 => clear(response, Name::HostPrefixed),
            _ => {}
        }
    }
}

/// The path a redirect to `target` leads to, from a request to `from`: the path of an absolute
/// URL (`https://host/x`, `//host/x`), an absolute path as it is, and a relative reference
/// against `from`'s directory; never the query or fragment.
fn target_path<'a>(target: &'a str, from: &str) -> Cow<'a, str> {
    let starts =
        |prefix: &str| target.len() >= prefix.len() && target[..prefix.len()].eq_ignore_ascii_case(prefix);
    let after_authority =
        ["https://", "http://", "//"].into_iter().find(|prefix| starts(prefix)).map(|prefix| {
            let rest = &target[prefix.len()..];
            &rest[rest.find(['/', '?', '#']).unwrap_or(rest.len())..]
        });
    let reference = after_authority.unwrap_or(target);
    let path = &reference[..reference.find(['?', '#']).unwrap_or(reference.len())];
    if path.starts_with('/') {
        Cow::Borrowed(path)
    } else if after_authority.is_some() {
        Cow::Borrowed("/")
    } else if path.is_empty() {
        Cow::Owned(from.to_owned())
    } else {
        Cow::Owned(format!("{}{path}", &from[..from.rfind('/').map_or(0, |slash| slash + 1)]))
    }
}

/// Whether two paths are the same once percent-decoded: a browser following `Location: /café`
/// asks for `/caf%C3%A9`.
fn same_path(a: &str, b: &str) -> bool {
    a == b || decoded(a.as_bytes()).eq(decoded(b.as_bytes()))
}

fn decoded(bytes: &[u8]) -> impl Iterator<Item = u8> + '_ {
    let hex = |byte: Option<&u8>| byte.and_then(|&b| char::from(b).to_digit(16)).map(|d| d as u8);
    let mut at = 0;
    std::iter::from_fn(move || {
        let byte = *bytes.get(at)?;
        if byte == b'%'
            && let (Some(high), Some(low)) = (hex(bytes.get(at + 1)), hex(bytes.get(at + 2)))
        {
            at += 3;
            return Some(high * 16 + low);
        }
        at += 1;
        Some(byte)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal::Keys;

    #[test]
    fn the_target_path_of_a_redirect() {
        for (target, from, path) in [
            ("/invoices/7", "/invoices/new", "/invoices/7"),
            ("/invoices?q=a#top", "/x", "/invoices"),
            ("https://app.example.com/done?x", "/x", "/done"),
            ("HTTP://app.example.com", "/x", "/"),
            ("https://app.example.com?x", "/x", "/"),
            ("//app.example.com/done", "/x", "/done"),
            ("?page=2", "/invoices/new", "/invoices/new"),
            ("", "/invoices/new", "/invoices/new"),
            ("thanks", "/signup/form", "/signup/thanks"),
            ("thanks", "", "thanks"),
        ] {
            assert_eq!(target_path(target, from), path, "{target} from {from}");
        }
    }

    #[test]
    fn paths_compare_percent_decoded() {
        assert!(same_path("/café", "/caf%C3%A9"));
        assert!(same_path("/caf%c3%a9", "/caf%C3%A9"));
        assert!(same_path("/a%zz", "/a%zz"));
        assert!(!same_path("/invoices", "/invoices/"));
        assert!(!same_path("/invoices", "/Invoices"));
        assert!(!same_path("/a%2", "/a"));
    }

    #[test]
    fn a_flash_opens_fresh_on_its_page_only() {
        let keys = std::sync::Arc::new(Keys::new([3; 32]));
        let mut response = Response::default();
        let (plain, path) = tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(
            seal::with_keys(keys.clone(), async {
                set(&mut response, "Saved", "/items/7?x=1", "/items/new", false);
                let cookie = response.headers()[SET_COOKIE].to_str().unwrap().to_owned();
                let value = cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned();
                (open(&value, "/items/7"), open(&value, "/items/8"))
            }),
        );
        assert_eq!((plain.as_deref(), path), (Some("Saved"), None));
        let cookie = response.headers()[SET_COOKIE].to_str().unwrap();
        assert!(
            cookie.starts_with("formaction_flash=")
                && cookie.ends_with("; Path=/; Max-Age=300; HttpOnly; SameSite=Lax"),
            "{cookie}"
        );

        let mut secure = Response::default();
        set(&mut secure, "Saved", "/items/7", "/items/new", true);
        let cookie = secure.headers()[SET_COOKIE].to_str().unwrap();
        assert!(
            cookie.starts_with("__Host-formaction_flash=") && cookie.ends_with("; SameSite=Lax; Secure"),
            "{cookie}"
        );
        // The clearing keeps the prefix's rules, and never removes a flash the answer sets.
        clear(&mut secure, Name::HostPrefixed);
        assert_eq!(secure.headers().get_all(SET_COOKIE).iter().count(), 1);
        clear(&mut secure, Name::Plain);
        let all: Vec<_> =
            secure.headers().get_all(SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect();
        assert_eq!(all[1], "formaction_flash=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }
}
