//! A page and its actions on one URL, as in SvelteKit and Next.js.
//!
//! `GET` renders the page. `POST` runs the action named by `?_action=<id>` (a form's `action`, or
//! a submit button's `formaction`, so one form can carry several actions); when the action does
//! not redirect, the page's own handler renders again, with the outcome available through
//! [`FormState`](crate::FormState) and [`ActionState`](crate::ActionState). The URL stays honest with JavaScript off.
//!
//! The [crate's example](crate#the-whole-flow) serves a page with an action.

use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::response::Response;
use axum::routing::{MethodRouter, get, post};
use http::request::Parts;

use tracing::Instrument as _;

use crate::action::{Action, ActionConfig, Answer, Erased, ErasedAction, NoAction, Outcome};
use crate::decode::{self, Decoding};
use crate::guard::{self, OriginPolicy};
use crate::headers::SecuredPage;
use crate::locale;
use crate::names::{chosen_action, push_urlencoded_component, raw_chosen_action};
use crate::problem::Problem;
use crate::resend::{self, Before};
use crate::seal::{self, Keys};
use crate::state::{Render, boxed, render_with_flash};
use crate::{FormData, budget, htmx, respond};

/// A page: a `GET` handler and the actions its forms post to, served by [`RouterExt::page`]:
/// `Router::new().page("/invoices/new", page(new_invoice).action::<create_invoice>())`.
pub struct Page<S> {
    render: Arc<Render<S>>,
    actions: Vec<Box<dyn ErasedAction<S>>>,
    /// Each action's id as its URL writes it (`?_action=<this>`), in the order of `actions`.
    encoded_ids: Vec<String>,
    settings: Arc<OriginPolicy>,
    keys: Option<Arc<Keys>>,
    /// The status of an invalid submission's answer to htmx (200 unless changed).
    htmx_invalid: http::StatusCode,
}

/// A page rendered by `handler` (any axum handler), to which actions are added with
/// [`Page::action`].
pub fn page<H, T, S>(handler: H) -> Page<S>
where
    H: Handler<T, S>,
    T: 'static,
    S: Clone + Send + Sync + 'static,
{
    let render: Arc<Render<S>> = Arc::new(move |request, state| boxed(handler.clone().call(request, state)));
    Page {
        render,
        actions: Vec::new(),
        encoded_ids: Vec::new(),
        settings: Arc::new(OriginPolicy::from_env()),
        keys: None,
        htmx_invalid: http::StatusCode::OK,
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
        push_urlencoded_component(&mut encoded, A::ID);
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

    /// Sets the status an htmx request gets for an invalid submission (200 by default, which
    /// htmx 2 swaps with its default configuration). With 422, formaction's htmx hooks
    /// ([`htmx_script_tag`](crate::render::htmx_script_tag)), loaded beside htmx, have htmx swap it too.
    pub fn htmx_invalid_status(mut self, status: http::StatusCode) -> Self {
        self.htmx_invalid = status;
        self
    }

    /// Replaces the origin policy (by default from the environment, see [`OriginPolicy::from_env`]).
    pub fn origin_policy(mut self, settings: OriginPolicy) -> Self {
        self.settings = Arc::new(settings);
        self
    }
}

/// Serves pages on a [`Router`].
///
/// ```
/// use axum::{Router, response::Html};
/// use formaction::{RouterExt, page};
///
/// async fn home() -> Html<&'static str> {
///     Html("<h1>Invoices</h1>")
/// }
/// let app: Router = Router::new().page("/", page(home));
/// ```
pub trait RouterExt<S> {
    /// Serves `page` at `path`: its `GET`, and a `POST` for each of its actions.
    fn page(self, path: &str, page: Page<S>) -> Self;
}

impl<S: Clone + Send + Sync + 'static> RouterExt<S> for Router<S> {
    fn page(self, path: &str, page: Page<S>) -> Self {
        self.route(path, page.into())
    }
}

