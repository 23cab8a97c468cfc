//! The signup by hand with the guarantees formaction gives, written as a careful user would
//! without formaction: the by-hand handler, plus
//!
//! - an origin check on every submission: the `Host` must be the app's own, and the `Origin`
//!   (else the `Referer`) must be the app's origin, one header of each at most;
//! - the team id sealed with AES-256-GCM-SIV (`aes-gcm-siv`, as formaction uses) under a key
//!   from `SIGNUP_SECRET` (base64 of 32 bytes) or, without it, a random key for the process, a
//!   random nonce per value and the purpose as associated data; a value that does not open is
//!   refused with 400.

use aes_gcm_siv::aead::{AeadInOut, Generate, KeyInit};
use aes_gcm_siv::{Aes256GcmSiv, Key, Nonce};
use axum::Router;
use axum::extract::{Form, Request, State};
use axum::http::{HeaderMap, HeaderName, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use std::collections::HashMap;
use std::sync::Arc;

use crate::by_hand::{HxRequest, SignUp, check, done, render, render_form};
use crate::{Record, Store};

/// What the team id is sealed for: a value sealed for anything else does not open here.
const PURPOSE: &[u8] = b"signup/team";
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// The key that seals and opens the team id.
#[derive(Clone)]
pub struct Sealer(Arc<Aes256GcmSiv>);

impl Sealer {
    /// A key of 32 bytes.
    pub fn new(key: [u8; 32]) -> Self {
        Sealer(Arc::new(Aes256GcmSiv::new(&Key::<Aes256GcmSiv>::from(key))))
    }

    /// A random key for this process: pages sealed before a restart no longer open.
    pub fn random() -> Self {
        Sealer(Arc::new(Aes256GcmSiv::new(&Key::<Aes256GcmSiv>::generate())))
    }

    /// The key in `SIGNUP_SECRET` (base64 of 32 bytes), or a random one when it is not set.
    ///
    /// # Errors
    ///
    /// When `SIGNUP_SECRET` is set but not base64 of 32 bytes.
    pub fn from_env() -> Result<Self, String> {
        let Ok(text) = std::env::var("SIGNUP_SECRET") else {
            eprintln!("SIGNUP_SECRET is not set: sealing with a random key for this process");
            return Ok(Sealer::random());
        };
        let bytes = STANDARD.decode(text.trim()).map_err(|_| "SIGNUP_SECRET is not base64".to_owned())?;
        let key: [u8; 32] =
            bytes.try_into().map_err(|_| "SIGNUP_SECRET must be 32 bytes of base64".to_owned())?;
        Ok(Sealer::new(key))
    }

    /// The value sealed: base64url of the nonce, the ciphertext and the tag.
    pub fn seal(&self, value: &str) -> String {
        let nonce = Nonce::generate();
        let mut sealed = Vec::with_capacity(value.len() + TAG_LEN);
        sealed.extend_from_slice(value.as_bytes());
        // Encrypting only fails for plaintexts of gigabytes.
        let _ = self.0.encrypt_in_place(&nonce, PURPOSE, &mut sealed);
        // 12 bytes are 16 characters of base64 exactly, so the two parts encode one after the other.
        let mut text = String::with_capacity((NONCE_LEN + sealed.len()).div_ceil(3) * 4);
        URL_SAFE_NO_PAD.encode_string(nonce, &mut text);
        URL_SAFE_NO_PAD.encode_string(&sealed, &mut text);
        text
    }

    /// The value sealed in `text`, or `None` when it was altered, sealed for another purpose or
    /// with another key, or is not a sealed value at all.
    pub fn open(&self, text: &str) -> Option<String> {
        let mut bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        if bytes.len() < NONCE_LEN + TAG_LEN {
            return None;
        }
        let nonce = Nonce::try_from(&bytes[..NONCE_LEN]).ok()?;
        bytes.drain(..NONCE_LEN);
        self.0.decrypt_in_place(&nonce, PURPOSE, &mut bytes).ok()?;
        String::from_utf8(bytes).ok()
    }
}

/// The app's origin and key.
#[derive(Clone)]
struct Guarded {
    store: Store,
    sealer: Sealer,
    /// `scheme://host[:port]`, lowercase.
    origin: Arc<str>,
    /// The `host[:port]` part of it.
    host: Arc<str>,
}

/// The one value of a header, `Err` when it is sent several times.
fn only(headers: &HeaderMap, name: HeaderName) -> Result<Option<&[u8]>, ()> {
    let mut values = headers.get_all(name).iter();
    let first = values.next().map(|v| v.as_bytes());
    if values.next().is_some() { Err(()) } else { Ok(first) }
}

/// Refuses a submission from another site, or to a host the app does not serve.
async fn same_origin(State(app): State<Guarded>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host_ok = matches!(only(headers, header::HOST), Ok(Some(host)) if host.eq_ignore_ascii_case(app.host.as_bytes()));
    if !host_ok {
        return (StatusCode::BAD_REQUEST, "unknown host").into_response();
    }
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let origin = app.origin.as_bytes();
    let same = match (only(headers, header::ORIGIN), only(headers, header::REFERER)) {
        (Ok(Some(source)), _) => source.trim_ascii().eq_ignore_ascii_case(origin),
        // No Origin (older browsers on same-origin posts): the Referer's origin, then a path.
        (Ok(None), Ok(Some(referer))) => {
            let referer = referer.trim_ascii();
            referer.len() >= origin.len()
                && referer[..origin.len()].eq_ignore_ascii_case(origin)
                && matches!(referer.get(origin.len()), None | Some(b'/' | b'?' | b'#'))
        }
        _ => false,
    };
    if !same {
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(request).await
}

async fn show(State(app): State<Guarded>) -> Response {
    let input = SignUp { team: app.sealer.seal("team-42"), ..SignUp::default() };
    render(&input, HashMap::new(), StatusCode::OK)
}

async fn submit(
    State(app): State<Guarded>,
    HxRequest(htmx): HxRequest,
    Form(input): Form<SignUp>,
) -> Response {
    let Some(team) = app.sealer.open(&input.team) else {
        return (StatusCode::BAD_REQUEST, "the team id was altered").into_response();
    };
    match check(&input) {
        Ok(age) => {
            app.store.push(Record { team, name: input.name, email: input.email, age });
            Redirect::to("/signup/done").into_response()
        }
        // The sealed team as submitted goes back into the page: it still opens.
        Err(errors) if htmx => render_form(&input, errors),
        Err(errors) => render(&input, errors, StatusCode::UNPROCESSABLE_ENTITY),
    }
}

/// The app, served at `origin` (`http://127.0.0.1:3203`), sealing with `sealer`.
///
/// # Panics
///
/// When `origin` is not `http://` or `https://` and a host.
pub fn app(store: Store, sealer: Sealer, origin: &str) -> Router {
    let origin = origin.trim_end_matches('/').to_ascii_lowercase();
    let host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .filter(|host| !host.is_empty() && !host.contains(['/', '?', '#', '@']))
        .unwrap_or_else(|| panic!("`{origin}` is not an origin such as http://127.0.0.1:3203"))
        .to_owned();
    let state = Guarded { store: store.clone(), sealer, origin: origin.into(), host: host.into() };
    Router::new()
        .route("/signup", get(show).post(submit))
        .route("/signup/done", get(done).with_state(store))
        .layer(middleware::from_fn_with_state(state.clone(), same_origin))
        .with_state(state)
}
