//! Actions: what `#[action]` implements, and what an action may answer with.
//!
//! An action returns `Result<T, E>`: `T` is a [`Redirect`], an [`ActionState`] (a value the page
//! shows, or a JSON caller receives), `()` (the page again), or any axum [`Response`]; `E` turns
//! into an [`ActionError`], which keeps apart what a user may see (field and form errors, shown
//! like validation errors) from what they may not (internal errors: logged, answered with a 500
//! that shows nothing inside).

use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{HeaderName, HeaderValue, StatusCode};
use serde::Serialize;
use serde_json::Value;

use crate::names::INTENT_FIELD;
use crate::problem::Problem;
use crate::redirect::Redirect;
use crate::seal::{self, SealError};
use crate::{Form, FormData, FormErrors, Limits};

/// A boxed future, as [`Action::run`] returns.
pub use futures_util::future::BoxFuture;

pub use crate::intent::intent;

/// The length of the hash in a default action id.
const ACTION_ID_HASH_LEN: usize = 12;

/// The default id of the action `name` defined at `path` (`module_path!()::name`), as
/// `#[action]` computes it at compile time: `name.` and 12 characters of a hash of `path` (FNV-1a,
/// 64 bits, its first 60 written in base 32 with the digits and lowercase letters but `i l o u`):
/// `create_invoice.c21kxtws9yrv` for `example_invoices::actions::create_invoice`. Short, the same
/// on every build and every instance (it depends on the path only), and unlike the path itself, it
/// names no module in the page's URLs. Two actions of the same name in different modules get
/// different ids.
///
/// Nothing secret: the hash hides the path from a glance, not from someone who guesses it.
///
/// # Panics
///
/// At compile time, when `N` is not the length of the id (`name.len() + 13`).
pub const fn action_id<const N: usize>(path: &str, name: &str) -> [u8; N] {
    const DIGITS: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    assert!(N == name.len() + 1 + ACTION_ID_HASH_LEN, "an action id is its name, `.` and 12 characters");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let path = path.as_bytes();
    let mut at = 0;
    while at < path.len() {
        hash ^= path[at] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        at += 1;
    }
    let mut id = [0u8; N];
    let name = name.as_bytes();
    let mut at = 0;
    while at < name.len() {
        id[at] = name[at];
        at += 1;
    }
    id[at] = b'.';
    let mut digit = 0;
    while digit < ACTION_ID_HASH_LEN {
        id[at + 1 + digit] = DIGITS[((hash >> (59 - 5 * digit)) & 31) as usize];
        digit += 1;
    }
    id
}

/// The text of an id [`action_id`] wrote (valid UTF-8: a Rust name, `.`, ASCII).
pub const fn action_id_text(id: &'static [u8]) -> &'static str {
    match std::str::from_utf8(id) {
        Ok(text) => text,
        Err(_) => panic!("an action id is UTF-8"),
    }
}

/// Limits of one action. Set with `#[action(body_limit = "5MB", max_fields = 200, ...)]`.
#[derive(Clone, Debug)]
pub struct ActionConfig {
    /// The largest body read, in bytes (1 MiB by default, like Next.js's `bodySizeLimit`). A larger
    /// one is answered with 413.
    pub body_limit: usize,
    /// Limits on fields and files while decoding.
    pub limits: Limits,
    /// How long a page's bound arguments stay valid (none by default); also how long the answer
    /// to a form sent once is remembered (24 hours when none).
    pub max_age: Option<Duration>,
    /// Whether the same rendered form sent again runs the action once only (`true` by default;
    /// `#[action(once = false)]` for an action that must run again, such as a search).
    pub once: bool,
    /// The action's form, so a page can show a submission again without running the action
    /// (set by `#[action]`).
    #[doc(hidden)]
    pub form: Option<FormKind>,
}

impl Default for ActionConfig {
    fn default() -> Self {
        ActionConfig {
            body_limit: 1024 * 1024,
            limits: Limits::default(),
            max_age: None,
            once: true,
            form: None,
        }
    }
}

/// A form type, erased: what a page needs to show its values again.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct FormKind {
    type_id: TypeId,
    redact: fn(&mut FormData),
}

impl FormKind {
    /// The form `F`.
    pub fn of<F: Form + 'static>() -> Self {
        FormKind { type_id: TypeId::of::<F>(), redact: F::redact }
    }
}

