//! A page and its actions on one URL, as in SvelteKit and Next.js.
//!
//! `GET` renders the page. `POST` runs the action named by `?_action=<id>` (a form's `action`, or
//! a submit button's `formaction`, so one form can carry several actions); when the action does
//! not redirect, the page's own handler renders again, with the outcome available through
//! [`FormState`] and [`ActionState`]. The URL stays honest with JavaScript off.
//!
//! ```
//! use axum::{Router, response::Html};
//! use formaction::{action, form, page, ActionError, FormState, Redirect};
//!
//! #[form]
//! struct Subscribe {
//!     #[validate(email)]
//!     email: String,
//! }
//!
//! #[action]
//! async fn subscribe(#[form] input: Subscribe) -> Result<Redirect, ActionError> {
//!     Ok(Redirect::to("/thanks").with_flash(format!("Subscribed {}", input.email)))
//! }
//!
//! async fn show(form: FormState<Subscribe>) -> Html<String> {
//!     let error = form.errors().field("email").first().map(|e| e.message().into_owned());
//!     Html(format!("<form method=post action='{}'>...{}</form>", subscribe::bind().url(), error.unwrap_or_default()))
//! }
//!
//! let app: Router = Router::new().route("/subscribe", page(show).action::<subscribe>().into());
//! ```

use std::any::TypeId;
use std::convert::Infallible;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{FromRequestParts, OptionalFromRequestParts, Request, State};
use axum::handler::Handler;
use axum::response::Response;
use axum::routing::{MethodRouter, get, post};
use futures_util::future::Either;
use http::header::CONTENT_LENGTH;
use http::request::Parts;
use http::{HeaderValue, Method, StatusCode};

use crate::action::{Action, ActionConfig, ActionState, Answer, BoxFuture, Outcome, Submission};
use crate::guard::{self, Refusal, Settings};
use crate::headers::SecuredPage;
use crate::seal::{self, Keys};
use crate::{FormData, FormErrors, Redirect, decode, flash, respond};

type Render<S> = Arc<dyn Fn(Request, S) -> BoxFuture<'static, Response> + Send + Sync>;

/// An action with its type erased, so a page can hold several.
trait ErasedAction<S>: Send + Sync {
    fn id(&self) -> &'static str;
    fn config(&self) -> ActionConfig;
    fn run<'a>(&self, parts: &'a mut Parts, state: &'a S, data: &'a FormData) -> BoxFuture<'a, Outcome>;
}

struct Erased<A>(PhantomData<fn() -> A>);

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
}

/// A page: a `GET` handler and the actions its forms post to. Turn it into a route with `.into()`:
/// `Router::new().route("/invoices/new", page(new_invoice).action::<create_invoice>().into())`.
pub struct Page<S> {
    render: Render<S>,
    actions: Vec<Box<dyn ErasedAction<S>>>,
    /// Each action's id as its URL writes it (`?_action=<this>`), in the order of `actions`.
    encoded_ids: Vec<String>,
    settings: Arc<Settings>,
    keys: Option<Arc<Keys>>,
}

/// A page rendered by `handler` (any axum handler), to which actions are added with
/// [`Page::action`].
pub fn page<H, T, S>(handler: H) -> Page<S>
where
    H: Handler<T, S>,
    T: 'static,
    S: Clone + Send + Sync + 'static,
{
    let render: Render<S> = Arc::new(move |request, state| boxed(handler.clone().call(request, state)));
    Page {
        render,
        actions: Vec::new(),
        encoded_ids: Vec::new(),
        settings: Arc::new(Settings::from_env()),
        keys: None,
    }
}

/// `future` boxed: as it is when it is boxed already, as the futures of axum's handlers made of
/// functions and closures are, rather than boxed a second time.
fn boxed<F: Future<Output = Response> + Send + 'static>(future: F) -> BoxFuture<'static, Response> {
    let mut future = Some(future);
    let already =
        (&mut future as &mut dyn std::any::Any).downcast_mut::<Option<BoxFuture<'static, Response>>>();
    if let Some(boxed) = already.and_then(Option::take) {
        return boxed;
    }
    match future {
        Some(future) => Box::pin(future),
        // Taken only when it was boxed already, and then returned above.
        None => Box::pin(std::future::ready(respond::internal_error(false))),
    }
}

