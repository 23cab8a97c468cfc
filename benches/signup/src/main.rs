//! The signup page of the Next.js peer (`shared/peers/nextjs`), served two ways for load runs:
//!
//! - `formaction`: `#[form]` + `#[action]`, with the team bound and sealed, the origin checked,
//!   every error at once;
//! - `axum`: what a careful Rust user writes today without us: axum's `Form`, the validator
//!   derive, an askama template; the team in a plain hidden field.
//!
//! Run with: `cargo run --release -p bench-signup -- formaction 3200` (or `axum 3201`); the load
//! itself is `benches/signup/run.sh`.
//!
//! Both store valid sign-ups in memory and answer `303 /signup/done`; an invalid one renders the
//! page again with the errors and values, with status 422.

mod by_hand;
mod with_formaction;

use std::sync::{Arc, Mutex};

/// One stored sign-up.
#[derive(Clone, Debug)]
#[allow(dead_code, reason = "kept like the peer's in-memory records; only counted")]
pub(crate) struct Record {
    /// The bound team.
    pub(crate) team: String,
    /// The name.
    pub(crate) name: String,
    /// The email.
    pub(crate) email: String,
    /// The age.
    pub(crate) age: u8,
}

/// The in-memory store both versions share in shape.
#[derive(Clone, Default)]
pub(crate) struct Store(Arc<Mutex<Vec<Record>>>);

impl Store {
    /// Stores a record.
    pub(crate) fn push(&self, record: Record) {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(record);
    }

    /// How many records.
    pub(crate) fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "formaction".to_owned());
    let port: u16 = args.next().as_deref().unwrap_or("3200").parse()?;
    let store = Store::default();
    let app = match which.as_str() {
        "formaction" => with_formaction::app(store),
        "axum" => by_hand::app(store),
        other => return Err(format!("unknown implementation `{other}`: formaction or axum").into()),
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("{which} signup on http://127.0.0.1:{port}/signup");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
