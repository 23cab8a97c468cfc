//! `#[action]`: read the function into a model, check it, expand it; on any error, the fallback.

mod ast;
mod attr;
mod expand;
mod fallback;

use proc_macro2::TokenStream;
use syn::{FnArg, ItemFn, ReturnType, Type};

use crate::ctxt::Ctxt;
use ast::{Arg, ArgKind, Function};

/// Expands `#[action(args)]` on `item`.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let function: ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(_) => {
            let error = syn::Error::new_spanned(&item, "#[action] goes on an `async fn`").to_compile_error();
            return quote::quote!(#error #item);
        }
    };
    let cx = Ctxt::new();
    let options = attr::action_args(&cx, args);
    let model = model(&cx, &function, options);
    match cx.check() {
        Ok(()) => expand::function(&function, &model),
        Err(error) => fallback::expand(&function, error),
    }
}

fn model<'a>(cx: &Ctxt, function: &'a ItemFn, options: attr::ActionOptions) -> Function<'a> {
    let sig = &function.sig;
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
    let mut args = Vec::new();
    let mut form_seen: Option<&Type> = None;
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                cx.error_spanned_by(
                    receiver,
                    "#[action] goes on a free function, not a method: an action has no `self`; take what it needs as extractors or `#[bind]` arguments",
                );
            }
            FnArg::Typed(typed) => {
                let kind = attr::arg_kind(cx, &typed.attrs);
                if kind == ArgKind::Form {
                    if let Some(first) = form_seen {
                        let mut error = syn::Error::new_spanned(
                            &typed.ty,
                            "an action takes at most one `#[form]` argument: a submission is one form",
                        );
                        error.combine(syn::Error::new_spanned(first, "the first `#[form]` argument is here"));
                        cx.push(error);
                    }
                    form_seen = Some(&typed.ty);
                }
                if let Type::Reference(reference) = &*typed.ty {
                    cx.error_spanned_by(
                        reference,
                        "an action's arguments are owned values: a borrowed argument cannot come from a request",
                    );
                }
                args.push(Arg { pat: &typed.pat, ty: &typed.ty, kind });
            }
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
    Function { ident: &sig.ident, vis: &function.vis, args, options }
}

fn is_result(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path.path.segments.last().is_some_and(|segment| segment.ident == "Result"),
        Type::Paren(paren) => is_result(&paren.elem),
        _ => false,
    }
}
