//! Sealing values that travel through the browser: bound action arguments and flash messages.
//!
//! A sealed value is encrypted and authenticated with AES-256-GCM-SIV (RFC 8452, RustCrypto's
//! `aes-gcm-siv`, AES-NI and CLMUL used when the processor has them), under a 96-bit nonce, with a
//! *purpose* as associated data: for a bound argument, the action's id. A value sealed for one
//! action therefore fails to open for any other, and any change to any byte fails to open at all.
//! The browser sees only base64url text: the nonce, the ciphertext, the 16-byte tag.
//!
//! Keys come from configuration ([`Keys::from_env`]: `FORMACTION_SECRET`, base64 of 32 bytes, and
//! `FORMACTION_PREVIOUS_SECRETS`, a comma-separated list still accepted while rotating). Every
//! instance of an app with the same keys opens what any other sealed: nothing is kept in memory.
//!
//! # What a sealed value reveals
//!
//! Its length, and so about how long its plaintext is; nothing else. Each value gets a nonce of 12
//! bytes from the operating system's random generator (`getrandom`), drawn for it alone: the nonce
//! says nothing of the instance that sealed it, of when, or of how many values were sealed before
//! it, and two values sealed one after the other share no part of it. Two nonces agree with a
//! probability of about n² / 2^97 for n values sealed under one key; and were two to agree,
//! GCM-SIV would reveal only whether the two values are identical (see below). The kernel's
//! generator rather than one kept by the process: a forked process, or a virtual machine
//! restored from a snapshot, would repeat the stream of a generator of its own.
//!
//! # Length
//!
//! A sealed value is at most [`MAX_SEALED_LEN`] characters, so at most [`MAX_PLAINTEXT_LEN`] bytes
//! of plaintext. Anything longer is refused before it is decoded or decrypted
//! ([`SealError::TooLong`]): a submission cannot make the server decrypt a megabyte once per key.
//! Sealing a longer value is refused too ([`SealingError::TooLarge`], logged as an error), rather
//! than putting into a page a value that no instance would open.
//!
//! # Why AES-256-GCM-SIV
//!
//! Sealed values are short (a bound argument is some 10 to 100 bytes), so what a seal costs is
//! the cipher's set-up, not its speed per byte; a value is opened on every submission and sealed
//! on every page. Among the AEADs of RustCrypto, the AES-GCM family sets up in a fraction of
//! XChaCha20-Poly1305's work (figures in `BENCHMARKS.md`).
//!
//! Plain AES-GCM would be cheaper still, but its 96-bit nonce must never repeat under one key: a
//! repeat gives away the authentication key, after which anyone can forge values. Many instances,
//! restarts and processes share a key here, each drawing nonces on its own, so a repeat cannot be
//! ruled out in general. GCM-SIV is built for this case (misuse-resistant): the nonce only derives
//! per-message keys, and the tag is computed from the plaintext before encrypting, so a repeated
//! nonce reveals at most that two sealed values are identical (same purpose, same content, same
//! second), never the key and never a way to forge. Nonces are nevertheless unique with
//! overwhelming probability (see above).
//!
//! Values sealed by versions that used XChaCha20-Poly1305 do not open (400, like a changed value):
//! a page open during the upgrade must be loaded again, and a flash message in flight is lost.

use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aes_gcm_siv::aead::{AeadInOut, Generate, KeyInit};
use aes_gcm_siv::{Aes256GcmSiv, Key, Nonce, Tag};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures_util::future::Either;
use serde::Serialize;
use serde::de::DeserializeOwned;

mod bound;

pub use bound::open_bound;
pub(crate) use bound::{opened_args, reusing_opened, seal_bound};

const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
const TIMESTAMP_LEN: usize = 8;

/// The longest sealed value opened, in characters of base64url text (bound arguments in a form,
/// a flash message in a cookie, which browsers keep to about 4,000 bytes anyway). A longer value is
/// refused before any work ([`SealError::TooLong`]).
pub const MAX_SEALED_LEN: usize = 8192;

