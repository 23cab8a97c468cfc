//! A request stopped before its action ran: each stage's error says its own status, the message
//! the client is shown and any header that status asks for, as axum's rejections do, so the
//! answering layer turns any of them into the same small page or JSON without a table of its own.

use std::borrow::Cow;

use http::{HeaderName, HeaderValue, StatusCode};

/// An error that stops a request before its action runs.
pub(crate) trait Problem {
    /// The answer's status.
    fn status(&self) -> StatusCode;

    /// What the client is shown: safe to show, it names nothing of the server.
    fn message(&self) -> Cow<'_, str>;

    /// The message as the catalogues (`runtime/locales`) have it: its id (`refusal-*`) and its
    /// variables, for answering in the request's language; `None` keeps [`Problem::message`].
    fn localized(&self) -> Option<(&'static str, Vec<(&'static str, serde_json::Value)>)> {
        None
    }

    /// A header the status asks for (`Allow` with 405, `Retry-After` with 503...), if any.
    fn header(&self) -> Option<(HeaderName, HeaderValue)> {
        None
    }

    /// Logs the refusal of a submission to the action `action`.
    fn log(&self, action: &str) {
        tracing::info!(action, status = self.status().as_u16(), reason = &*self.message(), "action refused");
    }
}
