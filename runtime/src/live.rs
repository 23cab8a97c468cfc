//! A request that asks about one field (`#[field(live)]`), SvelteKit's `validate()`: the
//! enhancement script posts the form to the action's own URL, as a submission, with the header
//! `X-Formaction-Live: <the field's name, URI-encoded>`. It passes every check a submission
//! passes (host, origin, method, media type, body limit, decoding), then the form is parsed and
//! checked by the action's own rules ([`Action::validate`](crate::Action::validate)), and nothing
//! else runs: no extractor, no bound argument, no action. The answer is the submission's JSON
//! answer for that field alone: `{"ok":false,"fieldErrors":{"name":[...]},...}` with 422, or
//! `{"ok":true}` when the field is valid (whatever the other fields hold).

use std::borrow::Cow;

use http::{HeaderMap, StatusCode};

use crate::FormErrors;
use crate::action::{Answer, NoForm, Outcome};
use crate::form_data::FormData;
use crate::problem::Problem;

/// The header that makes a submission a question about one field.
pub(crate) const LIVE_HEADER: &str = "x-formaction-live";

/// A question about a field that cannot be read (two headers, an empty or unreadable one): 400,
/// and the action does not run.
pub(crate) struct BadQuestion;

impl Problem for BadQuestion {
    fn status(&self) -> StatusCode {
        StatusCode::BAD_REQUEST
    }

    fn message(&self) -> Cow<'_, str> {
        "X-Formaction-Live must name one field, URI-encoded".into()
    }
}

/// The field a request asks about: the header's one value, URI-decoded; `Ok(None)` without the
/// header, [`BadQuestion`] when it is there but names no one field.
pub(crate) fn field(headers: &HeaderMap) -> Result<Option<String>, BadQuestion> {
    let mut values = headers.get_all(LIVE_HEADER).iter();
    let Some(value) = values.next() else { return Ok(None) };
    let value = value.to_str().map_err(|_| BadQuestion)?;
    if values.next().is_some() {
        return Err(BadQuestion);
    }
    // `+` is not a space here: encodeURIComponent writes a space as `%20`.
    let pair = format!("n={}", value.replace('+', "%2B"));
    match form_urlencoded::parse(pair.as_bytes()).next() {
        Some((_, name)) if !name.trim().is_empty() => Ok(Some(name.into_owned())),
        _ => Err(BadQuestion),
    }
}

/// The outcome of asking about `name`: its own errors from `checked` (an action's
/// [`validate`](crate::Action::validate)), or done when it has none.
pub(crate) fn outcome(
    action: &'static str,
    data: &FormData,
    checked: Result<(), Outcome>,
    name: &str,
) -> Outcome {
    let errors = match checked {
        Ok(()) => Vec::new(),
        Err(outcome) => match outcome.answer {
            Answer::Invalid(mut errors) => errors.take_field(name),
            _ => Vec::new(),
        },
    };
    if errors.is_empty() {
        return Outcome::new::<NoForm>(action, data, Answer::Done);
    }
    let mut only = FormErrors::new();
    for error in errors {
        only.add(name, error);
    }
    Outcome::new::<NoForm>(action, data, Answer::Invalid(only))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(LIVE_HEADER, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_field_is_the_one_header_uri_decoded() {
        let asked = |values: &[&str]| field(&headers(values)).map_err(|_| ());
        assert_eq!(asked(&["email"]), Ok(Some("email".to_owned())));
        assert_eq!(asked(&["items%5B0%5D.name"]), Ok(Some("items[0].name".to_owned())));
        assert_eq!(asked(&["a+b%20c"]), Ok(Some("a+b c".to_owned())));
        assert_eq!(asked(&["caf%C3%A9"]), Ok(Some("café".to_owned())));
        assert_eq!(asked(&[]), Ok(None), "a submission");
        assert_eq!(asked(&[""]), Err(()));
        assert_eq!(asked(&["%20"]), Err(()));
        assert_eq!(asked(&["a", "b"]), Err(()), "two fields asked about");
    }
}