/// The longest plaintext sealed, in bytes: what fits in [`MAX_SEALED_LEN`] characters with its
/// nonce and tag (for [`Keys::seal_value`], the 8-byte time stamp and the JSON). A longer one is
/// refused ([`SealingError::TooLarge`]).
pub const MAX_PLAINTEXT_LEN: usize = MAX_SEALED_LEN / 4 * 3 - NONCE_LEN - TAG_LEN;

/// The environment variable holding the current key.
pub const SECRET_VAR: &str = "FORMACTION_SECRET";
/// The environment variable holding previous keys, comma-separated, still accepted.
pub const PREVIOUS_SECRETS_VAR: &str = "FORMACTION_PREVIOUS_SECRETS";

/// Why a sealed value could not be opened. Every case is the client's fault (or an attacker's), so
/// each becomes a 400 answer, never a 500.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SealError {
    /// The value is missing where the action needs one.
    Missing,
    /// Not base64url, or too short to be a sealed value.
    Malformed,
    /// Longer than [`MAX_SEALED_LEN`]: refused before it is decoded.
    TooLong,
    /// Authentication failed under every key: changed, sealed for another purpose (another
    /// action), or sealed with a key that is no longer accepted.
    Rejected,
    /// Older than the maximum age allowed.
    Expired,
    /// Opened, but the content does not have the expected type.
    Undecodable,
}

impl std::fmt::Display for SealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SealError::Missing => "the bound arguments of this action are missing",
            SealError::Malformed => "the bound arguments are malformed",
            SealError::TooLong => {
                return write!(
                    f,
                    "the bound arguments are too long: a sealed value has at most {MAX_SEALED_LEN} characters"
                );
            }
            SealError::Rejected => {
                "the bound arguments were changed, belong to another action, or were sealed with a key that is no longer accepted"
            }
            SealError::Expired => "the bound arguments have expired: reload the page and try again",
            SealError::Undecodable => "the bound arguments do not have the expected shape",
        };
        f.write_str(text)
    }
}

impl std::error::Error for SealError {}

/// Why a value could not be sealed. Sealing is the server's own doing, so each case is a defect
/// to fix (logged as an error where a page seals), never the client's.
#[derive(Debug)]
#[non_exhaustive]
pub enum SealingError {
    /// The value could not be written as JSON ([`Keys::seal_value`]).
    Json(serde_json::Error),
    /// The plaintext is longer than [`MAX_PLAINTEXT_LEN`] bytes: sealed, it would be longer than
    /// [`MAX_SEALED_LEN`], which no instance opens.
    TooLarge {
        /// The plaintext's length, in bytes.
        len: usize,
    },
    /// The operating system's random generator failed to give a nonce.
    Random,
}

impl std::fmt::Display for SealingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SealingError::Json(error) => write!(f, "the value could not be written as JSON: {error}"),
            SealingError::TooLarge { len } => write!(
                f,
                "the value is too large to seal: {len} bytes, and a sealed value holds at most {MAX_PLAINTEXT_LEN}"
            ),
            SealingError::Random => f.write_str("the operating system's random generator failed"),
        }
    }
}

impl std::error::Error for SealingError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SealingError::Json(error) => Some(error),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for SealingError {
    fn from(error: serde_json::Error) -> Self {
        SealingError::Json(error)
    }
}

/// Why keys could not be read from configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyError(String);

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeyError {}

/// The keys that seal and open values: one current key (sealing and opening) and any number of
/// previous keys (opening only), for rotation.
///
/// ```
/// use formaction::seal::Keys;
///
/// let old = Keys::from_base64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").unwrap();
/// let sealed = old.seal(b"purpose", b"42").unwrap();
///
/// // Rotation: the new key seals, the old one still opens what was sealed before.
/// let rotated = Keys::from_base64("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=").unwrap()
///     .with_previous(old.clone());
/// assert_eq!(rotated.open(b"purpose", &sealed).unwrap(), b"42");
/// assert!(rotated.open(b"another purpose", &sealed).is_err());
/// ```
#[derive(Clone)]
pub struct Keys {
    keys: Vec<Aes256GcmSiv>,
    ephemeral: bool,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys").field("keys", &self.keys.len()).field("ephemeral", &self.ephemeral).finish()
    }
}

