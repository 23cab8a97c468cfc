//! Work counted by tests that pin down how a cost grows (in tests only: nothing is counted in a
//! build for use). A scan over a submission's entries or a form's invalid fields adds how many
//! it looked at, so a test can tell linear work from quadratic without a clock.

use std::cell::Cell;

thread_local! {
    static LOOKED_AT: Cell<usize> = const { Cell::new(0) };
}

/// Records that `count` entries or fields were looked at.
pub(crate) fn looked_at(count: usize) {
    LOOKED_AT.with(|looked| looked.set(looked.get().saturating_add(count)));
}

/// What this thread looked at since the last call, and starts again from zero.
pub(crate) fn take() -> usize {
    LOOKED_AT.with(|looked| looked.replace(0))
}