impl<S: Clone + Send + Sync + 'static> Page<S> {
    /// Adds an action that the page's forms can post to.
    ///
    /// # Panics
    ///
    /// When the page already has an action with the same id: a submission could not tell them
    /// apart.
    pub fn action<A: Action<S>>(mut self) -> Self {
        assert!(
            self.actions.iter().all(|a| a.id() != A::ID),
            "formaction: the action `{}` is added to this page twice",
            A::ID
        );
        self.actions.push(Box::new(Erased::<A>(PhantomData)));
        let mut encoded = String::new();
        crate::action::push_urlencoded_component(&mut encoded, A::ID);
        self.encoded_ids.push(encoded);
        self
    }

    /// Gives the page its own keys for sealing bound arguments and flash messages (by default the
    /// process's, see [`seal::keys`]). While the page renders or runs an action, `name::bind(...)`
    /// seals with them.
    pub fn keys(mut self, keys: Keys) -> Self {
        self.keys = Some(Arc::new(keys));
        self
    }

    /// Replaces the origin settings (by default from the environment, see [`Settings::from_env`]).
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = Arc::new(settings);
        self
    }
}

impl<S: Clone + Send + Sync + 'static> From<Page<S>> for MethodRouter<S> {
    fn from(page: Page<S>) -> Self {
        let page = Arc::new(page);
        get(ShowPage(page.clone())).post(Submit(page))
    }
}

/// The handlers below implement axum's [`Handler`] themselves rather than being closures: a
/// closure handler's future is axum's own boxed `async` block around the closure's future, which
/// holds the request a second time and copies the whole answer's future in whenever it starts.
/// Here the answer's future is built once, and boxed once.
enum PageHandler {}

/// A page's `GET`: its handler, with the flash message read.
#[derive(Clone)]
struct ShowPage<S>(Arc<Page<S>>);

impl<S: Clone + Send + Sync + 'static> Handler<PageHandler, S> for ShowPage<S> {
    type Future = SecuredPage;

    fn call(self, request: Request, state: S) -> Self::Future {
        let page = self.0;
        if let Err(refusal) = guard::request_origin(request.uri(), request.headers(), &page.settings) {
            let json = respond::wants_json(request.headers());
            return SecuredPage(Box::pin(std::future::ready(guard::refuse(
                &refusal,
                request.uri().path(),
                json,
            ))));
        }
        SecuredPage(match page.keys.clone() {
            // The usual page: its handler's own future, nothing around it.
            None => render_with_flash(&page.render, request, state),
            // The flash message is opened with the page's own keys: inside their scope.
            Some(keys) => Box::pin(seal::with_keys(keys, async move {
                render_with_flash(&page.render, request, state).await
            })),
        })
    }
}

/// A page's `POST`: the action the submission names, then the answer.
#[derive(Clone)]
struct Submit<S>(Arc<Page<S>>);

impl<S: Clone + Send + Sync + 'static> Handler<PageHandler, S> for Submit<S> {
    type Future = SecuredPage;

    fn call(self, request: Request, state: S) -> Self::Future {
        let page = self.0;
        let json = respond::wants_json(request.headers());
        // This app's host, and a post from its own origin, before anything else.
        if let Err(refusal) = guard::same_origin(request.uri(), request.headers(), &page.settings) {
            return SecuredPage(Box::pin(std::future::ready(guard::refuse(
                &refusal,
                request.uri().path(),
                json,
            ))));
        }
        let action = match chosen(&page, &request, json) {
            Ok(action) => action,
            Err(refused) => return SecuredPage(Box::pin(std::future::ready(refused))),
        };
        // The page moves into the answer, and the action is found in it there by its place: no
        // count of the page's or the action's owners goes up and down for every submission (the
        // threads answering requests at once would each write it).
        let keys = page.keys.clone();
        let answer = crate::action::reusing_opened(submit(page, action, request, state, json));
        SecuredPage(Box::pin(scoped(keys, answer)))
    }
}

/// A route that serves one action as a JSON endpoint for other clients: `POST` only, answers
/// always JSON.
pub fn endpoint<A: Action<S>, S: Clone + Send + Sync + 'static>() -> MethodRouter<S> {
    endpoint_with::<A, S>(Settings::from_env(), None)
}

