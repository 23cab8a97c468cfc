//! `#[form]`: read the item into a model, check it, expand it; on any error, the fallback.

mod ast;
mod attr;
mod expand;
mod fallback;
mod html;
mod types;
mod valid;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::ctxt::{self, Ctxt};
use crate::paths::Paths;
use ast::Input;

/// Expands `#[form(args)]` on `item`.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let input: DeriveInput = match ctxt::parse_item(
        item,
        "#[form] goes on a struct with named fields (a form) or on a unit enum (a set of choices)",
    ) {
        Ok(input) => input,
        Err(refused) => return refused,
    };
    let cx = Ctxt::new();
    let args = attr::form_args(&cx, args);
    let paths = Paths::new(args.krate);
    let model = Input::from_syn(&cx, &input);
    if let Some(model) = &model {
        valid::check(&cx, model);
    }
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand::input(&input, &model, &paths),
        (Err(error), _) => fallback::expand(&input, &paths, error),
        (Ok(()), None) => {
            fallback::expand(&input, &paths, syn::Error::new_spanned(&input.ident, "invalid #[form] input"))
        }
    }
}
