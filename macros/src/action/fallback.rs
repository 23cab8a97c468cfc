//! What `#[action]` emits when the input has mistakes: the errors, the function unchanged (minus
//! our marks), and a stub type of the same name implementing `Action`, so the user sees our errors
//! and not a cascade from the places that register the action.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemFn;

use super::expand::strip_marks;
use crate::paths::Paths;

pub(crate) fn expand(item: &ItemFn, error: syn::Error) -> TokenStream {
    let errors = crate::ctxt::to_compile_errors(error);
    let cleaned = strip_marks(item);
    let p = Paths::new(None);
    let (action, parts, form_data, box_future, outcome, bound_action) =
        (p.action(), p.parts(), p.form_data(), p.box_future(), p.outcome(), p.bound_action());
    let ident = &item.sig.ident;
    let vis = &item.vis;
    let message = "formaction: this #[action] has compile errors";
    // A function that could not even be named as a type (generics) gets no stub.
    let stub = if item.sig.generics.params.is_empty() {
        quote! {
            #[allow(non_camel_case_types, dead_code, reason = "stub emitted beside compile errors")]
            #vis struct #ident {}

            const _: () = {
                impl #ident {
                    #[allow(dead_code, reason = "stub emitted beside compile errors")]
                    #vis fn bind<T>(_: T) -> #bound_action { ::core::panic!(#message) }
                }

                impl<__FaState> #action<__FaState> for #ident {
                    const ID: &'static str = #message;
                    fn run<'__fa>(_: &'__fa mut #parts, _: &'__fa __FaState, _: &'__fa #form_data) -> #box_future<'__fa, #outcome> {
                        ::core::panic!(#message)
                    }
                }
            };
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #errors
        #cleaned
        #stub
    }
}