/// [`endpoint`] with explicit origin settings, and keys of its own (by default the process's).
pub fn endpoint_with<A: Action<S>, S: Clone + Send + Sync + 'static>(
    settings: Settings,
    keys: Option<Keys>,
) -> MethodRouter<S> {
    let settings = Arc::new(settings);
    let keys = keys.map(Arc::new);
    post(move |State(state): State<S>, request: Request| {
        let settings = settings.clone();
        let keys = keys.clone();
        scoped(keys, async move {
            let mut response = match guard::same_origin(request.uri(), request.headers(), &settings) {
                Err(refusal) => guard::refuse(&refusal, request.uri().path(), true),
                Ok(()) => {
                    let (mut parts, body) = request.into_parts();
                    let action = Erased::<A>(PhantomData);
                    match run_action(&action, &mut parts, body, &state, true).await {
                        Ok(outcome) => answer_json(outcome, &parts, &settings),
                        Err(response) => response,
                    }
                }
            };
            crate::headers::secure_page(&mut response);
            response
        })
    })
}

/// `future` with the page's own keys in use when it has some. A plain function returning one of
/// two futures rather than an `async fn`, whose state would hold `future` once per branch.
fn scoped<F: std::future::Future>(
    keys: Option<Arc<Keys>>,
    future: F,
) -> impl std::future::Future<Output = F::Output> {
    match keys {
        Some(keys) => Either::Left(seal::with_keys(keys, future)),
        None => Either::Right(future),
    }
}

/// The page's handler answering `request`; with a flash message for this page, read for it and
/// then cleared.
fn render_with_flash<S>(render: &Render<S>, mut request: Request, state: S) -> BoxFuture<'static, Response> {
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

/// The place in `page.actions` of the action a submission to `page` names (or of its only one);
/// `Err` is the answer when there is none to run.
#[allow(clippy::result_large_err, reason = "the error is the answer, built only on a refusal")]
fn chosen<S>(page: &Page<S>, request: &Request, json: bool) -> Result<usize, Response> {
    let query = request.uri().query();
    // The action as its URL names it, the usual case: compared as written, nothing decoded.
    if let Some(at) = query
        .and_then(raw_chosen_action)
        .and_then(|raw| page.encoded_ids.iter().position(|encoded| encoded == raw))
    {
        return Ok(at);
    }
    match (query.and_then(chosen_action), page.actions.as_slice()) {
        (Some(id), actions) => match actions.iter().position(|a| a.id() == id.as_ref()) {
            Some(at) => Ok(at),
            None => {
                let message =
                    format!("this page has no action `{}`", id.chars().take(200).collect::<String>());
                Err(respond::problem(StatusCode::NOT_FOUND, &message, json))
            }
        },
        (None, [_]) => Ok(0),
        (None, []) => {
            // A 405 must say what is allowed (RFC 9110, 15.5.6): this URL serves only GET.
            let mut response =
                respond::problem(StatusCode::METHOD_NOT_ALLOWED, "this page has no actions", json);
            response.headers_mut().insert(http::header::ALLOW, HeaderValue::from_static("GET,HEAD"));
            Err(response)
        }
        (None, _) => {
            let message = "this page has several actions: name one with ?_action=<id>";
            Err(respond::problem(StatusCode::BAD_REQUEST, message, json))
        }
    }
}

/// Runs `action` for a submission to `page`, then answers: JSON, or the page again, or what the
/// action answered.
///
/// A function returning an `async` block rather than an `async fn`: an `async fn` keeps each
/// argument twice in its future (as given, and moved into its body), and the request's parts
/// are large; the block uses them where they lie.
fn submit<S: Clone + Send + Sync + 'static>(
    page: Arc<Page<S>>,
    action: usize,
    request: Request,
    state: S,
    json: bool,
) -> impl Future<Output = Response> {
    let (mut parts, body) = request.into_parts();
    async move {
        let action = &*page.actions[action];
        let outcome = match run_action(action, &mut parts, body, &state, json).await {
            Ok(outcome) => outcome,
            Err(response) => return response,
        };
        // An intent (a list row more or less) always renders the page: the enhancement script
        // swaps the form in place from it.
        if json && !matches!(outcome.answer, Answer::Intent) {
            return answer_json(outcome, &parts, &page.settings);
        }
        match answer_html(outcome, parts, &page.render, state, &page.settings) {
            Ok(answer) => answer,
            Err(page) => page.await,
        }
    }
}

