//! The body budget: how many bytes of request bodies the actions of this process hold at once
//! (documented in [`security`](crate::security)).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The budget when none is set: 64 MiB.
pub const DEFAULT: usize = 64 << 20;

/// The environment variable setting the budget (`"256MB"`, `"512KiB"`, a number of bytes).
pub const VAR: &str = "FORMACTION_BODY_BUDGET";

static PROCESS: OnceLock<Budget> = OnceLock::new();

/// Sets this process's budget, in bytes. Call it at start-up, before any body is read; otherwise
/// the budget comes from `FORMACTION_BODY_BUDGET` on the first body, or is [`DEFAULT`].
///
/// Returns the bytes back when a budget is already in use.
pub fn install(bytes: usize) -> Result<(), usize> {
    PROCESS.set(Budget::new(bytes)).map_err(|_| bytes)
}

/// The budget in use, in bytes.
pub fn limit() -> usize {
    process().limit
}

/// The bytes of bodies held now.
pub fn in_use() -> usize {
    process().held.load(Ordering::Relaxed)
}

/// The process's budget: the installed one, else `FORMACTION_BODY_BUDGET`'s, else [`DEFAULT`].
pub(crate) fn process() -> &'static Budget {
    PROCESS.get_or_init(|| {
        let bytes = match std::env::var(VAR) {
            Err(_) => DEFAULT,
            Ok(text) => parse_size(&text).unwrap_or_else(|| {
                tracing::error!(
                    "{VAR}=`{text}` is not a size (write \"256MB\", \"512KiB\" or a number of bytes): the body budget is {DEFAULT} bytes"
                );
                DEFAULT
            }),
        };
        Budget::new(bytes)
    })
}

/// `"64MB"`, `"512KiB"`, `"100B"` or a number of bytes, as `#[action(body_limit = ...)]` reads
/// them: units are powers of 1024, case does not matter, no space between number and unit.
fn parse_size(text: &str) -> Option<usize> {
    let text = text.trim();
    let unit_at = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (digits, unit) = text.split_at(unit_at);
    let number: usize = digits.parse().ok()?;
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return None,
    };
    number.checked_mul(1 << shift)
}

/// A budget of bytes, and how many are held.
#[derive(Debug)]
pub(crate) struct Budget {
    limit: usize,
    held: AtomicUsize,
}

impl Budget {
    pub(crate) const fn new(limit: usize) -> Self {
        Budget { limit, held: AtomicUsize::new(0) }
    }

    /// A hold on nothing yet, to [`Held::grow`] as a body arrives.
    pub(crate) fn hold(&self) -> Held<'_> {
        Held { budget: self, bytes: 0 }
    }
}

/// The bytes one body holds of a [`Budget`], given back when it is dropped.
#[derive(Debug)]
pub(crate) struct Held<'a> {
    budget: &'a Budget,
    bytes: usize,
}

impl Held<'_> {
    /// Holds `more` bytes more, or refuses when the budget has no room for them (holding what it
    /// held).
    pub(crate) fn grow(&mut self, more: usize) -> Result<(), Exhausted> {
        let budget = self.budget;
        let room = |held: usize| held.checked_add(more).filter(|&total| total <= budget.limit);
        match budget.held.fetch_update(Ordering::Relaxed, Ordering::Relaxed, room) {
            Ok(_) => {
                self.bytes += more;
                Ok(())
            }
            Err(_) => {
                Err(Exhausted { limit: budget.limit, alone: self.bytes.saturating_add(more) > budget.limit })
            }
        }
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if self.bytes > 0 {
            self.budget.held.fetch_sub(self.bytes, Ordering::Relaxed);
        }
    }
}

/// The budget had no room for a body (answered 503).
#[derive(Debug)]
pub(crate) struct Exhausted {
    /// The budget, in bytes.
    pub(crate) limit: usize,
    /// Whether this body alone is larger than the whole budget (a budget set below an action's
    /// `body_limit`: the body can never be read).
    pub(crate) alone: bool,
}

impl std::fmt::Display for Exhausted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the body budget of {} bytes is in use", self.limit)
    }
}

impl std::error::Error for Exhausted {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_grow_until_the_budget_and_give_back_when_dropped() {
        let budget = Budget::new(100);
        let mut first = budget.hold();
        first.grow(60).unwrap();
        let mut second = budget.hold();
        second.grow(30).unwrap();
        let refused = second.grow(11).unwrap_err();
        assert_eq!((refused.limit, refused.alone), (100, false));
        assert_eq!(budget.held.load(Ordering::Relaxed), 90, "a refusal holds nothing more");
        second.grow(10).unwrap();
        drop(first);
        assert_eq!(budget.held.load(Ordering::Relaxed), 40);
        let mut third = budget.hold();
        assert!(third.grow(101).unwrap_err().alone);
        drop(second);
        drop(third);
        assert_eq!(budget.held.load(Ordering::Relaxed), 0);
        // Near the top of `usize`, a sum that would overflow is a refusal.
        let huge = Budget::new(usize::MAX);
        let mut held = huge.hold();
        held.grow(usize::MAX).unwrap();
        assert!(huge.hold().grow(1).is_err());
    }

    #[test]
    fn many_threads_never_hold_more_than_the_budget() {
        let budget = Budget::new(1000);
        let peak = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..2000 {
                        let mut held = budget.hold();
                        if held.grow(300).is_ok() {
                            peak.fetch_max(budget.held.load(Ordering::Relaxed), Ordering::Relaxed);
                        }
                    }
                });
            }
        });
        assert!(peak.load(Ordering::Relaxed) <= 1000);
        assert_eq!(budget.held.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64MB"), Some(64 << 20));
        assert_eq!(parse_size(" 512kib "), Some(512 << 10));
        assert_eq!(parse_size("100B"), Some(100));
        assert_eq!(parse_size("1g"), Some(1 << 30));
        assert_eq!(parse_size("12345"), Some(12345));
        for bad in ["", "MB", "2 MB", "-1", "1.5MB", "1TB", "99999999999999999999999"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }
}
