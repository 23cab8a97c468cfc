//! Security headers: what every answer carries unless its handler says otherwise, in one place.
//!
//! By default ([`SecurityHeaders::new`]):
//!
//! | header | value | on | against |
//! |---|---|---|---|
//! | `X-Content-Type-Options` | `nosniff` | every answer | a browser guessing that an upload or a JSON answer is HTML or script |
//! | `X-Frame-Options` | `SAMEORIGIN` | every answer | clickjacking: another site framing a page and its Delete button |
//! | `Content-Security-Policy` | `frame-ancestors 'self'` | every answer | the same, in the header that supersedes `X-Frame-Options` |
//! | `Referrer-Policy` | `strict-origin-when-cross-origin` | every answer | a page's path and query leaking to other sites |
//! | `Cache-Control` | `no-store` | pages and actions | a shared cache or the back button keeping a page with sealed values or submitted data |
//!
//! "Pages and actions" are the answers of [`page()`](crate::page()) (the page's `GET`, and every
//! answer to a submission: the page again with 422 or 200, the 303, JSON, refusals) and of
//! [`endpoint()`](crate::endpoint()): they carry sealed bound arguments or echo what was
//! submitted. "Every answer" adds whatever the [`protect`](crate::protect) layer sees (file
//! downloads, a fallback 404, axum's own 405), and the enhancement script.
//!
//! Each header is inserted **only when the answer does not have it already**: a handler that sets
//! its own `Cache-Control` or `Content-Security-Policy` keeps it, and a Content-Security-Policy is
//! never sent twice (browsers would enforce both). A handler that sets `X-Frame-Options` alone
//! still gets the default `frame-ancestors 'self'`, which browsers obey instead of it: to let one
//! answer be framed by another site, set its own `Content-Security-Policy: frame-ancestors ...`.
//!
//! The same defaults as Rails (`config.action_dispatch.default_headers`) and Django
//! (`SecurityMiddleware`, `X_FRAME_OPTIONS`, `SECURE_REFERRER_POLICY`). Change them once, at
//! start-up, before the first answer, as with [`seal::install`](crate::seal::install):
//!
//! ```standalone_crate
//! use formaction::SecurityHeaders;
//! use http::{HeaderValue, header};
//!
//! let headers = SecurityHeaders::new()
//!     // Never framed, not even by the app itself.
//!     .set(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))
//!     .set(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'none'"))
//!     // HTTPS only, for a year (only once the whole site is served over HTTPS).
//!     .set(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"))
//!     // No referrer at all.
//!     .remove(header::REFERRER_POLICY);
//! assert!(formaction::headers::install(headers).is_ok());
//! assert_eq!(formaction::headers::current().get(&header::X_FRAME_OPTIONS).unwrap(), "DENY");
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::response::Response;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

use crate::action::BoxFuture;

/// The headers answers carry by default: the table in the [module documentation](self). Build one
/// with [`SecurityHeaders::new`] (the defaults) or [`SecurityHeaders::none`], change it with
/// [`set`](SecurityHeaders::set), [`set_on_pages`](SecurityHeaders::set_on_pages) and
/// [`remove`](SecurityHeaders::remove), and [`install`] it for the process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecurityHeaders {
    /// Inserted into every answer.
    every: Vec<(HeaderName, HeaderValue)>,
    /// Inserted into the answers of pages and actions as well.
    pages: Vec<(HeaderName, HeaderValue)>,
}

impl Default for SecurityHeaders {
    fn default() -> Self {
        SecurityHeaders::new()
    }
}

