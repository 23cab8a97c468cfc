//! htmx, first class: what a page and its actions answer a request carrying `HX-Request: true`.
//!
//! htmx 2, with its default configuration, swaps no 4xx answer and follows a 3xx inside the
//! request (swapping the whole next page where the form was). So an htmx request gets:
//!
//! | the action | the answer |
//! |---|---|
//! | invalid (or a list row added or removed) | 200 (422 with [`Page::htmx_invalid_status`](crate::Page::htmx_invalid_status)), the page rendered again, with `HX-Retarget: #<form id>`, `HX-Reswap: outerHTML` and `HX-Reselect: #<form id>`: only the form that was sent is replaced, with its errors and values, whatever the form's `hx-target`. The form is the element htmx sent from, by the `id` htmx sends as `HX-Trigger` (a [`FormView`](crate::FormView) always has one), when the page has a `<form>` of that id; otherwise (no id, or a button's) the page's body is replaced, as a plain submission would show it |
//! | a [`Redirect`] | 200, no body, `HX-Location: <target>` (htmx loads the target as `hx-boost` would), or `HX-Redirect` for [`Redirect::full_reload`] and a target on another site; the flash message is set as for a browser, and the page htmx loads shows it |
//! | a [`Redirect`] with [`Redirect::htmx`] | 200, the fragment (where [`htmx_target`](Redirect::htmx_target) and [`htmx_swap`](Redirect::htmx_swap) say, else where the element's `hx-target` and `hx-swap` say), the elements of [`htmx_also`](Redirect::htmx_also) swapped out of band, and the flash message swapped out of band into the page's `#flash` region. A browser with JavaScript off still gets the 303, and a JSON caller the redirect |
//! | an action's own answer | as it is, but a 3xx becomes `HX-Location` (or `HX-Redirect` off the site), cookies kept |
//! | a state or `()` | the page rendered again, 200, swapped where the element says (a boosted form: the body) |
//! | a refusal (400, 403, 404, 405, 413, 415) or a failure | the same status and message as for a browser; formaction's htmx hooks (`render::htmx_script_tag`), loaded beside htmx, show the message in the form that was sent (htmx itself swaps nothing) |
//!
//! Every answer of a page and of an action carries `Vary: accept, x-formaction, hx-request`.

use std::future::Future;

use axum::body::Body;
use axum::response::Response;
use http::request::Parts;
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

use crate::action::{Answer, Outcome};
use crate::escape::escape;
use crate::guard::OriginPolicy;
use crate::headers::Kind;
use crate::redirect::{HtmxPart, Redirect};
use crate::respond;
use crate::state::Render;

/// The `id` of the page's flash region, into which the flash message of a fragment answer is
/// swapped out of band.
pub(crate) const FLASH_REGION: &str = "flash";

const HX_REQUEST: HeaderName = HeaderName::from_static("hx-request");
const HX_TRIGGER: HeaderName = HeaderName::from_static("hx-trigger");
const HX_LOCATION: HeaderName = HeaderName::from_static("hx-location");
const HX_REDIRECT: HeaderName = HeaderName::from_static("hx-redirect");
const HX_RETARGET: HeaderName = HeaderName::from_static("hx-retarget");
const HX_RESWAP: HeaderName = HeaderName::from_static("hx-reswap");
const HX_RESELECT: HeaderName = HeaderName::from_static("hx-reselect");

/// Whether htmx sent the request: an `HX-Request` whose value is `true` (any case, spaces
/// around it ignored; one such value among several is enough).
pub(crate) fn is_htmx(headers: &HeaderMap) -> bool {
    headers.get_all(HX_REQUEST).iter().any(|value| {
        std::str::from_utf8(value.as_bytes()).is_ok_and(|value| value.trim().eq_ignore_ascii_case("true"))
    })
}

