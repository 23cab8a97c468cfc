//! Writing the code: the function as written (minus our marks), a type of the same name in the
//! type namespace, its `bind(...)`, and its `Action` implementation.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ItemFn;
use syn::spanned::Spanned;

use super::ast::{ArgKind, Function};
use super::attr::is_arg_mark;
use crate::paths::Paths;

pub(crate) fn function(item: &ItemFn, model: &Function<'_>) -> TokenStream {
    let p = Paths::new(None);
    let cleaned = strip_marks(item);
    let ident = model.ident;
    let vis = model.vis;
    let (action, action_config, bound_action, box_future, outcome, answer, no_form, open_bound) = (
        p.action(),
        p.action_config(),
        p.bound_action(),
        p.box_future(),
        p.outcome(),
        p.answer(),
        p.no_form(),
        p.open_bound(),
    );
    let (from_request_parts, parts, form_data, form, boxed, some, none, duration, option) = (
        p.from_request_parts(),
        p.parts(),
        p.form_data(),
        p.form(),
        p.boxed(),
        p.some(),
        p.none(),
        p.duration(),
        p.option(),
    );
    let (ok, err, serialize, deserialize_owned) = (p.ok(), p.err(), p.serialize(), p.deserialize_owned());

    let id = match &model.options.id {
        Some(id) => quote!(#id),
        None => quote!(::core::concat!(::core::module_path!(), "::", ::core::stringify!(#ident))),
    };

    let values: Vec<_> = (0..model.args.len()).map(|i| format_ident!("__fa_arg{i}")).collect();
    let extractor_types: Vec<_> =
        model.args.iter().filter(|a| a.kind == ArgKind::Extractor).map(|a| a.ty).collect();
    let bound: Vec<_> = model
        .args
        .iter()
        .zip(&values)
        .filter(|(a, _)| a.kind == ArgKind::Bound)
        .map(|(a, v)| (a.ty, v))
        .collect();
    let bound_types: Vec<_> = bound.iter().map(|(ty, _)| *ty).collect();
    let bound_values: Vec<_> = bound.iter().map(|(_, v)| *v).collect();
    let form_arg = model.args.iter().zip(&values).find(|(a, _)| a.kind == ArgKind::Form);
    let form_type = form_arg.map_or_else(
        || quote!(#no_form),
        |(a, _)| {
            let ty = a.ty;
            quote!(#ty)
        },
    );

    let extract = model.args.iter().zip(&values).filter(|(a, _)| a.kind == ArgKind::Extractor).map(|(arg, value)| {
        let ty = arg.ty;
        quote_spanned! {ty.span()=>
            let #value = match <#ty as #from_request_parts<__FaState>>::from_request_parts(__fa_parts, __fa_state).await {
                #ok(value) => value,
                #err(rejection) => return #outcome::rejected(__FA_ID, rejection),
            };
        }
    });
    let open = if bound.is_empty() {
        quote!()
    } else {
        quote! {
            let (#(#bound_values,)*): (#(#bound_types,)*) = match #open_bound(__fa_data, __FA_ID, __FA_MAX_AGE) {
                #ok(values) => values,
                #err(error) => return #outcome::bad_bound(__FA_ID, error),
            };
        }
    };
    let intent = p.intent();
    let intent_check = form_arg.map(|(arg, _)| {
        let ty = arg.ty;
        quote! {
            if let #some(__fa_intent) = #intent(__fa_data) {
                return #outcome::intent::<#ty>(__FA_ID, __fa_data, __fa_intent);
            }
        }
    });
    let parse = form_arg.map(|(arg, value)| {
        let ty = arg.ty;
        quote_spanned! {ty.span()=>
            let #value = match <#ty as #form>::parse(__fa_data) {
                #ok(value) => value,
                #err(errors) => return #outcome::new::<#ty>(__FA_ID, __fa_data, #answer::Invalid(errors)),
            };
        }
    });

    // Checks that point at the user's own types when a trait is missing.
    let bound_checks = bound_types.iter().map(|ty| {
        quote_spanned! {ty.span()=>
            const _: () = {
                fn __fa_bound_argument_must_be_serde<T: #serialize + #deserialize_owned>() {}
                let _ = __fa_bound_argument_must_be_serde::<#ty>;
            };
        }
    });
    let form_check = form_arg.map(|(arg, _)| {
        let ty = arg.ty;
        quote_spanned! {ty.span()=>
            const _: () = {
                fn __fa_form_argument_must_be_a_form<T: #form>() {}
                let _ = __fa_form_argument_must_be_a_form::<#ty>;
            };
        }
    });

    let o = &model.options;
    let opt_usize = |value: Option<u64>| {
        value.map(|v| {
            let v = v as usize;
            quote!(#v)
        })
    };
    let mut config_lines = Vec::new();
    if let Some(v) = opt_usize(o.body_limit) {
        config_lines.push(quote!(__fa_config.body_limit = #v;));
    }
    if let Some(v) = opt_usize(o.max_fields) {
        config_lines.push(quote!(__fa_config.limits.max_fields = #v;));
    }
    if let Some(v) = opt_usize(o.max_files) {
        config_lines.push(quote!(__fa_config.limits.max_files = #v;));
    }
    if let Some(v) = opt_usize(o.max_field_size) {
        config_lines.push(quote!(__fa_config.limits.max_field_bytes = #v;));
    }
    if let Some(v) = opt_usize(o.max_file_size) {
        config_lines.push(quote!(__fa_config.limits.max_file_bytes = #v;));
    }
    let max_age = match o.max_age_secs {
        Some(secs) => quote!(#some(#duration::from_secs(#secs))),
        None => quote!(#none),
    };

    let bind_params = bound.iter().enumerate().map(|(i, (ty, _))| {
        let name = format_ident!("arg{i}");
        quote!(#name: #ty)
    });
    let bind_names: Vec<_> = (0..bound.len()).map(|i| format_ident!("arg{i}")).collect();
    let bind_body = if bound.is_empty() {
        quote!(#bound_action::unbound(Self::ID))
    } else {
        quote!(#bound_action::new(Self::ID, &(#(#bind_names,)*)))
    };
    let doc = format!(
        "The action [`{ident}()`]: register it with `page(...).action::<{ident}>()`; put it in a page with `{ident}::bind(...)`."
    );
    let args_in_order = &values;

    quote! {
        #cleaned

        #[doc = #doc]
        #[allow(non_camel_case_types, reason = "named after the action's function, in the type namespace only")]
        #[allow(dead_code, reason = "used as a type parameter, never constructed")]
        #vis struct #ident {}

        #[doc(hidden)]
        const _: () = {
            #(#bound_checks)*
            #form_check

            const __FA_ID: &str = #id;
            const __FA_MAX_AGE: #option<#duration> = #max_age;

            impl #ident {
                /// The action's id, stable across builds and machines.
                #vis const ID: &'static str = __FA_ID;

                /// The action with its bound arguments sealed, for a page: its URL and hidden input.
                #[must_use]
                #vis fn bind(#(#bind_params),*) -> #bound_action {
                    #bind_body
                }
            }

            #[automatically_derived]
            impl<__FaState> #action<__FaState> for #ident
            where
                __FaState: ::core::marker::Send + ::core::marker::Sync + 'static,
                #(#extractor_types: #from_request_parts<__FaState>,)*
            {
                const ID: &'static str = __FA_ID;

                fn config() -> #action_config {
                    #[allow(unused_mut, reason = "stays as it is when the action sets no limits")]
                    let mut __fa_config = <#action_config as ::core::default::Default>::default();
                    #(#config_lines)*
                    __fa_config.max_age = __FA_MAX_AGE;
                    __fa_config
                }

                fn run<'__fa>(
                    __fa_parts: &'__fa mut #parts,
                    __fa_state: &'__fa __FaState,
                    __fa_data: &'__fa #form_data,
                ) -> #box_future<'__fa, #outcome> {
                    #boxed::pin(async move {
                        let _ = (&__fa_parts, &__fa_state);
                        #intent_check
                        #(#extract)*
                        #open
                        #parse
                        let __fa_result = #ident(#(#args_in_order),*).await;
                        #outcome::from_result::<#form_type, _, _>(__FA_ID, __fa_data, __fa_result)
                    })
                }
            }
        };
    }
}

/// The function without `#[bind]` and `#[form]` on its arguments.
pub(crate) fn strip_marks(item: &ItemFn) -> ItemFn {
    let mut item = item.clone();
    for input in item.sig.inputs.iter_mut() {
        if let syn::FnArg::Typed(typed) = input {
            typed.attrs.retain(|attr| !is_arg_mark(attr));
        }
    }
    item
}
