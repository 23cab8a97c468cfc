//! What `#[form]` emits when the input has mistakes: the errors, the item itself (without our
//! attributes), and stub implementations, so the only errors a user sees are ours, not a cascade
//! of "`NewInvoice` is not a form" from every place that uses it.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

use super::expand::strip_our_attributes;
use crate::paths::Paths;

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
        Data::Struct(_) => {
            let (field_view, view_cx) = (p.field_view(), p.view_cx());
            let (from_form, form, parse_cx, option, form_data, shape, form_schema) = (
                p.from_form(),
                p.form(),
                p.parse_cx(),
                p.option(),
                p.form_data(),
                p.shape(),
                p.form_schema(),
            );
            quote! {
                const _: () = {
                    #[automatically_derived]
                    impl #from_form for #ident {
                        fn from_form(_: &mut #parse_cx<'_>, _: &::core::primitive::str) -> #option<Self> { ::core::panic!(#message) }
                        fn is_blank(_: &#form_data, _: &::core::primitive::str) -> ::core::primitive::bool { ::core::panic!(#message) }
                        fn shape() -> #shape { ::core::panic!(#message) }
                        type View<'__fa> = #field_view<'__fa>;
                        type ListView<'__fa> = #field_view<'__fa>;
                        fn view<'__fa>(_: &#view_cx<'__fa>, _: #field_view<'__fa>) -> Self::View<'__fa> { ::core::panic!(#message) }
                        fn list_view<'__fa>(_: &#view_cx<'__fa>, _: #field_view<'__fa>) -> Self::ListView<'__fa> { ::core::panic!(#message) }
                        fn write(&self, _: &::core::primitive::str, _: &mut #form_data) { ::core::panic!(#message) }
                    }
                    #[automatically_derived]
                    impl #form for #ident {
                        fn schema() -> &'static #form_schema { ::core::panic!(#message) }
                        type Fields<'__fa> = ();
                        fn fields<'__fa>(_: &#view_cx<'__fa>, _: &::core::primitive::str) -> Self::Fields<'__fa> { ::core::panic!(#message) }
                    }
                };
            }
        }
        Data::Enum(_) => {
            let (from_field_value, result, field_error) = (p.from_field_value(), p.result(), p.field_error());
            quote! {
                const _: () = {
                    #[automatically_derived]
                    impl #from_field_value for #ident {
                        fn from_text(_: &::core::primitive::str) -> #result<Self, #field_error> { ::core::panic!(#message) }
                    }
                };
            }
        }
        Data::Union(_) => TokenStream::new(),
    }
}
