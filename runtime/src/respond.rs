//! Answering, by who asked: a browser with JavaScript off gets HTML (a 303, or the page again with
//! 422 or 200); the enhancement script and any JSON client get JSON.
//!
//! The table of answers is in the crate's documentation ([what each caller
//! gets](crate#what-each-caller-gets)).

use std::borrow::Cow;

use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::header::ACCEPT;
use http::request::Parts;
use http::{HeaderMap, HeaderValue, StatusCode};
use serde_json::{Value, json};

use crate::action::{Answer, Outcome};
use crate::escape::escape_attribute;
use crate::guard::{self, OriginPolicy};
use crate::headers::Kind;
use crate::locale::{self, Language};
use crate::problem::Problem;
use crate::state::{self, Render};
use crate::{FormErrors, Redirect, flash};

/// The header the enhancement script sends with its requests.
pub(crate) const ENHANCED_HEADER: &str = "x-formaction";

/// Whether the caller wants JSON: the enhancement script's header, or an `Accept` that prefers
/// `application/json` to `text/html`.
pub(crate) fn wants_json(headers: &HeaderMap) -> bool {
    /// [`ENHANCED_HEADER`] as a header name, not parsed again for every request.
    const ENHANCED: http::HeaderName = http::HeaderName::from_static(ENHANCED_HEADER);
    if headers.contains_key(ENHANCED) {
        return true;
    }
    let Some(accept) = headers.get(ACCEPT).and_then(|v| v.to_str().ok()) else { return false };
    let (mut json, mut html) = (None::<f32>, None::<f32>);
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
            .next()
            .unwrap_or(1.0);
        let better = |slot: &mut Option<f32>| *slot = Some(slot.map_or(q, |old| old.max(q)));
        if media.eq_ignore_ascii_case("application/json") {
            better(&mut json);
        } else if media.eq_ignore_ascii_case("text/html") {
            better(&mut html);
        }
    }
    match (json, html) {
        (Some(json), Some(html)) => json > html,
        (Some(json), None) => json > 0.0,
        _ => false,
    }
}

/// JSON for an invalid submission.
pub(crate) fn invalid_json(errors: &FormErrors) -> Response {
    let mut body = serde_json::to_value(errors).unwrap_or_else(|_| json!({}));
    if let Value::Object(map) = &mut body {
        map.insert("ok".to_owned(), Value::Bool(false));
    }
    json_response(StatusCode::UNPROCESSABLE_ENTITY, body)
}

/// JSON for a success.
pub(crate) fn success_json(redirect: Option<&str>, state: Option<&Value>) -> Response {
    let mut body = json!({"ok": true});
    if let Some(to) = redirect {
        body["redirect"] = Value::String(to.to_owned());
    }
    if let Some(state) = state {
        body["state"] = state.clone();
    }
    json_response(StatusCode::OK, body)
}

/// JSON for a success that goes to `to`: `{"ok":true,"redirect":"/x"}`, with `"external":true`
/// when `to` is on another site (the enhancement script follows no other redirect off the site).
pub(crate) fn redirect_json(to: &str, external: bool) -> Response {
    let mut body = json!({"ok": true, "redirect": to});
    if external {
        body["external"] = Value::Bool(true);
    }
    json_response(StatusCode::OK, body)
}

/// A refusal or failure with a message, as JSON or as a small HTML page, whose heading, `lang`
/// and `dir` are of the request's language (the message is the caller's).
pub(crate) fn problem(status: StatusCode, message: &str, json: bool) -> Response {
    if json {
        json_response(status, json!({"ok": false, "error": message}))
    } else {
        let language = Language::current();
        let title = if language.is_plain_english() {
            Cow::Borrowed(status.canonical_reason().unwrap_or("Error"))
        } else {
            let id = format!("status-{}", status.as_u16());
            Cow::Owned(
                locale::text(&id, &[]).or_else(|| locale::text("status-other", &[])).unwrap_or_default(),
            )
        };
        let dir = if language.is_rtl() { " dir=\"rtl\"" } else { "" };
        let page = format!(
            "<!doctype html>\n<html lang=\"{lang}\"{dir}><head><meta charset=\"utf-8\"><title>{status_code} {title}</title></head>\
             <body><main><h1>{title}</h1><p>{message}</p></main></body></html>\n",
            lang = escape_attribute(language.tag()),
            status_code = status.as_u16(),
            title = escape_attribute(&title),
            message = escape_attribute(message),
        );
        crate::headers::secured_answer(status, page, false)
    }
}

