//! What a user sees for each mistake with `#[form]` and `#[action]`, and what compiles.
//!
//! `{form,action}/fail/<mistake>.rs` must fail with exactly its `.stderr`; `{form,action}/pass/*.rs`
//! must compile and run. The `.stderr` files belong to the one stable toolchain this repository
//! is tested on: after a compiler update, regenerate them with `TRYBUILD=overwrite cargo test -p
//! formaction-ui-tests` and read the diff before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("form/fail/*.rs");
    cases.compile_fail("action/fail/*.rs");
    cases.pass("form/pass/*.rs");
    cases.pass("action/pass/*.rs");
}
