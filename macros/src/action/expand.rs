//! Writing the code: the function as written (minus our marks), a type of the same name in the
//! type namespace, its `bind(...)`, and its `Action` implementation.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ItemFn;
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use super::ast::Function;
use super::attr::{ArgKind, strip_marks};
use crate::paths::{Paths, respan};

/// The length of the hash in a default action id, as the runtime's `action_id` writes it.
const ACTION_ID_HASH_LEN: usize = 12;

pub(crate) fn function(item: &ItemFn, model: &Function<'_>, p: &Paths) -> TokenStream {
    let cleaned = strip_marks(item);
    let ident = model.ident;
    let vis = model.vis;
    let (action, action_config, bound_action, box_future, outcome, no_form) =
        (p.action(), p.action_config(), p.bound_action(), p.box_future(), p.outcome(), p.no_form());
    let (action_argument, parts, form_data, boxed, some, none, duration, option) = (
        p.action_argument(),
        p.parts(),
        p.form_data(),
        p.boxed(),
        p.some(),
        p.none(),
        p.duration(),
        p.option(),
    );
    let (ok, err) = (p.ok(), p.err());

    let id = match &model.options.id {
        Some(id) => quote!(#id),
        None => {
            // `name.<hash of the module path and name>`: short, the same on every build and
            // instance, and naming no module in the page's URLs. Computed by the compiler.
            let (action_id, action_id_text) = (p.action_id(), p.action_id_text());
            let name = ident.unraw().to_string();
            let len = name.len() + 1 + ACTION_ID_HASH_LEN;
            quote! {{
                const __FA_ID_BYTES: [::core::primitive::u8; #len] = #action_id(
                    ::core::concat!(::core::module_path!(), "::", #name),
                    #name,
                );
                #action_id_text(&__FA_ID_BYTES)
            }}
        }
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

    // Each of the user's types is checked once, by a bound written at the type itself (its path
    // respanned there too, or the compiler points at `#[action]`), whose trait explains itself.
    // Extractors are bounded in the `Action` impl's where clause, because whether a type is one
    // depends on the router's state: the compiler reports it where the action is registered, and
    // names this bound, at the argument, as where it comes from.
    let extractor_bounds = extractor_types.iter().map(|ty| {
        let action_argument = respan(p.action_argument(), ty.span());
        quote_spanned!(ty.span()=> #ty: #action_argument<__FaState>)
    });
    let bound_checks = bound_types.iter().map(|ty| {
        let bind_argument = respan(p.bind_argument(), ty.span());
        quote_spanned!(ty.span()=> let _ = #bind_argument::<#ty>;)
    });
    // Naming `<Ty as FormArgument>::checked` asks for `Ty: FormArgument` at the type itself,
    // through no bound of a runtime function: one error, with nothing pointing into the runtime.
    let form_check = form_arg.map(|(arg, _)| {
        let ty = arg.ty;
        let form_argument = respan(p.form_argument(), ty.span());
        quote_spanned!(ty.span()=> let _ = <#ty as #form_argument>::checked;)
    });
    // The result is checked where the return type is written: an `ActionOutput`, and an error
    // that converts into `ActionError`.
    let action_result = p.action_result();
    let check_result = match &item.sig.output {
        syn::ReturnType::Type(_, ty) => {
            let action_result = respan(action_result, ty.span());
            quote_spanned!(ty.span()=> #action_result(__fa_result))
        }
        syn::ReturnType::Default => quote!(#action_result(__fa_result)),
    };
    // Everything else reaches the runtime through a probe, which needs no bound on the user's
    // types (see `formaction::checks`): a type that failed its check is not reported again.
    let probe = p.probe();
    let (bound_probe, bound_unchecked, form_step, form_step_unchecked, finish, finish_unchecked) = (
        p.bound_probe(),
        p.bound_unchecked(),
        p.form_step(),
        p.form_step_unchecked(),
        p.finish(),
        p.finish_unchecked(),
    );

    let probe_traits =
        [&bound_probe, &bound_unchecked, &form_step, &form_step_unchecked, &finish, &finish_unchecked];

    let extract = model.args.iter().zip(&values).filter(|(a, _)| a.kind == ArgKind::Extractor).map(|(arg, value)| {
        let ty = arg.ty;
        quote_spanned! {ty.span()=>
            let #value = match <#ty as #action_argument<__FaState>>::extract(__fa_parts, __fa_state).await {
                #ok(value) => value,
                #err(rejection) => return #outcome::rejected(__FA_ID, rejection),
            };
        }
    });
    let open = if bound.is_empty() {
        quote!()
    } else {
        quote! {
            let (#(#bound_values,)*) = match (&&#probe::<(#(#bound_types,)*)>::new()).open(__fa_data, __FA_ID, __FA_MAX_AGE) {
                #ok(values) => values,
                #err(error) => return #outcome::bad_bound(__FA_ID, error),
            };
        }
    };
    let intent_check = form_arg.map(|_| {
        quote! {
            if let #some(__fa_intent) = (&&#probe::<#form_type>::new()).intent(__FA_ID, __fa_data) {
                return __fa_intent;
            }
        }
    });
    let parse = form_arg.map(|(_, value)| {
        quote! {
            let #value = match (&&#probe::<#form_type>::new()).parse(__FA_ID, __fa_data) {
                #ok(value) => value,
                #err(outcome) => return outcome,
            };
        }
    });

    // The same parse and rules as `run`, and nothing else: for the script asking about a field.
    let validate = form_arg.map(|_| {
        let probe_traits = &probe_traits;
        quote! {
            fn validate(__fa_data: &#form_data) -> ::core::result::Result<(), #outcome> {
                #(
                    #[allow(unused_imports, reason = "each probe uses one of its two traits")]
                    use #probe_traits as _;
                )*
                (&&#probe::<#form_type>::new()).parse(__FA_ID, __fa_data).map(|_| ())
            }
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
    if o.once == Some(false) {
        config_lines.push(quote!(__fa_config.once = false;));
    }
    // The form's type, for the page that shows a form sent again with other values (see the
    // runtime's `once`); through the probe, so a type that is not a form reports no second error.
    if form_arg.is_some() {
        config_lines.push(quote! {
            #[allow(unused_imports, reason = "the probe uses one of the two")]
            use #form_step as _;
            #[allow(unused_imports, reason = "the probe uses one of the two")]
            use #form_step_unchecked as _;
            __fa_config.form = (&&#probe::<#form_type>::new()).kind();
        });
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
        quote! {
            #[allow(unused_imports, reason = "the probe uses one of the two")]
            use #bound_probe as _;
            #[allow(unused_imports, reason = "the probe uses one of the two")]
            use #bound_unchecked as _;
            (&&#probe::<(#(#bound_types,)*)>::new()).seal(Self::ID, &(#(#bind_names,)*))
        }
    };
    // A fresh one-time token for each form rendered, unless the action runs again each time.
    let once_token = if o.once == Some(false) { quote!(__fa_bound) } else { quote!(__fa_bound.once()) };
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
            const _: () = {
                #(#bound_checks)*
                #form_check
            };

            const __FA_ID: &str = #id;
            const __FA_MAX_AGE: #option<#duration> = #max_age;

            impl #ident {
                /// The action's id, stable across builds and machines.
                #vis const ID: &'static str = __FA_ID;

                /// The action with its bound arguments sealed, for a page: its URL and hidden input.
                #[must_use]
                #vis fn bind(#(#bind_params),*) -> #bound_action {
                    let __fa_bound: #bound_action = { #bind_body };
                    #once_token
                }
            }

            #[automatically_derived]
            impl<__FaState> #action<__FaState> for #ident
            where
                __FaState: ::core::marker::Send + ::core::marker::Sync + 'static,
                #(#extractor_bounds,)*
            {
                const ID: &'static str = __FA_ID;

                fn config() -> #action_config {
                    #[allow(unused_mut, reason = "stays as it is when the action sets no limits")]
                    let mut __fa_config = <#action_config as ::core::default::Default>::default();
                    #(#config_lines)*
                    __fa_config.max_age = __FA_MAX_AGE;
                    __fa_config
                }

                #validate

                fn run<'__fa>(
                    __fa_parts: &'__fa mut #parts,
                    __fa_state: &'__fa __FaState,
                    __fa_data: &'__fa #form_data,
                ) -> #box_future<'__fa, #outcome> {
                    #(
                        #[allow(unused_imports, reason = "each probe uses one of its two traits, and some no probe at all")]
                        use #probe_traits as _;
                    )*
                    #boxed::pin(async move {
                        let _ = (&__fa_parts, &__fa_state);
                        #intent_check
                        #(#extract)*
                        #open
                        #parse
                        let __fa_result = #ident(#(#args_in_order),*).await;
                        let __fa_result = #check_result;
                        (&&#probe::<#form_type>::new().with_result(&__fa_result)).finish(__FA_ID, __fa_data, __fa_result)
                    })
                }
            }
        };
    }
}