/// The action named in the query, `?_action=<id>`: borrowed as it is when it needs no decoding
/// (ids are Rust paths), decoded otherwise.
fn chosen_action(query: &str) -> Option<std::borrow::Cow<'_, str>> {
    let value = raw_chosen_action(query)?;
    if value.contains(['%', '+']) {
        let pair = format!("_={value}");
        Some(std::borrow::Cow::Owned(
            form_urlencoded::parse(pair.as_bytes()).next().map_or_else(String::new, |(_, v)| v.into_owned()),
        ))
    } else {
        Some(std::borrow::Cow::Borrowed(value))
    }
}

/// The value of the first `_action` in the query, as written.
fn raw_chosen_action(query: &str) -> Option<&str> {
    // Byte by byte rather than `split('&')` and `split_once('=')`: the name is ASCII, and '&' and
    // '=' are single bytes, so every slice below starts and ends at a character boundary.
    let name = crate::action::ACTION_PARAM.as_bytes();
    let mut rest = query;
    loop {
        let end = memchr::memchr(b'&', rest.as_bytes()).unwrap_or(rest.len());
        let pair = &rest[..end];
        if let Some(after) = pair.as_bytes().strip_prefix(name) {
            match after.first() {
                None => return Some(""),
                Some(b'=') => return Some(&pair[name.len() + 1..]),
                Some(_) => {}
            }
        }
        if end == rest.len() {
            return None;
        }
        rest = &rest[end + 1..];
    }
}

/// Guards, reads, decodes and runs one action; `Err` is an answer already (a refusal).
async fn run_action<S>(
    action: &dyn ErasedAction<S>,
    parts: &mut Parts,
    body: Body,
    state: &S,
    json: bool,
) -> Result<Outcome, Response> {
    // The time it took is logged; with no log that takes it, the clock is not read.
    let started = tracing::enabled!(tracing::Level::INFO).then(Instant::now);
    let id = action.id();
    // The refusals are functions of their own, out of the way of the path every submission takes
    // (the origin was checked by the caller, before choosing the action).
    let content_type = guard::content_type(&parts.headers).map_err(|refusal| refused(id, &refusal, json))?;
    guard::content_encoding(&parts.headers).map_err(|refusal| refused(id, &refusal, json))?;
    let config = action.config();
    let declared =
        parts.headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > config.body_limit as u64) {
        return Err(too_large(id, config.body_limit, json));
    }
    // The body's bytes count against the process's budget until the action has run.
    let mut held = crate::budget::process().hold();
    let bytes = match read_body(body, config.body_limit, &mut held).await {
        Ok(bytes) => bytes,
        Err(error) => return Err(unreadable(id, &error, config.body_limit, json)),
    };
    let data = if bytes.is_empty() && content_type.is_none() {
        FormData::new()
    } else {
        let decoded = match decode::start_decoding(content_type, bytes, &config.limits) {
            decode::Decoding::Done(decoded) => decoded,
            decode::Decoding::Multipart(decoding) => decoding.await,
        };
        match decoded {
            Ok(data) => data,
            Err(error) => return Err(undecodable(id, &error, json)),
        }
    };
    let mut outcome = action.run(parts, state, &data).await;
    outcome.take_values(data);
    drop(held);
    log_outcome(id, started, &outcome.answer);
    Ok(outcome)
}

/// The answer refusing a submission for `refusal` (logged).
#[cold]
#[inline(never)]
fn refused(id: &str, refusal: &Refusal, json: bool) -> Response {
    let status = refusal.status();
    tracing::info!(action = id, status = status.as_u16(), reason = refusal.message(), "action refused");
    let mut response = respond::problem(status, refusal.message(), json);
    if let Refusal::UnsupportedEncoding(_) = refusal {
        // RFC 9110, 15.5.16: say which codings would have been accepted.
        response.headers_mut().insert(http::header::ACCEPT_ENCODING, HeaderValue::from_static("identity"));
    }
    response
}

/// The answer to a body over the action's limit (logged).
#[cold]
#[inline(never)]
fn too_large(id: &str, body_limit: usize, json: bool) -> Response {
    let message = format!("the body is larger than this action's limit of {body_limit} bytes");
    tracing::info!(action = id, status = 413, "action refused: body over the limit");
    respond::problem(StatusCode::PAYLOAD_TOO_LARGE, &message, json)
}