/// An action that a page can run: implemented by `#[action]` on an `async fn`.
///
/// `S` is the router's state type; the action's extractors must be extractable from it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an action for a router with state `{S}`",
    note = "put `#[action]` on an async fn; each of its extractors must implement `FromRequestParts<{S}>`"
)]
pub trait Action<S>: 'static {
    /// The action's id: stable across builds and machines, so several instances agree. By
    /// default the function's name and a hash of its module path and name (see [`action_id`]),
    /// or `#[action(id = "...")]`.
    const ID: &'static str;

    /// The action's limits.
    fn config() -> ActionConfig {
        ActionConfig::default()
    }

    /// Runs the action on a decoded submission: extractors, bound arguments, the form, then the
    /// function.
    fn run<'a>(parts: &'a mut Parts, state: &'a S, data: &'a FormData) -> BoxFuture<'a, Outcome>;

    /// Parses and checks the form of a decoded submission, as [`Action::run`] does, and runs
    /// nothing else: the answer to the enhancement script asking about a `#[field(live)]` field.
    /// `Err` is the outcome of an invalid form. An action without a form has nothing to check.
    #[allow(clippy::result_large_err, reason = "one per question, answered at once, as `FormStep::parse`")]
    fn validate(data: &FormData) -> Result<(), Outcome> {
        let _ = data;
        Ok(())
    }
}

/// A value an action answers with when the user stays on the page, like React's `useActionState`:
/// the page renders it (extract `Option<ActionState<T>>` in the page handler), a JSON caller gets
/// `{"ok": true, "state": ...}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionState<T>(pub T);

/// What went wrong in an action: either something the user may see and fix (field and form errors,
/// answered like validation errors, 422), or an internal error (logged with `tracing`, answered
/// with a 500 that shows nothing of it).
///
/// `?` on any error type turns it into an internal error; text (`Err("Email taken".into())`,
/// `.ok_or("No such todo")?`) is a form-level message the user sees, like [`ActionError::form`]:
///
/// ```
/// use formaction::ActionError;
///
/// fn load() -> Result<u32, ActionError> {
///     let n: u32 = "x".parse()?; // ParseIntError: internal, never shown
///     Ok(n)
/// }
/// assert!(!load().unwrap_err().is_invalid());
///
/// let taken = ActionError::field("number", "INV-0001 is already taken");
/// assert!(taken.is_invalid());
///
/// // Text is for the user: shown with the form, never a blank 500.
/// let text: ActionError = "Email taken".into();
/// assert_eq!(text.errors().unwrap().form_errors()[0].message(), "Email taken");
/// // Text meant for the log only says so.
/// assert!(!ActionError::internal("replica lagging").is_invalid());
/// ```
pub struct ActionError(ErrorRepr);

enum ErrorRepr {
    Invalid(FormErrors),
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl ActionError {
    /// Errors the user may see, placed by field like validation errors.
    pub fn invalid(errors: FormErrors) -> Self {
        ActionError(ErrorRepr::Invalid(errors))
    }

    /// One error on the field named `name` ("that number is taken"): a typed path,
    /// `SignUp::paths().email` (a misspelt field does not compile; see [`FieldPath`]), or the
    /// field's HTML name as text, for a name made at run time.
    ///
    /// [`FieldPath`]: crate::FieldPath
    pub fn field(name: impl AsRef<str> + Into<String>, message: impl Into<Cow<'static, str>>) -> Self {
        let mut errors = FormErrors::new();
        errors.add_message(name, message);
        ActionError::invalid(errors)
    }

    /// One error about the form as a whole.
    pub fn form(message: impl Into<Cow<'static, str>>) -> Self {
        let mut errors = FormErrors::new();
        errors.add_form_message(message);
        ActionError::invalid(errors)
    }

    /// An internal error: logged, never shown.
    pub fn internal(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        ActionError(ErrorRepr::Internal(error.into()))
    }

    /// Whether the user may see this error (field or form errors).
    pub fn is_invalid(&self) -> bool {
        matches!(self.0, ErrorRepr::Invalid(_))
    }

    /// The errors the user may see, if this is such an error.
    pub fn errors(&self) -> Option<&FormErrors> {
        match &self.0 {
            ErrorRepr::Invalid(errors) => Some(errors),
            ErrorRepr::Internal(_) => None,
        }
    }
}

impl fmt::Debug for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            ErrorRepr::Invalid(errors) => f.debug_tuple("Invalid").field(errors).finish(),
            ErrorRepr::Internal(error) => f.debug_tuple("Internal").field(error).finish(),
        }
    }
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            ErrorRepr::Invalid(errors) => write!(f, "invalid submission: {errors}"),
            ErrorRepr::Internal(error) => write!(f, "internal error: {error}"),
        }
    }
}