impl SecurityHeaders {
    /// The defaults: `X-Content-Type-Options: nosniff`, `X-Frame-Options: SAMEORIGIN`,
    /// `Content-Security-Policy: frame-ancestors 'self'` and `Referrer-Policy:
    /// strict-origin-when-cross-origin` on every answer; `Cache-Control: no-store` on the answers
    /// of pages and actions.
    pub fn new() -> Self {
        SecurityHeaders {
            every: vec![
                (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
                (X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN")),
                (CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'self'")),
                (REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin")),
            ],
            pages: vec![(CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        }
    }

    /// No header at all: every protection above is the application's own business then.
    pub fn none() -> Self {
        SecurityHeaders { every: Vec::new(), pages: Vec::new() }
    }

    /// Sends `name: value` on every answer, instead of the default of that name if there is one.
    pub fn set(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self = self.remove(name.clone());
        self.every.push((name, value));
        self
    }

    /// Sends `name: value` on the answers of pages and actions only (as `Cache-Control` is by
    /// default), instead of the default of that name if there is one.
    pub fn set_on_pages(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self = self.remove(name.clone());
        self.pages.push((name, value));
        self
    }

    /// Sends no header `name` (unless a handler sets it).
    pub fn remove(mut self, name: HeaderName) -> Self {
        self.every.retain(|(existing, _)| *existing != name);
        self.pages.retain(|(existing, _)| *existing != name);
        self
    }

    /// The value sent for header `name`, on every answer or on pages, if any.
    pub fn get(&self, name: &HeaderName) -> Option<&HeaderValue> {
        self.every.iter().chain(&self.pages).find(|(existing, _)| existing == name).map(|(_, value)| value)
    }

    /// Inserts into `headers` each header meant for every answer that `headers` lacks.
    pub fn apply(&self, headers: &mut HeaderMap) {
        insert_missing(headers, &self.every);
    }

    /// Inserts into `headers` each header meant for the answer of a page or an action that
    /// `headers` lacks: those of [`apply`](SecurityHeaders::apply), and `Cache-Control`.
    pub fn apply_to_page(&self, headers: &mut HeaderMap) {
        insert_missing(headers, &self.every);
        insert_missing(headers, &self.pages);
    }
}

/// Inserts each of `list` that `headers` lacks: one lookup per header; the values are shared, not
/// copied (the defaults are static).
fn insert_missing(headers: &mut HeaderMap, list: &[(HeaderName, HeaderValue)]) {
    for (name, value) in list {
        // Only fails past `HeaderMap`'s 32,768 entries: the answer is left as it is then.
        if let Ok(http::header::Entry::Vacant(vacant)) = headers.try_entry(name) {
            let _ = vacant.try_insert(value.clone());
        }
    }
}

static INSTALLED: OnceLock<SecurityHeaders> = OnceLock::new();

/// Installs the security headers of this process. Call it once at start-up, before the first
/// answer; otherwise the defaults ([`SecurityHeaders::new`]) are in use from the first answer on.
///
/// Returns the headers back when some were already in use.
pub fn install(headers: SecurityHeaders) -> Result<(), SecurityHeaders> {
    INSTALLED.set(headers)
}

/// The security headers in use: the installed ones, else the defaults.
pub fn current() -> &'static SecurityHeaders {
    INSTALLED.get_or_init(SecurityHeaders::new)
}

/// An answer of the runtime's own, without headers yet, whose header map has room for a few of
/// its own (a type, a cookie), the `Content-Length` axum adds, and the security headers in use:
/// made at its size at once, rather than grown (a second allocation and a copy) when the security
/// headers go in. Without security headers it is the size a map starts with anyway.
pub(crate) fn answer(status: StatusCode, body: impl Into<Body>) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    let headers = current();
    *response.headers_mut() = HeaderMap::with_capacity(4 + headers.every.len() + headers.pages.len());
    response
}

/// Inserts the headers of [`current`] for a page's or an action's answer that `response` lacks.
pub(crate) fn secure_page(response: &mut Response) {
    current().apply_to_page(response.headers_mut());
}

/// Inserts the headers of [`current`] for any answer that `response` lacks.
pub(crate) fn secure(response: &mut Response) {
    current().apply(response.headers_mut());
}

/// A page's answer, given the page headers once it is ready. A future of its own around the boxed
/// one, rather than a second box: a page's `GET` and `POST` allocate nothing more for it.
pub(crate) struct SecuredPage(pub(crate) BoxFuture<'static, Response>);

impl Future for SecuredPage {
    type Output = Response;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Response> {
        self.0.as_mut().poll(cx).map(|mut response| {
            secure_page(&mut response);
            response
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(headers: &HeaderMap) -> Vec<(String, String)> {
        let mut all: Vec<_> = headers
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        all.sort();
        all
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut all: Vec<_> = list.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect();
        all.sort();
        all
    }

    const EVERY: [(&str, &str); 4] = [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "SAMEORIGIN"),
        ("content-security-policy", "frame-ancestors 'self'"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
    ];

    #[test]
    fn the_defaults_on_every_answer_and_on_pages() {
        let mut every = HeaderMap::new();
        SecurityHeaders::new().apply(&mut every);
        assert_eq!(names(&every), pairs(&EVERY));
        let mut page = HeaderMap::new();
        SecurityHeaders::default().apply_to_page(&mut page);
        let mut expected = EVERY.to_vec();
        expected.push(("cache-control", "no-store"));
        assert_eq!(names(&page), pairs(&expected));
    }

    #[test]
    fn a_header_the_answer_has_is_kept_and_never_doubled() {
        let mut headers = HeaderMap::new();
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'self'"));
        headers.insert("X-Frame-Options", HeaderValue::from_static("DENY"));
        let headers_before = headers.clone();
        SecurityHeaders::new().apply_to_page(&mut headers);
        SecurityHeaders::new().apply_to_page(&mut headers);
        for name in headers_before.keys() {
            assert_eq!(headers.get_all(name).iter().count(), 1, "{name}");
            assert_eq!(headers[name], headers_before[name], "{name}");
        }
        assert_eq!(headers[X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[REFERRER_POLICY], "strict-origin-when-cross-origin");
        assert_eq!(headers.len(), 5);
    }

    #[test]
    fn each_header_is_replaced_moved_or_removed() {
        let changed = SecurityHeaders::new()
            .set(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))
            .set_on_pages(REFERRER_POLICY, HeaderValue::from_static("no-referrer"))
            .set(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"))
            .remove(CONTENT_SECURITY_POLICY)
            .set(http::header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=60"));
        let mut every = HeaderMap::new();
        changed.apply(&mut every);
        assert_eq!(
            names(&every),
            pairs(&[
                ("x-content-type-options", "nosniff"),
                ("x-frame-options", "DENY"),
                ("cache-control", "private, no-cache"),
                ("strict-transport-security", "max-age=60"),
            ])
        );
        let mut page = HeaderMap::new();
        changed.apply_to_page(&mut page);
        assert_eq!(page[REFERRER_POLICY], "no-referrer");
        assert_eq!(page.len(), 5);
        assert_eq!(changed.get(&REFERRER_POLICY).unwrap(), "no-referrer");
        assert_eq!(changed.get(&CONTENT_SECURITY_POLICY), None);

        let mut nothing = HeaderMap::new();
        SecurityHeaders::none().apply_to_page(&mut nothing);
        assert!(nothing.is_empty());
    }
}
