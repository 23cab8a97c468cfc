//! Typed `GET` forms: a search or a filter read from the query string ([`FormQuery`]).

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use http::request::Parts;

use crate::decode::{Limits, decode_query};
use crate::form::Form;
use crate::{FormData, FormErrors};

/// A `#[form]` read from the query string of a `GET` (a search, a filter): the typed value, or
/// the values as sent with their errors, for the page to show beside its fields. Never a
/// rejection: an invalid query is the page with its errors, never a 400 page, so an active search
/// (htmx's `hx-get`) and a plain `GET` with JavaScript off show the same thing. Reading it runs
/// no action.
///
/// A query with no value at all (the page's first visit) is not a submission: no value, no
/// errors ([`FormQuery::is_submitted`] is false).
///
/// ```
/// use axum::extract::FromRequestParts;
/// use formaction::{FormQuery, form};
///
/// #[form]
/// struct Filter {
///     #[validate(length(max = 60, message = "Search for at most 60 characters"))]
///     q: Option<String>,
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let read = |uri: &'static str| async move {
///     let (mut parts, ()) = http::Request::get(uri).body(()).unwrap().into_parts();
///     FormQuery::<Filter>::from_request_parts(&mut parts, &()).await.unwrap()
/// };
/// let found = read("/?q=milk").await;
/// assert_eq!(found.value().and_then(|f| f.q.as_deref()), Some("milk"));
///
/// let long = format!("/?q={}", "x".repeat(61)).leak();
/// let invalid = read(long).await;
/// assert!(invalid.value().is_none());
/// assert_eq!(invalid.errors().field("q")[0].message(), "Search for at most 60 characters");
/// assert_eq!(invalid.values().text("q").map(str::len), Some(61));
///
/// assert!(!read("/").await.is_submitted());
/// # });
/// ```
pub struct FormQuery<F> {
    values: FormData,
    errors: FormErrors,
    value: Option<F>,
}

impl<F> FormQuery<F> {
    /// The typed value, when the query was sent and is valid.
    pub fn value(&self) -> Option<&F> {
        self.value.as_ref()
    }

    /// [`FormQuery::value`], taken.
    pub fn into_value(self) -> Option<F> {
        self.value
    }

    /// The errors of the query, each under its field's name (none when it is valid or not sent).
    pub fn errors(&self) -> &FormErrors {
        &self.errors
    }

    /// The values as sent, to show again in the form.
    pub fn values(&self) -> &FormData {
        &self.values
    }

    /// Whether the query had any value at all.
    pub fn is_submitted(&self) -> bool {
        !self.values.is_empty()
    }
}

impl<F: Form, S: Sync> FromRequestParts<S> for FormQuery<F> {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        let values = match decode_query(query, &Limits::default()) {
            Ok(values) => values,
            Err(error) => {
                // A query no form sends (too many fields, a name too long): said with the form.
                let mut errors = FormErrors::new();
                errors.add_form_message(error.to_string());
                return Ok(FormQuery { values: FormData::new(), errors, value: None });
            }
        };
        if values.is_empty() {
            return Ok(FormQuery { values, errors: FormErrors::new(), value: None });
        }
        let (value, errors) = match F::parse(&values) {
            Ok(value) => (Some(value), FormErrors::new()),
            Err(errors) => (None, errors),
        };
        Ok(FormQuery { values, errors, value })
    }
}