/// `?` and `.into()`: text (`&'static str`, `String`, `Cow<'static, str>`) is a message the user
/// sees, about the form as a whole, as [`ActionError::form`] makes it; any other error is
/// internal, as [`ActionError::internal`] makes it. Text borrowed for less than `'static` does not
/// convert: own it, or say which it is with `ActionError::form` or `ActionError::internal`.
///
/// Text cannot be told apart from other errors by a trait bound (the standard library boxes both
/// into `Box<dyn Error>`, and coherence forbids one impl for errors and another for text), so it is
/// told apart by its type here: `Err("Email taken".into())` was once a blank 500.
impl<E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static> From<E> for ActionError {
    fn from(error: E) -> Self {
        match text_of(error) {
            Ok(message) => ActionError::form(message),
            Err(error) => ActionError::internal(error),
        }
    }
}

/// `value` as a message when it is text, else `value` back.
fn text_of<E: 'static>(value: E) -> Result<Cow<'static, str>, E> {
    let mut slot = Some(value);
    let any = &mut slot as &mut dyn Any;
    let text = if let Some(text) = any.downcast_mut::<Option<&'static str>>() {
        text.take().map(Cow::Borrowed)
    } else if let Some(text) = any.downcast_mut::<Option<String>>() {
        text.take().map(Cow::Owned)
    } else if let Some(text) = any.downcast_mut::<Option<Cow<'static, str>>>() {
        text.take()
    } else {
        None
    };
    match text {
        Some(text) => Ok(text),
        // Taken only when it was text.
        None => Err(slot.unwrap_or_else(|| unreachable!("a value taken only when it was text"))),
    }
}

impl From<FormErrors> for ActionError {
    fn from(errors: FormErrors) -> Self {
        ActionError::invalid(errors)
    }
}

/// What an action's success value can be: [`Redirect`], [`ActionState`], `()`, or a [`Response`].
#[diagnostic::on_unimplemented(
    message = "an action cannot answer with `{Self}`",
    note = "return `Result<T, E>` where `T` is `formaction::Redirect`, `formaction::ActionState<_>`, `()` or an axum `Response`"
)]
pub trait ActionOutput {
    /// The outcome this value stands for.
    #[doc(hidden)]
    fn into_outcome(self) -> Answer;
}

impl ActionOutput for Redirect {
    fn into_outcome(self) -> Answer {
        // Checked here, where every action's result passes: a browser and a JSON caller get the
        // same answer, and no redirect off the site is ever written.
        match self.checked() {
            Ok(redirect) => Answer::Redirect(redirect),
            Err(refused) => Answer::Failed(Box::new(refused)),
        }
    }
}

impl ActionOutput for () {
    fn into_outcome(self) -> Answer {
        Answer::Done
    }
}

impl ActionOutput for Response {
    fn into_outcome(self) -> Answer {
        Answer::Response(self)
    }
}

impl<T: Serialize + Clone + Send + Sync + 'static> ActionOutput for ActionState<T> {
    fn into_outcome(self) -> Answer {
        let json = serde_json::to_value(&self.0);
        match json {
            Ok(json) => Answer::State { json, value: Arc::new(self) },
            Err(error) => {
                Answer::Failed(format!("the action's state could not be serialised: {error}").into())
            }
        }
    }
}

/// How an action ended, before it is answered (by who asked).
#[non_exhaustive]
pub enum Answer {
    /// Success: go elsewhere.
    Redirect(Redirect),
    /// Success: stay, with a state (kept both as JSON and as the typed value for the page).
    State {
        /// The state as JSON.
        json: Value,
        /// The state as its typed [`ActionState`], for the page's extractor.
        value: Arc<dyn Any + Send + Sync>,
    },
    /// Success: stay.
    Done,
    /// Success: answered by the action itself.
    Response(Response),
    /// The submission is invalid (parsing, rules, or business errors).
    Invalid(FormErrors),
    /// Something failed inside; the details are for the log only.
    Failed(Box<dyn std::error::Error + Send + Sync>),
    /// The request was refused before the action ran by an extractor, whose own answer this is.
    Rejected(Response),
    /// The request was refused before the action ran, with a status and a message for the client
    /// (bound arguments that did not open): answered like the guards' refusals, as JSON to a JSON
    /// caller and as a small page to a browser.
    Refused(StatusCode, String),
    /// A list row added or removed ("Add", "Remove" buttons): the page renders again with the
    /// changed values and no errors; the action does not run.
    Intent,
}

