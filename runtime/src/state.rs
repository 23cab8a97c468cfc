//! What a page's handler reads about the request it answers: the submission and the action's
//! state after an action ([`FormState`], [`ActionState`], [`ActionErrors`]), and the flash message
//! ([`Flash`]).
//!
//! After an action, the page's handler runs inside [`after_action`]: a task-local rather than the
//! request's extensions, since each value there costs a box and an insertion into a hash map, on
//! every submission the page answers. Nothing outside that handler's task sees it: a task it
//! spawns does not, and a plain `GET` never has one.

use std::any::{Any, TypeId};
use std::convert::Infallible;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use axum::extract::{FromRequestParts, OptionalFromRequestParts, Request};
use axum::response::Response;
use futures_util::future::BoxFuture;
use http::Method;
use http::request::Parts;

use crate::action::{ActionState, BoundAction, Submission};
use crate::{FormData, FormErrors, flash};

/// A page's handler, as a page runs it: the request and the router's state to its answer.
pub(crate) type Render<S> = dyn Fn(Request, S) -> BoxFuture<'static, Response> + Send + Sync;

/// `future` boxed: as it is when it is boxed already, as the futures of axum's handlers made of
/// functions and closures are, rather than boxed a second time.
pub(crate) fn boxed<F: Future<Output = Response> + Send + 'static>(
    future: F,
) -> BoxFuture<'static, Response> {
    let mut future = Some(future);
    let already =
        (&mut future as &mut dyn std::any::Any).downcast_mut::<Option<BoxFuture<'static, Response>>>();
    if let Some(boxed) = already.and_then(Option::take) {
        return boxed;
    }
    // Taken only when it was boxed already, and then returned above.
    Box::pin(future.unwrap_or_else(|| unreachable!("a future taken only when it was boxed already")))
}

/// What the page renders with after an action: the submission, and the action's state if it
/// answered with one. [`FormState`], [`ActionState`] and [`Flash`] read it while the page's
/// handler runs.
struct AfterAction {
    submission: Arc<Submission>,
    state: Option<Arc<dyn Any + Send + Sync>>,
}

tokio::task_local! {
    /// The action that just ran, while the page renders in answer (see [`after_action`]).
    static AFTER_ACTION: AfterAction;
}

/// `page`, the page's handler answering after an action, with `submission` and the action's
/// `state` (an [`ActionState`]) for its extractors.
pub(crate) fn after_action<F: Future>(
    submission: Submission,
    state: Option<Arc<dyn Any + Send + Sync>>,
    page: F,
) -> impl Future<Output = F::Output> {
    AFTER_ACTION.scope(AfterAction { submission: Arc::new(submission), state }, page)
}

impl<S: Send + Sync, T: Clone + Send + Sync + 'static> OptionalFromRequestParts<S> for ActionState<T> {
    type Rejection = Infallible;

    async fn from_request_parts(_: &mut Parts, _: &S) -> Result<Option<Self>, Self::Rejection> {
        Ok(AFTER_ACTION
            .try_with(|after| {
                after.state.as_ref().and_then(|state| state.downcast_ref::<ActionState<T>>()).cloned()
            })
            .ok()
            .flatten())
    }
}

/// The submission of form `F` when the page renders again after an action: its values (secrets
/// and files removed) and its errors. Empty on a plain `GET`, and for a page rendered after an
/// action on another form. An action without a form shows its errors through [`ActionErrors`].
pub struct FormState<F> {
    submission: Option<Arc<Submission>>,
    form: PhantomData<fn() -> F>,
}

static NO_ERRORS: FormErrors = FormErrors::new();

impl<F> FormState<F> {
    /// Whether the page renders after a submission of this form.
    pub fn is_submitted(&self) -> bool {
        self.submission.is_some()
    }

