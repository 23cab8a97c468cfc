//! A form sent again: the store claimed before an action runs, the answer remembered after it,
//! and the answers to a form already sent (see `once`).

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::body::HttpBody as _;
use axum::response::Response;
use http::header::{CONTENT_TYPE, LOCATION, RETRY_AFTER, SET_COOKIE};
use http::request::Parts;
use http::{HeaderName, HeaderValue, StatusCode};
use http_body_util::BodyExt as _;

use crate::action::{ActionConfig, Answer, Outcome};
use crate::once::{self, Claim, DEFAULT_LIFETIME, OnceSettings, Remembered};
use crate::{FieldError, FormData, FormErrors, respond};

/// The header on an answer sent again from the store, as Stripe's API marks it.
pub(crate) const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// The header that carries a fresh token to the enhancement script, whose form stays on the page
/// after its token was used (a state, a conflict): it puts it in the form's `$once` input.
pub(crate) const FRESH_TOKEN: HeaderName = HeaderName::from_static("x-formaction-once");

/// The error code of a form sent again with other values.
pub(crate) const ALREADY_SENT: &str = "already_sent";

/// The largest body remembered: a larger page is not kept (sent again, the page is loaded anew).
const MAX_REMEMBERED_BODY: u64 = 256 * 1024;

/// How often a second submission looks whether the first has answered.
const POLL: Duration = Duration::from_millis(20);

/// What to do with a submission before its action runs.
#[allow(clippy::large_enum_variant, reason = "one per submission, matched at once where it is made")]
pub(crate) enum Before {
    /// Run it: no token (or `once = false`), nothing to claim.
    Run,
    /// Run it: the claim is this submission's, to complete or release afterwards.
    Claimed(Claimed),
    /// Send this; the action does not run.
    Answer(Response),
    /// Show the form again with this outcome, with 409; the action does not run.
    Resent(Outcome),
}

/// A claim held by the submission running its action.
pub(crate) struct Claimed {
    settings: OnceSettings,
    key: String,
    json: bool,
    /// By a `$once` token (not an `Idempotency-Key`): a form that stays on the page gets a fresh one.
    token: bool,
}

/// The English of `refusal-once-running` and `refusal-once-unavailable` (en.ftl says the same).
const RUNNING: &str = "This form is being sent already. Wait a moment, then reload the page.";
const UNAVAILABLE: &str = "The form could not be sent just now. Please try again.";

/// Claims the submission's token for the action `id`, waiting (bounded) while another request
/// with the same values runs it.
pub(crate) async fn before(
    id: &'static str,
    config: &ActionConfig,
    parts: &Parts,
    data: &FormData,
    json: bool,
) -> Before {
    if !config.once {
        return Before::Run;
    }
    let settings = parts.extensions.get::<OnceSettings>().unwrap_or_else(|| once::default_settings());
    let lifetime = config.max_age.unwrap_or(DEFAULT_LIFETIME);
    let ticket = match once::ticket(id, &parts.headers, data, lifetime, settings.lease) {
        Ok(Some(ticket)) => ticket,
        Ok(None) => return Before::Run,
        Err(bad) => {
            tracing::info!(action = id, reason = %bad, "submission refused");
            let message = respond::said(bad.id(), &[], || bad.to_string().into());
            return Before::Answer(respond::problem(StatusCode::BAD_REQUEST, &message, json));
        }
    };
    let started = Instant::now();
    loop {
        match settings.store.claim(&ticket).await {
            Ok(Claim::Fresh) => {
                let token = !parts.headers.contains_key(once::IDEMPOTENCY_KEY);
                return Before::Claimed(Claimed { settings: settings.clone(), key: ticket.key, json, token });
            }
            Ok(Claim::Done(answer)) => return Before::Answer(replay(answer, parts, json)),
            Ok(Claim::DifferentValues | Claim::Abandoned) => {
                let mut errors = FormErrors::new();
                errors.add_form_error(FieldError::new(ALREADY_SENT));
                return Before::Resent(Outcome::resent(id, config.form, errors));
            }
            Ok(Claim::Running) if started.elapsed() < settings.wait => tokio::time::sleep(POLL).await,
            Ok(Claim::Running) => {
                let message = respond::said("refusal-once-running", &[], || RUNNING.into());
                let mut response = respond::problem(StatusCode::CONFLICT, &message, json);
                response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("2"));
                return Before::Answer(response);
            }
            Err(error) => {
                tracing::error!(action = id, %error, "once-only store failed");
                let message = respond::said("refusal-once-unavailable", &[], || UNAVAILABLE.into());
                let mut response = respond::problem(StatusCode::SERVICE_UNAVAILABLE, &message, json);
                response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("1"));
                return Before::Answer(response);
            }
        }
    }
}

