//! The enhancement script, served by the runtime: no build step for users.
//!
//! Add the route once, and the tag to every page whose forms should be enhanced:
//!
//! ```
//! use axum::Router;
//!
//! let app: Router = Router::new().route(formaction::render::SCRIPT_PATH, formaction::render::script_route());
//! assert_eq!(
//!     formaction::render::script_tag(),
//!     r#"<script src="/_formaction/enhance.js" defer></script>"#
//! );
//! ```
//!
//! Forms rendered by [`FormView`](super::FormView) carry `data-enhance` (unless made
//! [`plain`](super::FormView::plain)); the script leaves every other form alone. For those it:
//!
//! - submits with `fetch` (`Accept: application/json`, `X-Formaction: 1`), the pressed button
//!   included, so the button's own action runs;
//! - marks the form pending while in flight: `aria-busy="true"`, `data-pending` (to style), its
//!   buttons disabled; a second submission of a pending form is ignored;
//! - places errors without a reload, in the markup the server renders (the `.fa-summary` box with
//!   `role="alert"`, a `.fa-errors` list in each field, `aria-invalid`, `aria-describedby`), and
//!   moves focus to the first invalid field; a field's error goes away once the browser finds its
//!   value valid again;
//! - follows redirects; shows a state answer in the form's `[data-action-state="key"]` elements
//!   (the whole state for an empty key) and fires a `formaction:state` event with it;
//! - adds or removes list rows ("Add", "Remove") by fetching the page and swapping the form;
//! - on an answer that is not JSON (a page of the action's own), shows that page as a plain
//!   submission would, without sending the form a second time; on a refusal or failure answered in
//!   JSON, says so in the summary; on no answer at all (a network error), submits the form
//!   plainly.

use std::sync::OnceLock;

use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get};
use http::HeaderValue;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};

/// The script's source, as written (with its comments).
pub const SCRIPT_SOURCE: &str = include_str!("../../assets/enhance.js");

/// The path the script is served at by [`script_route`].
pub const SCRIPT_PATH: &str = "/_formaction/enhance.js";

/// The script as served: without comment lines and indentation (about 1.8 KB gzipped).
pub fn script() -> &'static str {
    static SERVED: OnceLock<String> = OnceLock::new();
    SERVED.get_or_init(|| {
        SCRIPT_SOURCE
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The `<script>` tag for pages: deferred, so it never blocks rendering.
pub fn script_tag() -> &'static str {
    r#"<script src="/_formaction/enhance.js" defer></script>"#
}

/// A route serving the script at [`SCRIPT_PATH`].
pub fn script_route<S: Clone + Send + Sync + 'static>() -> MethodRouter<S> {
    get(|| async {
        let mut response = (
            [
                (CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
                (CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
            ],
            script(),
        )
            .into_response();
        crate::headers::current().apply(response.headers_mut());
        response
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_script_keeps_every_statement() {
        let served = script();
        assert!(served.len() < SCRIPT_SOURCE.len());
        assert!(!served.lines().any(|line| line.starts_with("//")));
        assert!(served.contains(r#"d.addEventListener("submit""#));
    }
}
