//! What `#[form]` emits when the input has mistakes: the errors, the item itself (without our
//! attributes), and stub implementations, so the only errors a user sees are ours, not a cascade
//! of "`NewInvoice` is not a form" from every place that uses it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use super::attr::strip_our_attributes;
use crate::paths::{Paths, respan};

pub(crate) fn expand(item: &DeriveInput, p: &Paths, error: syn::Error) -> TokenStream {
    let errors = crate::ctxt::to_compile_errors(error);
    let cleaned = strip_our_attributes(item);
    // Stubs only make sense for an item the impls can name (no generics).
    let stubs = if item.generics.params.is_empty() { stubs(item, p) } else { TokenStream::new() };
    quote! {
        #errors
        #cleaned
        #stubs
    }
}

fn stubs(item: &DeriveInput, p: &Paths) -> TokenStream {
    let ident = &item.ident;
    let message = "formaction: this #[form] has compile errors";
    match &item.data {
        Data::Struct(data) => {
            let (view_cx, view_of, group_kind, form_fields) =
                (p.view_cx(), p.view_of_type(), p.group_kind(), p.form_fields());
            let (from_form, form, parse_cx, option, form_data, shape, form_schema) = (
                p.from_form(),
                p.form(),
                p.parse_cx(),
                p.option(),
                p.form_data(),
                p.shape(),
                p.form_schema(),
            );
            // The typed views a template or a page reads (`form.customer.label()`), as `#[form]`
            // would have written them, so those uses do not fail too.
            let (fields_type, fields_struct) = match &data.fields {
                Fields::Named(named) => {
                    let vis = &item.vis;
                    let fields_ident = format_ident!("{}Fields", ident);
                    let fields = named.named.iter().map(|field| {
                        let (name, ty) = (&field.ident, &field.ty);
                        let view_of = respan(view_of.clone(), ty.span());
                        quote_spanned!(ty.span()=> pub #name: #view_of<'__fa, #ty>)
                    });
                    // And the typed paths an action names (`Invoice::paths().customer`).
                    let (paths_of, form_paths) = (p.paths_of_type(), p.form_paths());
                    let paths_ident = format_ident!("{}Paths", ident);
                    let paths = named.named.iter().map(|field| {
                        let (name, ty) = (&field.ident, &field.ty);
                        let paths_of = respan(paths_of.clone(), ty.span());
                        quote_spanned!(ty.span()=> pub #name: #paths_of<#ty>)
                    });
                    let fields_struct = quote! {
                        #[allow(dead_code, unreachable_pub, reason = "stub emitted beside compile errors")]
                        #vis struct #fields_ident<'__fa> {
                            #(#fields,)*
                            #[doc(hidden)]
                            pub __fa_lifetime: ::core::marker::PhantomData<&'__fa ()>,
                        }
                        #[allow(dead_code, unreachable_pub, reason = "stub emitted beside compile errors")]
                        #vis struct #paths_ident<'__fa> {
                            #(#paths,)*
                            #[doc(hidden)]
                            pub __fa_lifetime: ::core::marker::PhantomData<&'__fa ()>,
                        }
                        const _: () = {
                            #[automatically_derived]
                            impl #form_paths for #ident {
                                type Paths<'__fa> = #paths_ident<'__fa>;
                                fn paths_at<'__fa>(_: &::core::primitive::str) -> #paths_ident<'__fa> { ::core::panic!(#message) }
                            }
                            #[allow(dead_code, unreachable_pub, reason = "stub emitted beside compile errors")]
                            impl #ident {
                                #vis fn paths<'__fa>() -> #paths_ident<'__fa> { ::core::panic!(#message) }
                            }
                        };
                    };
                    (quote!(#fields_ident<'__fa>), fields_struct)
                }
                Fields::Unnamed(_) | Fields::Unit => (quote!(()), TokenStream::new()),
            };
            quote! {
                #fields_struct
                const _: () = {
                    #[automatically_derived]
                    impl #from_form for #ident {
                        fn from_form(_: &mut #parse_cx<'_>, _: &::core::primitive::str) -> #option<Self> { ::core::panic!(#message) }
                        fn is_blank(_: &#form_data, _: &::core::primitive::str) -> ::core::primitive::bool { ::core::panic!(#message) }
                        fn shape() -> #shape { ::core::panic!(#message) }
                        type Kind = #group_kind<Self>;
                        fn write(&self, _: &::core::primitive::str, _: &mut #form_data) { ::core::panic!(#message) }
                    }
                    #[automatically_derived]
                    impl #form for #ident {
                        fn schema() -> &'static #form_schema { ::core::panic!(#message) }
                    }
                    #[automatically_derived]
                    impl #form_fields for #ident {
                        type Fields<'__fa> = #fields_type;
                        fn fields<'__fa>(_: &#view_cx<'__fa>, _: &::core::primitive::str) -> Self::Fields<'__fa> { ::core::panic!(#message) }
                    }
                };
            }
        }
        Data::Enum(_) => {
            let (from_field_value, result, field_error) = (p.from_field_value(), p.result(), p.field_error());
            let (choices, choice) = (p.choices(), p.choice());
            quote! {
                const _: () = {
                    #[automatically_derived]
                    impl #from_field_value for #ident {
                        fn from_text(_: &::core::primitive::str) -> #result<Self, #field_error> { ::core::panic!(#message) }
                    }
                    #[automatically_derived]
                    impl #choices for #ident {
                        const CHOICES: &'static [#choice] = &[];
                        fn choice(&self) -> &'static #choice { ::core::panic!(#message) }
                    }
                };
            }
        }
        Data::Union(_) => TokenStream::new(),
    }
}
