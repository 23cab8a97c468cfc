//! Once only: the same rendered form sent again does not run its action again.
//!
//! Every form a page renders for an action carries a one-time token (`$once`, 128 random bits
//! sealed with the page's keys). A submission with a token (or, from any client, an
//! `Idempotency-Key` header) claims the token for its action in a [`OnceStore`], with a
//! fingerprint of the submitted values:
//!
//! - the first claim runs the action; a success's answer (status, `Location`, flash cookie, body)
//!   is remembered for the token; an invalid submission, a refusal or an internal error releases
//!   the token, so the user can send the form again;
//! - the same token with the same values again: the remembered answer, the action not run;
//! - the same token while the first is still running: the second waits for the first answer
//!   (bounded, then `409` with `Retry-After`);
//! - the same token with other values (back button, edit, send again): `409`, the form shown again
//!   with the new values, a fresh token and a form-level message (code `already_sent`).
//!
//! # A crash between running and remembering
//!
//! A claim is *running* from the moment the action starts until its answer is remembered. The
//! action runs in a task of its own, so a client that goes away (a second click cancels the first
//! request in a browser) does not stop it half-way. When the process dies before remembering,
//! the claim stays running until its lease ends (60 s by default), since the action may have done
//! its work: the same form sent again is never run a second time on a guess. Until then the user
//! gets `409` with `Retry-After`; after it, the form comes back (`409`) with the values kept, a
//! fresh token and the `already_sent` message, so the user checks (the invoice list, say) and
//! sends again on purpose.
//!
//! Remembered answers live for the action's `max_age`, or [`DEFAULT_LIFETIME`] (24 hours). After
//! that the token is forgotten and the same form would run again, as with Stripe's keys.

mod memory;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod sql;

use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures_util::future::BoxFuture;
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use memory::MemoryStore;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub use sql::SqlStore;

use crate::form_data::{FieldValue, FormData};
use crate::names::ONCE_FIELD;
use crate::seal;

/// How long a remembered answer lives when the action sets no `max_age`.
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// What the token is sealed for: no other sealed value opens as a token.
const PURPOSE: &[u8] = b"formaction:once";

/// The header that gives a JSON caller the guarantee (the IETF HTTP API draft's, as Stripe's).
pub(crate) const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// The longest `Idempotency-Key` accepted.
const MAX_KEY_LEN: usize = 255;

/// A fresh token, sealed, for a rendered form: `None` when sealing failed (logged by `seal`).
pub(crate) fn mint() -> Option<String> {
    use aes_gcm_siv::aead::Generate as _;
    // 32 random bytes from the operating system; 16 of them are the token.
    let random = aes_gcm_siv::Key::<aes_gcm_siv::Aes256GcmSiv>::try_generate().ok()?;
    seal::with_current(|keys| keys.seal(PURPOSE, &random[..16]).ok())
}

/// A remembered answer: enough to send it again, to a browser or to a JSON caller.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The status sent.
    pub status: u16,
    /// Whether it was sent as JSON.
    pub json: bool,
    /// Where it led: the `Location` of a redirect, or the `redirect` of a JSON answer.
    pub location: Option<String>,
    /// The `Set-Cookie` headers (the flash message).
    pub cookies: Vec<String>,
    /// Its `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body (empty for a redirect, and for a page too large to keep).
    pub body: Vec<u8>,
}

impl Remembered {
    /// Its size in memory, roughly: what [`MemoryStore`] counts.
    pub fn size(&self) -> usize {
        let texts = self.location.as_ref().map_or(0, String::len)
            + self.cookies.iter().map(String::len).sum::<usize>()
            + self.content_type.as_ref().map_or(0, String::len);
        std::mem::size_of::<Self>() + texts + self.body.len()
    }
}

/// What a claim found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Nobody had it: the caller runs the action, then completes or releases the claim.
    Fresh,
    /// Another request with the same values runs the action now.
    Running,
    /// A request claimed it and never finished (its process died), and its lease has ended.
    Abandoned,
    /// The action ran with the same values: its answer.
    Done(Remembered),
    /// The token was used with other values.
    DifferentValues,
}

/// A claim on a token: who asks, with which values, for how long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    /// The action's id and the token (or the `Idempotency-Key`): unique per form sent.
    pub key: String,
    /// A hash of the submitted values (the token left out), in hex.
    pub fingerprint: String,
    /// When the remembered answer may be forgotten (milliseconds since the Unix epoch).
    pub expires_at: i64,
    /// Until when a running claim is trusted to finish (milliseconds since the Unix epoch).
    pub lease_until: i64,
}

/// A store that failed (its database is down): the submission is answered with a 503, the action
/// not run.
#[derive(Debug)]
pub struct StoreError(pub Box<dyn std::error::Error + Send + Sync>);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the once-only store failed: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

