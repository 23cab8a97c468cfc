//! The model of an `#[action]` function, borrowed from syn and built by `from_syn` with what
//! `attr.rs` reads from the marks. Building it reports nothing: every check is in `valid.rs`.

use syn::{FnArg, Ident, ItemFn, Signature, Type, Visibility};

use super::attr::{self, ActionOptions, ArgKind, Mark};

/// An action function.
pub(crate) struct Function<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a Visibility,
    /// The signature as written, for the checks on what the model does not hold.
    pub(crate) sig: &'a Signature,
    /// The typed arguments; a `self` is only in `sig`.
    pub(crate) args: Vec<Arg<'a>>,
    pub(crate) options: ActionOptions,
}

/// One argument.
pub(crate) struct Arg<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) kind: ArgKind,
    /// Its marks as written: the last one decides `kind`.
    pub(crate) marks: Vec<Mark<'a>>,
}

impl<'a> Function<'a> {
    /// Reads `function` into the model.
    pub(crate) fn from_syn(function: &'a ItemFn, options: ActionOptions) -> Self {
        let sig = &function.sig;
        let args = sig
            .inputs
            .iter()
            .filter_map(|input| match input {
                FnArg::Typed(typed) => Some(Arg::from_syn(&typed.ty, &typed.attrs)),
                FnArg::Receiver(_) => None,
            })
            .collect();
        Function { ident: &sig.ident, vis: &function.vis, sig, args, options }
    }
}

impl<'a> Arg<'a> {
    fn from_syn(ty: &'a Type, attrs: &'a [syn::Attribute]) -> Self {
        let marks = attr::marks(attrs);
        let kind = marks.last().map_or(ArgKind::Extractor, |mark| mark.kind);
        Arg { ty, kind, marks }
    }
}
