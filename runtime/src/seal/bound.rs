//! The bound arguments of actions (`create_invoice::bind(team)`): sealed for one action, opened from
//! a submission, and the text a submission opened reused by the page that answers it.

use std::future::Future;
use std::time::Duration;

use serde::Serialize;

use super::{Keys, STACK_SEALED, SealError, Sealing, split_stamp, with_current};
use crate::form_data::FormData;
use crate::names::BOUND_FIELD;

/// Opens the bound arguments of action `id` from the submission.
///
/// While a page answers a `POST`, a value opened with the current key is kept for the page
/// rendered in answer, which binds the same arguments to the same action again when the
/// submission was invalid: see [`BoundAction::new`](crate::BoundAction::new).
pub fn open_bound<T: serde::de::DeserializeOwned>(
    data: &FormData,
    id: &'static str,
    max_age: Option<Duration>,
) -> Result<T, SealError> {
    let sealed = crate::text::trim(data.text(BOUND_FIELD).ok_or(SealError::Missing)?);
    with_current(|keys| {
        with_bound_purpose(id, |purpose| {
            keys.open_stamped(purpose, sealed, max_age, |plaintext, current_key| {
                let (_, json) = split_stamp(plaintext);
                let value = serde_json::from_slice(json).map_err(|_| SealError::Undecodable)?;
                // Outside a page's `POST` (an endpoint, a test calling `run`) there is no slot,
                // and nothing to keep.
                let _ = OPENED.try_with(|slot| {
                    let mut slot = slot.borrow_mut();
                    slot.args = Some(args_hash(json));
                    if current_key {
                        slot.reusable = Opened::new(id, keys, sealed, plaintext, max_age);
                    }
                });
                Ok(value)
            })
        })?
    })
}

/// The bound arguments one submission opened, kept while its answer renders.
struct Opened {
    /// The action they are sealed for.
    id: &'static str,
    /// The keys that opened them (their address): the page's own or the process's.
    keys: usize,
    /// The sealed text as submitted, then the JSON it contains: one allocation, which becomes
    /// the text handed back when it is reused. Not a fixed array: the page's future holds it, and
    /// is copied whole when it moves.
    kept: String,
    /// Where the sealed text ends in `kept`.
    sealed_len: usize,
    /// The time it was sealed, as stamped (see [`split_stamp`]).
    stamp: [u8; 8],
    /// Whether the action has a maximum age, so that the time matters.
    ages: bool,
}

impl Opened {
    /// What to keep of `sealed`, which opened to `plaintext`; `None` when its JSON is not UTF-8
    /// (serde may have skipped over such bytes): nothing is reused then.
    fn new(
        id: &'static str,
        keys: &Keys,
        sealed: &str,
        plaintext: &[u8],
        max_age: Option<Duration>,
    ) -> Option<Self> {
        let (stamp, json) = split_stamp(plaintext);
        let json = std::str::from_utf8(json).ok()?;
        let mut kept = String::with_capacity(sealed.len() + json.len());
        kept.push_str(sealed);
        kept.push_str(json);
        Some(Opened {
            id,
            keys: keys as *const Keys as usize,
            kept,
            sealed_len: sealed.len(),
            stamp: stamp.try_into().ok()?,
            ages: max_age.is_some(),
        })
    }

    /// The JSON the sealed value contains.
    fn json(&self) -> &[u8] {
        &self.kept.as_bytes()[self.sealed_len..]
    }

    /// The sealed text.
    fn into_sealed(mut self) -> String {
        self.kept.truncate(self.sealed_len);
        self.kept
    }
}

/// What the submission being answered opened of its bound arguments.
#[derive(Default)]
struct OpenedSlot {
    /// Their sealed text and JSON, for reuse (see [`reusing_opened`]).
    reusable: Option<Opened>,
    /// The hash of their JSON (see [`args_hash`]), kept after a reuse: the page tells by it which
    /// of its buttons sent the submission (see [`opened_args`]).
    args: Option<u64>,
}

tokio::task_local! {
    /// The bound arguments the submission being answered opened (see [`reusing_opened`]).
    static OPENED: std::cell::RefCell<OpenedSlot>;
}

