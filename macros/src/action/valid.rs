//! Checks on the model of an `#[action]`, in the order of the signature: the function itself, its
//! `self`, each argument (its marks, then its type), the return type.

use syn::{FnArg, ReturnType, Type};

use super::ast::Function;
use super::attr::ArgKind;
use crate::ctxt::Ctxt;

/// Records every problem of `function` in `cx`.
pub(crate) fn check(cx: &Ctxt, function: &Function<'_>) {
    let sig = function.sig;
    if sig.asyncness.is_none() {
        cx.error_spanned_by(sig.fn_token, "#[action] needs an `async fn`: write `async fn`");
    }
    if let Some(param) = sig.generics.params.first() {
        cx.error_spanned_by(
            param,
            "#[action] cannot take generic parameters: an action is served for concrete types",
        );
    }
    if let Some(where_clause) = &sig.generics.where_clause {
        cx.error_spanned_by(
            where_clause,
            "#[action] cannot take a where clause: an action is served for concrete types",
        );
    }
    if let Some(variadic) = &sig.variadic {
        cx.error_spanned_by(variadic, "#[action] cannot take variadic arguments");
    }
    if let Some(constness) = &sig.constness {
        cx.error_spanned_by(constness, "an action cannot be a `const fn`");
    }
    // syn accepts `self` only as the first argument, so this keeps the order of the signature.
    for input in &sig.inputs {
        if let FnArg::Receiver(receiver) = input {
            cx.error_spanned_by(
                receiver,
                "#[action] goes on a free function, not a method: an action has no `self`; take what it needs as extractors or `#[bind]` arguments",
            );
        }
    }
    let mut form_seen: Option<&Type> = None;
    for arg in &function.args {
        for (i, mark) in arg.marks.iter().enumerate() {
            if let Err(error) = mark.attr.meta.require_path_only() {
                cx.push(syn::Error::new(
                    error.span(),
                    format!(
                        "`#[{}]` takes no arguments",
                        mark.attr.path().get_ident().map(ToString::to_string).unwrap_or_default()
                    ),
                ));
            }
            if i > 0 {
                cx.error_spanned_by(mark.attr, "an argument is either `#[bind]` or `#[form]`, and only once");
            }
        }
        if arg.kind == ArgKind::Form {
            if let Some(first) = form_seen {
                let mut error = syn::Error::new_spanned(
                    arg.ty,
                    "an action takes at most one `#[form]` argument: a submission is one form",
                );
                error.combine(syn::Error::new_spanned(first, "the first `#[form]` argument is here"));
                cx.push(error);
            }
            form_seen = Some(arg.ty);
        }
        if let Type::Reference(reference) = arg.ty {
            cx.error_spanned_by(
                reference,
                "an action's arguments are owned values, since a borrowed one cannot come from a request: take `String` for `&str`, `Vec<T>` for `&[T]`",
            );
        } else if let Some(message) =
            not_an_extractor(arg.ty, &sig.ident).filter(|_| arg.kind == ArgKind::Extractor)
        {
            cx.error_spanned_by(arg.ty, message);
        }
    }
    match &sig.output {
        ReturnType::Default => cx.error_spanned_by(
            sig.fn_token,
            "an action returns `Result<T, E>`: `T` is `Redirect`, `ActionState<_>`, `()` or a `Response`, and `E` converts into `ActionError`",
        ),
        ReturnType::Type(_, ty) if !is_result(ty) => cx.error_spanned_by(
            ty,
            "an action returns `Result<T, E>`: `T` is `Redirect`, `ActionState<_>`, `()` or a `Response`, and `E` converts into `ActionError`",
        ),
        ReturnType::Type(..) => {}
    }
}

fn is_result(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path.path.segments.last().is_some_and(|segment| segment.ident == "Result"),
        Type::Paren(paren) => is_result(&paren.elem),
        _ => false,
    }
}

/// Types that are values, not extractors: most likely meant to be `#[bind]`.
const PLAIN_VALUES: &[&str] = &[
    "bool", "char", "str", "String", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64",
    "u128", "usize", "f32", "f64", "Vec",
];

/// axum's extractors that read the body, which formaction decodes before the action runs.
const BODY_EXTRACTORS: &[&str] = &["Json", "Form", "RawForm", "Bytes", "Multipart", "Request", "Body"];

/// Why an unmarked argument of this type cannot be an extractor, for the types that are known not
/// to be one. Any other type is checked by the compiler, where the action is registered (its
/// extractors depend on the router's state); these get a clear answer at once, with what to write
/// instead.
fn not_an_extractor(ty: &Type, action: &syn::Ident) -> Option<String> {
    let Type::Path(path) = ty else {
        // A tuple of extractors is one (axum implements it); an array never is.
        return matches!(ty, Type::Array(_)).then(|| {
            format!("this argument is not an extractor: mark it `#[bind]` to seal it into the page with `{action}::bind(..)`")
        });
    };
    let segment = path.path.segments.last()?;
    let name = segment.ident.to_string();
    let value = PLAIN_VALUES.contains(&name.as_str());
    let body = BODY_EXTRACTORS.contains(&name.as_str());
    if value {
        Some(format!(
            "`{name}` is not an extractor: mark it `#[bind]` to seal it into the page with `{action}::bind(..)`, or read it from the submission as a field of a `#[form]` argument"
        ))
    } else if body {
        Some(format!(
            "`{name}` reads the request body, which formaction has already decoded: take the submission as a `#[form]` argument instead"
        ))
    } else {
        None
    }
}
