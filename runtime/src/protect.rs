//! What every app needs between the network and its handlers: only its own hosts served, a panic
//! answered with a blank 500 page instead of a dropped connection, a deadline on each request,
//! and a deadline on request headers, so a slow or broken client costs a timer rather than a
//! worker.
//!
//! Two pieces, usable apart:
//!
//! - [`layer()`] (or [`Protection::layer`]): a tower layer for the router. A request for a host
//!   that is not the app's is answered `400 Bad Request` before any route sees it (the allowed
//!   hosts of the [`OriginPolicy`]: `FORMACTION_ORIGIN`, or loopback names in development;
//!   [`Protection::origin_policy`] changes them). Every answer below it gets the
//!   [security headers](crate::security::SecurityHeaders) it lacks (`nosniff`, the frame headers,
//!   the referrer policy), file downloads and fallback pages included. A handler outside `page()` that reads the
//!   [`Flash`](crate::Flash) message has it cleared in its answer, so it shows once. A panic
//!   anywhere below it (an action, a page, an extractor) is caught, logged with `tracing` at
//!   `error` level with the panic's message, method and path, and answered with a 500 that says
//!   nothing of it: a small HTML page, or `{"ok":false,"error":"..."}` for a JSON caller (the same
//!   answers as an action's internal error, see [what each caller gets](crate#what-each-caller-gets)). A request that is not answered
//!   within [`Protection::request_timeout`] (30 s by default), reading its body included, is
//!   answered `408 Request Timeout` with a message; its handler is dropped (a database
//!   transaction it held rolls back).
//! - [`serve`] (or [`Protection::serve`]): `axum::serve` with a deadline on request headers
//!   ([`Protection::header_timeout`], 10 s by default, also the longest an idle keep-alive
//!   connection stays open), counted from the moment the server waits for a request (the
//!   connection opening, or the previous answer on a kept-alive one). `axum::serve` has none:
//!   a client sending its headers one byte a second, or stopping after `P` (while the server
//!   waits to tell HTTP/2's preface from `POST`), keeps a connection open for as long as it
//!   likes. Past the deadline the connection is closed.
//!
//! A slow client is held by a timer, not a thread: every connection is a task, and the other
//! requests go on being served.
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use axum::Router;
//! use axum::routing::get;
//! use formaction::protect::Protection;
//!
//! # async fn run(shutdown: impl std::future::Future<Output = ()> + Send) -> std::io::Result<()> {
//! let protection = Protection::new().request_timeout(Duration::from_secs(20));
//! let app = Router::new().route("/", get(|| async { "hello" })).layer(protection.layer());
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
//! // `shutdown` ends the serving, for example `async { let _ = tokio::signal::ctrl_c().await; }`.
//! protection.serve(listener, app, shutdown).await
//! # }
//! ```
//!
//! The layer also carries the app's choice of [`OnceStore`], where the pages remember the answers
//! of forms sent once ([`Protection::once_store`]; a [`MemoryStore`] of the process by default,
//! one `SqlStore` (features `sqlite`, `postgres`) on a shared database for several instances): see [once
//! only](crate#once-only).
//!
//! The layer only protects what is below it: add it last (outermost) with `Router::layer`, so it
//! covers every route and the fallback. [`serve`] does not add the layer itself, so the router
//! behaves the same under any server and in tests that call it directly.

use std::any::Any;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::response::Response;
use futures_util::future::BoxFuture;
use http::{Method, Request, StatusCode, Uri};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::watch;
use tower::{Layer, Service, ServiceExt};
use tower_http::catch_panic::{CatchPanic, ResponseForPanic};

use crate::guard::{self, OriginPolicy};
use crate::locale::{self, Language};
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub use crate::once::SqlStore;
pub use crate::once::{
    Claim, DEFAULT_LIFETIME, MemoryStore, OnceSettings, OnceStore, Remembered, StoreError, Ticket,
};
use crate::{flash, respond};

/// The protections' settings: timeouts and allowed hosts. [`Protection::default`] (also
/// [`Protection::new`]) has a 30 s request deadline, a 10 s header deadline, and the hosts of
/// [`OriginPolicy::from_env`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Protection {
    request_timeout: Duration,
    header_timeout: Duration,
    settings: Arc<OriginPolicy>,
    once: Option<OnceSettings>,
}

impl Default for Protection {
    /// # Panics
    ///
    /// When `FORMACTION_ORIGIN` is set but invalid (see [`OriginPolicy::from_env`]).
    fn default() -> Self {
        Protection {
            request_timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
            settings: Arc::new(OriginPolicy::from_env()),
            once: None,
        }
    }
}