    /// The id of the action that ran, after a submission.
    pub fn action(&self) -> Option<&'static str> {
        self.submission.as_ref().map(|s| s.action)
    }

    /// The errors (empty on a plain `GET` and after a success).
    pub fn errors(&self) -> &FormErrors {
        self.submission.as_ref().map_or(&NO_ERRORS, |s| &s.errors)
    }

    /// The submitted values, without secrets and files.
    pub fn values(&self) -> Option<&FormData> {
        self.submission.as_ref().map(|s| &s.values)
    }

    /// The submitted text of the field named `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values().and_then(|values| values.text(name))
    }
}

impl<F> Clone for FormState<F> {
    fn clone(&self) -> Self {
        FormState { submission: self.submission.clone(), form: PhantomData }
    }
}

impl<F: 'static, S: Send + Sync> FromRequestParts<S> for FormState<F> {
    type Rejection = Infallible;

    async fn from_request_parts(_: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let submission = AFTER_ACTION
            .try_with(|after| {
                (after.submission.form == Some(TypeId::of::<F>())).then(|| after.submission.clone())
            })
            .ok()
            .flatten();
        Ok(FormState { submission, form: PhantomData })
    }
}

/// What the action that just ran answered, whatever its form (or none): its id and its errors,
/// read by a page rendered again after it (empty on a plain `GET`).
///
/// [`FormState`] shows a form's own errors beside its fields; an action without a form (a "Done"
/// or "Delete" button with a bound id) has no fields to show them beside. Its errors, with
/// JavaScript off, are on the page this reads them for: [`BoundAction::error_html`] puts them
/// beside the button that sent them, and [`BoundAction::form_button`] renders the whole button.
///
/// ```
/// use formaction::{ActionError, ActionErrors, Redirect, action};
///
/// #[action]
/// async fn delete(#[bind] id: u64) -> Result<Redirect, ActionError> {
///     Err(ActionError::form(format!("No such todo: {id}")))
/// }
///
/// async fn todos(errors: ActionErrors) -> axum::response::Html<String> {
///     // Each row's button, with its error beside it when it is the one that sent the submission.
///     let rows: String = [1, 2, 3].iter().map(|id| delete::bind(*id).form_button("Delete", &errors).to_string()).collect();
///     axum::response::Html(rows)
/// }
/// ```
///
/// [`BoundAction::error_html`]: crate::BoundAction::error_html
/// [`BoundAction::form_button`]: crate::BoundAction::form_button
#[derive(Clone, Default)]
pub struct ActionErrors {
    submission: Option<Arc<Submission>>,
}

impl ActionErrors {
    /// The id of the action that ran, after a submission.
    pub fn action(&self) -> Option<&'static str> {
        self.submission.as_ref().map(|s| s.action)
    }

    /// The errors of the action that ran, form-level and by field (empty on a plain `GET` and
    /// after a success).
    pub fn errors(&self) -> &FormErrors {
        self.submission.as_ref().map_or(&NO_ERRORS, |s| &s.errors)
    }

    /// Whether there is no error to show.
    pub fn is_empty(&self) -> bool {
        self.errors().is_empty()
    }

    /// The errors of `action` when it is the one that ran, with the same bound arguments (the
    /// button of a list that sent the submission); empty otherwise.
    pub fn errors_of(&self, action: &BoundAction) -> &FormErrors {
        match &self.submission {
            Some(submission) if action.sent(submission) => &submission.errors,
            _ => &NO_ERRORS,
        }
    }
}

impl fmt::Debug for ActionErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ActionErrors").field("action", &self.action()).field("errors", self.errors()).finish()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ActionErrors {
    type Rejection = Infallible;

    async fn from_request_parts(_: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let submission = AFTER_ACTION.try_with(|after| after.submission.clone()).ok();
        Ok(ActionErrors { submission })
    }
}

