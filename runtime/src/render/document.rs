//! Answering with a whole page rendered by an askama template.

use std::sync::atomic::{AtomicUsize, Ordering};

use askama::Template;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::StatusCode;

/// A page rendered by an askama template, as an answer: `200 OK` (or the status given with
/// [`HtmlPage::status`]), `text/html; charset=utf-8`.
///
/// The template renders into one buffer as long as its longest recent page, which becomes the
/// body without a copy (see [`render_bytes`]).
///
/// When the template fails (a value's `Display` returned an error, say), the answer is a
/// `500 Internal Server Error` with a plain page that shows nothing of the error; the error goes
/// to `tracing::error!`.
///
/// A template that borrows the handler's locals (a [`FormView`](super::FormView) over the
/// handler's [`FormState`](crate::FormState)) is turned into the response inside the handler,
/// which returns a [`Response`]: `HtmlPage::new(page).into_response()`.
///
/// ```
/// use askama::Template;
/// use axum::http::StatusCode;
/// use axum::response::IntoResponse;
/// use formaction::HtmlPage;
///
/// #[derive(Template)]
/// #[template(source = "<h1>Hello, {{ name }}</h1>", ext = "html")]
/// struct Hello<'a> {
///     name: &'a str,
/// }
///
/// // In a handler: `async fn hello() -> HtmlPage<Hello<'static>> { HtmlPage::new(Hello { .. }) }`.
/// let response = HtmlPage::new(Hello { name: "<Ada>" }).into_response();
/// assert_eq!(response.status(), StatusCode::OK);
/// assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
///
/// // Another status, kept only when the page renders (a failed one is a 500 all the same).
/// let missing = HtmlPage::new(Hello { name: "nobody" }).status(StatusCode::NOT_FOUND).into_response();
/// assert_eq!(missing.status(), StatusCode::NOT_FOUND);
///
/// // The same bytes as `render()`, without a response.
/// let bytes = formaction::render::render_bytes(&Hello { name: "<Ada>" }).unwrap();
/// assert_eq!(bytes, "<h1>Hello, &#60;Ada&#62;</h1>");
/// ```
#[derive(Clone, Debug)]
#[must_use = "a page does nothing until it is turned into a response"]
pub struct HtmlPage<T> {
    template: T,
    status: StatusCode,
}

impl<T: Template> HtmlPage<T> {
    /// The page `template` renders, answered with `200 OK`.
    pub fn new(template: T) -> Self {
        HtmlPage { template, status: StatusCode::OK }
    }

    /// Answers with `status` rather than `200 OK` when the page renders (a failed render is still
    /// a 500; a `(StatusCode, HtmlPage)` tuple would turn that 500 into `status`).
    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// The template.
    pub fn template(&self) -> &T {
        &self.template
    }
}

impl<T: Template> From<T> for HtmlPage<T> {
    fn from(template: T) -> Self {
        HtmlPage::new(template)
    }
}

impl<T: Template> IntoResponse for HtmlPage<T> {
    fn into_response(self) -> Response {
        match render_bytes(&self.template) {
            Ok(body) => crate::headers::answer(self.status, body, crate::headers::Kind::Html),
            Err(error) => {
                tracing::error!(%error, template = std::any::type_name::<T>(), "a page's template failed");
                // The same plain page as every other internal error.
                crate::respond::internal_error(false)
            }
        }
    }
}

/// Renders `template` into bytes: the same as [`Template::render`], into one buffer that becomes
/// the body as it is, without a copy. The buffer starts as long as the template's longest recent
/// page (or askama's guess, the first time), so a page that grows past what askama guesses from its fixed
/// text is not copied over and over while it renders.
///
/// # Errors
///
/// The template's error, when a value failed to render.
pub fn render_bytes<T: Template>(template: &T) -> askama::Result<Bytes> {
    let last = last_length::<T>();
    let guess = last.load(Ordering::Relaxed);
    let mut page = String::with_capacity(T::SIZE_HINT.max(guess));
    template.render_into(&mut page)?;
    // A longer page is the next guess; a shorter one only when it is much shorter, so that a page
    // whose length varies a little is not copied as it grows every other time.
    if (page.len() > guess || page.len() < guess / 2) && page.len() <= MAX_REMEMBERED {
        last.store(page.len(), Ordering::Relaxed);
    }
    Ok(Bytes::from(page))
}

/// The length of template `T`'s longest recent page: one of a few slots, picked by the address of
/// [`render_bytes`] for `T` (one function per template). Two templates that share a slot take
/// turns guessing each other's length, which costs a copy while the page grows, nothing more.
fn last_length<T: Template>() -> &'static AtomicUsize {
    static LAST: [AtomicUsize; 64] = [const { AtomicUsize::new(0) }; 64];
    let function = render_bytes::<T> as fn(&T) -> askama::Result<Bytes> as usize;
    // Functions are aligned to 16 bytes: the bits below say nothing.
    &LAST[(function >> 4) % LAST.len()]
}

/// The longest page whose length is remembered: a longer one is not a guess for the next.
const MAX_REMEMBERED: usize = 1024 * 1024;

#[cfg(test)]
mod tests {
    use askama::Template;

    /// A value whose `Display` fails.
    struct Failing;

    impl std::fmt::Display for Failing {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Err(std::fmt::Error)
        }
    }

    #[derive(Template)]
    #[template(source = "<p>{{ text }}</p>{% if fail %}{{ failing }}{% endif %}", ext = "html")]
    struct Small<'a> {
        text: &'a str,
        fail: bool,
        failing: Failing,
    }

    #[test]
    fn the_bytes_are_the_render_whatever_came_before() {
        // Longer and shorter than the page before (the buffer is sized by the longest recent
        // one), and after a failure.
        let long = "<&>".repeat(10_000);
        for text in ["", "plain", "<b> & 'q'", long.as_str(), "plain", ""] {
            let page = Small { text, fail: false, failing: Failing };
            let bytes = super::render_bytes(&page).expect("rendered");
            assert_eq!(bytes, page.render().expect("rendered").into_bytes());
            let failed = Small { text, fail: true, failing: Failing };
            assert!(super::render_bytes(&failed).is_err());
        }
    }

    #[test]
    fn a_page_inside_a_page_renders_into_its_own_buffer() {
        struct Inner;
        impl std::fmt::Display for Inner {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let bytes = super::render_bytes(&Small { text: "inner", fail: false, failing: Failing })
                    .map_err(|_| std::fmt::Error)?;
                f.write_str(std::str::from_utf8(&bytes).map_err(|_| std::fmt::Error)?)
            }
        }
        #[derive(Template)]
        #[template(source = "<main>{{ inner|safe }}</main>", ext = "html")]
        struct Outer {
            inner: Inner,
        }
        let bytes = super::render_bytes(&Outer { inner: Inner }).expect("rendered");
        assert_eq!(bytes, "<main><p>inner</p></main>");
    }
}
