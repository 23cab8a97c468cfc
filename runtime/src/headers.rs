//! Security headers: what every answer carries unless its handler says otherwise, in one place
//! (documented in [`security`](crate::security)).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::response::Response;
use futures_util::future::BoxFuture;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, IF_MATCH, LOCATION, MAX_FORWARDS, REFERRER_POLICY,
    TE, VARY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

/// The content type of every HTML answer, as axum's `Html` writes it.
const HTML: &str = "text/html; charset=utf-8";

/// The request headers every answer of a page or an action depends on: `Accept` and the
/// enhancement script's header (JSON or HTML), `HX-Request` (htmx's answers), so that no cache
/// serves one caller's answer to another.
pub(crate) const PAGE_VARY: &str = "accept, x-formaction, hx-request";

/// The headers answers carry by default: the table in [`security`](crate::security). Build one
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

/// Inserts each of `list` that `headers` lacks; the values are shared, not copied (the defaults
/// are static).
fn insert_missing(headers: &mut HeaderMap, list: &[(HeaderName, HeaderValue)]) {
    for (name, value) in list {
        // An answer has a few names: looking through them is cheaper than hashing one.
        let has = if headers.keys_len() <= 16 {
            headers.keys().any(|existing| existing == name)
        } else {
            headers.contains_key(name)
        };
        if !has {
            // Only fails past `HeaderMap`'s 32,768 entries: the answer is left as it is then.
            let _ = headers.try_insert(name.clone(), value.clone());
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

/// What an answer of the runtime's own is, for the headers it starts with.
pub(crate) enum Kind {
    /// A redirect to this `Location`, without a body.
    Redirect(HeaderValue),
    /// An HTML page: `Content-Type: text/html; charset=utf-8`.
    Html,
}

/// An answer of the runtime's own with the headers of its kind. Made while a page answers (see
/// [`SecuredPage`]), it also starts with the page headers, copied from a template: one copy
/// costs less than inserting them one by one, each hashed. Elsewhere (an
/// [`HtmlPage`](crate::render::HtmlPage) on a route of the app's own) it has none.
pub(crate) fn answer(status: StatusCode, body: impl Into<Body>, kind: Kind) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    if IN_PAGE.get() {
        let templates = templates();
        if !templates.page.is_empty() {
            *response.headers_mut() = match kind {
                Kind::Redirect(location) => {
                    let mut headers = templates.copy(&templates.redirect);
                    // In the place of the template's empty one: the map does not grow.
                    headers.insert(LOCATION, location);
                    headers
                }
                Kind::Html => templates.copy(&templates.html),
            };
            return response;
        }
    }
    let headers = response.headers_mut();
    match kind {
        Kind::Redirect(location) => headers.insert(LOCATION, location),
        Kind::Html => headers.insert(CONTENT_TYPE, HeaderValue::from_static(HTML)),
    };
    response
}

/// A refusal's or a JSON answer's (HTML or JSON): always with the page headers of [`current`].
pub(crate) fn secured_answer(status: StatusCode, body: impl Into<Body>, json: bool) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    let templates = templates();
    *response.headers_mut() = templates.copy(if json { &templates.json } else { &templates.html });
    response
}

/// The security headers of [`current`] as lists and as the header maps answers start from, made
/// once. Each map begins with them, in the order of its list, and ends with the slot.
struct Templates {
    /// The headers of every answer ([`SecurityHeaders::apply`]), each value a copy of its own (at
    /// an address no handler's value has, so that [`keep_the_handlers`] can tell them apart).
    every: Vec<(HeaderName, HeaderValue)>,
    /// The headers of pages and actions ([`SecurityHeaders::apply_to_page`]): `every`, then the
    /// others.
    page: Vec<(HeaderName, HeaderValue)>,
    /// `every`, as a map.
    every_map: HeaderMap,
    /// `page`, as a map.
    page_map: HeaderMap,
    /// `page`, then `Vary` ([`PAGE_VARY`]) and an empty `Location`.
    redirect: HeaderMap,
    /// `page`, then `Content-Type: text/html; charset=utf-8` and `Vary` ([`PAGE_VARY`]).
    html: HeaderMap,
    /// `page`, then `Content-Type: application/json` and `Vary` ([`PAGE_VARY`]).
    json: HeaderMap,
    /// The name of each map's last entry, which no other entry has (a request header, which no
    /// answer needs), removed from every copy (see [`Templates::copy`]); none when the security
    /// headers take each name it could have.
    slot: Option<HeaderName>,
}

impl Templates {
    /// A copy of `template` without its slot. A copy has room for exactly the entries it has, so
    /// the slot keeps room for axum's `Content-Length` (rather than a second, larger allocation).
    fn copy(&self, template: &HeaderMap) -> HeaderMap {
        let mut headers = template.clone();
        if let Some(slot) = &self.slot {
            headers.remove(slot);
        }
        headers
    }
}

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let headers = current();
        let own = |list: &[(HeaderName, HeaderValue)]| -> Vec<(HeaderName, HeaderValue)> {
            list.iter()
                .map(|(name, value)| {
                    let bytes: &'static [u8] = Box::leak(value.as_bytes().into());
                    let mut copy = HeaderValue::from_maybe_shared(bytes::Bytes::from_static(bytes))
                        .unwrap_or_else(|_| value.clone());
                    copy.set_sensitive(value.is_sensitive());
                    (name.clone(), copy)
                })
                .collect()
        };
        let every = own(&headers.every);
        let page: Vec<_> = every.iter().cloned().chain(own(&headers.pages)).collect();
        // A standard name, which is hashed and compared at once (a custom one byte by byte).
        let slot =
            [TE, MAX_FORWARDS, IF_MATCH].into_iter().find(|slot| !page.iter().any(|(name, _)| name == slot));
        let map = |list: &[(HeaderName, HeaderValue)], extra: &[(HeaderName, HeaderValue)]| {
            // Room in the table for a few more (a cookie, `Content-Length`): a copy's table is
            // as large.
            let mut map = HeaderMap::with_capacity(list.len() + extra.len() + 4);
            for (name, value) in list.iter().chain(extra) {
                map.append(name.clone(), value.clone());
            }
            if let Some(slot) = &slot {
                map.append(slot.clone(), HeaderValue::from_static(""));
            }
            map
        };
        Templates {
            every_map: map(&every, &[]),
            page_map: map(&page, &[]),
            redirect: map(
                &page,
                &[(VARY, HeaderValue::from_static(PAGE_VARY)), (LOCATION, HeaderValue::from_static(""))],
            ),
            html: map(
                &page,
                &[
                    (CONTENT_TYPE, HeaderValue::from_static(HTML)),
                    (VARY, HeaderValue::from_static(PAGE_VARY)),
                ],
            ),
            json: map(
                &page,
                &[
                    (CONTENT_TYPE, HeaderValue::from_static("application/json")),
                    // A page URL answers HTML or JSON by `Accept`: caches must keep them apart.
                    (VARY, HeaderValue::from_static(PAGE_VARY)),
                ],
            ),
            every,
            page,
            slot,
        }
    })
}