impl Keys {
    /// Keys with one current key of 32 bytes.
    pub fn new(key: [u8; 32]) -> Self {
        let key = Key::<Aes256GcmSiv>::from(key);
        Keys { keys: vec![Aes256GcmSiv::new(&key)], ephemeral: false }
    }

    /// Keys with one current key, given as base64 (standard or URL-safe, padded or not) of 32
    /// bytes.
    pub fn from_base64(text: &str) -> Result<Self, KeyError> {
        let text = text.trim();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text)
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(text))
            .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
            .map_err(|_| KeyError("a formaction key must be base64".to_owned()))?;
        let key: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
            KeyError(format!("a formaction key must be 32 bytes, and this one is {}", bytes.len()))
        })?;
        Ok(Keys::new(key))
    }

    /// A random key for this process only. Fine for development; unfit for several instances,
    /// since each would refuse what the others sealed, and every restart invalidates open pages.
    pub fn random() -> Self {
        let key = Key::<Aes256GcmSiv>::generate();
        Keys { keys: vec![Aes256GcmSiv::new(&key)], ephemeral: true }
    }

    /// Keys from `FORMACTION_SECRET` and `FORMACTION_PREVIOUS_SECRETS`; `Ok(None)` when
    /// `FORMACTION_SECRET` is not set.
    pub fn from_env() -> Result<Option<Self>, KeyError> {
        let Ok(current) = std::env::var(SECRET_VAR) else { return Ok(None) };
        let mut keys = Keys::from_base64(&current).map_err(|e| KeyError(format!("{SECRET_VAR}: {e}")))?;
        if let Ok(previous) = std::env::var(PREVIOUS_SECRETS_VAR) {
            for key in previous.split(',').map(str::trim).filter(|key| !key.is_empty()) {
                let old =
                    Keys::from_base64(key).map_err(|e| KeyError(format!("{PREVIOUS_SECRETS_VAR}: {e}")))?;
                keys = keys.with_previous(old);
            }
        }
        Ok(Some(keys))
    }

    /// Adds the keys of `previous` as previous keys: accepted when opening, never used to seal.
    pub fn with_previous(mut self, previous: Keys) -> Self {
        self.keys.extend(previous.keys);
        self
    }

    /// Whether these are the random per-process keys of [`Keys::random`].
    pub fn is_ephemeral(&self) -> bool {
        self.ephemeral
    }

    /// Seals `plaintext` for `purpose`, as base64url text.
    ///
    /// # Errors
    ///
    /// [`SealingError::TooLarge`] for a plaintext longer than [`MAX_PLAINTEXT_LEN`], and
    /// [`SealingError::Random`] when the operating system gives no random bytes.
    pub fn seal(&self, purpose: &[u8], plaintext: &[u8]) -> Result<String, SealingError> {
        Sealing::new(&mut [0; STACK_SEALED], plaintext).seal(self, purpose)
    }

    /// Opens a value sealed for `purpose` with the current or a previous key.
    pub fn open(&self, purpose: &[u8], sealed: &str) -> Result<Vec<u8>, SealError> {
        self.open_with(purpose, sealed, |plaintext, _| plaintext.to_vec())
    }

    /// Opens a value sealed for `purpose` with the current or a previous key, and calls `f` with
    /// its plaintext and whether the current key opened it (not a previous one).
    ///
    /// The sealed bytes are decoded and decrypted where they lie, on the stack when they fit
    /// (every bound value a page seals does), on the heap otherwise: opening allocates nothing
    /// of its own in the usual case.
    fn open_with<R>(
        &self,
        purpose: &[u8],
        sealed: &str,
        f: impl FnOnce(&[u8], bool) -> R,
    ) -> Result<R, SealError> {
        let sealed = crate::text::trim(sealed);
        if sealed.len() > MAX_SEALED_LEN {
            return Err(SealError::TooLong);
        }
        let mut stack = [0u8; STACK_SEALED];
        let mut heap = Vec::new();
        let estimate = base64::decoded_len_estimate(sealed.len());
        let buffer = if estimate <= stack.len() {
            &mut stack[..]
        } else {
            heap.resize(estimate, 0);
            &mut heap[..]
        };
        let len = URL_SAFE_NO_PAD.decode_slice(sealed, buffer).map_err(|_| SealError::Malformed)?;
        if len < NONCE_LEN + TAG_LEN {
            return Err(SealError::Malformed);
        }
        let (nonce, rest) = buffer[..len].split_at_mut(NONCE_LEN);
        let (ciphertext, tag) = rest.split_at_mut(len - NONCE_LEN - TAG_LEN);
        let nonce = Nonce::try_from(&*nonce).map_err(|_| SealError::Malformed)?;
        let tag = Tag::try_from(&*tag).map_err(|_| SealError::Malformed)?;
        // A failed attempt leaves the ciphertext as it was (the cipher encrypts it back), so the
        // next key tries the same bytes.
        let index = self
            .keys
            .iter()
            .position(|key| {
                key.decrypt_inout_detached(&nonce, purpose, (&mut *ciphertext).into(), &tag).is_ok()
            })
            .ok_or(SealError::Rejected)?;
        Ok(f(ciphertext, index == 0))
    }

    /// Seals a serde value for `purpose`, stamped with the time, for [`Keys::open_value`].
    ///
    /// # Errors
    ///
    /// As [`Keys::seal`], and [`SealingError::Json`] when serde cannot write the value.
    pub fn seal_value<T: Serialize + ?Sized>(
        &self,
        purpose: &[u8],
        value: &T,
    ) -> Result<String, SealingError> {
        Sealing::stamped(&mut [0; STACK_SEALED], value)?.seal(self, purpose)
    }

    /// Opens a serde value sealed by [`Keys::seal_value`], refusing it when older than `max_age`.
    pub fn open_value<T: DeserializeOwned>(
        &self,
        purpose: &[u8],
        sealed: &str,
        max_age: Option<Duration>,
    ) -> Result<T, SealError> {
        self.open_stamped(purpose, sealed, max_age, |plaintext, _| {
            serde_json::from_slice(split_stamp(plaintext).1).map_err(|_| SealError::Undecodable)
        })?
    }

    /// Opens a value sealed by [`Keys::seal_value`] without reading its JSON, and calls `f` with
    /// its plaintext (the stamp, then the JSON) and whether the current key opened it.
    pub(crate) fn open_stamped<R>(
        &self,
        purpose: &[u8],
        sealed: &str,
        max_age: Option<Duration>,
        f: impl FnOnce(&[u8], bool) -> R,
    ) -> Result<R, SealError> {
        self.open_with(purpose, sealed, |plaintext, current_key| {
            if plaintext.len() < TIMESTAMP_LEN {
                return Err(SealError::Undecodable);
            }
            if let Some(max_age) = max_age {
                let age = now_secs().saturating_sub(sealed_at(plaintext));
                if age > max_age.as_secs() {
                    return Err(SealError::Expired);
                }
            }
            Ok(f(plaintext, current_key))
        })?
    }
}

