//! `FORMACTION_MACROS_DEBUG=1` prints every expansion to stderr while compiling, to see what a
//! macro wrote without `cargo expand`.

use proc_macro2::TokenStream;

pub(crate) fn print(macro_name: &str, tokens: &TokenStream) {
    if std::env::var_os("FORMACTION_MACROS_DEBUG").is_some_and(|value| value != "0") {
        eprintln!("--- #[{macro_name}] expansion ---\n{tokens}\n---");
    }
}