/// The answer to a body that could not be read: over the limit, over the process's body budget,
/// or cut off (logged).
#[cold]
#[inline(never)]
fn unreadable(id: &str, error: &axum::BoxError, body_limit: usize, json: bool) -> Response {
    if error.is::<http_body_util::LengthLimitError>() {
        return too_large(id, body_limit, json);
    }
    if let Some(exhausted) = error.downcast_ref::<crate::budget::Exhausted>() {
        return busy(id, exhausted, json);
    }
    tracing::info!(action = id, status = 400, %error, "action refused: body could not be read");
    respond::problem(StatusCode::BAD_REQUEST, "the body could not be read", json)
}

/// The answer to a body the process's body budget has no room for: 503, try again (logged).
#[cold]
#[inline(never)]
fn busy(id: &str, exhausted: &crate::budget::Exhausted, json: bool) -> Response {
    if exhausted.alone {
        tracing::warn!(
            action = id,
            status = 503,
            budget = exhausted.limit,
            "action refused: this body alone is larger than the body budget, which must be at least the largest body_limit"
        );
    } else {
        tracing::info!(
            action = id,
            status = 503,
            budget = exhausted.limit,
            "action refused: the body budget is in use"
        );
    }
    let message = "the server is receiving too many submissions at once: try again in a moment";
    let mut response = respond::problem(StatusCode::SERVICE_UNAVAILABLE, message, json);
    response.headers_mut().insert(http::header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

/// The answer to a body that could not be decoded (logged).
#[cold]
#[inline(never)]
fn undecodable(id: &str, error: &decode::DecodeError, json: bool) -> Response {
    let status = if error.is_limit() {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if error.is_unsupported_media_type() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    } else {
        StatusCode::BAD_REQUEST
    };
    tracing::info!(action = id, status = status.as_u16(), %error, "action refused: body not decoded");
    respond::problem(status, &error.to_string(), json)
}

/// The log line of an action that ran (a function of its own: `tracing`'s macros write much code,
/// which would otherwise sit amid the path every submission takes).
#[inline(never)]
fn log_outcome(id: &str, started: Option<Instant>, answer: &Answer) {
    let elapsed_us = started.map_or(0, |started| started.elapsed().as_micros() as u64);
    match answer {
        Answer::Failed(error) => tracing::error!(action = id, elapsed_us, error = %error, "action failed"),
        answer => tracing::info!(action = id, elapsed_us, outcome = answer_name(answer), "action"),
    }
}

/// The whole body, at most `limit` bytes (a longer one is a [`LengthLimitError`](http_body_util::LengthLimitError)),
/// each piece counted in `held` as it arrives (one the budget has no room for is
/// [`Exhausted`](crate::budget::Exhausted)). A body of one piece, what a form post usually is,
/// comes back as that piece: nothing is collected into a list of pieces first, nor copied.
/// Trailers are ignored.
async fn read_body(
    body: Body,
    limit: usize,
    held: &mut crate::budget::Held<'_>,
) -> Result<bytes::Bytes, axum::BoxError> {
    use http_body_util::BodyExt as _;
    let mut body = http_body_util::Limited::new(body, limit);
    let mut first = bytes::Bytes::new();
    let mut joined: Option<bytes::BytesMut> = None;
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame?.into_data() else { continue };
        if data.is_empty() {
            continue;
        }
        held.grow(data.len())?;
        match &mut joined {
            Some(joined) => joined.extend_from_slice(&data),
            None if first.is_empty() => first = data,
            None => {
                let mut both = bytes::BytesMut::with_capacity(first.len() + data.len());
                both.extend_from_slice(&first);
                both.extend_from_slice(&data);
                joined = Some(both);
            }
        }
    }
    Ok(joined.map_or(first, bytes::BytesMut::freeze))
}

fn answer_name(answer: &Answer) -> &'static str {
    match answer {
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

fn answer_json(outcome: Outcome, parts: &Parts, settings: &Settings) -> Response {
    match outcome.answer {
        Answer::Redirect(redirect) => {
            let mut response = respond::redirect_json(redirect.target(), redirect.leaves_site());
            set_flash(&mut response, &redirect, parts, settings);
            response
        }
        Answer::State { json, .. } => respond::success_json(None, Some(&json)),
        Answer::Done => respond::success_json(None, None),
        Answer::Response(response) | Answer::Rejected(response) => redirect_as_json(response),
        Answer::Refused(status, message) => respond::problem(status, &message, true),
        Answer::Invalid(errors) => respond::invalid_json(&errors),
        Answer::Failed(_) => respond::internal_error(true),
        Answer::Intent => respond::problem(
            StatusCode::BAD_REQUEST,
            "adding or removing list rows needs a page: post the form to its page",
            true,
        ),
    }
}

/// An answer of the action's own (or of an extractor's) for a JSON caller: as it is, unless it is
/// a redirect, which becomes `{"ok":true,"redirect":...}` with its cookies kept. `fetch` would
/// follow a redirect itself, and one to another site fails there as if no answer had come, after
/// which the enhancement script would send the form again.
fn redirect_as_json(response: Response) -> Response {
    if !response.status().is_redirection() {
        return response;
    }
    let Some(to) = response.headers().get(http::header::LOCATION).and_then(|to| to.to_str().ok()) else {
        return response;
    };
    let local = to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\");
    let mut json = respond::redirect_json(to, !local);
    for cookie in response.headers().get_all(http::header::SET_COOKIE) {
        json.headers_mut().append(http::header::SET_COOKIE, cookie.clone());
    }
    json
}

/// The answer to a browser with JavaScript off: `Ok` when it is ready (a redirect, the action's
/// own response, a refusal), `Err` the page rendered again with the outcome (see [`AfterAction`]).
#[allow(clippy::result_large_err, reason = "`Ok` is the answer itself, as `Err` is its future")]
fn answer_html<S>(
    outcome: Outcome,
    parts: Parts,
    render: &Render<S>,
    state: S,
    settings: &Settings,
) -> Result<Response, impl Future<Output = Response> + use<S>> {
    let Outcome { answer, mut submission, .. } = outcome;
    let mut action_state = None;
    let status = match answer {
        Answer::Redirect(redirect) => {
            let mut response = respond::see_other(redirect.target());
            set_flash(&mut response, &redirect, &parts, settings);
            return Ok(response);
        }
        Answer::Response(response) | Answer::Rejected(response) => return Ok(response),
        Answer::Refused(status, message) => return Ok(respond::problem(status, &message, false)),
        Answer::Failed(_) => return Ok(respond::internal_error(false)),
        Answer::State { value, .. } => {
            action_state = Some(value);
            StatusCode::OK
        }
        Answer::Done | Answer::Intent => StatusCode::OK,
        Answer::Invalid(errors) => {
            submission.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
    };
    let after = AfterAction { submission: Arc::new(submission), state: action_state };
    let page = AFTER_ACTION.scope(after, render(Request::from_parts(parts, Body::empty()), state));
    Err(async move {
        let mut response = page.await;
        if response.status().is_success() {
            *response.status_mut() = status;
        }
        response
    })
}

/// What the page renders with after an action: the submission, and the action's state if it
/// answered with one. [`FormState`], [`ActionState`] and [`Flash`] read it while the page's
/// handler runs.
///
/// It is task-local for the page's handler rather than in the request's extensions: each value
/// there costs a box and an insertion into a hash map, on every submission the page answers.
/// Nothing outside that handler's task sees it: a task it spawns does not, and a plain `GET`
/// never has one.
struct AfterAction {
    submission: Arc<Submission>,
    state: Option<Arc<dyn std::any::Any + Send + Sync>>,
}

tokio::task_local! {
    /// The action that just ran, while the page renders in answer (see [`AfterAction`]).
    static AFTER_ACTION: AfterAction;
}

/// The flash cookie of `redirect`, if it has a message: for the page it leads to, `Secure` when
/// the request came over https.
fn set_flash(response: &mut Response, redirect: &Redirect, parts: &Parts, settings: &Settings) {
    if let Some(message) = redirect.flash() {
        let https = guard::request_origin(&parts.uri, &parts.headers, settings)
            .is_ok_and(|own| own.scheme == guard::Scheme::Https);
        let from = flash::page_path(&parts.uri, &parts.extensions);
        flash::set(response, message, redirect.target(), from, https);
    }
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
/// action on another form.
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flash(pub Option<String>);

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

#[cfg(test)]
mod chosen_action_tests {
    use super::*;

    #[test]
    fn the_written_id_is_the_raw_value_and_decodes_to_the_id() {
        for id in ["a::b::sign_up", "plain", "x y+z%"] {
            let mut encoded = String::new();
            crate::action::push_urlencoded_component(&mut encoded, id);
            let query = format!(
                "x=1&{}={encoded}&{}=other",
                crate::action::ACTION_PARAM,
                crate::action::ACTION_PARAM
            );
            assert_eq!(raw_chosen_action(&query), Some(encoded.as_str()), "{id}");
            assert_eq!(chosen_action(&query).as_deref(), Some(id), "{id}");
        }
        assert_eq!(chosen_action("_action=a%3A%3Ab+c"), Some("a::b c".into()));
        assert_eq!(chosen_action("_action"), Some("".into()));
        assert_eq!(chosen_action("_actionx=1"), None);
    }

    #[test]
    fn the_raw_value_is_what_splitting_at_ampersands_and_the_first_equals_sign_finds() {
        let by_splitting = |query: &'static str| {
            query.split('&').find_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (key == crate::action::ACTION_PARAM).then_some(value)
            })
        };
        for query in [
            "",
            "&",
            "_action",
            "_action=",
            "&_action=&",
            "_action=a=b&_action=c",
            "x=_action=1",
            "_action_x=1&_action=y",
            "é=1&_action=ü",
            "_actio=1&_action",
            "a&&_action=z&",
            "_Action=1",
        ] {
            assert_eq!(raw_chosen_action(query), by_splitting(query), "{query}");
        }
    }
}

#[cfg(test)]
mod read_body_tests {
    use super::*;

    fn pieces(pieces: &[&'static str]) -> Body {
        let frames =
            pieces.iter().map(|piece| Ok::<_, Infallible>(bytes::Bytes::from_static(piece.as_bytes())));
        Body::from_stream(futures_util::stream::iter(frames.collect::<Vec<_>>()))
    }

    /// `body` read with a budget of its own, large enough.
    async fn read(body: Body, limit: usize) -> Result<bytes::Bytes, axum::BoxError> {
        let budget = crate::budget::Budget::new(1 << 20);
        read_body(body, limit, &mut budget.hold()).await
    }

    #[tokio::test]
    async fn pieces_are_joined_in_order_and_a_single_one_is_kept_whole() {
        let one = bytes::Bytes::from_static(b"name=Ada");
        let read_one = read(Body::from(one.clone()), 100).await.unwrap();
        assert_eq!(read_one, one);
        assert_eq!(read_one.as_ptr(), one.as_ptr(), "a body of one piece is not copied");
        assert_eq!(read(pieces(&["a=1", "", "&b=2", "&c=3"]), 100).await.unwrap(), "a=1&b=2&c=3");
        assert_eq!(read(pieces(&["", "x"]), 100).await.unwrap(), "x");
        assert_eq!(read(Body::empty(), 100).await.unwrap(), "");
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_a_length_limit_error_in_one_piece_or_several() {
        for body in [pieces(&["a=12345"]), pieces(&["a=1", "234", "5"])] {
            let error = read(body, 6).await.unwrap_err();
            assert!(error.is::<http_body_util::LengthLimitError>(), "{error}");
        }
        assert_eq!(read(pieces(&["a=1", "234"]), 6).await.unwrap(), "a=1234");
    }

    #[tokio::test]
    async fn each_piece_counts_against_the_budget_as_it_arrives() {
        let budget = crate::budget::Budget::new(10);
        let mut other = budget.hold();
        other.grow(4).unwrap();
        let mut held = budget.hold();
        assert_eq!(read_body(pieces(&["a=1", "234"]), 100, &mut held).await.unwrap(), "a=1234");
        // 4 + 6 bytes: the budget is full, so a further piece finds no room.
        let mut more = budget.hold();
        let error = read_body(pieces(&["b"]), 100, &mut more).await.unwrap_err();
        assert!(error.is::<crate::budget::Exhausted>(), "{error}");
        drop(held);
        assert_eq!(read_body(pieces(&["b=1", "23"]), 100, &mut more).await.unwrap(), "b=123");
    }
}

#[cfg(test)]
mod boxed_tests {
    use axum::response::IntoResponse;

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