/// The message `id` of the catalogues in the request's language, or `english` (the same text)
/// when that is the shipped English.
pub(crate) fn said<'a>(
    id: &str,
    args: &[(&str, Value)],
    english: impl FnOnce() -> Cow<'a, str>,
) -> Cow<'a, str> {
    if Language::current().is_plain_english() {
        return english();
    }
    locale::text(id, args).map_or_else(english, Cow::Owned)
}

/// The answer to a request stopped by `problem`: its status, its message (in the request's
/// language) and the header it asks for, as JSON or as a small HTML page.
pub(crate) fn refusal(problem: &dyn Problem, json: bool) -> Response {
    let message = match problem.localized() {
        Some((id, args)) => said(id, &args, || problem.message()),
        None => problem.message(),
    };
    let mut response = self::problem(problem.status(), &message, json);
    if let Some((name, value)) = problem.header() {
        response.headers_mut().insert(name, value);
    }
    response
}

/// The answer refusing a request for `problem` before its page or action ran (logged at `info`).
#[cold]
#[inline(never)]
pub(crate) fn refuse(problem: &dyn Problem, path: &str, json: bool) -> Response {
    tracing::info!(path, status = problem.status().as_u16(), reason = &*problem.message(), "request refused");
    refusal(problem, json)
}

/// The answer refusing a submission to the action `action` for `problem` (logged as the problem
/// says).
#[cold]
#[inline(never)]
pub(crate) fn refused_action(action: &str, problem: &dyn Problem, json: bool) -> Response {
    problem.log(action);
    refusal(problem, json)
}

/// The answer to an internal error: nothing of it is shown.
pub(crate) fn internal_error(json: bool) -> Response {
    let message = said("refusal-internal-error", &[], || {
        Cow::Borrowed("Something went wrong on our side. Please try again.")
    });
    problem(StatusCode::INTERNAL_SERVER_ERROR, &message, json)
}

/// 303 See Other to `to`.
pub(crate) fn see_other(to: &str) -> Response {
    match HeaderValue::from_str(to) {
        Ok(location) => {
            crate::headers::answer(StatusCode::SEE_OTHER, Body::empty(), Kind::Redirect(location))
        }
        Err(_) => internal_error(false),
    }
}

/// The answer to a JSON caller (the enhancement script, another client) after its action ran.
pub(crate) fn answer_json(outcome: Outcome, parts: &Parts, settings: &OriginPolicy) -> Response {
    match outcome.answer {
        Answer::Redirect(redirect) => {
            let mut response = redirect_json(redirect.target(), redirect.leaves_site());
            set_flash(&mut response, &redirect, parts, settings);
            response
        }
        Answer::State { json, .. } => success_json(None, Some(&json)),
        Answer::Done => success_json(None, None),
        Answer::Response(response) | Answer::Rejected(response) => redirect_as_json(response),
        Answer::Refused(status, message) => problem(status, &message, true),
        Answer::Invalid(errors) => invalid_json(&errors),
        Answer::Failed(_) => internal_error(true),
        Answer::Intent => problem(
            StatusCode::BAD_REQUEST,
            &said("refusal-intent-without-page", &[], || {
                Cow::Borrowed("adding or removing list rows needs a page: post the form to its page")
            }),
            true,
        ),
    }
}

