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
//! [`plain`](super::FormView::plain)); the script leaves every other form alone.

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
        (
            [
                (CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
                (CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
            ],
            script(),
        )
            .into_response()
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