/// The form of a submission, kept for the page that renders again: which type, and the values to
/// put back (secrets and files removed).
#[derive(Clone, Debug)]
pub struct Submission {
    /// The id of the action that ran.
    pub action: &'static str,
    /// The form type, if the action took one.
    pub form: Option<TypeId>,
    /// The submitted values, without secrets and files (moved in by the page once the action
    /// is done with them: empty in the [`Outcome`] [`Action::run`] returns).
    pub values: FormData,
    /// The errors of an invalid submission, moved here from [`Answer::Invalid`] when the page
    /// renders again (empty in an [`Outcome`] until then, and after a success).
    pub errors: FormErrors,
    /// Which bound arguments the submission opened (a hash of them, kept in memory only), set
    /// when the page renders again: the button of a list that sent it is the one whose
    /// [`BoundAction`] has the same action and arguments.
    pub bound: Option<u64>,
}

/// The outcome of [`Action::run`]: how it ended, and the submission.
pub struct Outcome {
    /// How the action ended.
    pub answer: Answer,
    /// The submission, for a page rendered again.
    pub submission: Submission,
    /// When the page renders again with the values as submitted: how to redact them. The page
    /// that decoded the submission moves them in then (see [`Outcome::take_values`]), rather than
    /// the action copying them.
    redact: Option<fn(&mut FormData)>,
}

/// Marks "no form" for [`Outcome::new`], for actions that take none.
pub enum NoForm {}

impl Outcome {
    /// The outcome of an action with the form type `F` (or [`NoForm`]).
    ///
    /// The submitted values are not copied: when the page renders again, the page that decoded
    /// `data` moves them into [`Submission::values`] once the action is done with them.
    pub fn new<F: MaybeForm>(action: &'static str, _data: &FormData, answer: Answer) -> Self {
        // Only a page rendered again shows the values; a redirect or an answer of the action's
        // own never does, so it does not even move them.
        let renders =
            matches!(answer, Answer::Invalid(_) | Answer::State { .. } | Answer::Done | Answer::Intent);
        let redact = if renders { Some(F::redact as fn(&mut FormData)) } else { None };
        // The errors stay in the answer (a JSON caller gets them from there); a page rendered again
        // moves them here, rather than paying for a copy that only one of the two uses.
        let submission = Submission {
            action,
            form: F::type_id(),
            values: FormData::new(),
            errors: FormErrors::new(),
            bound: None,
        };
        Outcome { answer, submission, redact }
    }

    /// Moves the submitted values, `data` as the action received it, into
    /// [`Submission::values`] when the page renders them again (secrets and files removed).
    pub(crate) fn take_values(&mut self, data: FormData) {
        if let Some(redact) = self.redact.take() {
            let mut values = data;
            redact(&mut values);
            self.submission.values = values;
            self.submission.bound = seal::opened_args();
        }
    }

    /// The outcome of a finished action call.
    #[inline]
    pub fn from_result<F: MaybeForm, T: ActionOutput, E: Into<ActionError>>(
        action: &'static str,
        data: &FormData,
        result: Result<T, E>,
    ) -> Self {
        let answer = match result.map_err(Into::into) {
            Ok(output) => output.into_outcome(),
            Err(ActionError(ErrorRepr::Invalid(errors))) => Answer::Invalid(errors),
            Err(ActionError(ErrorRepr::Internal(error))) => Answer::Failed(error),
        };
        Outcome::new::<F>(action, data, answer)
    }

    /// The outcome of a submission that carries an intent (`$intent=add:items`,
    /// `$intent=remove:items[2]`) instead of asking for the action: the values with a list row
    /// more or less.
    pub fn intent<F: MaybeForm>(action: &'static str, data: &FormData, intent: &str) -> Self {
        let mut values = data.clone();
        crate::intent::apply(&mut values, intent);
        values.remove(INTENT_FIELD);
        F::redact(&mut values);
        let mut outcome = Outcome::new::<F>(action, data, Answer::Intent);
        // The values are the changed ones, not the submission's.
        outcome.redact = None;
        outcome.submission.values = values;
        outcome
    }