/// What htmx answers to, on a [`Redirect`]: a browser with JavaScript off and a JSON caller get
/// the redirect as ever, an htmx request a fragment.
impl Redirect {
    /// Answers an htmx request with `html` (one row of a list, say), status 200, instead of
    /// `HX-Location`: one return value for both kinds of callers.
    ///
    /// ```
    /// use formaction::Redirect;
    ///
    /// // JavaScript off: 303 to `/` with the flash; htmx: the row is swapped out (nothing left of
    /// // it), and "Deleted" is swapped into the page's `#flash` region.
    /// let answer = Redirect::to("/").with_flash("Deleted").htmx("");
    /// assert_eq!(answer.target(), "/");
    /// ```
    ///
    /// The flash message is not kept for another page then: it is swapped out of band into the
    /// element with the id `flash` (`<div id="flash" role="status">`), escaped.
    pub fn htmx(mut self, html: impl Into<String>) -> Self {
        self.htmx.get_or_insert_with(Default::default).html = html.into();
        self
    }

    /// Where an htmx request swaps the fragment of [`Redirect::htmx`] (`HX-Retarget`: a CSS
    /// selector, or htmx's `this`, `closest ...`): by default the element's own `hx-target`.
    pub fn htmx_target(mut self, selector: impl Into<String>) -> Self {
        self.htmx.get_or_insert_with(Default::default).target = Some(selector.into());
        self
    }

    /// How an htmx request swaps the fragment of [`Redirect::htmx`] (`HX-Reswap`: `outerHTML`,
    /// `beforeend`, ...): by default the element's own `hx-swap`.
    pub fn htmx_swap(mut self, style: impl Into<String>) -> Self {
        self.htmx.get_or_insert_with(Default::default).swap = Some(style.into());
        self
    }

    /// Adds an element swapped out of band beside the fragment of [`Redirect::htmx`]: `html`
    /// starts with an element that has an `id` (a form rendered empty again, a counter), which
    /// replaces the page's element of that id (`hx-swap-oob="true"` is added to it).
    pub fn htmx_also(mut self, html: impl Into<String>) -> Self {
        self.htmx.get_or_insert_with(Default::default).also.push(html.into());
        self
    }

    /// Makes an htmx request load the target as a whole new page (`HX-Redirect`) rather than
    /// swap it in (`HX-Location`).
    pub fn full_reload(mut self) -> Self {
        self.full_reload = true;
        self
    }
}

/// The answer to an htmx request after its action ran (see the [module](self)).
pub(crate) fn answer<S: Send + 'static>(
    outcome: Outcome,
    parts: Parts,
    render: &Render<S>,
    state: S,
    settings: &OriginPolicy,
    invalid_status: StatusCode,
) -> impl Future<Output = Response> + Send + use<S> {
    let form =
        matches!(outcome.answer, Answer::Invalid(_) | Answer::Intent).then(|| sent_form(&parts.headers));
    let ready = match outcome.answer {
        Answer::Redirect(ref redirect) => Some(redirect_answer(redirect, &parts, settings)),
        _ => None,
    };
    let page = match ready {
        Some(answer) => Ok(answer),
        None => match outcome.answer {
            Answer::Response(response) | Answer::Rejected(response) => Ok(own_answer(response)),
            _ => respond::answer_html(outcome, parts, render, state, settings),
        },
    };
    async move {
        let mut response = match page {
            Ok(response) => return response,
            Err(page) => page.await,
        };
        if let Some(mut form) = form {
            if let Some(selector) = &form {
                // The element htmx sent from is a form of the page rendered again (not a button
                // inside one, whose swap alone would drop the errors): read the page to know.
                let (head, body) = response.into_parts();
                let Ok(html) = axum::body::to_bytes(body, PAGE_LIMIT).await else {
                    return respond::internal_error(false);
                };
                if !has_form(&html, &selector.as_bytes()[1..]) {
                    form = None;
                }
                response = Response::from_parts(head, Body::from(html));
            }
            if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
                *response.status_mut() = invalid_status;
            }
            let headers = response.headers_mut();
            match form {
                Some(selector) => {
                    headers.insert(HX_RETARGET, selector.clone());
                    headers.insert(HX_RESWAP, HeaderValue::from_static("outerHTML"));
                    headers.insert(HX_RESELECT, selector);
                }
                None => {
                    // No form to pick out: the page again, as a plain submission shows it.
                    headers.insert(HX_RETARGET, HeaderValue::from_static("body"));
                    headers.insert(HX_RESWAP, HeaderValue::from_static("innerHTML"));
                    headers.insert(HX_RESELECT, HeaderValue::from_static("unset"));
                }
            }
        }
        response
    }
}