/// The hash of bound arguments as JSON (FNV-1a, 64 bits): what a [`BoundAction`] and the
/// submission that opened arguments compare, to tell which button of a list sent it. Kept in
/// memory only, never written into a page, where it would tell a small value without the key.
///
/// [`BoundAction`]: crate::BoundAction
pub(crate) fn args_hash(json: &[u8]) -> u64 {
    json.iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The hash of the bound arguments the submission being answered opened (see [`args_hash`]), if
/// it opened some.
pub(crate) fn opened_args() -> Option<u64> {
    OPENED.try_with(|slot| slot.borrow().args).ok().flatten()
}

/// Runs `future` (a page answering one submission: the action, then the page rendered again) so
/// that binding the arguments the submission just opened reuses their sealed text instead of
/// sealing them again.
///
/// After an invalid submission, the page renders again and binds the same value to the same action
/// (`create_invoice::bind(team)`): sealing afresh would cost a whole seal, to give the browser a
/// different text for a value it has just proved to hold, for the same action, under the same key.
/// The sealed text is reused only:
///
/// - within this one request (nothing is kept across requests or users: identical sealed texts
///   in different answers would reveal shared values), and once (two forms on the page binding
///   the same value get two different texts, as before);
/// - for the same action id, the same keys, opened with the current key (a value sealed with a
///   previous key is sealed again with the current one), and byte-for-byte the same JSON;
/// - when the action has no `max_age`, or the value was sealed in the current second: reusing keeps
///   the time of the first seal, so with a maximum age the page would expire sooner than a freshly
///   sealed one. Within the same second the stamps are equal anyway.
pub(crate) fn reusing_opened<F: Future>(future: F) -> impl Future<Output = F::Output> {
    // A plain function rather than an `async fn`: that would hold `future` twice in its state,
    // and a page's answer is a large future, copied whole whenever it moves.
    OPENED.scope(std::cell::RefCell::new(OpenedSlot::default()), future)
}

/// The sealed text of the arguments the submission opened, when `plaintext` (a fresh stamp and
/// the JSON) binds exactly them again to action `id` with `keys` (see [`reusing_opened`]).
fn reuse_opened(id: &str, keys: &Keys, plaintext: &[u8]) -> Option<String> {
    OPENED
        .try_with(|slot| {
            let mut slot = slot.borrow_mut();
            let (stamp, json) = split_stamp(plaintext);
            let fits = slot.reusable.as_ref().is_some_and(|opened| {
                opened.id == id
                    && opened.keys == keys as *const Keys as usize
                    && opened.json() == json
                    && (!opened.ages || opened.stamp == stamp)
            });
            if fits { slot.reusable.take().map(Opened::into_sealed) } else { None }
        })
        .ok()
        .flatten()
}

/// Calls `f` with the purpose (associated data) of the bound arguments of action `id`:
/// `formaction:bound:<id>`, built on the stack when it fits, as it does for any id a Rust path
/// makes (this runs for every submission and every page).
fn with_bound_purpose<R>(id: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    const PREFIX: &[u8] = b"formaction:bound:";
    let mut buffer = [0u8; 256];
    let len = PREFIX.len() + id.len();
    if let Some(purpose) = buffer.get_mut(..len) {
        purpose[..PREFIX.len()].copy_from_slice(PREFIX);
        purpose[PREFIX.len()..].copy_from_slice(id.as_bytes());
        f(purpose)
    } else {
        let mut purpose = PREFIX.to_vec();
        purpose.extend_from_slice(id.as_bytes());
        f(&purpose)
    }
}

/// `args` (a tuple of an action's `#[bind]` arguments) sealed for action `id` with the current
/// keys, or the text the submission being answered opened for exactly them (see
/// [`reusing_opened`]); `None` when they cannot be sealed (logged). With it, the hash of their
/// JSON ([`args_hash`]), `None` when serde could not write them.
pub(crate) fn seal_bound<T: Serialize + ?Sized>(id: &'static str, args: &T) -> (Option<String>, Option<u64>) {
    with_current(|keys| {
        let mut stack = [0; STACK_SEALED];
        let Ok(sealing) = Sealing::stamped(&mut stack, args) else { return (None, None) };
        let hash = args_hash(split_stamp(sealing.plaintext()).1);
        let sealed = reuse_opened(id, keys, sealing.plaintext())
            .or_else(|| with_bound_purpose(id, |purpose| sealing.seal(keys, purpose)).ok());
        (sealed, Some(hash))
    })
}
