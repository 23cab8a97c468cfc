//! What `#[action]` emits when the input has mistakes: the errors and the function unchanged
//! (minus our marks), so the user sees our errors and nothing generated after them.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemFn;

use super::expand::strip_marks;

pub(crate) fn expand(item: &ItemFn, error: syn::Error) -> TokenStream {
    let errors = crate::ctxt::to_compile_errors(error);
    let cleaned = strip_marks(item);
    quote! {
        #errors
        #cleaned
    }
}