/// A page as a [`MethodRouter`], to add other methods to its route.
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
        let language = locale::of_request(request.headers(), request.extensions());
        if let Err(refusal) = guard::request_origin(request.uri(), request.headers(), &page.settings) {
            let json = respond::wants_json(request.headers());
            let path = request.uri().path();
            return SecuredPage::ready(locale::sync_in(language, || respond::refuse(&refusal, path, json)));
        }
        SecuredPage(locale::boxed_in(
            language,
            match page.keys.clone() {
                // The usual page: its handler's own future, nothing around it.
                None => render_with_flash(&*page.render, request, state),
                // The flash message is opened with the page's own keys: inside their scope.
                Some(keys) => Box::pin(seal::with_keys(keys, async move {
                    render_with_flash(&*page.render, request, state).await
                })),
            },
        ))
    }
}

/// A page's `POST`: the action the submission names, then the answer.
#[derive(Clone)]
struct Submit<S>(Arc<Page<S>>);

impl<S: Clone + Send + Sync + 'static> Handler<PageHandler, S> for Submit<S> {
    type Future = SecuredPage;

    fn call(self, request: Request, state: S) -> Self::Future {
        let page = self.0;
        // An htmx request gets HTML made for htmx (see `htmx`), refusals included.
        let htmx = htmx::is_htmx(request.headers());
        let json = !htmx && respond::wants_json(request.headers());
        let language = locale::of_request(request.headers(), request.extensions());
        // This app's host, and a post from its own origin, before anything else.
        if let Err(refusal) = guard::same_origin(request.uri(), request.headers(), &page.settings) {
            let path = request.uri().path();
            return SecuredPage::ready(locale::sync_in(language, || respond::refuse(&refusal, path, json)));
        }
        let action = match chosen(&page, &request) {
            Ok(action) => action,
            Err(missing) => {
                return SecuredPage::ready(locale::sync_in(language, || respond::refusal(&missing, json)));
            }
        };
        // The page moves into the answer, and the action is found in it there by its place: no
        // count of the page's or the action's owners goes up and down for every submission (the
        // threads answering requests at once would each write it).
        let keys = page.keys.clone();
        let answer = crate::seal::reusing_opened(submit(page, action, request, state, json, htmx));
        SecuredPage(locale::boxed_in(language, Box::pin(seal::scoped(keys, answer))))
    }
}

/// A route that serves one action as a JSON endpoint for other clients: `POST` only, answers
/// always JSON.
pub fn endpoint<A: Action<S>, S: Clone + Send + Sync + 'static>() -> MethodRouter<S> {
    endpoint_with::<A, S>(OriginPolicy::from_env(), None)
}

/// [`endpoint`] with its own origin policy, and keys of its own (by default the process's).
pub fn endpoint_with<A: Action<S>, S: Clone + Send + Sync + 'static>(
    settings: OriginPolicy,
    keys: Option<Keys>,
) -> MethodRouter<S> {
    let settings = Arc::new(settings);
    let keys = keys.map(Arc::new);
    post(move |State(state): State<S>, request: Request| {
        let settings = settings.clone();
        let keys = keys.clone();
        let language = locale::of_request(request.headers(), request.extensions());
        let answer = seal::scoped(keys, async move {
            let mut response = match guard::same_origin(request.uri(), request.headers(), &settings) {
                Err(refusal) => respond::refuse(&refusal, request.uri().path(), true),
                Ok(()) => {
                    let (mut parts, body) = request.into_parts();
                    let action = Erased::<A>(PhantomData);
                    match run_action(&action, &mut parts, body, &state, &settings).await {
                        Ok(outcome) => respond::answer_json(outcome, &parts, &settings),
                        Err(response) => response,
                    }
                }
            };
            crate::headers::secure_page(&mut response);
            response
        });
        locale::boxed_in(language, Box::pin(answer))
    })
}

