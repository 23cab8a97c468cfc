//! The enhancement script, served by the runtime: no build step for users.
//!
//! Add the route once, and the tag to every page whose forms should be enhanced:
//!
//! ```
//! use axum::Router;
//! use formaction::render::{script_path, script_route, script_tag};
//!
//! let app: Router = Router::new().route(script_path(), script_route());
//! assert_eq!(script_tag(), format!(r#"<script src="{}" defer></script>"#, script_path()));
//! assert!(script_path().starts_with("/_formaction/enhance.") && script_path().ends_with(".js"));
//! ```
//!
//! The script's URL carries a hash of its content (`/_formaction/enhance.<hash>.js`), so browsers
//! and proxies keep it for a year (`Cache-Control: public, max-age=31536000, immutable`) and a new
//! version is a new URL. Any other version's URL is not found (404). During a rolling restart, a
//! page rendered by an instance of another version asks for that version's URL; where it is not
//! found, that page's forms submit plainly until the page is loaded again.
//!
//! Forms rendered by [`FormView`](super::FormView) carry `data-enhance` (unless made
//! [`plain`](super::FormView::plain)); the script leaves every other form alone, and so it does
//! one that posts to another origin (its action, or its pressed button's `formaction`, resolved
//! against the page): the browser submits that one itself. For the others it:
//!
//! - sets `novalidate` on it (the browser's own checks stay where the script does not run) and
//!   checks each field when the user leaves it after changing it, and every field on submit,
//!   against what the form's data block says the server would answer (see
//!   [`FieldSchema::client_errors`](crate::schema::FieldSchema::client_errors): required, lengths,
//!   range, step, type, pattern, `must_match`, a box that must be ticked, a file's `accept` and
//!   `max_size`): the server's messages, in its markup (below), and nothing is sent while one
//!   shows; a button with `formnovalidate` (a list's "Add" and "Remove") skips the checks;
//! - asks the server about a `#[field(live)]` field once the user pauses typing in it (400 ms),
//!   through the action's own URL with `X-Formaction-Live` (its parse and rules, the action not
//!   run), and shows the answer beside the field;
//! - submits with `fetch` (`Accept: application/json`, `X-Formaction: 1`), the pressed button
//!   included, so the button's own action runs;
//! - marks the form pending while in flight: `aria-busy="true"` on it and on the button pressed
//!   (its label kept), `data-pending` (to style), its buttons disabled; a second submission of a
//!   pending form is ignored;
//! - places errors without a reload, in the markup the server renders (the `.fa-summary` box with
//!   `role="alert"`, a `.fa-errors` list in each field, `aria-invalid`, `aria-describedby`), and
//!   moves focus to the first invalid field; a field's error goes away once the browser finds its
//!   value valid again; a form without an `id` gets one made up for its summary; a form marked
//!   `data-action-errors` (a row's button, from
//!   [`BoundAction::form_button`](crate::BoundAction::form_button)) gets its messages beside the
//!   button pressed instead, as the server renders them, and focus moves there;
//! - follows a redirect only within the page's own origin (`http:` or `https:`), or to another
//!   site's `http:`/`https:` address when the answer says the action chose it
//!   (`"external":true`, from [`Redirect::to_external`](crate::Redirect::to_external) or an
//!   action's own redirect); any other (a `javascript:` URL, another site, something that is no
//!   URL) is shown as a form-level error, and the browser stays where it is;
//! - shows a state answer in the form's `[data-action-state="key"]` elements (the whole state for
//!   an empty key) and fires a `formaction:state` event with it;
//! - adds or removes list rows ("Add", "Remove") by fetching the page and swapping the form;
//! - never sends a form a second time once an answer arrived, since the action may have run: an
//!   answer that is not JSON (a page of the action's own) is shown as a plain submission would
//!   show it; a refusal or failure answered in JSON is said in the summary, and so is an answer
//!   that cannot be read (cut off on the way, not JSON after all), asking the user to check
//!   before sending again;
//! - only when no answer came at all (`fetch` itself failed: the server is unreachable, the
//!   connection dropped before an answer), submits the form plainly, as the browser would have.
//!
//! # Beside htmx
//!
//! Where htmx 2 is loaded too, the script leaves to htmx every form htmx drives (one with
//! `hx-post`, `hx-get`... on it or on the button pressed, or inside `hx-boost="true"`), with no
//! attribute to add. A second, smaller script of hooks, loaded beside htmx
//! ([`htmx_script_tag`], served by [`htmx_script_route`] at [`htmx_script_path`]), helps htmx
//! with formaction's answers (see the crate's htmx section):
//!
//! - an invalid submission answered 422 ([`Page::htmx_invalid_status`](crate::Page::htmx_invalid_status))
//!   is swapped as a 200 one is (htmx 2 swaps no 4xx by default);
//! - once the form sent again is swapped in, focus moves to its first error;
//! - a refusal or failure (400, 403, 404, 405, 413, 415, 500), which htmx does not swap, is said
//!   in the form that was sent: `<p class="fa-errors fa-htmx-error" role="alert">` with the
//!   server's message (read as text, never parsed as HTML), at the top of the form, focused.
//!
//! ```
//! use axum::Router;
//! use formaction::render::{htmx_script_path, htmx_script_route, htmx_script_tag};
//!
//! let app: Router = Router::new().route(htmx_script_path(), htmx_script_route());
//! assert!(htmx_script_path().starts_with("/_formaction/htmx-hooks.") && htmx_script_path().ends_with(".js"));
//! assert_eq!(htmx_script_tag(), format!(r#"<script src="{}" defer></script>"#, htmx_script_path()));
//! ```
//!
//! # Content-Security-Policy and Trusted Types
//!
//! The script and the markup the runtime renders work under a strict policy: `script-src 'self'`
//! (the script is a file of the site: no inline script, no `eval`, no inline handler) and no
//! inline style (`style-src 'self'`: the script sets attributes and classes, never a `style`).
//! Under `require-trusted-types-for 'script'`, the one HTML the script parses (the server's own
//! answer to a list-row button, or a page an action answers with, parsed with `DOMParser` as a
//! plain submission would show it) goes through a Trusted Types policy named `formaction`,
//! created only where the browser has `window.trustedTypes`. An app whose policy has a
//! `trusted-types` directive must allow that name (`trusted-types formaction ...`); otherwise the
//! browser refuses the policy, the script stops at start-up, and forms submit plainly.