/// Where claims and remembered answers live: [`MemoryStore`] (one process, the default), or
/// `protect::SqlStore` on SQLite or PostgreSQL (features `sqlite`,
/// `postgres`), so several instances agree.
///
/// `claim` must be atomic: of two claims of one key at the same moment, one only is
/// [`Claim::Fresh`].
pub trait OnceStore: Send + Sync + 'static {
    /// Claims `ticket.key`: [`Claim::Fresh`] when nobody had it (then it is running, until
    /// [`complete`](Self::complete) or [`release`](Self::release)), else what is there. An
    /// expired entry counts as none.
    fn claim<'a>(&'a self, ticket: &'a Ticket) -> BoxFuture<'a, Result<Claim, StoreError>>;

    /// Remembers `answer` for the running claim `key`.
    fn complete<'a>(&'a self, key: &'a str, answer: Remembered) -> BoxFuture<'a, Result<(), StoreError>>;

    /// Forgets the running claim `key`: the same form may be sent again.
    fn release<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// The store and its timings, as the app chose them at start-up (see
/// [`Protection::once_store`](crate::protect::Protection::once_store)).
#[derive(Clone)]
pub struct OnceSettings {
    pub(crate) store: Arc<dyn OnceStore>,
    /// How long a second submission waits for the first's answer before a 409.
    pub(crate) wait: Duration,
    /// How long a running claim is trusted to finish.
    pub(crate) lease: Duration,
}

impl fmt::Debug for OnceSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OnceSettings").field("wait", &self.wait).field("lease", &self.lease).finish()
    }
}

impl PartialEq for OnceSettings {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.store, &other.store) && self.wait == other.wait && self.lease == other.lease
    }
}

impl Eq for OnceSettings {}

impl OnceSettings {
    /// `store` with the default timings: a second submission waits up to 5 s for the first; a
    /// running claim is trusted for 60 s.
    pub fn new(store: impl OnceStore) -> Self {
        OnceSettings { store: Arc::new(store), wait: Duration::from_secs(5), lease: Duration::from_secs(60) }
    }

    /// How long a second submission waits for the first's answer, before a 409 with `Retry-After`.
    pub fn wait(mut self, wait: Duration) -> Self {
        self.wait = wait;
        self
    }

    /// How long a running claim is trusted to finish: after it, a claim whose process died is
    /// [abandoned](Claim::Abandoned).
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }
}

/// The settings of a process whose app chose none: a [`MemoryStore`] with its defaults.
pub(crate) fn default_settings() -> &'static OnceSettings {
    static DEFAULT: OnceLock<OnceSettings> = OnceLock::new();
    DEFAULT.get_or_init(|| OnceSettings::new(MemoryStore::default()))
}

/// Why a submission's token or key is refused: 400.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BadToken {
    /// The `$once` value does not open.
    Token,
    /// The `Idempotency-Key` header is empty, too long, repeated, or not visible ASCII.
    Key,
}

impl BadToken {
    /// Its message's id in the catalogues (`runtime/locales`), whose English is its `Display`.
    pub(crate) fn id(&self) -> &'static str {
        match self {
            BadToken::Token => "refusal-once-token",
            BadToken::Key => "refusal-once-key",
        }
    }
}

impl fmt::Display for BadToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadToken::Token => f.write_str(
                "the form's one-time token was changed or comes from another site: reload the page and send it again",
            ),
            BadToken::Key => f.write_str(
                "the Idempotency-Key header must be given once, with 1 to 255 visible ASCII characters",
            ),
        }
    }
}

/// The ticket of a submission to the action `action` with the lifetime `lifetime`: by its
/// `Idempotency-Key` header, else its `$once` token; `None` when it has neither (a hand-written
/// form, a JSON caller without the header): then the action runs as it always did.
pub(crate) fn ticket(
    action: &str,
    headers: &HeaderMap,
    data: &FormData,
    lifetime: Duration,
    lease: Duration,
) -> Result<Option<Ticket>, BadToken> {
    let mut keys = headers.get_all(IDEMPOTENCY_KEY).iter();
    let key = match (keys.next(), keys.next()) {
        (None, _) => None,
        (Some(key), None) => {
            let key = key.to_str().map_err(|_| BadToken::Key)?.trim();
            if key.is_empty()
                || key.len() > MAX_KEY_LEN
                || !key.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
            {
                return Err(BadToken::Key);
            }
            Some(format!("{action}\nkey:{key}"))
        }
        (Some(_), Some(_)) => return Err(BadToken::Key),
    };
    let key = match key {
        Some(key) => key,
        None => {
            let mut tokens = data.get_all(ONCE_FIELD);
            let token = match (tokens.next(), tokens.next()) {
                (None, _) => return Ok(None),
                (Some(FieldValue::Text(token)), None) => token,
                _ => return Err(BadToken::Token),
            };
            let random = seal::with_current(|keys| keys.open(PURPOSE, token)).map_err(|_| BadToken::Token)?;
            format!("{action}\ntoken:{}", URL_SAFE_NO_PAD.encode(random))
        }
    };
    let now = now_ms();
    Ok(Some(Ticket {
        key,
        fingerprint: fingerprint(data),
        expires_at: now.saturating_add(millis(lifetime)),
        lease_until: now.saturating_add(millis(lease)),
    }))
}

