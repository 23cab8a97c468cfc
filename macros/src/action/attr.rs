//! Reading `#[action(...)]` and the `#[bind]` / `#[form]` marks on arguments into plain data, and
//! removing the marks from the function.
//!
//! A mark's own mistakes (arguments, two marks on one argument) are judged in `valid.rs`, in the
//! order of the arguments.

use syn::{Attribute, Expr, ExprLit, ItemFn, Lit, LitStr, Path};

use crate::attrs;
use crate::ctxt::Ctxt;

/// Options of `#[action(...)]`.
#[derive(Default)]
pub(crate) struct ActionOptions {
    pub(crate) id: Option<LitStr>,
    pub(crate) body_limit: Option<u64>,
    pub(crate) max_fields: Option<u64>,
    pub(crate) max_files: Option<u64>,
    pub(crate) max_field_size: Option<u64>,
    pub(crate) max_file_size: Option<u64>,
    pub(crate) max_age_secs: Option<u64>,
    /// `once = false`: the same rendered form sent again runs the action again.
    pub(crate) once: Option<bool>,
    /// `crate = path`: where the runtime is, when it is re-exported under another name.
    pub(crate) krate: Option<Path>,
}

const KEYS: &[&str] =
    &["id", "body_limit", "max_fields", "max_files", "max_field_size", "max_file_size", "max_age", "once"];

/// Reads the arguments of `#[action(...)]`.
pub(crate) fn action_args(cx: &Ctxt, args: proc_macro2::TokenStream) -> ActionOptions {
    let mut options = ActionOptions::default();
    let krate = attrs::macro_args(cx, args, "duplicate `crate`: give it once", |meta| {
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let seen = match key.as_str() {
            "id" => options.id.is_some(),
            "body_limit" => options.body_limit.is_some(),
            "max_fields" => options.max_fields.is_some(),
            "max_files" => options.max_files.is_some(),
            "max_field_size" => options.max_field_size.is_some(),
            "max_file_size" => options.max_file_size.is_some(),
            "max_age" => options.max_age_secs.is_some(),
            "once" => options.once.is_some(),
            _ => return attrs::unknown_key(cx, meta, "action option", KEYS),
        };
        if seen {
            cx.error_spanned_by(&meta.path, format!("duplicate `{key}`: give it once"));
        }
        let value: Expr = meta.value()?.parse()?;
        match key.as_str() {
            "id" => match value {
                Expr::Lit(ExprLit { lit: Lit::Str(id), .. }) if !id.value().trim().is_empty() => {
                    options.id = Some(id)
                }
                other => {
                    cx.error_spanned_by(other, "`id` takes a non-empty string: id = \"invoices.create\"")
                }
            },
            "max_fields" | "max_files" => match value {
                Expr::Lit(ExprLit { lit: Lit::Int(n), .. }) if n.base10_parse::<u64>().is_ok() => {
                    let n = n.base10_parse::<u64>().ok();
                    if key == "max_fields" { options.max_fields = n } else { options.max_files = n }
                }
                other => cx.error_spanned_by(other, format!("`{key}` takes a whole number: {key} = 100")),
            },
            "body_limit" | "max_field_size" | "max_file_size" => match attrs::size(&value) {
                Ok(bytes) => {
                    let slot = match key.as_str() {
                        "body_limit" => &mut options.body_limit,
                        "max_field_size" => &mut options.max_field_size,
                        _ => &mut options.max_file_size,
                    };
                    *slot = Some(bytes);
                }
                Err(message) => cx.error_spanned_by(value, format!("`{key}`: {message}")),
            },
            "max_age" => match duration(&value) {
                Ok(secs) => options.max_age_secs = Some(secs),
                Err(message) => cx.error_spanned_by(value, format!("`max_age`: {message}")),
            },
            "once" => match value {
                Expr::Lit(ExprLit { lit: Lit::Bool(once), .. }) => options.once = Some(once.value),
                other => cx.error_spanned_by(other, "`once` takes `true` or `false`: once = false"),
            },
            _ => {}
        }
        Ok(())
    });
    ActionOptions { krate, ..options }
}

/// `"30s"`, `"15m"`, `"1h"`, `"7d"`, or a number of seconds.
fn duration(value: &Expr) -> Result<u64, String> {
    attrs::Quantity {
        example: "a duration such as \"1h\" or a number of seconds",
        hint: "a duration: write a number and a unit (s, m, h, d) with no space, such as \"1h\"",
        too_big: "too long",
        unit: |unit| match unit {
            "" | "s" => Some(1),
            "m" => Some(60),
            "h" => Some(3600),
            "d" => Some(86_400),
            _ => None,
        },
    }
    .read(value)
}

/// What an argument is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArgKind {
    /// An extractor from the request's parts.
    Extractor,
    /// A `#[bind]` argument.
    Bound,
    /// The `#[form]` argument.
    Form,
}

/// A `#[bind]` or `#[form]` on an argument, as written.
pub(crate) struct Mark<'a> {
    pub(crate) kind: ArgKind,
    pub(crate) attr: &'a Attribute,
}

/// The `#[bind]` / `#[form]` marks of one argument, in order.
pub(crate) fn marks(attrs: &[Attribute]) -> Vec<Mark<'_>> {
    attrs.iter().filter_map(|attr| Some(Mark { kind: mark_kind(attr)?, attr })).collect()
}

/// The kind a mark gives its argument; `None` for an attribute that is not one of ours.
fn mark_kind(attr: &Attribute) -> Option<ArgKind> {
    if attr.path().is_ident("bind") {
        Some(ArgKind::Bound)
    } else if attr.path().is_ident("form") {
        Some(ArgKind::Form)
    } else {
        None
    }
}

/// The function without `#[bind]` and `#[form]` on its arguments.
pub(crate) fn strip_marks(item: &ItemFn) -> ItemFn {
    let mut item = item.clone();
    for input in item.sig.inputs.iter_mut() {
        if let syn::FnArg::Typed(typed) = input {
            typed.attrs.retain(|attr| mark_kind(attr).is_none());
        }
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let d = |text: &str| duration(&syn::parse_str(&format!("{text:?}")).unwrap());
        assert_eq!(d("1h"), Ok(3600));
        assert_eq!(d("15m"), Ok(900));
        assert!(d("1 hour").is_err());
    }
}