/// When a plaintext made by [`Sealing::stamped`] was sealed, in seconds since the Unix epoch.
fn sealed_at(plaintext: &[u8]) -> u64 {
    let mut sealed_at = [0; TIMESTAMP_LEN];
    sealed_at.copy_from_slice(&plaintext[..TIMESTAMP_LEN]);
    u64::from_be_bytes(sealed_at)
}

/// Splits a plaintext made by [`Sealing::stamped`] into its time and its JSON.
pub(crate) fn split_stamp(plaintext: &[u8]) -> (&[u8], &[u8]) {
    plaintext.split_at(TIMESTAMP_LEN.min(plaintext.len()))
}

/// The most bytes sealed without a heap buffer (nonce, plaintext and tag): every bound value a
/// page usually seals fits.
pub(crate) const STACK_SEALED: usize = 256;

/// A plaintext about to be sealed, in a buffer with room for the nonce before it and the tag
/// after it, so that it is encrypted where it lies: in the caller's buffer (on its stack) when
/// it fits, else on the heap. It borrows the buffer rather than holding it, so that it moves
/// without copying it.
pub(crate) struct Sealing<'a> {
    stack: &'a mut [u8; STACK_SEALED],
    heap: Vec<u8>,
    /// The plaintext's length.
    len: usize,
}