    /// The outcome of a form sent again with other values than the first time (see `once`): the
    /// page shows it again with `errors`, the action not run.
    pub(crate) fn resent(action: &'static str, form: Option<FormKind>, errors: FormErrors) -> Self {
        let mut outcome = Outcome::new::<NoForm>(action, &FormData::new(), Answer::Invalid(errors));
        if let Some(form) = form {
            outcome.submission.form = Some(form.type_id);
            outcome.redact = Some(form.redact);
        }
        outcome
    }

    /// The outcome of bound arguments that did not open: 400, the action not run.
    pub fn bad_bound(action: &'static str, error: SealError) -> Self {
        Outcome::new::<NoForm>(
            action,
            &FormData::new(),
            Answer::Refused(StatusCode::BAD_REQUEST, error.to_string()),
        )
    }

    /// The outcome of an extractor that refused the request: its own answer, the action not run.
    pub fn rejected(action: &'static str, rejection: impl IntoResponse) -> Self {
        Outcome::new::<NoForm>(action, &FormData::new(), Answer::Rejected(rejection.into_response()))
    }
}

/// An action with its type erased, so a page can hold several.
pub(crate) trait ErasedAction<S>: Send + Sync {
    /// [`Action::ID`].
    fn id(&self) -> &'static str;
    /// [`Action::config`].
    fn config(&self) -> ActionConfig;
    /// [`Action::run`].
    fn run<'a>(&self, parts: &'a mut Parts, state: &'a S, data: &'a FormData) -> BoxFuture<'a, Outcome>;
    /// [`Action::validate`].
    #[allow(clippy::result_large_err, reason = "one per question, answered at once")]
    fn validate(&self, data: &FormData) -> Result<(), Outcome>;
}

/// Action `A`, type erased.
pub(crate) struct Erased<A>(pub(crate) PhantomData<fn() -> A>);

impl<S, A: Action<S>> ErasedAction<S> for Erased<A> {
    fn id(&self) -> &'static str {
        A::ID
    }

    fn config(&self) -> ActionConfig {
        A::config()
    }

    fn run<'a>(&self, parts: &'a mut Parts, state: &'a S, data: &'a FormData) -> BoxFuture<'a, Outcome> {
        A::run(parts, state, data)
    }

    fn validate(&self, data: &FormData) -> Result<(), Outcome> {
        A::validate(data)
    }
}

impl Answer {
    /// What the log calls this answer.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Answer::Redirect(_) => "redirect",
            Answer::State { .. } => "state",
            Answer::Done => "done",
            Answer::Response(_) => "response",
            Answer::Invalid(_) => "invalid",
            Answer::Failed(_) => "failed",
            Answer::Rejected(_) => "rejected",
            Answer::Refused(..) => "refused",
            Answer::Intent => "intent",
        }
    }

    /// Logs that the action `id`, started at `started` (when the log takes its time), answered
    /// this: a function of its own, since `tracing`'s macros write much code, which would
    /// otherwise sit amid the path every submission takes.
    #[inline(never)]
    pub(crate) fn log(&self, id: &str, started: Option<Instant>) {
        let elapsed_us = started.map_or(0, |started| started.elapsed().as_micros() as u64);
        match self {
            Answer::Failed(error) => {
                tracing::error!(action = id, elapsed_us, error = %error, "action failed")
            }
            answer => tracing::info!(action = id, elapsed_us, outcome = answer.name(), "action"),
        }
    }
}

/// Why a submission names no action of its page.
#[derive(Debug)]
pub(crate) enum NoAction {
    /// `?_action=<id>` names none of its actions: 404.
    Unknown(String),
    /// The page has no actions: 405, only `GET` is allowed.
    NoneAtAll,
    /// The page has several and the query names none: 400.
    Unnamed,
}

impl Problem for NoAction {
    fn status(&self) -> StatusCode {
        match self {
            NoAction::Unknown(_) => StatusCode::NOT_FOUND,
            NoAction::NoneAtAll => StatusCode::METHOD_NOT_ALLOWED,
            NoAction::Unnamed => StatusCode::BAD_REQUEST,
        }
    }