/// The most bytes of a page rendered again that are read to find the form in it.
const PAGE_LIMIT: usize = 16 * 1024 * 1024;

/// Whether `html` has a `<form>` whose `id` is `id` (a plain id: letters, digits, `-`, `_`).
fn has_form(html: &[u8], id: &[u8]) -> bool {
    let mut rest = html;
    while let Some(at) = rest.windows(5).position(|w| w.eq_ignore_ascii_case(b"<form")) {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.iter().position(|&b| b == b'>').unwrap_or(rest.len())];
        if !tag.first().is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        // ` id="<id>"`: the attribute's name in any case, its value exactly.
        let found = tag.windows(id.len() + 6).any(|w| {
            w[0].is_ascii_whitespace()
                && w[1..5].eq_ignore_ascii_case(b"id=\"")
                && w[5..5 + id.len()] == *id
                && w[5 + id.len()] == b'"'
        });
        if found {
            return true;
        }
    }
    false
}

/// `#<id>` of the element htmx sent the request from (its `HX-Trigger`), when that id is one a
/// CSS selector takes as it is (letters, digits, `-`, `_`, not starting with a digit or `--`).
fn sent_form(headers: &HeaderMap) -> Option<HeaderValue> {
    let id = headers.get(HX_TRIGGER)?.to_str().ok()?.trim();
    let plain = id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let starts_well = id.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        || (id.starts_with('-') && id.as_bytes().get(1).is_some_and(|b| b.is_ascii_alphabetic()));
    if id.is_empty() || !plain || !starts_well {
        return None;
    }
    HeaderValue::from_str(&format!("#{id}")).ok()
}

/// The answer to a redirect: its fragment, or `HX-Location` / `HX-Redirect` with the flash.
fn redirect_answer(redirect: &Redirect, parts: &Parts, settings: &OriginPolicy) -> Response {
    if let Some(part) = &redirect.htmx {
        return fragment(part, redirect.flash());
    }
    let mut response = crate::headers::answer(StatusCode::OK, Body::empty(), Kind::Html);
    let away = redirect.full_reload || redirect.leaves_site();
    match HeaderValue::from_str(redirect.target()) {
        // Checked already: printable ASCII.
        Ok(to) => response.headers_mut().insert(if away { HX_REDIRECT } else { HX_LOCATION }, to),
        Err(_) => return respond::internal_error(false),
    };
    respond::set_flash(&mut response, redirect, parts, settings);
    response
}

