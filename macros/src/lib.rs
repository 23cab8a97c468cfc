//! Procedural macros for [formaction](https://docs.rs/formaction): `#[form]` and `#[action]`. Use
//! them through the `formaction` crate, which re-exports them and holds every path the generated
//! code refers to.
//!
//! Each macro is parse -> model -> check -> expand, in its own folder; every mistake found is
//! reported at the user's token, all of them at once.
//!
//! # Layers
//!
//! A module imports only modules of a lower layer (`crate::`, `super::`), never one of its own
//! layer or above: the table is in the repository's `ARCHITECTURE.md`, and the test command
//! checks it (`tests/layers.rs`).

mod action;
mod attrs;
mod ctxt;
mod debug;
mod form;
mod paths;

use proc_macro::TokenStream;

/// Turns a struct with named fields into a form (parsing, validation with every error at once,
/// constraints and a schema for rendering), or a unit enum into a set of choices.
///
/// See `formaction::Form` for the whole story.
#[proc_macro_attribute]
pub fn form(args: TokenStream, item: TokenStream) -> TokenStream {
    let expanded = form::expand(args.into(), item.into());
    debug::print("form", &expanded);
    expanded.into()
}

/// Turns an `async fn` into an action a page can run. See `formaction::action`.
#[proc_macro_attribute]
pub fn action(args: TokenStream, item: TokenStream) -> TokenStream {
    let expanded = action::expand(args.into(), item.into());
    debug::print("action", &expanded);
    expanded.into()
}