    fn message(&self) -> std::borrow::Cow<'_, str> {
        match self {
            NoAction::Unknown(id) => {
                format!("this page has no action `{}`", id.chars().take(200).collect::<String>()).into()
            }
            NoAction::NoneAtAll => "this page has no actions".into(),
            NoAction::Unnamed => "this page has several actions: name one with ?_action=<id>".into(),
        }
    }

    fn localized(&self) -> Option<(&'static str, Vec<(&'static str, serde_json::Value)>)> {
        Some(match self {
            NoAction::Unknown(id) => {
                ("refusal-action-unknown", vec![("action", id.chars().take(200).collect::<String>().into())])
            }
            NoAction::NoneAtAll => ("refusal-no-actions", vec![]),
            NoAction::Unnamed => ("refusal-action-ambiguous", vec![]),
        })
    }

    fn header(&self) -> Option<(HeaderName, HeaderValue)> {
        // A 405 must say what is allowed (RFC 9110, 15.5.6): this URL serves only GET.
        matches!(self, NoAction::NoneAtAll)
            .then(|| (http::header::ALLOW, HeaderValue::from_static("GET,HEAD")))
    }
}

/// A form type, or [`NoForm`]: what [`Outcome`] needs to keep a submission for the page.
pub trait MaybeForm {
    /// The form's type id, `None` for [`NoForm`].
    fn type_id() -> Option<TypeId>;
    /// Removes what must not be echoed.
    fn redact(data: &mut FormData);
}

impl<F: Form + 'static> MaybeForm for F {
    fn type_id() -> Option<TypeId> {
        Some(TypeId::of::<F>())
    }

    fn redact(data: &mut FormData) {
        F::redact(data)
    }
}

impl MaybeForm for NoForm {
    fn type_id() -> Option<TypeId> {
        None
    }

    fn redact(data: &mut FormData) {
        data.retain(|_, _| false);
    }
}

/// An action with its bound arguments sealed, ready to put in a page: `create_invoice::bind(team)`
/// returns one, as JavaScript's `createInvoice.bind(null, team)` does.
///
/// A page gives one to a [`FormView`](crate::FormView) (`FormView::from_state(&state,
/// create_invoice::bind(team))`), or writes a small form of its own with it, one per row of a list
/// (see [Buttons on each row](crate#buttons-on-each-row)):
///
/// - [`url`](Self::url): the form's `action` (`?_action=<id>`, on the page's own URL);
/// - [`hidden_input`](Self::hidden_input): the `<input type="hidden">` with the sealed arguments,
///   inside that form;
/// - [`button_attributes`](Self::button_attributes): or, for a button inside another form, its
///   `formaction` and the sealed arguments as its own `name` and `value`.
///
/// The arguments are sealed (encrypted and authenticated with `FORMACTION_SECRET`), so a client
/// can neither read nor change them: a changed or missing value is refused with a 400 before the
/// action runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundAction {
    pub(crate) id: &'static str,
    pub(crate) sealed: Option<String>,
    /// The hash of the bound arguments (see [`Submission::bound`]), never written into a page.
    pub(crate) args: Option<u64>,
    /// The form's one-time token, sealed (see [`BoundAction::once`]).
    pub(crate) once: Option<String>,
}

impl BoundAction {
    /// Binds `args` (a tuple of the action's `#[bind]` arguments, in order) to the action `id`.
    ///
    /// While a page answers a submission that opened these very arguments for this action, the
    /// submitted sealed text is reused rather than sealed again: within that one request only,
    /// once, with the current key, and when the action has no `max_age` or the value was sealed
    /// this second (a reused text keeps its first time).
    pub fn new<T: Serialize + ?Sized>(id: &'static str, args: &T) -> Self {
        let (sealed, args) = seal::seal_bound(id, args);
        BoundAction { id, sealed, args, once: None }
    }

    /// The action without bound arguments.
    pub fn unbound(id: &'static str) -> Self {
        BoundAction { id, sealed: None, args: None, once: None }
    }

    /// With a fresh one-time token, written beside the bound arguments: the same rendered form
    /// sent again does not run the action again (see [once only](crate#once-only)). `name::bind(...)`
    /// adds one unless the action says `#[action(once = false)]`.
    #[must_use]
    pub fn once(mut self) -> Self {
        self.once = crate::once::mint();
        self
    }

    /// The sealed one-time token, if any.
    pub fn once_token(&self) -> Option<&str> {
        self.once.as_deref()
    }