/// Gives `headers` each header of `list` it lacks, as [`SecurityHeaders::apply`] does (`map`: the
/// same as a template); a header the answer has both from a template and from its handler keeps
/// the handler's values only, so that, say, a Content-Security-Policy is never sent twice.
fn secure_with(headers: &mut HeaderMap, list: &[(HeaderName, HeaderValue)], map: &HeaderMap) {
    if list.is_empty() || starts_with(headers, list) {
        // A template was its start: nothing is missing.
        return;
    }
    if headers.len() <= 4 && !headers.keys().any(|name| list.iter().any(|(ours, _)| ours == name)) {
        // A handler's own answer with none of them: its few headers go onto a copy of the
        // template, fewer insertions than the other way round.
        let own = std::mem::replace(headers, templates().copy(map));
        let mut last = None;
        for (name, value) in own {
            // Only fails past `HeaderMap`'s 32,768 entries.
            let _ = match (name, &last) {
                (Some(name), _) => headers.try_insert(&name, value).map(|_| last = Some(name)),
                (None, Some(name)) => headers.try_append(name, value).map(|_| ()),
                (None, None) => Ok(()),
            };
        }
        return;
    }
    for (name, ours) in list {
        match values(headers, name) {
            0 => {
                // Only fails past `HeaderMap`'s 32,768 entries: the answer is left as it is then.
                let _ = headers.try_insert(name.clone(), ours.clone());
            }
            1 => {}
            _ => keep_the_handlers(headers, name, ours),
        }
    }
}

/// How many values `headers` has for `name`, up to two: for the few headers of most answers, a
/// look through their names is cheaper than hashing one.
fn values(headers: &HeaderMap, name: &HeaderName) -> usize {
    if headers.len() <= 16 && headers.len() == headers.keys_len() {
        // One value per name.
        usize::from(headers.keys().any(|each| each == name))
    } else {
        headers.get_all(name).iter().take(2).count()
    }
}

/// Drops the template's value `ours` from header `name`, which has others: the handler's.
#[cold]
fn keep_the_handlers(headers: &mut HeaderMap, name: &HeaderName, ours: &HeaderValue) {
    let is_ours = |value: &HeaderValue| std::ptr::eq(value.as_bytes(), ours.as_bytes());
    if !headers.get_all(name).iter().any(is_ours) {
        return;
    }
    let theirs: Vec<HeaderValue> = headers.get_all(name).iter().filter(|v| !is_ours(v)).cloned().collect();
    headers.remove(name);
    for value in theirs {
        headers.append(name.clone(), value);
    }
}

