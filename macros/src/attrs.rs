//! Attribute helpers both macros use: the arguments of the macro itself with its `crate = path`
//! option, an unknown key reported with the closest known one, and sizes written with a unit
//! (`#[action(max_file_size = "10MB")]`, `#[field(max_size = "2MB")]`).

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::{Expr, ExprLit, Lit, Path, Token};

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

/// `"5MB"`, `"512KiB"`, `"100B"` or a plain number of bytes; units are powers of 1024 and case
/// does not matter, but a space is refused (`"2 MB"` is a typo for `"2MB"`).
pub(crate) fn size(value: &Expr) -> Result<u64, String> {
    Quantity {
        example: "a size such as \"5MB\" or a number of bytes",
        hint: "a size: write a number and a unit with no space, such as \"5MB\", \"512KB\" or \"100B\"",
        too_big: "too large",
        unit: |unit| match unit.to_ascii_lowercase().as_str() {
            "" | "b" => Some(1),
            "kb" | "kib" | "k" => Some(1 << 10),
            "mb" | "mib" | "m" => Some(1 << 20),
            "gb" | "gib" | "g" => Some(1 << 30),
            _ => None,
        },
    }
    .read(value)
}

/// How an option given in units is written: a whole number, or a string of digits and a unit.
pub(crate) struct Quantity {
    /// What to write, for a value that is neither.
    pub(crate) example: &'static str,
    /// What the string should be, after "`text` is not ".
    pub(crate) hint: &'static str,
    /// How a number that overflows `u64` is described.
    pub(crate) too_big: &'static str,
    /// The multiplier of a unit, `None` for one it does not know.
    pub(crate) unit: fn(&str) -> Option<u64>,
}

impl Quantity {
    pub(crate) fn read(&self, value: &Expr) -> Result<u64, String> {
        let text = match value {
            Expr::Lit(ExprLit { lit: Lit::Int(n), .. }) => {
                return n.base10_parse::<u64>().map_err(|e| e.to_string());
            }
            Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => text.value(),
            _ => return Err(format!("write {}", self.example)),
        };
        let hint = format!("`{text}` is not {}", self.hint);
        let unit_at = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
        let (digits, unit) = text.split_at(unit_at);
        let number: u64 = digits.parse().map_err(|_| hint.clone())?;
        let multiplier = (self.unit)(unit).ok_or(hint)?;
        number.checked_mul(multiplier).ok_or_else(|| format!("`{text}` is {}", self.too_big))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let s = |text: &str| size(&syn::parse_str(&format!("{text:?}")).unwrap());
        assert_eq!(s("5MB"), Ok(5 << 20));
        assert_eq!(s("512kib"), Ok(512 << 10));
        assert_eq!(s("100B"), Ok(100));
        assert!(s("2 MB").unwrap_err().contains("no space"));
        assert!(s("lots").is_err());
    }

    #[test]
    fn suggestions_for_action_options() {
        let options = [
            "id",
            "body_limit",
            "max_fields",
            "max_files",
            "max_field_size",
            "max_file_size",
            "max_age",
            "once",
        ];
        assert_eq!(closest("onse", &options), Some("once"));
        assert_eq!(closest("body_limt", &options), Some("body_limit"));
        assert_eq!(closest("max_file_sise", &options), Some("max_file_size"));
        assert_eq!(closest("max_age_secs", &options), None);
    }
}
