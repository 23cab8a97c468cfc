//! The first step of every request: is it for this app, and may an action answer it at all? The
//! rules are documented with the public items, in [`security`](crate::security).

mod media;
mod origin;
mod request;

use std::borrow::Cow;
use std::sync::Once;

use http::{HeaderName, HeaderValue, StatusCode};

pub(crate) use media::{ContentType, MediaType, content_encoding, content_type};
use origin::parse_origins;
pub use origin::{Origin, OriginError, Scheme};
pub(crate) use request::{request_origin, same_origin};

use crate::problem::Problem;

/// The environment variable holding the app's own origins, comma-separated.
pub const ORIGIN_VAR: &str = "FORMACTION_ORIGIN";
/// The environment variable that trusts the proxy in front (`1`, `true` or `yes`).
pub const TRUST_PROXY_VAR: &str = "FORMACTION_TRUST_PROXY";

/// Which hosts the app answers to, and where posts may come from.
///
/// [`OriginPolicy::default`] is development: no origins, so only loopback hosts are served. The
/// pages, endpoints and the [`protect`](crate::protect) layer read [`OriginPolicy::from_env`] unless
/// given settings; to change one thing, start from it so `FORMACTION_ORIGIN` still counts:
/// `OriginPolicy::from_env().allow_origin("https://admin.example.com")`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OriginPolicy {
    /// The app's own origins: the hosts it answers to, and the scheme and port of each. Empty:
    /// development, only loopback hosts.
    pub origins: Vec<Origin>,
    /// Origins allowed to post besides the app's own: full origins (`https://admin.example.com`),
    /// hosts (`admin.example.com`), or globs on the host (`*.example.com`, which does not match
    /// `example.com` itself). They are not hosts the app answers to.
    pub allowed_origins: Vec<String>,
    /// Trust the proxy in front: read the host and scheme from its `X-Forwarded-Host`,
    /// `X-Forwarded-Proto` or `Forwarded` (the entry it wrote, the last one). Only behind a proxy
    /// that sets them on every request.
    pub trust_proxy: bool,
    /// Accept requests with neither `Origin` nor `Referer` (non-browser clients that cannot send
    /// one). Off by default.
    pub allow_missing_origin: bool,
}

impl OriginPolicy {
    /// OriginPolicy from the environment: `FORMACTION_ORIGIN` (comma-separated origins),
    /// `FORMACTION_ALLOWED_ORIGINS` (comma-separated), `FORMACTION_TRUST_PROXY=1`,
    /// `FORMACTION_ALLOW_MISSING_ORIGIN=1`. Without `FORMACTION_ORIGIN`, the log says once per
    /// process that only loopback hosts are served.
    ///
    /// # Panics
    ///
    /// When `FORMACTION_ORIGIN` is set but invalid, with the reason: serving with another set of
    /// hosts than the one configured would refuse every visitor, or accept any host. Call
    /// [`OriginPolicy::try_from_env`] at start-up to report it yourself.
    pub fn from_env() -> Self {
        match OriginPolicy::try_from_env() {
            Ok(settings) => settings,
            Err(error) => panic!("formaction: {error}"),
        }
    }

    /// [`OriginPolicy::from_env`], with an invalid `FORMACTION_ORIGIN` as an error.
    ///
    /// # Errors
    ///
    /// When `FORMACTION_ORIGIN` is set but empty or not a list of origins; the message names it.
    pub fn try_from_env() -> Result<Self, OriginError> {
        let flag = |name: &str| std::env::var(name).is_ok_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
        let origins = match std::env::var(ORIGIN_VAR) {
            Ok(list) => parse_origins(&list).map_err(|e| OriginError(format!("{ORIGIN_VAR}: {}", e.0)))?,
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(OriginError(format!("{ORIGIN_VAR}: not valid UTF-8")));
            }
            Err(std::env::VarError::NotPresent) => {
                static SAID: Once = Once::new();
                SAID.call_once(|| {
                    tracing::warn!(
                        "{ORIGIN_VAR} is not set: serving loopback hosts only (localhost, *.localhost, \
                         127.0.0.1, [::1]), as in development. Set {ORIGIN_VAR}=https://your.domain to serve it \
                         under its public name."
                    );
                });
                Vec::new()
            }
        };
        Ok(OriginPolicy {
            origins,
            allowed_origins: std::env::var("FORMACTION_ALLOWED_ORIGINS")
                .map(|list| list.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect())
                .unwrap_or_default(),
            trust_proxy: flag(TRUST_PROXY_VAR),
            allow_missing_origin: flag("FORMACTION_ALLOW_MISSING_ORIGIN"),
        })
    }

    /// Adds one of the app's own origins (see [`OriginPolicy::origins`]):
    /// `.origin("https://app.example.com".parse()?)`.
    pub fn origin(mut self, origin: Origin) -> Self {
        self.origins.push(origin);
        self
    }

    /// Adds an allowed origin (see [`OriginPolicy::allowed_origins`]).
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        self.allowed_origins.push(origin.into());
        self
    }

    /// Trusts the proxy in front (see [`OriginPolicy::trust_proxy`]).
    pub fn trust_proxy(mut self, trust: bool) -> Self {
        self.trust_proxy = trust;
        self
    }

    /// Accepts requests with neither `Origin` nor `Referer`.
    pub fn allow_missing_origin(mut self, allow: bool) -> Self {
        self.allow_missing_origin = allow;
        self
    }
}

/// Why a request was refused before its page or action ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// 400: not one of this app's hosts, or a host that cannot be read.
    Host(String),
    /// 403: not from an allowed origin.
    CrossOrigin(String),
    /// 415: a body we do not read.
    UnsupportedMediaType(String),
    /// 415: a body in a content coding we do not decode (the answer names the one we do).
    UnsupportedEncoding(String),
}

impl Problem for Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::Host(_) => StatusCode::BAD_REQUEST,
            Refusal::CrossOrigin(_) => StatusCode::FORBIDDEN,
            Refusal::UnsupportedMediaType(_) | Refusal::UnsupportedEncoding(_) => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
        }
    }

    fn message(&self) -> Cow<'_, str> {
        match self {
            Refusal::Host(message)
            | Refusal::CrossOrigin(message)
            | Refusal::UnsupportedMediaType(message)
            | Refusal::UnsupportedEncoding(message) => Cow::Borrowed(message),
        }
    }

    /// Recognised from the English text the guards write (see `locale::recognise`).
    fn localized(&self) -> Option<(&'static str, Vec<(&'static str, serde_json::Value)>)> {
        let prefix = match self {
            Refusal::Host(_) => "refusal-host-",
            Refusal::CrossOrigin(_) => "refusal-cross-origin",
            Refusal::UnsupportedMediaType(_) => "refusal-content-type-",
            Refusal::UnsupportedEncoding(_) => "refusal-content-encoding-",
        };
        crate::locale::recognise(&self.message(), prefix)
    }

    fn header(&self) -> Option<(HeaderName, HeaderValue)> {
        // RFC 9110, 15.5.16: say which codings would have been accepted.
        matches!(self, Refusal::UnsupportedEncoding(_))
            .then(|| (http::header::ACCEPT_ENCODING, HeaderValue::from_static("identity")))
    }
}

#[cfg(test)]
mod tests;