/// A hash of the submitted values in order, the token left out: names, texts, and files (name,
/// type, bytes), each length-prefixed so no two submissions write the same bytes.
pub(crate) fn fingerprint(data: &FormData) -> String {
    let mut hash = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    for (name, value) in data.iter().filter(|(name, _)| *name != ONCE_FIELD) {
        part(name.as_bytes());
        match value {
            FieldValue::Text(text) => {
                part(b"t");
                part(text.as_bytes());
            }
            FieldValue::File(file) => {
                part(b"f");
                part(file.file_name.as_bytes());
                part(file.content_type.as_deref().unwrap_or("").as_bytes());
                part(&file.bytes);
            }
        }
    }
    let digest = hash.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(32);
    for byte in &digest[..16] {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Arc<seal::Keys> {
        Arc::new(seal::Keys::new([9; 32]))
    }

    #[tokio::test]
    async fn a_token_opens_only_as_a_token_and_keys_its_action() {
        let ticket_of =
            |data: &FormData| ticket("a.x", &HeaderMap::new(), data, DEFAULT_LIFETIME, DEFAULT_LIFETIME);
        let (first, second, tampered, foreign) = seal::with_keys(keys(), async {
            let token = mint().unwrap();
            let other = mint().unwrap();
            assert_ne!(token, other, "each form its own");
            let data = FormData::from_pairs([("name", "Ada"), (ONCE_FIELD, token.as_str())]);
            let mut changed = token.clone();
            changed.replace_range(..1, if token.starts_with('A') { "B" } else { "A" });
            let bound = keys().seal(b"formaction:bound:a.x", b"x").unwrap();
            (
                ticket_of(&data).unwrap().unwrap(),
                ticket_of(&FormData::from_pairs([("name", "Ada"), (ONCE_FIELD, other.as_str())]))
                    .unwrap()
                    .unwrap(),
                ticket_of(&FormData::from_pairs([(ONCE_FIELD, changed.as_str())])),
                ticket_of(&FormData::from_pairs([(ONCE_FIELD, bound.as_str())])),
            )
        })
        .await;
        assert_ne!(first.key, second.key);
        assert_eq!(first.fingerprint, second.fingerprint, "the token is not part of the values");
        assert!(first.key.starts_with("a.x\ntoken:"));
        assert_eq!(tampered, Err(BadToken::Token));
        assert_eq!(foreign, Err(BadToken::Token));
        assert_eq!(ticket_of(&FormData::from_pairs([("name", "Ada")])), Ok(None), "no token: no guarantee");
    }

    #[test]
    fn the_fingerprint_tells_values_apart() {
        let f = |pairs: &[(&str, &str)]| fingerprint(&FormData::from_pairs(pairs.iter().copied()));
        assert_eq!(f(&[("a", "1")]), f(&[("a", "1"), (ONCE_FIELD, "x")]));
        assert_ne!(f(&[("a", "1")]), f(&[("a", "2")]));
        assert_ne!(f(&[("a", "1b")]), f(&[("a1", "b")]), "lengths keep the parts apart");
        assert_ne!(f(&[("a", "1"), ("b", "2")]), f(&[("b", "2"), ("a", "1")]));
    }

    #[test]
    fn an_idempotency_key_is_one_visible_ascii_header() {
        let with = |values: &[&str]| {
            let mut headers = HeaderMap::new();
            for value in values {
                headers.append(IDEMPOTENCY_KEY, http::HeaderValue::from_str(value).unwrap());
            }
            ticket("a.x", &headers, &FormData::new(), DEFAULT_LIFETIME, DEFAULT_LIFETIME)
        };
        assert_eq!(with(&["k-1"]).unwrap().unwrap().key, "a.x\nkey:k-1");
        assert_eq!(with(&["  k-1 "]).unwrap().unwrap().key, "a.x\nkey:k-1", "trimmed");
        assert_eq!(with(&[" "]), Err(BadToken::Key));
        assert_eq!(with(&["a", "b"]), Err(BadToken::Key));
        assert_eq!(with(&[&"k".repeat(256)]), Err(BadToken::Key));
        assert!(with(&[&"k".repeat(255)]).is_ok());
    }
}
