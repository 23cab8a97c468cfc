//! The model of a `#[form]` item: borrowed from syn, keeping the original tokens for spans, and
//! built from it by `from_syn` with what `attr.rs` reads from the attributes.
//!
//! Mistakes the model cannot hold (generics, a tuple struct, a choice with data) are reported
//! here, in the order they are met; checks on the built model live in `valid.rs`.

use syn::{Data, DataEnum, DeriveInput, Fields, FieldsNamed, Ident, LitStr, Type};

use super::attr::{self, FieldOptions, Rule, SchemaRule};
use super::types::FieldType;
use crate::ctxt::Ctxt;

/// What `#[form]` was put on.
pub(crate) enum Input<'a> {
    /// A struct with named fields: a form.
    Struct(Form<'a>),
    /// A unit enum: a set of choices.
    Choices(Choices<'a>),
}

/// A struct with named fields.
pub(crate) struct Form<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) fields: Vec<Field<'a>>,
    pub(crate) schema_rules: Vec<SchemaRule>,
}

/// One field of a form.
pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    pub(crate) kind: FieldType<'a>,
    pub(crate) options: FieldOptions,
    pub(crate) rules: Vec<Rule>,
}

impl Field<'_> {
    /// The name in HTML: `rename`, or the field's name.
    pub(crate) fn html_name(&self) -> String {
        match &self.options.rename {
            Some(rename) => rename.value(),
            None => self.ident.unraw_string(),
        }
    }

    /// The label: `label`, or the field's name in words (`due_date` is "Due date").
    pub(crate) fn label(&self) -> String {
        match &self.options.label {
            Some(label) => label.value(),
            None => words(&self.ident.unraw_string()),
        }
    }
}

/// A unit enum of choices.
pub(crate) struct Choices<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) variants: Vec<Variant<'a>>,
}

/// One choice.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) rename: Option<LitStr>,
    pub(crate) label: Option<LitStr>,
}

impl Variant<'_> {
    /// The submitted value: `rename`, or the variant's name in snake_case (`InProgress` is
    /// `in_progress`).
    pub(crate) fn value(&self) -> String {
        match &self.rename {
            Some(rename) => rename.value(),
            None => snake_case(&self.ident.unraw_string()),
        }
    }

    /// The label: `label`, or the variant's name in words (`InProgress` is "In progress").
    pub(crate) fn label(&self) -> String {
        match &self.label {
            Some(label) => label.value(),
            None => words(&snake_case(&self.ident.unraw_string())),
        }
    }
}

impl<'a> Input<'a> {
    /// Reads `input` into the model, recording every mistake on the way; `None` when it cannot be
    /// a form at all (a tuple or unit struct, a union).
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
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
                Fields::Named(named) => Some(Input::Struct(Form::from_syn(cx, input, named))),
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
            Data::Enum(data) => Some(Input::Choices(Choices::from_syn(cx, input, data))),
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[form] goes on a struct with named fields or a unit enum, not a union",
                );
                None
            }
        }
    }
}

impl<'a> Form<'a> {
    fn from_syn(cx: &Ctxt, input: &'a DeriveInput, named: &'a FieldsNamed) -> Self {
        let fields = named.named.iter().filter_map(|field| Field::from_syn(cx, field)).collect();
        let schema_rules = attr::schema_rules(cx, &input.attrs);
        Form { ident: &input.ident, fields, schema_rules }
    }
}

impl<'a> Field<'a> {
    fn from_syn(cx: &Ctxt, field: &'a syn::Field) -> Option<Self> {
        let ident = field.ident.as_ref()?;
        Some(Field {
            ident,
            ty: &field.ty,
            kind: FieldType::of(&field.ty),
            options: attr::field_options(cx, &field.attrs),
            rules: attr::rules(cx, &field.attrs),
        })
    }
}

impl<'a> Choices<'a> {
    fn from_syn(cx: &Ctxt, input: &'a DeriveInput, data: &'a DataEnum) -> Self {
        let variants = data.variants.iter().map(|variant| Variant::from_syn(cx, variant)).collect();
        Choices { ident: &input.ident, variants }
    }
}

impl<'a> Variant<'a> {
    fn from_syn(cx: &Ctxt, variant: &'a syn::Variant) -> Self {
        if !matches!(variant.fields, Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                format!("#[form] on an enum makes a set of choices, and a choice carries no data: make `{}` a unit variant", variant.ident),
            );
        }
        let (rename, label) = attr::variant_options(cx, &variant.attrs);
        Variant { ident: &variant.ident, rename, label }
    }
}

trait UnrawString {
    fn unraw_string(&self) -> String;
}

impl UnrawString for Ident {
    fn unraw_string(&self) -> String {
        let name = self.to_string();
        name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
    }
}

/// `due_date` -> "Due date".
pub(crate) fn words(snake: &str) -> String {
    let spaced = snake.trim_matches('_').replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `InProgress` -> `in_progress`.
pub(crate) fn snake_case(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_words() {
        assert_eq!(words("due_date"), "Due date");
        assert_eq!(words("email"), "Email");
        assert_eq!(snake_case("InProgress"), "in_progress");
        assert_eq!(words(&snake_case("InProgress")), "In progress");
    }
}