    /// Whether `submission` is a submission of this very action with these very bound arguments:
    /// the button, among a list's, that sent it.
    pub(crate) fn sent(&self, submission: &Submission) -> bool {
        submission.action == self.id && submission.bound == self.args
    }

    /// The action's id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The sealed bound arguments, if any.
    pub fn sealed(&self) -> Option<&str> {
        self.sealed.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use super::*;
    use crate::names::{BOUND_FIELD, push_urlencoded_component};
    use crate::seal::{Keys, open_bound, reusing_opened};

    #[test]
    fn a_default_action_id_is_the_name_and_a_hash_of_the_path() {
        // Computed apart (FNV-1a 64, its first 60 bits in base 32) by a Python one-liner.
        const CREATE: [u8; 27] = action_id("example_invoices::actions::create_invoice", "create_invoice");
        assert_eq!(action_id_text(&CREATE), "create_invoice.c21kxtws9yrv");
        assert_eq!(&action_id::<14>("a::b", "b"), b"b.342sz0pwzby7");
        const CREER: [u8; 19] = action_id("x::créer", "créer");
        assert_eq!(action_id_text(&CREER), "créer.r4x6kh79xw44");
        // Another module, another id; the empty path is FNV-1a's offset basis.
        assert_ne!(action_id::<14>("a::c::b", "b"), action_id::<14>("a::b", "b"));
        assert_eq!(&action_id::<13>("", ""), b".sfs9ss4448hj");
        let mut url = String::new();
        push_urlencoded_component(&mut url, action_id_text(&CREATE));
        assert_eq!(url, "create_invoice.c21kxtws9yrv", "no escaping needed");
    }

    #[test]
    #[should_panic(expected = "an action id is its name")]
    fn a_wrong_length_is_refused() {
        let _ = action_id::<10>("a::b", "b");
    }

    /// Paths on this site: what `Redirect::to` takes.
    #[test]
    fn a_refused_redirect_is_an_internal_error_that_names_the_target() {
        let answer = Redirect::to("/\t/evil.example").with_flash("Saved").into_outcome();
        let Answer::Failed(error) = answer else { panic!("not a failure: {}", answer_kind(&answer)) };
        assert_eq!(
            error.to_string(),
            "redirect refused: Redirect::to(\"/\\t/evil.example\"): it contains a control character \
             (browsers drop tabs and line breaks); use Redirect::to_external for another site"
        );
        let answer = Redirect::to_external("https://a@evil.example").into_outcome();
        let Answer::Failed(error) = answer else { panic!("not a failure: {}", answer_kind(&answer)) };
        assert!(
            error
                .to_string()
                .starts_with("redirect refused: Redirect::to_external(\"https://a@evil.example\")")
        );
        let answer = Redirect::to("/invoices/7").with_flash("Saved").into_outcome();
        let Answer::Redirect(redirect) = answer else { panic!("not a redirect: {}", answer_kind(&answer)) };
        assert_eq!((redirect.target(), redirect.flash()), ("/invoices/7", Some("Saved")));
    }

    /// An error that converts into a boxed one without being a `std::error::Error` itself, as
    /// `anyhow::Error` does.
    struct Opaque;

    impl From<Opaque> for Box<dyn std::error::Error + Send + Sync> {
        fn from(_: Opaque) -> Self {
            Box::new(std::io::Error::other("opaque"))
        }
    }

    #[test]
    fn text_is_for_the_user_and_every_error_type_for_the_log() {
        let shown =
            |error: ActionError| error.errors().map(|errors| errors.form_errors()[0].message().into_owned());
        assert_eq!(shown("Email taken".into()), Some("Email taken".to_owned()));
        assert_eq!(shown(String::from("Email taken").into()), Some("Email taken".to_owned()));
        assert_eq!(shown(Cow::Borrowed("Email taken").into()), Some("Email taken".to_owned()));
        // `?` on errors: internal, whatever their type, boxed or not.
        fn internal(run: impl FnOnce() -> Result<(), ActionError>) -> bool {
            run().is_err_and(|error| !error.is_invalid())
        }
        assert!(internal(|| Err(std::io::Error::other("disk"))?));
        assert!(internal(|| Ok("x".parse::<u32>().map(drop)?)));
        assert!(internal(|| Err(Box::<dyn std::error::Error + Send + Sync>::from("boxed text"))?));
        assert!(internal(|| Err(Opaque)?));
        assert!(!ActionError::internal("replica lagging").is_invalid());
    }

    fn answer_kind(answer: &Answer) -> &'static str {
        match answer {
            Answer::Redirect(_) => "redirect",
            Answer::Failed(_) => "failed",
            _ => "another answer",
        }
    }