/// Whether `headers` begins with `list`'s names, in its order, each with one value: a template
/// was its start, and nothing was added to those names since (a handler that replaced a value
/// keeps its own, as it would have anyway).
fn starts_with(headers: &HeaderMap, list: &[(HeaderName, HeaderValue)]) -> bool {
    if headers.len() == headers.keys_len() {
        // One value per name: the names say it all.
        let mut names = headers.keys();
        return list.iter().all(|(name, _)| names.next() == Some(name));
    }
    // A name's values follow one another: a second value of one shows as that name again.
    let mut all = headers.iter();
    for (name, _) in list {
        match all.next() {
            Some((first, _)) if first == name => {}
            _ => return false,
        }
    }
    all.next().is_none_or(|(next, _)| list.last().is_none_or(|(last, _)| next != last))
}

/// Gives a page's or an action's answer the headers of [`current`] it lacks, and the names of
/// [`PAGE_VARY`] its `Vary` lacks.
pub(crate) fn secure_page(response: &mut Response) {
    let templates = templates();
    secure_with(response.headers_mut(), &templates.page, &templates.page_map);
    vary_on_callers(response.headers_mut());
}

/// Adds to `headers` a `Vary` with each name of [`PAGE_VARY`] that its `Vary` values lack (none
/// when one is `*`); the handler's own values are kept.
fn vary_on_callers(headers: &mut HeaderMap) {
    const NAMES: [&str; 3] = ["accept", "x-formaction", "hx-request"];
    let mut missing = [true; 3];
    for value in headers.get_all(VARY) {
        if value.as_bytes() == PAGE_VARY.as_bytes() {
            return;
        }
        for token in value.to_str().unwrap_or("").split(',').map(str::trim) {
            if token == "*" {
                return;
            }
            for (name, missing) in NAMES.iter().zip(&mut missing) {
                *missing &= !token.eq_ignore_ascii_case(name);
            }
        }
    }
    let value = if missing == [true; 3] {
        HeaderValue::from_static(PAGE_VARY)
    } else {
        let names: Vec<&str> = NAMES.iter().zip(missing).filter(|(_, m)| *m).map(|(n, _)| *n).collect();
        if names.is_empty() {
            return;
        }
        // Names of `NAMES` joined by ", ": always a valid value.
        HeaderValue::from_str(&names.join(", ")).unwrap_or_else(|_| HeaderValue::from_static(PAGE_VARY))
    };
    // Only fails past `HeaderMap`'s 32,768 entries: the answer is left as it is then.
    let _ = headers.try_append(VARY, value);
}

/// Gives any answer the headers of [`current`] it lacks.
pub(crate) fn secure(response: &mut Response) {
    let templates = templates();
    secure_with(response.headers_mut(), &templates.every, &templates.every_map);
}

thread_local! {
    /// Whether a page's handler is running on this thread (see [`SecuredPage`]).
    static IN_PAGE: Cell<bool> = const { Cell::new(false) };
}

