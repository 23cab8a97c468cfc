//! What a user sees for each mistake with `#[form]` and `#[action]`, and what compiles.
//!
//! `{form,action}/fail/<mistake>.rs` must fail with exactly its `.stderr`; `{form,action}/pass/*.rs`
//! must compile and run. The `.stderr` files belong to the one stable toolchain this repository
//! is tested on: after a compiler update, regenerate them with `TRYBUILD=overwrite cargo test -p
//! formaction-ui-tests` and read the diff before committing it.

use std::process::Command;

/// The toolchain the `.stderr` files were written by.
const TOOLCHAIN: &str = "rustc 1.95.";

#[test]
fn ui() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc).arg("--version").output().map(|out| out.stdout).unwrap_or_default();
    let version = String::from_utf8_lossy(&version);
    if !version.starts_with(TOOLCHAIN) {
        // A different compiler words and places its own notes differently: failures below are
        // then about the toolchain, not about formaction's messages.
        eprintln!(
            "note: the .stderr files were written by {TOOLCHAIN}x and this is {}; where only the \
             compiler's wording differs, regenerate them with `TRYBUILD=overwrite cargo test -p \
             formaction-ui-tests`, read the diff, and update TOOLCHAIN in ui-tests/tests/ui.rs",
            version.trim()
        );
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("form/fail/*.rs");
    cases.compile_fail("action/fail/*.rs");
    cases.pass("form/pass/*.rs");
    cases.pass("action/pass/*.rs");
}
