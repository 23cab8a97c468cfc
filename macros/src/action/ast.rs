//! The model of an `#[action]` function.

use syn::{Ident, Type, Visibility};

use super::attr::ActionOptions;

/// An action function.
pub(crate) struct Function<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a Visibility,
    pub(crate) args: Vec<Arg<'a>>,
    pub(crate) options: ActionOptions,
}

/// One argument.
pub(crate) struct Arg<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) kind: ArgKind,
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