impl Protection {
    /// The defaults: requests answered within 30 s, headers read within 10 s, the hosts of
    /// `FORMACTION_ORIGIN` (loopback ones without it).
    ///
    /// # Panics
    ///
    /// When `FORMACTION_ORIGIN` is set but invalid (see [`OriginPolicy::from_env`]).
    pub fn new() -> Self {
        Protection::default()
    }

    /// The hosts the layer serves (and whether it trusts a proxy's headers to name them), by
    /// default [`OriginPolicy::from_env`]. Pages and endpoints check with their own settings too.
    pub fn origin_policy(mut self, settings: OriginPolicy) -> Self {
        self.settings = Arc::new(settings);
        self
    }

    /// How long a request may take, from the end of its headers to its answer (reading its body
    /// included): past it, `408 Request Timeout`. Allow for the largest upload on a slow link.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// How long a client may take to send a request's headers, and how long an idle keep-alive
    /// connection stays open: past it, [`serve`] closes the connection.
    pub fn header_timeout(mut self, timeout: Duration) -> Self {
        self.header_timeout = timeout;
        self
    }

    /// Where the pages below the layer remember the answers of forms sent once, with its
    /// timings: `OnceSettings::new(SqlStore::new(pool))` for instances sharing a database. By
    /// default a [`MemoryStore`] of the process.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use formaction::protect::{MemoryStore, OnceSettings, Protection};
    ///
    /// // At most 10,000 answers and about 16 MiB; a second submission waits 3 s for the first.
    /// let once = OnceSettings::new(MemoryStore::with_limits(10_000, 16 << 20)).wait(Duration::from_secs(3));
    /// let protection = Protection::new().once_store(once);
    /// # let _ = protection.layer();
    /// ```
    pub fn once_store(mut self, settings: OnceSettings) -> Self {
        self.once = Some(settings);
        self
    }

    /// The layer for the router: panics caught and answered with a blank 500, and the request
    /// deadline. See the [module documentation](self).
    pub fn layer(&self) -> ProtectLayer {
        ProtectLayer {
            request_timeout: self.request_timeout,
            settings: self.settings.clone(),
            once: self.once.clone(),
        }
    }

    /// Serves `app` on `listener` over HTTP/1.1 with the header deadline, until `shutdown`
    /// completes; then stops accepting, lets each connection finish the request it is serving,
    /// and returns once they have. Each request gets [`ConnectInfo<SocketAddr>`](ConnectInfo) with
    /// the client's address; upgrades (WebSockets) work as with `axum::serve`.
    ///
    /// # Errors
    ///
    /// When the listener's own address cannot be read. Failed connections are logged, not
    /// returned; a failed `accept` (too many open files) is logged and retried after a pause.
    pub async fn serve(
        &self,
        listener: tokio::net::TcpListener,
        app: Router,
        shutdown: impl Future<Output = ()> + Send,
    ) -> io::Result<()> {
        let local = listener.local_addr()?;
        // hyper's HTTP/1 server directly. hyper-util's `auto` builder, which `axum::serve` uses,
        // first reads up to 24 bytes to tell HTTP/2's preface from HTTP/1 with no deadline at all:
        // a client sending `PRI * HTTP/2.0...` a byte at a time, or `P` and nothing more, would
        // hold its connection before the header deadline even starts. Browsers speak HTTP/2 only
        // over TLS, which a proxy in front terminates.
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new()).header_read_timeout(self.header_timeout);
        // `stop` tells every connection to finish; `alive` is held by each until it has.
        let (stop, stopping) = watch::channel(false);
        let (alive, alive_watch) = watch::channel(());
        let mut shutdown = pin!(shutdown);
        tracing::debug!(%local, "serving");
        loop {
            let (stream, remote) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        tracing::error!(%error, "accepting a connection failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            let app = app.clone();
            let service = hyper::service::service_fn(move |mut request: Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo::<SocketAddr>(remote));
                app.clone().oneshot(request.map(Body::new))
            });
            let connection = http.serve_connection(TokioIo::new(stream), service).with_upgrades();
            let mut stopping = stopping.clone();
            let alive = alive_watch.clone();
            tokio::spawn(async move {
                let mut connection = pin!(connection);
                let mut told = false;
                loop {
                    tokio::select! {
                        result = connection.as_mut() => {
                            if let Err(error) = result {
                                tracing::debug!(%remote, %error, "connection ended with an error");
                            }
                            break;
                        }
                        _ = stopping.wait_for(|stop| *stop), if !told => {
                            told = true;
                            connection.as_mut().graceful_shutdown();
                        }
                    }
                }
                drop(alive);
            });
        }
        drop(listener);
        let _ = stop.send(true);
        drop(alive_watch);
        alive.closed().await;
        Ok(())
    }
}