/// The place in `page.actions` of the action a submission to `page` names (or of its only one).
fn chosen<S>(page: &Page<S>, request: &Request) -> Result<usize, NoAction> {
    let query = request.uri().query();
    // The action as its URL names it, the usual case: compared as written, nothing decoded.
    if let Some(at) = query
        .and_then(raw_chosen_action)
        .and_then(|raw| page.encoded_ids.iter().position(|encoded| encoded == raw))
    {
        return Ok(at);
    }
    match (query.and_then(chosen_action), page.actions.as_slice()) {
        (Some(id), actions) => actions
            .iter()
            .position(|a| a.id() == id.as_ref())
            .ok_or_else(|| NoAction::Unknown(id.into_owned())),
        (None, [_]) => Ok(0),
        (None, []) => Err(NoAction::NoneAtAll),
        (None, _) => Err(NoAction::Unnamed),
    }
}

/// Runs `action` for a submission to `page`, then answers: JSON, or the page again, or what the
/// action answered. A form sent once already is answered from the store (see `once`); a
/// submission that claims its form's token runs in a task of its own, so the action finishes and
/// its answer is remembered even when the client goes away.
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
    htmx: bool,
) -> impl Future<Output = Response> {
    let (mut parts, body) = request.into_parts();
    async move {
        let erased = &*page.actions[action];
        let (config, data, held, started) =
            match read_submission(erased, &mut parts, body, json, &page.settings).await {
                Ok(read) => read,
                Err(response) => return response,
            };
        match resend::before(erased.id(), &config, &parts, &data, json).await {
            Before::Run => {
                run_and_answer(page, action, parts, state, data, held, started, json, htmx, false).await.0
            }
            // A remembered redirect is a 303; htmx would follow it and swap the whole page in.
            Before::Answer(response) if htmx => resend::for_htmx(response, htmx::own_answer),
            Before::Answer(response) => response,
            Before::Resent(mut outcome) => {
                outcome.take_values(data);
                let response = answer(&page, outcome, parts, state, json, htmx).await;
                // htmx swaps the form with its message only from the status it swaps (see `htmx`).
                if htmx { response } else { resend::resent(response, json) }
            }
            Before::Claimed(claimed) => {
                let keys = page.keys.clone();
                let run = run_and_answer(page, action, parts, state, data, held, started, json, htmx, true);
                // The page headers are given by the `SecuredPage` around this answer, once it is back.
                let run = seal::scoped(keys, crate::seal::reusing_opened(run)).in_current_span();
                // The action and the remembering of its answer finish even when this request is
                // dropped (its client went away): a task runs them. A panic of the action releases
                // the claim (the guard sees it unwind), then goes on to the layer that answers it.
                let task = async move {
                    let guard = claimed.release_on_panic();
                    let (response, success, location) = run.await;
                    guard.defuse().finish(response, success, location).await
                };
                // Task-locals stay behind: the request's language goes with the task.
                let task = locale::boxed_in(locale::in_scope(), Box::pin(task));
                match tokio::spawn(task.in_current_span()).await {
                    Ok(response) => response,
                    Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
                    Err(_) => respond::internal_error(json),
                }
            }
        }
    }
}

/// Runs action `action` of `page` on a decoded submission and answers it; with, when it is to be
/// `remembered`, whether it succeeded and where it led (what the store keeps).
#[allow(clippy::too_many_arguments, reason = "the parts of one submission, moved in once")]
async fn run_and_answer<S: Clone + Send + Sync + 'static>(
    page: Arc<Page<S>>,
    action: usize,
    mut parts: Parts,
    state: S,
    data: FormData,
    held: budget::Held<'static>,
    started: Option<Instant>,
    json: bool,
    htmx: bool,
    remembered: bool,
) -> (Response, bool, Option<String>) {
    let erased = &*page.actions[action];
    let mut outcome = erased.run(&mut parts, &state, &data).await;
    outcome.take_values(data);
    drop(held);
    outcome.answer.log(erased.id(), started);
    // Only a claimed submission pays for a copy of where it led.
    let (success, location) = if remembered { resend::success(&outcome.answer) } else { (false, None) };
    (answer(&page, outcome, parts, state, json, htmx).await, success, location)
}