/// Whether `answer` is a success, whose answer is remembered (anything else releases the claim,
/// so the form can be sent again), and where it leads.
pub(crate) fn success(answer: &Answer) -> (bool, Option<String>) {
    match answer {
        Answer::Redirect(redirect) => (true, Some(redirect.target().to_owned())),
        Answer::State { .. } | Answer::Done => (true, None),
        Answer::Response(response) => {
            let ok = response.status().is_success() || response.status().is_redirection();
            let to = response.headers().get(LOCATION).and_then(|to| to.to_str().ok()).map(str::to_owned);
            (ok, to)
        }
        Answer::Invalid(_)
        | Answer::Failed(_)
        | Answer::Rejected(_)
        | Answer::Refused(..)
        | Answer::Intent => (false, None),
    }
}

/// A claim held while its action runs: released if the action panics (dropped while unwinding).
pub(crate) struct ReleaseOnPanic(Option<Claimed>);

impl ReleaseOnPanic {
    /// The claim back, the action having answered.
    pub(crate) fn defuse(mut self) -> Claimed {
        self.0.take().unwrap_or_else(|| unreachable!("a guard holds its claim until defused"))
    }
}

impl Drop for ReleaseOnPanic {
    fn drop(&mut self) {
        // Dropped with its claim: the action panicked (the task is not cancelled otherwise).
        if let Some(claimed) = self.0.take()
            && std::thread::panicking()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(claimed.release());
        }
    }
}

impl Claimed {
    /// Guards the claim while the action runs.
    pub(crate) fn release_on_panic(self) -> ReleaseOnPanic {
        ReleaseOnPanic(Some(self))
    }

    /// Remembers `response` (the answer to a success leading to `location`), or releases the
    /// claim; gives the response back, with a fresh token for a form that stays on the page.
    pub(crate) async fn finish(
        self,
        response: Response,
        success: bool,
        location: Option<String>,
    ) -> Response {
        if !success {
            self.release().await;
            return response;
        }
        let (mut parts, body) = response.into_parts();
        let len = body.size_hint().exact();
        let (body, kept) = if len == Some(0) {
            // A redirect: nothing to read.
            (body, Some(Vec::new()))
        } else if len.is_some_and(|len| len <= MAX_REMEMBERED_BODY) {
            match body.collect().await {
                Ok(collected) => {
                    let bytes = collected.to_bytes();
                    (Body::from(bytes.clone()), Some(bytes.to_vec()))
                }
                Err(error) => {
                    tracing::warn!(%error, "an action's answer could not be read to remember it");
                    (Body::empty(), None)
                }
            }
        } else {
            (body, None)
        };
        let text = |value: &HeaderValue| value.to_str().ok().map(str::to_owned);
        let remembered = Remembered {
            status: parts.status.as_u16(),
            json: self.json,
            location,
            cookies: parts.headers.get_all(SET_COOKIE).iter().filter_map(text).collect(),
            content_type: parts.headers.get(CONTENT_TYPE).and_then(text),
            body: kept.unwrap_or_default(),
        };
        let stays = remembered.location.is_none();
        if let Err(error) = self.settings.store.complete(&self.key, remembered).await {
            tracing::error!(%error, "once-only store failed to remember an answer");
        }
        if self.json && self.token && stays {
            fresh_token(&mut parts.headers);
        }
        Response::from_parts(parts, body)
    }