/// A fragment answer: the HTML, the elements swapped out of band, the flash message.
fn fragment(part: &HtmxPart, flash: Option<&str>) -> Response {
    let mut html =
        String::with_capacity(part.html.len() + part.also.iter().map(String::len).sum::<usize>() + 64);
    html.push_str(&part.html);
    for also in &part.also {
        match out_of_band(also) {
            Some(also) => html.push_str(&also),
            None => tracing::warn!("Redirect::htmx_also: the HTML does not start with an element; left out"),
        }
    }
    if let Some(message) = flash {
        html.push_str(r#"<div hx-swap-oob="innerHTML:#"#);
        html.push_str(FLASH_REGION);
        html.push_str(r#"">"#);
        // Writing into a `String` cannot fail.
        let _ = escape(&mut html, message);
        html.push_str("</div>");
    }
    let mut response = crate::headers::answer(StatusCode::OK, html, Kind::Html);
    let headers = response.headers_mut();
    for (name, value) in [(HX_RETARGET, &part.target), (HX_RESWAP, &part.swap)] {
        if let Some(value) = value.as_deref().and_then(|value| HeaderValue::from_str(value).ok()) {
            headers.insert(name, value);
        }
    }
    response
}

/// `html` with `hx-swap-oob="true"` on its first element, if it starts with one (spaces before
/// it allowed).
fn out_of_band(html: &str) -> Option<String> {
    let start = html.len() - html.trim_start().len();
    let rest = &html[start..];
    let name_len = rest.strip_prefix('<')?.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if name_len == 0 || !rest.as_bytes()[1].is_ascii_alphabetic() {
        return None;
    }
    let at = start + 1 + name_len;
    Some(format!(r#"{} hx-swap-oob="true"{}"#, &html[..at], &html[at..]))
}

/// An answer of the action's own: a redirect becomes `HX-Location` (or `HX-Redirect` off the
/// site), with its cookies; any other is kept.
pub(crate) fn own_answer(response: Response) -> Response {
    if !response.status().is_redirection() {
        return response;
    }
    let Some(to) = response.headers().get(http::header::LOCATION).cloned() else { return response };
    let local = to.as_bytes().starts_with(b"/")
        && !to.as_bytes().starts_with(b"//")
        && !to.as_bytes().starts_with(b"/\\");
    let mut answer = crate::headers::answer(StatusCode::OK, Body::empty(), Kind::Html);
    answer.headers_mut().insert(if local { HX_LOCATION } else { HX_REDIRECT }, to);
    for cookie in response.headers().get_all(http::header::SET_COOKIE) {
        answer.headers_mut().append(http::header::SET_COOKIE, cookie.clone());
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: &'static str, values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(name, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn htmx_is_told_by_its_header_whatever_its_case_and_spaces() {
        for yes in [&["true"][..], &["TRUE"], &[" True "], &["false", "true"]] {
            assert!(is_htmx(&with("hx-request", yes)), "{yes:?}");
        }
        for no in [&[][..], &["false"], &["1"], &["truely"], &[""]] {
            assert!(!is_htmx(&with("hx-request", no)), "{no:?}");
        }
        assert!(!is_htmx(&with("hx-boosted", &["true"])));
    }

    #[test]
    fn only_a_plain_id_becomes_a_selector() {
        assert_eq!(sent_form(&with("hx-trigger", &["new-todo"])).unwrap(), "#new-todo");
        assert_eq!(sent_form(&with("hx-trigger", &["_x1"])).unwrap(), "#_x1");
        for odd in ["", "1abc", "a b", "a.b", "a:b", "--x", "-1", "é", "#x", "a,body"] {
            assert!(sent_form(&with("hx-trigger", &[odd])).is_none(), "{odd:?}");
        }
        assert!(sent_form(&HeaderMap::new()).is_none());
    }

    #[test]
    fn a_form_is_found_by_its_id_and_nothing_else_is() {
        let page = br#"<main><button id="go">Go</button><FORM method="post"
ID="login" action="?_action=x"><input id="login-name"></form><form id="login2"></form></main>"#;
        assert!(has_form(page, b"login"));
        assert!(has_form(page, b"login2"));
        for not in [&b"go"[..], b"login-name", b"logi", b"ogin", b"main"] {
            assert!(!has_form(page, not), "{:?}", String::from_utf8_lossy(not));
        }
        assert!(!has_form(br#"<formx id="a"></formx><form data-id="a">"#, b"a"));
        assert!(!has_form(b"<form", b"a"));
    }

    #[test]
    fn an_element_swapped_out_of_band_is_marked() {
        assert_eq!(
            out_of_band(r#"  <form id="new-todo" method="post">"#).unwrap(),
            r#"  <form hx-swap-oob="true" id="new-todo" method="post">"#
        );
        assert_eq!(out_of_band("<li>x</li>").unwrap(), r#"<li hx-swap-oob="true">x</li>"#);
        for not in ["text", "", "<", "< li>", "<1>", "<!-- c -->"] {
            assert!(out_of_band(not).is_none(), "{not:?}");
        }
    }
}