/// The one-shot message set by the previous action's [`Redirect::with_flash`](crate::Redirect::with_flash),
/// shown once by the page the redirect leads to.
///
/// What "once" means, without state on the server:
///
/// - The message travels in a sealed cookie with the path of the redirect's target and the time.
///   Only a `GET` of that path (whatever its query) shows it, and only within 5 minutes as the
///   server counts them: a cookie replayed later, or made for another page, shows nothing.
/// - The answer that shows it clears the cookie, so the browser does not send it again: a
///   reload, the back button or the next page shows nothing. Other pages neither show nor clear
///   it (an image, a prefetch of another page, a `HEAD` do not use it up).
/// - A copy of the cookie taken before it was cleared (or a second tab's request that left
///   before the clearing answer arrived) shows the message again on that page within the 5
///   minutes: telling a copy apart needs state on the server. It is `HttpOnly` and only ever sent
///   to the browser the action redirected.
/// - Who clears it: every page served by [`page()`](crate::page()) (with or without actions), and,
///   under the [`protect`](crate::protect) layer, any other handler that extracts `Flash` (the
///   layer clears what the handler read). A plain handler without the layer shows the message on
///   each visit of its page for the 5 minutes: serve it with `page(handler)` or add the layer.
/// - On https (the configured origin's scheme, or the trusted proxy's), the cookie is
///   `__Host-formaction_flash` with `Secure`, else `formaction_flash`; both are read. Among
///   several cookies of these names (a junk one placed first by a sibling subdomain), the first
///   one that opens, is fresh and is for this page is shown.
///
/// Read it with [`Flash::message`], or take it with [`Flash::into_message`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flash(Option<String>);

impl Flash {
    /// The message for this page, if there is one.
    pub fn message(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The message for this page, if there is one, owned.
    pub fn into_message(self) -> Option<String> {
        self.0
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Flash {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // After an action, the page shows no message: the flash is for the page a redirect leads to.
        if AFTER_ACTION.try_with(|_| ()).is_ok() || parts.method == Method::HEAD {
            return Ok(Flash(None));
        }
        // Pages served by `page(...)` have read it already, and clear it themselves.
        if let Some(flash) = parts.extensions.get::<Flash>() {
            return Ok(flash.clone());
        }
        let path = flash::page_path(&parts.uri, &parts.extensions);
        let Some((message, name)) = flash::read(&parts.headers, &parts.method, path) else {
            return Ok(Flash(None));
        };
        // Elsewhere, the `protect` layer clears it once the handler has answered.
        if let Some(seen) = parts.extensions.get::<flash::Seen>() {
            seen.mark(name);
        }
        Ok(Flash(Some(message)))
    }
}

/// The page's handler `render` answering `request`; with a flash message for this page, read for
/// it (as [`Flash`]) and then cleared.
pub(crate) fn render_with_flash<S>(
    render: &Render<S>,
    mut request: Request,
    state: S,
) -> BoxFuture<'static, Response> {
    if !flash::present(request.headers()) {
        // Without a cookie, [`Flash`] finds nothing to read either; leaving the extension out
        // spares a plain `GET` building the request's extension map.
        return render(request, state);
    }
    let path = flash::page_path(request.uri(), request.extensions());
    let Some((message, name)) = flash::read(request.headers(), request.method(), path) else {
        // A flash for another page, or none that opens: this page shows none (and [`Flash`] need
        // not look again).
        request.extensions_mut().insert(Flash(None));
        return render(request, state);
    };
    request.extensions_mut().insert(Flash(Some(message)));
    let page = render(request, state);
    Box::pin(async move {
        let mut response = page.await;
        flash::clear(&mut response, name);
        response
    })
}

#[cfg(test)]
mod tests {
    use axum::response::IntoResponse;
    use http::StatusCode;

    use super::*;

    #[tokio::test]
    async fn a_boxed_future_is_taken_as_it_is_and_any_other_is_boxed() {
        let inner: BoxFuture<'static, Response> = Box::pin(async { StatusCode::IM_A_TEAPOT.into_response() });
        let address = std::ptr::from_ref(&*inner).cast::<()>();
        let outer = boxed(inner);
        assert_eq!(std::ptr::from_ref(&*outer).cast::<()>(), address, "boxed a second time");
        assert_eq!(outer.await.status(), StatusCode::IM_A_TEAPOT);

        let plain = boxed(async { StatusCode::CREATED.into_response() });
        assert_eq!(plain.await.status(), StatusCode::CREATED);
    }
}