    const ID: &str = "tests::rename";

    fn keys() -> Arc<Keys> {
        Arc::new(Keys::new([6; 32]))
    }

    /// `["team-42"]` sealed for [`ID`] as if `secs_ago` seconds ago.
    fn sealed_ago(keys: &Keys, secs_ago: u64) -> String {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        let mut plaintext = (now - secs_ago).to_be_bytes().to_vec();
        plaintext.extend_from_slice(br#"["team-42"]"#);
        keys.seal(format!("formaction:bound:{ID}").as_bytes(), &plaintext).unwrap()
    }

    /// Opens `sealed` as a page's `POST` does, then binds each of `teams` as the page rendered
    /// again would: their sealed texts.
    async fn rebind(
        keys: &Arc<Keys>,
        sealed: &str,
        max_age: Option<Duration>,
        teams: &[&str],
    ) -> Vec<String> {
        let data = FormData::from_pairs([(BOUND_FIELD, sealed)]);
        let answer = async {
            let (team,): (String,) = open_bound(&data, ID, max_age).unwrap();
            assert_eq!(team, "team-42");
            teams.iter().map(|team| BoundAction::new(ID, &(team,)).sealed().unwrap().to_owned()).collect()
        };
        seal::with_keys(keys.clone(), reusing_opened(answer)).await
    }

    #[tokio::test]
    async fn the_submitted_value_is_reused_once_for_the_same_arguments() {
        let keys = keys();
        let sealed = sealed_ago(&keys, 0);
        let again = rebind(&keys, &sealed, None, &["team-42", "team-42"]).await;
        assert_eq!(again[0], sealed, "the same team for the same action: the same text");
        assert_ne!(again[1], sealed, "only once: a second form gets its own");
        let other = rebind(&keys, &sealed, None, &["team-43"]).await;
        assert_ne!(other[0], sealed, "another team");
        // Without a maximum age, the time of the first seal does not matter.
        let old = sealed_ago(&keys, 3600);
        assert_eq!(rebind(&keys, &old, None, &["team-42"]).await, [old]);
    }

    #[tokio::test]
    async fn with_a_maximum_age_an_older_value_is_sealed_again() {
        let keys = keys();
        let old = sealed_ago(&keys, 10);
        let again = rebind(&keys, &old, Some(Duration::from_secs(3600)), &["team-42"]).await;
        assert_ne!(again[0], old);
        // Sealed now: the page gets the whole maximum age again.
        let purpose = format!("formaction:bound:{ID}");
        let (team,): (String,) =
            keys.open_value(purpose.as_bytes(), &again[0], Some(Duration::from_secs(5))).unwrap();
        assert_eq!(team, "team-42");
        assert!(
            keys.open_value::<(String,)>(purpose.as_bytes(), &old, Some(Duration::from_secs(5))).is_err()
        );
    }

    #[tokio::test]
    async fn arguments_too_large_to_open_are_not_sealed() {
        let keys = keys();
        let (fits, over) = seal::with_keys(keys, async {
            let fits = BoundAction::new(ID, &("x".repeat(6_000),));
            let over = BoundAction::new(ID, &("x".repeat(seal::MAX_PLAINTEXT_LEN),));
            (fits, over)
        })
        .await;
        assert!(fits.sealed().is_some_and(|sealed| sealed.len() <= seal::MAX_SEALED_LEN));
        // Refused (and logged) rather than put into a page that no instance would open.
        assert_eq!(over.sealed(), None);
        assert_eq!(over.hidden_input(), "");
    }

    #[tokio::test]
    async fn nothing_is_reused_outside_a_page_answering_its_submission() {
        let keys = keys();
        let sealed = sealed_ago(&keys, 0);
        let data = FormData::from_pairs([(BOUND_FIELD, sealed.as_str())]);
        let again = seal::with_keys(keys.clone(), async {
            let _: (String,) = open_bound(&data, ID, None).unwrap();
            BoundAction::new(ID, &("team-42",)).sealed().unwrap().to_owned()
        })
        .await;
        assert_ne!(again, sealed);
    }
}
