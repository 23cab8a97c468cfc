//! Attribute helpers both macros use: the arguments of the macro itself with its `crate = path`
//! option, and an unknown key reported with the closest known one.

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::{Expr, Path, Token};

use crate::ctxt::Ctxt;

/// Reads the arguments of `#[form(...)]` or `#[action(...)]`: `crate = path` here (returned; a
/// second one is reported with `duplicate_crate`), every other key by `key`.
pub(crate) fn macro_args(
    cx: &Ctxt,
    args: TokenStream,
    duplicate_crate: &str,
    mut key: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) -> Option<Path> {
    let mut krate = None;
    if args.is_empty() {
        return krate;
    }
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("crate") {
            let path: Path = meta.value()?.parse()?;
            if krate.replace(path).is_some() {
                cx.error_spanned_by(&meta.path, duplicate_crate);
            }
            Ok(())
        } else {
            key(&meta)
        }
    });
    if let Err(error) = syn::parse::Parser::parse2(parser, args) {
        cx.push(error);
    }
    krate
}

/// Records an unknown key (with the closest known one, when it is close) and skips its value.
pub(crate) fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    what: &str,
    known: &[&str],
) -> syn::Result<()> {
    let key = path_text(&meta.path);
    let mut message = format!("unknown {what} `{key}`");
    match closest(&key, known) {
        Some(close) => message.push_str(&format!("; did you mean `{close}`?")),
        None => message.push_str(&format!("; expected one of: {}", known.join(", "))),
    }
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta)
}

fn path_text(path: &Path) -> String {
    path.segments.iter().map(|segment| segment.ident.to_string()).collect::<Vec<_>>().join("::")
}

/// Consumes `= value` or `(...)` after a key that is being skipped.
pub(crate) fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}

/// The known key closest to `key`, when it is within a typo or two.
pub(crate) fn closest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| (edit_distance(key, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.len() / 4) && *distance < candidate.len()
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_action_options() {
        let options =
            ["id", "body_limit", "max_fields", "max_files", "max_field_size", "max_file_size", "max_age"];
        assert_eq!(closest("body_limt", &options), Some("body_limit"));
        assert_eq!(closest("max_file_sise", &options), Some("max_file_size"));
        assert_eq!(closest("max_age_secs", &options), None);
    }
}