impl<'a> Sealing<'a> {
    /// `plaintext` in `stack` when it fits, else on the heap.
    fn new(stack: &'a mut [u8; STACK_SEALED], plaintext: &[u8]) -> Self {
        let len = plaintext.len();
        let total = NONCE_LEN + len + TAG_LEN;
        let mut sealing = Sealing { stack, heap: Vec::new(), len };
        if total > STACK_SEALED {
            sealing.heap = vec![0; total];
        }
        sealing.buffer()[NONCE_LEN..NONCE_LEN + len].copy_from_slice(plaintext);
        sealing
    }

    /// The whole buffer: the stack's, or the heap's when the plaintext did not fit.
    fn buffer(&mut self) -> &mut [u8] {
        if self.heap.is_empty() { &mut self.stack[..] } else { &mut self.heap }
    }

    /// The time now (see [`sealed_at`]) followed by `value`'s JSON: what [`Keys::seal_value`]
    /// seals. The JSON is written into `stack` when it fits.
    pub(crate) fn stamped<T: Serialize + ?Sized>(
        stack: &'a mut [u8; STACK_SEALED],
        value: &T,
    ) -> Result<Self, serde_json::Error> {
        let stamp = now_secs().to_be_bytes();
        let room = &mut stack[NONCE_LEN..STACK_SEALED - TAG_LEN];
        room[..TIMESTAMP_LEN].copy_from_slice(&stamp);
        let mut writer = &mut room[TIMESTAMP_LEN..];
        let free = writer.len();
        if serde_json::to_writer(&mut writer, value).is_ok() {
            let len = TIMESTAMP_LEN + free - writer.len();
            return Ok(Sealing { stack, heap: Vec::new(), len });
        }
        // Too large for the stack (or not serialisable, which this tells again): on the heap.
        let mut heap = vec![0; NONCE_LEN];
        heap.extend_from_slice(&stamp);
        serde_json::to_writer(&mut heap, value)?;
        let len = heap.len() - NONCE_LEN;
        heap.resize(heap.len() + TAG_LEN, 0);
        Ok(Sealing { stack, heap, len })
    }

    /// The plaintext.
    pub(crate) fn plaintext(&self) -> &[u8] {
        let buffer = if self.heap.is_empty() { &self.stack[..] } else { &self.heap[..] };
        &buffer[NONCE_LEN..NONCE_LEN + self.len]
    }

    /// Seals the plaintext for `purpose` with the current key, as base64url text: the nonce, the
    /// ciphertext, the tag. A refusal is logged: where a page seals, it is the page's defect.
    pub(crate) fn seal(mut self, keys: &Keys, purpose: &[u8]) -> Result<String, SealingError> {
        let len = self.len;
        let nonce = if len > MAX_PLAINTEXT_LEN {
            Err(SealingError::TooLarge { len })
        } else {
            Nonce::try_generate().map_err(|_| SealingError::Random)
        };
        let nonce = match nonce {
            Ok(nonce) => nonce,
            Err(error) => {
                refused_to_seal(purpose, &error);
                return Err(error);
            }
        };
        let buffer = self.buffer();
        buffer[..NONCE_LEN].copy_from_slice(nonce.as_slice());
        let (plaintext, after) = buffer[NONCE_LEN..].split_at_mut(len);
        let sealed_len = match keys.keys[0].encrypt_inout_detached(&nonce, purpose, plaintext.into()) {
            Ok(tag) => {
                after[..TAG_LEN].copy_from_slice(&tag);
                NONCE_LEN + len + TAG_LEN
            }
            // Encryption only fails for messages beyond the cipher's length limit (2^36 bytes),
            // which nothing here produces; were it to, the nonce alone never opens.
            Err(_) => NONCE_LEN,
        };
        Ok(encode(&buffer[..sealed_len]))
    }
}