use std::sync::OnceLock;

use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use http::HeaderValue;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use sha2::{Digest, Sha256};

/// The script's source, as written (with its comments).
pub const SCRIPT_SOURCE: &str = include_str!("../../assets/enhance.js");

/// The htmx hooks' source, as written (with its comments): loaded beside htmx with [`htmx_script_tag`].
pub const HTMX_SCRIPT_SOURCE: &str = include_str!("../../assets/htmx-hooks.js");

/// The path the script is served at by [`script_route`]: `/_formaction/enhance.<hash>.js`, the
/// hash a short one of the served text, so the path changes whenever the script does.
pub fn script_path() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| path_for("enhance", script()))
}

/// The path of a script `name` whose served text is `served`: the first 48 bits of its SHA-256,
/// in URL-safe base64 (8 characters).
fn path_for(name: &str, served: &str) -> String {
    let digest = Sha256::digest(served.as_bytes());
    format!("/_formaction/{name}.{}.js", URL_SAFE_NO_PAD.encode(&digest[..6]))
}

/// The script as served: its source minified by terser (`scripts/minify-assets.sh` writes
/// `assets/enhance.min.js`, and the test command checks it is up to date); at most 3,000 bytes
/// gzipped, a test checks.
pub fn script() -> &'static str {
    include_str!("../../assets/enhance.min.js").trim_end()
}

/// The htmx hooks as served (loaded with [`htmx_script_tag`]), minified as [`script`] is.
pub fn htmx_script() -> &'static str {
    include_str!("../../assets/htmx-hooks.min.js").trim_end()
}

/// The path the htmx hooks are served at by [`htmx_script_route`]:
/// `/_formaction/htmx-hooks.<hash>.js`.
pub fn htmx_script_path() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| path_for("htmx-hooks", htmx_script()))
}