/// A page's answer, given the page headers once it is ready. A future of its own around the boxed
/// one, rather than a second box: a page's `GET` and `POST` allocate nothing more for it.
///
/// While it runs the page's handler, the runtime's own answers made there ([`answer`]) start
/// with the page headers, which this then finds in place.
pub(crate) struct SecuredPage(pub(crate) BoxFuture<'static, Response>);

impl SecuredPage {
    /// An answer ready at once (a refusal).
    pub(crate) fn ready(response: Response) -> Self {
        SecuredPage(Box::pin(std::future::ready(response)))
    }
}

impl Future for SecuredPage {
    type Output = Response;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Response> {
        /// Sets [`IN_PAGE`] and puts back what it was when dropped, even by a panic.
        struct InPage(bool);
        impl Drop for InPage {
            fn drop(&mut self) {
                IN_PAGE.set(self.0);
            }
        }
        let mut answer = {
            let _in_page = InPage(IN_PAGE.replace(true));
            self.0.as_mut().poll(cx)
        };
        if let Poll::Ready(response) = &mut answer {
            secure_page(response);
        }
        answer
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

    /// `secure_page` on `headers`, as `(name, value)` pairs in the order sent.
    fn secured(mut headers: HeaderMap) -> Vec<(String, String)> {
        let templates = templates();
        secure_with(&mut headers, &templates.page, &templates.page_map);
        headers.iter().map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned())).collect()
    }

    /// In the order sent.
    fn page_defaults() -> Vec<(String, String)> {
        let every = EVERY.iter().chain(&[("cache-control", "no-store")]);
        every.map(|(name, value)| ((*name).to_owned(), (*value).to_owned())).collect()
    }

    #[test]
    fn every_page_answer_varies_on_who_asked_with_the_handlers_names_kept() {
        let vary = |values: &[&str]| {
            let mut headers = HeaderMap::new();
            for value in values {
                headers.append(VARY, HeaderValue::from_str(value).unwrap());
            }
            vary_on_callers(&mut headers);
            headers.get_all(VARY).iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>()
        };
        assert_eq!(vary(&[]), [PAGE_VARY]);
        assert_eq!(vary(&[PAGE_VARY]), [PAGE_VARY]);
        assert_eq!(vary(&["Accept-Language"]), ["Accept-Language", PAGE_VARY]);
        assert_eq!(vary(&["HX-Request , ACCEPT"]), ["HX-Request , ACCEPT", "x-formaction"]);
        assert_eq!(vary(&["accept", "x-formaction, hx-request"]), ["accept", "x-formaction, hx-request"]);
        assert_eq!(vary(&["*"]), ["*"]);
        for template in [&templates().redirect, &templates().html, &templates().json] {
            assert_eq!(template.get(VARY).unwrap(), PAGE_VARY);
        }
    }

    #[test]
    fn a_template_is_found_in_place_and_its_slot_is_gone() {
        let templates = templates();
        for template in [&templates.redirect, &templates.html, &templates.json] {
            let copy = templates.copy(template);
            assert!(starts_with(&copy, &templates.page));
            assert_eq!(copy.len(), template.len() - 1);
            assert!(!copy.contains_key(templates.slot.as_ref().unwrap()));
        }
        let mut answer = templates.copy(&templates.html);
        answer.insert(CACHE_CONTROL, HeaderValue::from_static("private"));
        assert!(starts_with(&answer, &templates.page), "replaced where it was: the handler's, kept");
        answer.append(CACHE_CONTROL, HeaderValue::from_static("max-age=60"));
        assert!(!starts_with(&answer, &templates.page), "a second value of the last one");
        let mut answer = templates.copy(&templates.html);
        answer.append(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        assert!(!starts_with(&answer, &templates.page), "a second value of another one");
        let mut answer = templates.copy(&templates.html);
        answer.remove(X_FRAME_OPTIONS);
        assert!(!starts_with(&answer, &templates.page), "one taken out");
    }

    #[test]
    fn what_a_page_sends_is_the_handlers_headers_and_the_missing_defaults() {
        // A handler's own answer with none of them, a few headers or many, one name twice.
        let mut own = HeaderMap::new();
        own.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        own.append(http::header::SET_COOKIE, HeaderValue::from_static("a=1"));
        own.append(http::header::SET_COOKIE, HeaderValue::from_static("b=2"));
        let mut expected = page_defaults();
        expected.extend(pairs(&[
            ("content-type", "text/html"),
            ("set-cookie", "a=1"),
            ("set-cookie", "b=2"),
        ]));
        assert_eq!(secured(own.clone()), expected);
        for at in 0..20 {
            own.insert(
                HeaderName::from_bytes(format!("x-{at}").as_bytes()).unwrap(),
                HeaderValue::from_static("v"),
            );
        }
        let mut sent = secured(own.clone());
        sent.sort();
        let mut expected: Vec<_> = own
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
            .chain(page_defaults())
            .collect();
        expected.sort();
        assert_eq!(sent, expected);

        // Its own policy, alone or added to the template's: its own only.
        let mut own = HeaderMap::new();
        own.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'self'"));
        let policies = |sent: &[(String, String)]| {
            sent.iter()
                .filter(|(name, _)| name == "content-security-policy")
                .map(|(_, v)| v.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(policies(&secured(own)), ["default-src 'self'"]);
        let mut page = templates().copy(&templates().html);
        page.append(CONTENT_SECURITY_POLICY, HeaderValue::from_static("script-src 'self'"));
        page.append(CONTENT_SECURITY_POLICY, HeaderValue::from_static("img-src 'self'"));
        let sent = secured(page);
        assert_eq!(policies(&sent), ["script-src 'self'", "img-src 'self'"]);
        // The defaults, `Content-Type`, `Vary` and the handler's two policies.
        assert_eq!(sent.len(), 8, "{sent:?}");

        // The same text as the template's, given by the handler, is the handler's.
        let mut page = HeaderMap::new();
        page.insert(X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));
        page.append(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        let sent = secured(page);
        let framing: Vec<_> =
            sent.iter().filter(|(name, _)| name == "x-frame-options").map(|(_, v)| v.as_str()).collect();
        assert_eq!(framing, ["SAMEORIGIN", "DENY"]);
    }
}
