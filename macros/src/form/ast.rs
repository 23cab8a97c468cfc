//! The model of a `#[form]` item: borrowed from syn, keeping the original tokens for spans.

use syn::{Expr, Ident, LitStr, Path, Type};

use super::attr::{FieldOptions, Rule, SchemaRule};
use super::types::FieldType;

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

/// Options of `#[form(...)]` itself.
#[derive(Default)]
pub(crate) struct FormArgs {
    pub(crate) krate: Option<Path>,
}

/// A `default = expr` or plain `default`.
pub(crate) enum Default {
    Trait,
    Expr(Box<Expr>),
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