/// The answer to `outcome`, by who asked.
async fn answer<S: Clone + Send + Sync + 'static>(
    page: &Page<S>,
    outcome: Outcome,
    parts: Parts,
    state: S,
    json: bool,
    htmx: bool,
) -> Response {
    // An intent (a list row more or less) always renders the page: the enhancement script
    // swaps the form in place from it.
    if json && !matches!(outcome.answer, Answer::Intent) {
        return respond::answer_json(outcome, &parts, &page.settings);
    }
    if htmx {
        return htmx::answer(outcome, parts, &*page.render, state, &page.settings, page.htmx_invalid).await;
    }
    match respond::answer_html(outcome, parts, &*page.render, state, &page.settings) {
        Ok(answer) => answer,
        Err(page) => page.await,
    }
}

/// Guards, reads, decodes and runs one action for a JSON endpoint; `Err` is an answer already (a
/// refusal, logged, or an answer the store keeps: a form sent again is answered from it, as by a
/// page).
async fn run_action<S>(
    action: &dyn ErasedAction<S>,
    parts: &mut Parts,
    body: Body,
    state: &S,
    settings: &OriginPolicy,
) -> Result<Outcome, Response> {
    let json = true;
    let (config, data, held, started) = read_submission(action, parts, body, json, settings).await?;
    let claimed = match resend::before(action.id(), &config, parts, &data, json).await {
        Before::Run => None,
        Before::Claimed(claimed) => Some(claimed),
        Before::Answer(response) => return Err(response),
        Before::Resent(outcome) => {
            return Err(resend::resent(respond::answer_json(outcome, parts, settings), json));
        }
    };
    let mut outcome = action.run(parts, state, &data).await;
    outcome.take_values(data);
    drop(held);
    outcome.answer.log(action.id(), started);
    match claimed {
        None => Ok(outcome),
        Some(claimed) => {
            let (success, location) = resend::success(&outcome.answer);
            let response = respond::answer_json(outcome, parts, settings);
            Err(claimed.finish(response, success, location).await)
        }
    }
}

/// Guards, reads and decodes a submission to `action`: its limits, the values, the bytes they
/// hold of the process's budget, and when it started (when the log takes the time).
async fn read_submission<S>(
    action: &dyn ErasedAction<S>,
    parts: &mut Parts,
    body: Body,
    json: bool,
    settings: &OriginPolicy,
) -> Result<(ActionConfig, FormData, budget::Held<'static>, Option<Instant>), Response> {
    // The time it took is logged; with no log that takes it, the clock is not read.
    let started = tracing::enabled!(tracing::Level::INFO).then(Instant::now);
    let id = action.id();
    let refuse = |problem: &dyn Problem| respond::refused_action(id, problem, json);
    // The origin was checked by the caller, before choosing the action.
    let content_type = guard::content_type(&parts.headers).map_err(|refusal| refuse(&refusal))?;
    guard::content_encoding(&parts.headers).map_err(|refusal| refuse(&refusal))?;
    let config = action.config();
    decode::check_length(&parts.headers, config.body_limit).map_err(|error| refuse(&error))?;
    // The body's bytes count against the process's budget until the action has run.
    let mut held = budget::process().hold();
    let bytes = decode::read(body, config.body_limit, &mut held).await.map_err(|error| refuse(&error))?;
    let decoded = match decode::submission(content_type, bytes, &config.limits) {
        Decoding::Done(decoded) => decoded,
        Decoding::Multipart(decoding) => decoding.await,
    };
    let data = decoded.map_err(|error| refuse(&error))?;
    // A question about one field (`#[field(live)]`): its parse and rules, and nothing else (no
    // token claimed, no action run); answered as JSON.
    if let Some(name) = crate::live::field(&parts.headers).map_err(|refusal| refuse(&refusal))? {
        let outcome = crate::live::outcome(id, &data, action.validate(&data), &name);
        return Err(respond::answer_json(outcome, parts, settings));
    }
    Ok((config, data, held, started))
}