/// An answer of the action's own (or of an extractor's) for a JSON caller: as it is, unless it is
/// a redirect, which becomes `{"ok":true,"redirect":...}` with its cookies kept. `fetch` would
/// follow a redirect itself, and one to another site fails there as if no answer had come, after
/// which the enhancement script would send the form again.
fn redirect_as_json(response: Response) -> Response {
    if !response.status().is_redirection() {
        return response;
    }
    let Some(to) = response.headers().get(http::header::LOCATION).and_then(|to| to.to_str().ok()) else {
        return response;
    };
    let local = to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\");
    let mut json = redirect_json(to, !local);
    for cookie in response.headers().get_all(http::header::SET_COOKIE) {
        json.headers_mut().append(http::header::SET_COOKIE, cookie.clone());
    }
    json
}

/// The answer to a browser with JavaScript off after its action ran: `Ok` when it is ready (a
/// redirect, the action's own response, a refusal), `Err` the page rendered again by `render`
/// with the outcome (see [`after_action`](crate::state::after_action)).
#[allow(clippy::result_large_err, reason = "`Ok` is the answer itself, as `Err` is its future")]
pub(crate) fn answer_html<S>(
    outcome: Outcome,
    parts: Parts,
    render: &Render<S>,
    state: S,
    settings: &OriginPolicy,
) -> Result<Response, impl Future<Output = Response> + use<S>> {
    let Outcome { answer, mut submission, .. } = outcome;
    let mut action_state = None;
    let status = match answer {
        Answer::Redirect(redirect) => {
            let mut response = see_other(redirect.target());
            set_flash(&mut response, &redirect, &parts, settings);
            return Ok(response);
        }
        Answer::Response(response) | Answer::Rejected(response) => return Ok(response),
        Answer::Refused(status, message) => return Ok(problem(status, &message, false)),
        Answer::Failed(_) => return Ok(internal_error(false)),
        Answer::State { value, .. } => {
            action_state = Some(value);
            StatusCode::OK
        }
        Answer::Done | Answer::Intent => StatusCode::OK,
        Answer::Invalid(errors) => {
            submission.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
    };
    let page = state::after_action(
        submission,
        action_state,
        render(Request::from_parts(parts, Body::empty()), state),
    );
    Err(async move {
        let mut response = page.await;
        if response.status().is_success() {
            *response.status_mut() = status;
        }
        response
    })
}

/// The flash cookie of `redirect`, if it has a message: for the page it leads to, `Secure` when
/// the request came over https.
pub(crate) fn set_flash(
    response: &mut Response,
    redirect: &Redirect,
    parts: &Parts,
    settings: &OriginPolicy,
) {
    if let Some(message) = redirect.flash() {
        let https = guard::request_origin(&parts.uri, &parts.headers, settings)
            .is_ok_and(|own| own.scheme == guard::Scheme::Https);
        let from = flash::page_path(&parts.uri, &parts.extensions);
        flash::set(response, message, redirect.target(), from, https);
    }
}

fn json_response(status: StatusCode, body: Value) -> Response {
    // A `Value` always serialises (its keys are strings).
    let Ok(bytes) = serde_json::to_vec(&body) else { return (status, axum::Json(body)).into_response() };
    // `Content-Type`, `Vary` (a page URL answers HTML or JSON by `Accept`: caches must keep them
    // apart), and the page headers (`Cache-Control: no-store` among them, unless changed).
    crate::headers::secured_answer(status, bytes, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn who_asked() {
        assert!(wants_json(&accept("application/json")));
        assert!(wants_json(&accept("application/json, text/html;q=0.9")));
        assert!(!wants_json(&accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")));
        assert!(!wants_json(&accept("text/html, application/json;q=0.5")));
        assert!(!wants_json(&accept("*/*")));
        assert!(!wants_json(&HeaderMap::new()));
        let mut enhanced = HeaderMap::new();
        enhanced.insert(ENHANCED_HEADER, HeaderValue::from_static("1"));
        assert!(wants_json(&enhanced));
    }
}