/// Logs why a value was not sealed, with its purpose (for a bound argument, the action's id).
#[cold]
#[inline(never)]
fn refused_to_seal(purpose: &[u8], error: &SealingError) {
    let purpose = String::from_utf8_lossy(purpose);
    tracing::error!(%purpose, %error, "a value was not sealed: the page goes out without it");
}

/// `bytes` as base64url text, encoded on the stack when it fits and then copied into a string
/// of exactly its length (cheaper than the crate's own `encode`, which zeroes a buffer on the
/// heap first).
fn encode(bytes: &[u8]) -> String {
    let mut text = [0u8; STACK_SEALED.div_ceil(3) * 4];
    match URL_SAFE_NO_PAD.encode_slice(bytes, &mut text) {
        Ok(len) => {
            std::str::from_utf8(&text[..len]).map_or_else(|_| URL_SAFE_NO_PAD.encode(bytes), str::to_owned)
        }
        Err(_) => URL_SAFE_NO_PAD.encode(bytes),
    }
}

fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs())
}

static INSTALLED: OnceLock<Keys> = OnceLock::new();

tokio::task_local! {
    /// The keys of the page being served, when it has its own (see [`with_keys`]).
    static SCOPED: Arc<Keys>;
}

/// Runs `future` with `keys` as the keys in use: what a page with its own keys does while it
/// renders or runs an action, so `name::bind(...)` seals with them.
pub fn with_keys<F: Future>(keys: Arc<Keys>, future: F) -> impl Future<Output = F::Output> {
    // A plain function rather than an `async fn`, which would hold `future` twice in its state.
    SCOPED.scope(keys, future)
}

/// `future` with `keys` in use when there are some (a page's own), else as it is. A plain
/// function returning one of two futures rather than an `async fn`, whose state would hold
/// `future` once per branch.
pub(crate) fn scoped<F: Future>(keys: Option<Arc<Keys>>, future: F) -> impl Future<Output = F::Output> {
    match keys {
        Some(keys) => Either::Left(with_keys(keys, future)),
        None => Either::Right(future),
    }
}

/// Calls `f` with the keys in use: the page's own (see [`with_keys`]), else the process's
/// ([`keys`]).
pub fn with_current<R>(f: impl FnOnce(&Keys) -> R) -> R {
    match SCOPED.try_with(Arc::clone) {
        Ok(scoped) => f(&scoped),
        Err(_) => f(keys()),
    }
}

/// Installs the keys used by this process. Call it once at start-up, before any page renders;
/// otherwise the keys come from the environment on first use (see [`keys`]).
///
/// Returns the keys back when keys were already in use.
pub fn install(keys: Keys) -> Result<(), Keys> {
    INSTALLED.set(keys)
}