/// The `<script>` tag of the htmx hooks, with [`htmx_script_path`], deferred: put it beside
/// htmx's own.
pub fn htmx_script_tag() -> &'static str {
    static TAG: OnceLock<String> = OnceLock::new();
    TAG.get_or_init(|| format!(r#"<script src="{}" defer></script>"#, htmx_script_path()))
}

/// A route serving the htmx hooks, to add at [`htmx_script_path`]; cached for a year, as
/// [`script_route`].
pub fn htmx_script_route<S: Clone + Send + Sync + 'static>() -> MethodRouter<S> {
    get(|| async { javascript(htmx_script()) })
}

/// A script's answer: JavaScript, cached for a year (its URL changes with its content), with the
/// security headers.
fn javascript(text: &'static str) -> axum::response::Response {
    let mut response = (
        [
            (CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
        ],
        text,
    )
        .into_response();
    crate::headers::current().apply(response.headers_mut());
    response
}

/// The `<script>` tag for pages, with [`script_path`]: deferred, so it never blocks rendering.
// Inlined: a page's handler calls it while it holds its form, which a call would make it copy.
#[inline]
pub fn script_tag() -> &'static str {
    static TAG: OnceLock<String> = OnceLock::new();
    TAG.get_or_init(tag)
}

#[cold]
fn tag() -> String {
    format!(r#"<script src="{}" defer></script>"#, script_path())
}

/// A route serving the script, to add at [`script_path`]; cached for a year, since its URL
/// changes with its content.
pub fn script_route<S: Clone + Send + Sync + 'static>() -> MethodRouter<S> {
    get(|| async { javascript(script()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_script_keeps_every_statement() {
        let served = script();
        if let Some(path) = std::env::var_os("FORMACTION_DUMP_SCRIPT") {
            // To check the served text with a JavaScript parser (`node --check`).
            std::fs::write(path, served).expect("the script written");
        }
        assert!(served.len() < SCRIPT_SOURCE.len());
        assert!(!served.lines().any(|line| line.starts_with("//")));
        assert!(served.contains(r#".addEventListener("submit""#));
        for text in ["There is a problem", "X-Formaction-Live", "data-fa-messages", "aria-busy", "$once"] {
            assert!(served.contains(text), "{text}");
        }
        let hooks = htmx_script();
        assert!(hooks.len() < HTMX_SCRIPT_SOURCE.len() && !hooks.lines().any(|line| line.starts_with("//")));
        for event in ["htmx:beforeSwap", "htmx:afterSettle", "htmx:responseError"] {
            assert!(hooks.contains(event) && !served.contains(event), "{event}: in the hooks alone");
        }
    }

    /// Nothing a strict Content-Security-Policy forbids: no eval of text, no inline style or
    /// handler, no HTML sink but DOMParser (which gets a TrustedHTML where Trusted Types exist).
    #[test]
    fn the_script_works_under_a_strict_policy() {
        let banned = [
            "eval(",
            "Function(",
            "setTimeout(",
            "setInterval(",
            ".style",
            "\"style\"",
            "cssText",
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "createContextualFragment",
            "srcdoc",
            "setAttribute(\"on",
            "javascript:",
        ];
        for banned in banned {
            assert!(!SCRIPT_SOURCE.contains(banned), "the script uses `{banned}`");
            assert!(!HTMX_SCRIPT_SOURCE.contains(banned), "the htmx hooks use `{banned}`");
        }
        assert_eq!(SCRIPT_SOURCE.matches("parseFromString(").count(), 1, "one DOMParser call");
        assert!(!HTMX_SCRIPT_SOURCE.contains("parseFromString("), "the hooks parse no HTML");
        assert!(SCRIPT_SOURCE.contains(r#"trustedTypes.createPolicy("formaction""#));
    }

    #[test]
    fn the_path_is_a_hash_of_the_served_text() {
        assert_eq!(script_path(), path_for("enhance", script()));
        assert_eq!(path_for("enhance", "a"), path_for("enhance", "a"), "the same text, the same path");
        assert_ne!(path_for("enhance", "a"), path_for("enhance", "b"), "another text, another path");
        assert_ne!(script_path(), path_for("enhance", &format!("{} ", script())), "one byte more changes it");
        let hash = script_path().trim_start_matches("/_formaction/enhance.").trim_end_matches(".js");
        assert_eq!(hash.len(), 8, "{}", script_path());
    }
}
