//! The signup page of the Next.js peer (`shared/peers/nextjs`), served two ways for load runs:
//!
//! - `formaction`: `#[form]` + `#[action]`, with the team bound and sealed, the origin checked,
//!   every error at once;
//! - `axum`: what a careful Rust user writes today without us: axum's `Form`, the validator
//!   derive, an askama template; the team in a plain hidden field;
//! - `guarded`: the same by hand with formaction's guarantees, written without formaction: the
//!   origin checked and the team sealed with the same AEAD (`by_hand_guarded`).
//!
//! Run with: `cargo run --release -p bench-signup -- formaction 3200` (or `axum 3201`); the load
//! itself is `benches/signup/run.sh`.
//!
//! All three store valid sign-ups in memory and answer `303 /signup/done`; an invalid one renders the
//! page again with the errors and values, with status 422.

pub mod by_hand;
pub mod by_hand_guarded;
pub mod with_formaction;

use std::sync::{Arc, Mutex};

/// One stored sign-up.
#[derive(Clone, Debug)]
#[allow(dead_code, reason = "kept like the peer's in-memory records; only counted")]
pub struct Record {
    /// The bound team.
    pub team: String,
    /// The name.
    pub name: String,
    /// The email.
    pub email: String,
    /// The age.
    pub age: u8,
}

/// The in-memory store both versions share in shape.
#[derive(Clone, Default)]
pub struct Store(Arc<Mutex<Vec<Record>>>);

impl Store {
    /// Stores a record.
    pub fn push(&self, record: Record) {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(record);
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }

    /// Whether nothing was stored yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
