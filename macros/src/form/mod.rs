//! `#[form]`: parse the item into a model, check it, expand it; on any error, the fallback.

mod ast;
mod attr;
mod expand;
mod fallback;
mod types;
mod valid;

use proc_macro2::TokenStream;
use syn::{Data, DeriveInput, Fields};

use crate::ctxt::Ctxt;
use crate::paths::Paths;
use ast::{Choices, Field, Form, Input, Variant};
use types::FieldType;

/// Expands `#[form(args)]` on `item`.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(_) => {
            let error = syn::Error::new_spanned(
                &item,
                "#[form] goes on a struct with named fields (a form) or on a unit enum (a set of choices)",
            );
            let error = error.to_compile_error();
            return quote::quote!(#error #item);
        }
    };
    let cx = Ctxt::new();
    let args = attr::form_args(&cx, args);
    let paths = Paths::new(args.krate);
    let model = model(&cx, &input);
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

fn model<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
    if let Some(lifetime) = input.generics.lifetimes().next() {
        cx.error_spanned_by(
            lifetime,
            "#[form] cannot hold borrowed data: a form owns its values; use `String` instead of `&str`",
        );
    }
    if let Some(param) = input.generics.type_params().next() {
        cx.error_spanned_by(
            param,
            "#[form] does not take generic parameters: name the concrete types of the fields",
        );
    }
    if let Some(param) = input.generics.const_params().next() {
        cx.error_spanned_by(param, "#[form] does not take const parameters");
    }
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => {
                let fields = named
                    .named
                    .iter()
                    .filter_map(|field| {
                        let ident = field.ident.as_ref()?;
                        Some(Field {
                            ident,
                            ty: &field.ty,
                            kind: FieldType::of(&field.ty),
                            options: attr::field_options(cx, &field.attrs),
                            rules: attr::rules(cx, &field.attrs),
                        })
                    })
                    .collect();
                let schema_rules = attr::schema_rules(cx, &input.attrs);
                Some(Input::Struct(Form { ident: &input.ident, fields, schema_rules }))
            }
            Fields::Unnamed(_) => {
                cx.error_spanned_by(&input.ident, "#[form] needs named fields: each field's name is its HTML name, so a tuple struct cannot be a form");
                None
            }
            Fields::Unit => {
                cx.error_spanned_by(
                    &input.ident,
                    "#[form] needs named fields: a unit struct has nothing to read from a form",
                );
                None
            }
        },
        Data::Enum(data) => {
            let mut variants = Vec::new();
            for variant in &data.variants {
                if !matches!(variant.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        &variant.fields,
                        format!("#[form] on an enum makes a set of choices, and a choice carries no data: make `{}` a unit variant", variant.ident),
                    );
                }
                let (rename, label) = attr::variant_options(cx, &variant.attrs);
                variants.push(Variant { ident: &variant.ident, rename, label });
            }
            if variants.is_empty() {
                cx.error_spanned_by(
                    &input.ident,
                    "#[form] on an enum needs at least one variant: each is a choice",
                );
            }
            Some(Input::Choices(Choices { ident: &input.ident, variants }))
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "#[form] goes on a struct with named fields or a unit enum, not a union",
            );
            None
        }
    }
}
