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
//! layer or above.
//!
//! | layer | module | owns |
//! |---|---|---|
//! | 0 | `ctxt` | errors collected with their spans, all reported at once; an item of the wrong kind refused |
//! | 0 | `debug` | `FORMACTION_MACROS_DEBUG`: each expansion printed while compiling |
//! | 0 | `paths` | every runtime path the generated code names, under `crate = path` |
//! | 1 | `attrs` | attribute helpers of both macros: their own arguments with `crate = path`, an unknown key with the closest known one |
//! | 2 | `form`, `action` | one macro each, in the layers below; neither imports the other |
//! | 3 | `lib.rs` | the two entry points |
//!
//! Inside `form/` and `action/`, bottom to top:
//!
//! | layer | module | owns |
//! |---|---|---|
//! | 0 | `types` (form only) | what a field's type says from its tokens alone |
//! | 1 | `attr` | attribute syntax to plain data, and our attributes removed from the item |
//! | 2 | `ast` | the model, built by `from_syn` from syn's item and attr's data |
//! | 3 | `valid` | checks on the model |
//! | 4 | `expand` | the generated code |
//! | 5 | `fallback` | what is emitted beside the errors, so they do not cascade |
//! | 6 | `mod.rs` | parse, `from_syn`, `valid::check`, then expand or fallback |

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