/// Serves `app` on `listener` with the default [`Protection`] until the process ends; see
/// [`Protection::serve`], which also takes a shutdown signal.
///
/// # Errors
///
/// As [`Protection::serve`].
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> io::Result<()> {
    Protection::default().serve(listener, app, std::future::pending()).await
}

/// The layer with the default [`Protection`]: `Router::new()...layer(formaction::protect::layer())`.
pub fn layer() -> ProtectLayer {
    Protection::default().layer()
}

/// The tower layer of [`Protection::layer`].
#[derive(Clone, Debug)]
pub struct ProtectLayer {
    request_timeout: Duration,
    settings: Arc<OriginPolicy>,
    once: Option<OnceSettings>,
}

impl<S> Layer<S> for ProtectLayer {
    type Service = Protect<S>;

    fn layer(&self, inner: S) -> Protect<S> {
        Protect {
            inner,
            request_timeout: self.request_timeout,
            settings: self.settings.clone(),
            once: self.once.clone(),
        }
    }
}

/// The service of [`ProtectLayer`].
#[derive(Clone, Debug)]
pub struct Protect<S> {
    inner: S,
    request_timeout: Duration,
    settings: Arc<OriginPolicy>,
    once: Option<OnceSettings>,
}

impl<S, B> Service<Request<B>> for Protect<S>
where
    S: Service<Request<B>, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Response, Infallible>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let json = respond::wants_json(request.headers());
        // The language of this layer's own answers (a refusal, a timeout, a panic).
        let language = locale::of_request(request.headers(), request.extensions());
        if let Err(refusal) = guard::request_origin(request.uri(), request.headers(), &self.settings) {
            let path = request.uri().path();
            let refused = locale::sync_in(language, || respond::refuse(&refusal, path, json));
            return Box::pin(std::future::ready(Ok(refused)));
        }
        let flash = flash::Seen::watch(&mut request);
        // Only a post can claim a form's token: a `GET` pays nothing for the store.
        if let Some(once) = &self.once
            && request.method() == Method::POST
        {
            request.extensions_mut().insert(once.clone());
        }
        // For the log, if the request panics or times out (cheap clones: the URI shares its bytes).
        let method = request.method().clone();
        let uri = request.uri().clone();
        // The service that was made ready is the one that is called; a clone takes its place.
        let clone = self.inner.clone();
        let ready = std::mem::replace(&mut self.inner, clone);
        let handler = BlankPage { json, method: method.clone(), uri: uri.clone(), language };
        let answer = CatchPanic::custom(ready, handler).call(request);
        let deadline = self.request_timeout;
        Box::pin(async move {
            match tokio::time::timeout(deadline, answer).await {
                Ok(Ok(response)) => {
                    // Every answer below gets the security headers it lacks (a file download, a
                    // fallback page): see `headers`.
                    let mut response = response.map(Body::new);
                    crate::headers::secure(&mut response);
                    if let Some(flash) = flash {
                        flash.clear(&mut response);
                    }
                    Ok(response)
                }
                Ok(Err(never)) => match never {},
                Err(_) => {
                    tracing::warn!(%method, path = uri.path(), timeout_ms = deadline.as_millis() as u64, "request timed out");
                    Ok(locale::sync_in(language, || {
                        respond::problem(StatusCode::REQUEST_TIMEOUT, &timed_out(deadline), json)
                    }))
                }
            }
        })
    }
}

/// The message of a request not answered within `deadline`, in the current language.
fn timed_out(deadline: Duration) -> String {
    let seconds = deadline.as_secs_f64();
    let english = || format!("The request was not completed within {seconds} seconds. Please try again.");
    if Language::current().is_plain_english() {
        return english();
    }
    locale::text("refusal-timeout", &[("seconds", seconds.into())]).unwrap_or_else(english)
}

/// The answer to a panic: logged, and a 500 with nothing of it inside.
#[derive(Clone)]
struct BlankPage {
    json: bool,
    method: Method,
    uri: Uri,
    language: Option<Language>,
}

impl ResponseForPanic for BlankPage {
    type ResponseBody = Body;

    fn response_for_panic(&mut self, panic: Box<dyn Any + Send + 'static>) -> Response {
        let message = panic
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(a panic without a message)".to_owned());
        tracing::error!(method = %self.method, path = self.uri.path(), panic = message, "a handler panicked");
        locale::sync_in(self.language, || respond::internal_error(self.json))
    }
}
