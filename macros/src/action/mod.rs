//! `#[action]`: read the function into a model, check it, expand it; on any error, the fallback.

mod ast;
mod attr;
mod expand;
mod fallback;
mod valid;

use proc_macro2::TokenStream;
use syn::ItemFn;

use crate::ctxt::{self, Ctxt};
use crate::paths::Paths;
use ast::Function;

/// Expands `#[action(args)]` on `item`.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let function: ItemFn =
        match ctxt::parse_item(item, "#[action] goes on an `async fn`, and this item is not a function") {
            Ok(function) => function,
            Err(refused) => return refused,
        };
    let cx = Ctxt::new();
    let mut options = attr::action_args(&cx, args);
    let paths = Paths::new(options.krate.take());
    let model = Function::from_syn(&function, options);
    valid::check(&cx, &model);
    match cx.check() {
        Ok(()) => expand::function(&function, &model, &paths),
        Err(error) => fallback::expand(&function, &paths, error),
    }
}
