//! How generated code checks a user's types: each check is reported once, at the user's token,
//! in our words, and nothing else in the expansion fails because of it. Not public API: reached
//! through `__private`, except [`ActionArgument`] and [`FormArgument`], public so that the
//! compiler's help names them by a path a user can look up.
//!
//! Two halves:
//!
//! - **Checks.** A trait per kind of argument ([`ActionArgument`], [`BindArgument`],
//!   [`FormArgument`], [`ActionFailure`], [`RuleResult`]) with `#[diagnostic::on_unimplemented]`,
//!   each implemented by one blanket impl marked `#[diagnostic::do_not_recommend]`, so that the
//!   compiler reports this trait's message instead of the inner bound that failed
//!   (`u64: FromRequestParts<_>` says nothing about `#[bind]`, nor `NotFound: std::error::Error`
//!   about `ActionError`). The expansion bounds on them with spans on the user's own type.
//! - **Probes.** The rest of the expansion must not need the same bounds again, or a missing
//!   `Serialize` is reported four times, twice at `#[action]` itself (as it was). So it reaches
//!   the runtime through [`Probe`], by autoref specialisation: `(&&Probe::<T>::new()).seal(..)`
//!   resolves to the impl on `&Probe<T>` when `T` has the bounds, and to the impl on `Probe<T>`
//!   when it does not. The second is chosen only when a check above has already failed to
//!   compile, so it never runs.

use std::future::Future;
use std::marker::PhantomData;
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::response::IntoResponse;
use http::request::Parts;
use serde::Serialize;
use serde::de::DeserializeOwned;
use validator::ValidationError;

use crate::action::{ActionError, ActionOutput, BoundAction, MaybeForm, Outcome};
use crate::seal::SealError;
use crate::{Form, FormData};

/// What an argument of an `#[action]` without `#[bind]` or `#[form]` is: an extractor from the
/// request's parts, a type implementing [`FromRequestParts`] for the router's state (`State<_>`,
/// headers, cookies, the application's own signed-in user). Every such type implements it; it
/// is public so that the compiler names it when an argument is none, and never implemented by
/// hand.
///
/// The expansion both bounds on it and extracts through it, so a missing extractor is one error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an extractor, so it cannot be an unmarked argument of an action",
    label = "an argument of this action is `{Self}`, which is not an extractor",
    note = "an action's argument is an extractor (a type implementing `axum::extract::FromRequestParts` for the router's state), a value the page binds (mark it `#[bind]`), or the submitted form (mark it `#[form]`)"
)]
pub trait ActionArgument<S>: Sized {
    /// The extractor's rejection.
    type Rejection: IntoResponse;

    /// Extracts the argument: [`FromRequestParts::from_request_parts`].
    fn extract(parts: &mut Parts, state: &S) -> impl Future<Output = Result<Self, Self::Rejection>> + Send;
}

#[diagnostic::do_not_recommend]
impl<S, T: FromRequestParts<S>> ActionArgument<S> for T {
    type Rejection = T::Rejection;

    fn extract(parts: &mut Parts, state: &S) -> impl Future<Output = Result<Self, Self::Rejection>> + Send {
        T::from_request_parts(parts, state)
    }
}

/// A `#[bind]` argument: sealed into the page with serde, and read back from the submission.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `#[bind]` argument: serde must write it into the page and read it back",
    label = "needs `serde::Serialize` and `serde::Deserialize`",
    note = "derive both on it: `#[derive(serde::Serialize, serde::Deserialize)]`"
)]
pub trait BindArgument {}

#[diagnostic::do_not_recommend]
impl<T: Serialize + DeserializeOwned> BindArgument for T {}

/// Checks one `#[bind]` argument's type.
pub const fn bind_argument<T: BindArgument>() {}

/// What the `#[form]` argument of an `#[action]` is: a [`Form`], a struct with `#[form]` on it.
/// Every form implements it; it is public so that the compiler names it when an argument is
/// none, and never implemented by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a form: put `#[form]` on `{Self}`",
    label = "not a form, so it cannot be the `#[form]` argument",
    note = "`#[form]` on a struct with named fields implements `formaction::Form`"
)]
pub trait FormArgument {
    /// Named by the expansion at the argument's type: the check is this trait's bound alone,
    /// with no function's bound pointing into the runtime.
    #[doc(hidden)]
    fn checked() {}
}

#[diagnostic::do_not_recommend]
impl<T: Form + 'static> FormArgument for T {}

/// The error type of an action's `Result`.
#[diagnostic::on_unimplemented(
    message = "an action cannot fail with `{Self}`: its error type must convert into `formaction::ActionError`",
    label = "the error type of this `Result`",
    note = "implement `std::error::Error` for it (an internal error: logged, never shown), or return `ActionError::field(..)` or `ActionError::form(..)` for errors the user may see"
)]
pub trait ActionFailure {}

#[diagnostic::do_not_recommend]
impl<E: Into<ActionError>> ActionFailure for E {}

/// Checks the result of an action where its return type is written: the success value must be
/// an [`ActionOutput`], the error convertible into [`ActionError`].
pub fn action_result<T: ActionOutput, E: ActionFailure>(result: Result<T, E>) -> Result<T, E> {
    result
}

/// What a `custom(function = ...)` or `schema(function = ...)` function returns.
#[diagnostic::on_unimplemented(
    message = "a validation function must return `Result<(), validator::ValidationError>`, not `{Self}`",
    label = "this function returns `{Self}`",
    note = "write it as `fn check(value: &T) -> Result<(), validator::ValidationError>`, `T` being the field's type (the form's, for `schema`)"
)]
pub trait RuleResult {
    /// The result as a rule takes it.
    fn into_rule_result(self) -> Result<(), ValidationError>;
}

