//! What keeps an app safe by default, in one place: the hosts it answers to and where posts may
//! come from ([`OriginPolicy`]), the headers every answer carries ([`SecurityHeaders`]), and how
//! many bytes of request bodies the process holds at once (the body budget).
//!
//! # Hosts and origins
//!
//! The first step of every request: is it for this app, and may an action answer it at all?
//!
//! - **Allowed hosts** (Django's `ALLOWED_HOSTS`, Rails' `config.hosts`). The app's own origins
//!   are [`OriginPolicy::origins`] (`FORMACTION_ORIGIN=https://app.example.com,https://www.example.com`).
//!   Every request names one of them in its `Host` (or, behind a trusted proxy, in the proxy's
//!   `X-Forwarded-Host` or `Forwarded: host=`), or is answered `400 Bad Request` (every page `GET`
//!   and `POST`, every endpoint, and every route under the [`protect`](crate::protect) layer). So
//!   DNS rebinding (a page on `rebind.attacker.test` whose name now points at the app) gets a 400
//!   for its `GET`s and its posts alike. Without a setting (development) only loopback names are
//!   served: `localhost`, `*.localhost`, `127.0.0.1` and `[::1]`, on any port, and the log says so
//!   once. Names compare without regard to case and with one trailing dot dropped
//!   (`app.example.com.`); ports compare by number, a missing one being its scheme's default
//!   (`https://x` is `https://x:443`). Whatever else a browser never sends is refused: two `Host`
//!   headers (RFC 9112, 3.2), user info, an empty port or one with leading zeros, whitespace inside,
//!   a non-ASCII name (an IDN host is given in punycode, `xn--...`, as browsers send it), an IPv6
//!   address not written as browsers write it (`[::1]`, not `[0:0:0:0:0:0:0:1]`).
//! - **A request with no host at all** (no `Host`, no authority in its target: HTTP/1.0 clients, and
//!   requests built in process as `tower::ServiceExt::oneshot` tests do) is served in development
//!   as a loopback request, since browsers always send `Host`; with origins configured it is a
//!   400. A post without a host is still refused (403): there is nothing to compare its `Origin`
//!   with.
//! - **Same origin.** A browser sends `Origin` with every POST; it must have the scheme, host and
//!   port of the request's own origin (the configured origin its host matched; in development the
//!   trusted proxy's scheme, else `http`), or be an allowed origin
//!   ([`OriginPolicy::allowed_origins`]: `https://admin.example.com`, or a glob like `*.example.com`).
//!   `Origin: null` (sandboxed frames, some redirects) is refused, and so are two `Origin`
//!   headers. A request with no `Origin` is refused unless its `Referer` is same-origin: Next.js
//!   lets such requests through with a warning; we do not.
//! - **The trusted proxy** ([`OriginPolicy::trust_proxy`], `FORMACTION_TRUST_PROXY=1`, like Django's
//!   `USE_X_FORWARDED_HOST` and `SECURE_PROXY_SSL_HEADER`): its `X-Forwarded-Host`,
//!   `X-Forwarded-Proto` and `Forwarded` (RFC 7239: `host=`, `proto=`) are read from the entry it
//!   wrote, the last comma-separated entry of the last header line; entries before it are the
//!   client's. When both families name a host (or a scheme), they must agree, or the request is
//!   a 400: neither wins, since a proxy that writes one family usually passes the other through
//!   from the client untouched.
//! - **Content type.** Only urlencoded, multipart and JSON bodies are read. `text/plain`, which a
//!   cross-site form may send without a CORS preflight, is refused before anything else happens.
//! - **Content encoding.** Bodies are read as sent: one with a `Content-Encoding` other than
//!   `identity` (gzip, br, deflate...) is refused with 415 before it is read, rather than decoded
//!   as if it were not compressed (and answered 400), or decompressed without a bound.
//!
//! # Security headers
//!
//! What every answer carries unless its handler says otherwise.
//!
//! By default ([`SecurityHeaders::new`]):
//!
//! | header | value | on | against |
//! |---|---|---|---|
//! | `X-Content-Type-Options` | `nosniff` | every answer | a browser guessing that an upload or a JSON answer is HTML or script |
//! | `X-Frame-Options` | `SAMEORIGIN` | every answer | clickjacking: another site framing a page and its Delete button |
//! | `Content-Security-Policy` | `frame-ancestors 'self'` | every answer | the same, in the header that supersedes `X-Frame-Options` |
//! | `Referrer-Policy` | `strict-origin-when-cross-origin` | every answer | a page's path and query leaking to other sites |
//! | `Cache-Control` | `no-store` | pages and actions | a shared cache or the back button keeping a page with sealed values or submitted data |
//!
//! "Pages and actions" are the answers of [`page()`](crate::page()) (the page's `GET`, and every
//! answer to a submission: the page again with 422 or 200, the 303, JSON, refusals) and of
//! [`endpoint()`](crate::endpoint()): they carry sealed bound arguments or echo what was
//! submitted. "Every answer" adds whatever the [`protect`](crate::protect) layer sees (file
//! downloads, a fallback 404, axum's own 405), and the enhancement script.
//!
//! Each header is inserted **only when the answer does not have it already**: a handler that sets
//! its own `Cache-Control` or `Content-Security-Policy` keeps it, and a Content-Security-Policy is
//! never sent twice (browsers would enforce both). A handler that sets `X-Frame-Options` alone
//! still gets the default `frame-ancestors 'self'`, which browsers obey instead of it: to let one
//! answer be framed by another site, set its own `Content-Security-Policy: frame-ancestors ...`.
//!
//! The same defaults as Rails (`config.action_dispatch.default_headers`) and Django
//! (`SecurityMiddleware`, `X_FRAME_OPTIONS`, `SECURE_REFERRER_POLICY`). Change them once, at
//! start-up, before the first answer, as with [`seal::install`](crate::seal::install):
//!
//! ```standalone_crate
//! use formaction::security::SecurityHeaders;
//! use http::{HeaderValue, header};
//!
//! let headers = SecurityHeaders::new()
//!     // Never framed, not even by the app itself.
//!     .set(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))
//!     .set(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'none'"))
//!     // HTTPS only, for a year (only once the whole site is served over HTTPS).
//!     .set(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"))
//!     // No referrer at all.
//!     .remove(header::REFERRER_POLICY);
//! assert!(formaction::security::install_headers(headers).is_ok());
//! assert_eq!(formaction::security::headers().get(&header::X_FRAME_OPTIONS).unwrap(), "DENY");
//! ```
//!
//! # The body budget
//!
//! How many bytes of request bodies the actions of this process hold at once.
//!
//! An action reads its body whole before it runs (up to its `body_limit`), so twenty uploads at
//! once hold twenty bodies in memory. The budget caps their sum, across every page, action and
//! endpoint of the process:
//!
//! - A body is counted as it arrives, frame by frame, from its first byte until its action has
//!   run. Not by its `Content-Length`: that is a promise a client need not keep, and counting it
//!   up front would let clients that send nothing hold the whole budget.
//! - A body that would take the sum over the budget is refused at once: `503 Service
//!   Unavailable`, `Retry-After: 1` and a message that says to try again. Nothing waits for room,
//!   so no client hangs on the budget, and a saturated instance answers at once (what a load
//!   balancer needs to send the retry elsewhere). What it had counted is given back.
//!
//! The budget is [`DEFAULT_BODY_BUDGET`] (64 MiB: 64 bodies at the default limit of 1 MiB, a dozen of 5 MB).
//! Set it with `FORMACTION_BODY_BUDGET` (`"256MB"`, `"512KiB"`, a number of bytes; units are
//! powers of 1024), read on the first body, or with [`install_body_budget`] at start-up. Keep it at least the
//! largest `body_limit`, or the largest bodies can never be read.
//!
//! The bytes counted are those of the body as received; decoding it, and hyper's buffers for the
//! connections, add to that, in proportion.

pub use crate::budget::{
    DEFAULT as DEFAULT_BODY_BUDGET, VAR as BODY_BUDGET_VAR, in_use as body_budget_in_use,
    install as install_body_budget, limit as body_budget,
};
pub use crate::guard::{ORIGIN_VAR, Origin, OriginError, OriginPolicy, Scheme, TRUST_PROXY_VAR};
pub use crate::headers::{SecurityHeaders, current as headers, install as install_headers};