    /// Forgets the claim: an invalid submission, a refusal, an internal error (or a panic).
    pub(crate) async fn release(self) {
        if let Err(error) = self.settings.store.release(&self.key).await {
            tracing::error!(%error, "once-only store failed to release a claim");
        }
    }
}

/// The answer to a form sent again with other values: `response` (the form again, or JSON
/// errors) with 409, and for the enhancement script a fresh token.
pub(crate) fn resent(mut response: Response, json: bool) -> Response {
    if response.status() == StatusCode::UNPROCESSABLE_ENTITY || response.status().is_success() {
        *response.status_mut() = StatusCode::CONFLICT;
    }
    if json {
        fresh_token(response.headers_mut());
    }
    response
}

fn fresh_token(headers: &mut http::HeaderMap) {
    if let Some(token) = once::mint().and_then(|token| HeaderValue::from_str(&token).ok()) {
        headers.insert(FRESH_TOKEN, token);
    }
}

/// `answer` (sent again from the store) as htmx takes it: `redirect` turns its 303 into what
/// htmx follows, the mark that it is sent again kept.
pub(crate) fn for_htmx(answer: Response, redirect: impl FnOnce(Response) -> Response) -> Response {
    let replayed = answer.headers().get(REPLAYED).cloned();
    let mut answer = redirect(answer);
    if let Some(replayed) = replayed {
        answer.headers_mut().insert(REPLAYED, replayed);
    }
    answer
}

/// A remembered answer, sent again to a caller who asked as `json` says: a redirect to the same
/// place for either kind of caller; otherwise the same body to the same kind, and to the other
/// kind what is left to say (`{"ok":true}`, or the page loaded anew).
fn replay(answer: Remembered, parts: &Parts, json: bool) -> Response {
    let mut response = match (&answer.location, json) {
        (Some(to), false) => respond::see_other(to),
        (Some(to), true) => {
            let local = to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\");
            respond::redirect_json(to, !local)
        }
        (None, _) if answer.json == json && (!answer.body.is_empty() || answer.status == 204) => {
            let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
            let mut response = crate::headers::secured_answer(status, answer.body, json);
            if let Some(kind) =
                answer.content_type.as_deref().and_then(|kind| HeaderValue::from_str(kind).ok())
            {
                response.headers_mut().insert(CONTENT_TYPE, kind);
            }
            response
        }
        (None, true) => respond::success_json(None, None),
        (None, false) => respond::see_other(parts.uri.path()),
    };
    for cookie in answer.cookies.iter().filter_map(|cookie| HeaderValue::from_str(cookie).ok()) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response.headers_mut().insert(REPLAYED, HeaderValue::from_static("true"));
    if json && answer.location.is_none() && !parts.headers.contains_key(once::IDEMPOTENCY_KEY) {
        fresh_token(response.headers_mut());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English written here is the shipped English catalogue's, word for word (the
    /// shipped English is said without the catalogue).
    #[test]
    fn its_english_is_the_catalogues() {
        let en = include_str!("../locales/en.ftl");
        let pairs = [
            ("refusal-once-running", RUNNING.to_owned()),
            ("refusal-once-unavailable", UNAVAILABLE.to_owned()),
            (once::BadToken::Token.id(), once::BadToken::Token.to_string()),
            (once::BadToken::Key.id(), once::BadToken::Key.to_string()),
        ];
        for (id, english) in pairs {
            assert!(en.lines().any(|line| line == format!("{id} = {english}")), "{id}");
        }
    }
}