/// The keys in use: the installed ones; else those of `FORMACTION_SECRET`; else a random key
/// for this process, with a warning in the log that it is unfit for several instances.
///
/// A `FORMACTION_SECRET` that is set but invalid stops the process with its reason: running on
/// a random key instead would silently break every other instance.
pub fn keys() -> &'static Keys {
    INSTALLED.get_or_init(|| match Keys::from_env() {
        Ok(Some(keys)) => keys,
        Ok(None) => {
            tracing::warn!(
                "{SECRET_VAR} is not set: sealing with a random key for this process only. Fine for \
                 development; set {SECRET_VAR} (base64 of 32 bytes) to run several instances or survive restarts."
            );
            Keys::random()
        }
        Err(error) => panic!("formaction: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_position_is_authenticated() {
        let keys = Keys::new([7; 32]);
        let sealed = keys.seal(b"a", b"hello").unwrap();
        let bytes = URL_SAFE_NO_PAD.decode(&sealed).unwrap();
        for i in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[i] ^= 0x01;
            assert_eq!(
                keys.open(b"a", &URL_SAFE_NO_PAD.encode(changed)),
                Err(SealError::Rejected),
                "byte {i}"
            );
        }
        for len in 0..sealed.len() {
            assert!(keys.open(b"a", &sealed[..len]).is_err(), "truncated to {len}");
        }
        assert_eq!(keys.open(b"a", "not base64!"), Err(SealError::Malformed));
        // Blanks around a pasted value are not part of it.
        assert_eq!(keys.open(b"a", &format!(" {sealed}\n")).unwrap(), b"hello");
        assert_eq!(keys.open(b"a", &sealed).unwrap(), b"hello");
    }

    #[test]
    fn purposes_keys_and_rotation() {
        let old = Keys::new([1; 32]);
        let new = Keys::new([2; 32]);
        let sealed_old = old.seal(b"p", b"x").unwrap();
        assert_eq!(old.open(b"q", &sealed_old), Err(SealError::Rejected), "another purpose");
        assert_eq!(new.open(b"p", &sealed_old), Err(SealError::Rejected), "another key");
        let rotating = new.clone().with_previous(old.clone());
        assert_eq!(rotating.open(b"p", &sealed_old).unwrap(), b"x");
        let sealed_new = rotating.seal(b"p", b"y").unwrap();
        assert_eq!(new.open(b"p", &sealed_new).unwrap(), b"y", "the current key seals");
        assert_eq!(old.open(b"p", &sealed_new), Err(SealError::Rejected));
    }

    #[test]
    fn values_with_age() {
        let keys = Keys::new([3; 32]);
        let sealed = keys.seal_value(b"p", &(42u64, "team")).unwrap();
        let opened: (u64, String) = keys.open_value(b"p", &sealed, Some(Duration::from_secs(60))).unwrap();
        assert_eq!(opened, (42, "team".to_owned()));
        assert_eq!(keys.open_value::<(String,)>(b"p", &sealed, None), Err(SealError::Undecodable));
        // A value stamped long ago.
        let mut plaintext = 1_000u64.to_be_bytes().to_vec();
        plaintext.extend_from_slice(b"[1]");
        let old = keys.seal(b"p", &plaintext).unwrap();
        assert_eq!(
            keys.open_value::<(u8,)>(b"p", &old, Some(Duration::from_secs(3600))),
            Err(SealError::Expired)
        );
        assert_eq!(keys.open_value::<(u8,)>(b"p", &old, None), Ok((1,)));
    }

    #[test]
    fn values_too_large_for_the_stack_buffer() {
        let keys = Keys::new([4; 32]).with_previous(Keys::new([8; 32]));
        for len in [0, 100, STACK_SEALED - 60, STACK_SEALED, 5_000] {
            let text = "é".repeat(len / 2);
            let sealed = keys.seal_value(b"p", &text).unwrap();
            assert_eq!(keys.open_value::<String>(b"p", &sealed, None).unwrap(), text, "{len}");
            let plaintext = vec![7u8; len];
            let sealed = keys.seal(b"p", &plaintext).unwrap();
            assert_eq!(keys.open(b"p", &sealed).unwrap(), plaintext, "{len}");
            // Sealed with the previous key: the current key's failed attempt leaves the bytes
            // for the next one.
            let old = Keys::new([8; 32]).seal(b"p", &plaintext).unwrap();
            assert_eq!(keys.open(b"p", &old).unwrap(), plaintext, "{len}");
        }
    }

    #[test]
    fn nonces_never_repeat() {
        let keys = Keys::new([5; 32]);
        let nonces: std::collections::HashSet<Vec<u8>> = (0..10_000)
            .map(|_| URL_SAFE_NO_PAD.decode(keys.seal(b"p", b"x").unwrap()).unwrap()[..NONCE_LEN].to_vec())
            .collect();
        assert_eq!(nonces.len(), 10_000);
    }

    /// The nonces of `count` values sealed one after another.
    fn nonces(count: usize) -> Vec<[u8; NONCE_LEN]> {
        let keys = Keys::new([6; 32]);
        (0..count)
            .map(|_| {
                let sealed = URL_SAFE_NO_PAD.decode(keys.seal(b"p", b"x").unwrap()).unwrap();
                sealed[..NONCE_LEN].try_into().unwrap()
            })
            .collect()
    }

    #[test]
    fn consecutive_nonces_share_no_structure() {
        // A per-process prefix with a counter XORed into the last eight bytes made every pair of
        // consecutive nonces agree on their first four bytes, and differ by a small number in
        // the last eight. For random nonces, each of these happens to one pair in 2^32: over
        // 1,000 pairs, two such pairs come with a probability of about 10^-13.
        let nonces = nonces(1_001);
        let pairs = || nonces.windows(2).map(|pair| (pair[0], pair[1]));
        let same_start = pairs().filter(|(a, b)| a[..4] == b[..4]).count();
        assert!(same_start <= 1, "{same_start} of 1,000 pairs start with the same four bytes");
        let tail = |nonce: [u8; NONCE_LEN]| u64::from_be_bytes(nonce[4..].try_into().unwrap());
        let small_difference = pairs().filter(|(a, b)| tail(*a) ^ tail(*b) < 1 << 32).count();
        assert!(small_difference <= 1, "{small_difference} of 1,000 pairs differ by a small number");
        // Nor do they share a prefix further apart: the first four bytes of 1,001 random nonces
        // repeat about once in 10,000 runs, ten times never.
        let starts: std::collections::HashSet<&[u8]> = nonces.iter().map(|nonce| &nonce[..4]).collect();
        assert!(starts.len() >= 990, "only {} distinct first four bytes in 1,001 nonces", starts.len());
    }

    #[test]
    fn a_value_longer_than_any_sealed_is_refused_before_it_is_decoded() {
        let keys = Keys::new([1; 32]).with_previous(Keys::new([2; 32])).with_previous(Keys::new([3; 32]));
        for len in [MAX_SEALED_LEN + 1, 1 << 20] {
            let text = "A".repeat(len);
            assert_eq!(keys.open(b"p", &text), Err(SealError::TooLong), "{len}");
            assert_eq!(keys.open_value::<String>(b"p", &text, None), Err(SealError::TooLong), "{len}");
        }
        // At the limit, it is decoded and tried with every key (and refused: it is no sealed value).
        assert_eq!(keys.open(b"p", &"A".repeat(MAX_SEALED_LEN)), Err(SealError::Rejected));
        // Blanks around a value are not part of it.
        let text = format!("  {}\n", "A".repeat(MAX_SEALED_LEN));
        assert_eq!(keys.open(b"p", &text), Err(SealError::Rejected));
        let message = SealError::TooLong.to_string();
        assert_eq!(message, "the bound arguments are too long: a sealed value has at most 8192 characters");
    }

    #[test]
    fn the_largest_plaintext_seals_to_the_longest_value_opened_and_a_longer_one_is_refused() {
        let keys = Keys::new([4; 32]);
        let largest = vec![b'x'; MAX_PLAINTEXT_LEN];
        let sealed = keys.seal(b"p", &largest).unwrap();
        assert_eq!(sealed.len(), MAX_SEALED_LEN);
        assert_eq!(keys.open(b"p", &sealed).unwrap(), largest);
        let error = keys.seal(b"p", &[b'x'; MAX_PLAINTEXT_LEN + 1]).unwrap_err();
        assert!(matches!(error, SealingError::TooLarge { len } if len == MAX_PLAINTEXT_LEN + 1), "{error}");
        assert_eq!(
            error.to_string(),
            format!(
                "the value is too large to seal: {} bytes, and a sealed value holds at most 6116",
                MAX_PLAINTEXT_LEN + 1
            )
        );
        // A value: its stamp and its JSON (a string and its two quotes) count.
        let fits = "y".repeat(MAX_PLAINTEXT_LEN - TIMESTAMP_LEN - 2);
        let sealed = keys.seal_value(b"p", &fits).unwrap();
        assert_eq!(keys.open_value::<String>(b"p", &sealed, None).unwrap(), fits);
        let over = format!("{fits}y");
        assert!(matches!(keys.seal_value(b"p", &over), Err(SealingError::TooLarge { .. })));
    }

    #[test]
    fn keys_from_base64() {
        assert!(Keys::from_base64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").is_ok());
        assert!(Keys::from_base64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").is_ok());
        let short = Keys::from_base64("AAAA").unwrap_err();
        assert_eq!(short.to_string(), "a formaction key must be 32 bytes, and this one is 3");
        assert!(Keys::from_base64("???").is_err());
    }
}
