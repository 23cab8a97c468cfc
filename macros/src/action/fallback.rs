//! What `#[action]` emits when the input has mistakes: the errors, the function unchanged (minus
//! our marks), and a stub type of the same name implementing `Action`, so the user sees our errors
//! and not a cascade from the places that register the action.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{FnArg, ItemFn};

use super::attr::{ArgKind, marks, strip_marks};
use crate::paths::Paths;

pub(crate) fn expand(item: &ItemFn, p: &Paths, error: syn::Error) -> TokenStream {
    let errors = crate::ctxt::to_compile_errors(error);
    let cleaned = strip_marks(item);
    let (action, parts, form_data, box_future, outcome, bound_action) =
        (p.action(), p.parts(), p.form_data(), p.box_future(), p.outcome(), p.bound_action());
    let ident = &item.sig.ident;
    let vis = &item.vis;
    let message = "formaction: this #[action] has compile errors";
    // `bind` takes as many arguments as the function has `#[bind]` ones, of any type, so that a
    // page calling it is not reported too.
    let bound = item
        .sig
        .inputs
        .iter()
        .filter(|input| {
            matches!(input, FnArg::Typed(typed) if marks(&typed.attrs).iter().any(|mark| mark.kind == ArgKind::Bound))
        })
        .count();
    let bind_types: Vec<_> = (0..bound).map(|i| format_ident!("__FaBound{i}")).collect();
    // A function that could not even be named as a type (generics) gets no stub, nor does a
    // method: a struct cannot be declared inside an `impl`, and would only add errors.
    let method = item.sig.inputs.iter().any(|input| matches!(input, FnArg::Receiver(_)));
    let stub = if item.sig.generics.params.is_empty() && !method {
        quote! {
            #[allow(non_camel_case_types, dead_code, reason = "stub emitted beside compile errors")]
            #vis struct #ident {}

            const _: () = {
                #[allow(dead_code, reason = "stub emitted beside compile errors")]
                impl #ident {
                    #vis const ID: &'static str = #message;
                    #vis fn bind<#(#bind_types),*>(#(_: #bind_types),*) -> #bound_action { ::core::panic!(#message) }
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