impl RuleResult for Result<(), ValidationError> {
    fn into_rule_result(self) -> Result<(), ValidationError> {
        self
    }
}

/// The result of a validation function, checked where the function is named.
pub fn rule_result<R: RuleResult>(result: R) -> Result<(), ValidationError> {
    result.into_rule_result()
}

/// A type, for autoref specialisation: see the module's documentation.
pub struct Probe<T>(PhantomData<fn() -> T>);

impl<T> Probe<T> {
    /// The probe of `T`.
    #[allow(clippy::new_without_default, reason = "only ever built by generated code")]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }

    /// The probe of this form type (or [`NoForm`](crate::action::NoForm)) with an action's
    /// result.
    pub fn with_result<O, E>(&self, _: &Result<O, E>) -> Probe<(T, O, E)> {
        Probe(PhantomData)
    }
}

const NEVER: &str = "formaction: unreachable, a check of this type failed to compile";

/// Sealing and opening the bound arguments, a tuple `T` of their types.
pub trait Bound<T> {
    /// [`BoundAction::new`].
    fn seal(&self, id: &'static str, args: &T) -> BoundAction;
    /// [`open_bound`](crate::seal::open_bound).
    fn open(&self, data: &FormData, id: &'static str, max_age: Option<Duration>) -> Result<T, SealError>;
}

impl<T: Serialize + DeserializeOwned> Bound<T> for &Probe<T> {
    fn seal(&self, id: &'static str, args: &T) -> BoundAction {
        BoundAction::new(id, args)
    }

    fn open(&self, data: &FormData, id: &'static str, max_age: Option<Duration>) -> Result<T, SealError> {
        crate::seal::open_bound(data, id, max_age)
    }
}

/// [`Bound`] for types whose check failed.
pub trait BoundUnchecked<T> {
    /// Never runs.
    fn seal(&self, id: &'static str, args: &T) -> BoundAction;
    /// Never runs.
    fn open(&self, data: &FormData, id: &'static str, max_age: Option<Duration>) -> Result<T, SealError>;
}

impl<T> BoundUnchecked<T> for Probe<T> {
    fn seal(&self, _: &'static str, _: &T) -> BoundAction {
        unreachable!("{NEVER}")
    }

    fn open(&self, _: &FormData, _: &'static str, _: Option<Duration>) -> Result<T, SealError> {
        unreachable!("{NEVER}")
    }
}

/// Reading the `#[form]` argument `F`.
#[allow(clippy::result_large_err, reason = "one per submission, returned as the action's outcome at once")]
pub trait FormStep<F> {
    /// The outcome of a submission that asks for a list row more or less, if it is one.
    fn intent(&self, id: &'static str, data: &FormData) -> Option<Outcome>;
    /// The form, or the outcome of an invalid submission.
    fn parse(&self, id: &'static str, data: &FormData) -> Result<F, Outcome>;
    /// The form's type, erased.
    fn kind(&self) -> Option<crate::action::FormKind>;
}

impl<F: Form + 'static> FormStep<F> for &Probe<F> {
    fn kind(&self) -> Option<crate::action::FormKind> {
        Some(crate::action::FormKind::of::<F>())
    }

    fn intent(&self, id: &'static str, data: &FormData) -> Option<Outcome> {
        crate::action::intent(data).map(|intent| Outcome::intent::<F>(id, data, intent))
    }

    fn parse(&self, id: &'static str, data: &FormData) -> Result<F, Outcome> {
        F::parse(data).map_err(|errors| Outcome::new::<F>(id, data, crate::action::Answer::Invalid(errors)))
    }
}

/// [`FormStep`] for a type whose check failed.
#[allow(clippy::result_large_err, reason = "one per submission, returned as the action's outcome at once")]
pub trait FormStepUnchecked<F> {
    /// Never runs.
    fn intent(&self, id: &'static str, data: &FormData) -> Option<Outcome>;
    /// Never runs.
    fn parse(&self, id: &'static str, data: &FormData) -> Result<F, Outcome>;
    /// Never runs.
    fn kind(&self) -> Option<crate::action::FormKind>;
}

impl<F> FormStepUnchecked<F> for Probe<F> {
    fn kind(&self) -> Option<crate::action::FormKind> {
        unreachable!("{NEVER}")
    }

    fn intent(&self, _: &'static str, _: &FormData) -> Option<Outcome> {
        unreachable!("{NEVER}")
    }

    fn parse(&self, _: &'static str, _: &FormData) -> Result<F, Outcome> {
        unreachable!("{NEVER}")
    }
}

/// The outcome of an action's result, `Result<O, E>`, with the form type `F`.
pub trait Finish<F, O, E> {
    /// [`Outcome::from_result`].
    fn finish(&self, id: &'static str, data: &FormData, result: Result<O, E>) -> Outcome;
}

impl<F: MaybeForm, O: ActionOutput, E: Into<ActionError>> Finish<F, O, E> for &Probe<(F, O, E)> {
    fn finish(&self, id: &'static str, data: &FormData, result: Result<O, E>) -> Outcome {
        Outcome::from_result::<F, O, E>(id, data, result)
    }
}

/// [`Finish`] for types whose check failed.
pub trait FinishUnchecked<F, O, E> {
    /// Never runs.
    fn finish(&self, id: &'static str, data: &FormData, result: Result<O, E>) -> Outcome;
}

impl<F, O, E> FinishUnchecked<F, O, E> for Probe<(F, O, E)> {
    fn finish(&self, _: &'static str, _: &FormData, _: Result<O, E>) -> Outcome {
        unreachable!("{NEVER}")
    }
}
