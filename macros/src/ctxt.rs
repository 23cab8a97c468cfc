//! Collects every error found while reading a macro's input, so a user with three mistakes sees
//! three errors, not one per compile; and turns errors into tokens.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// The errors found so far. Must be consumed with [`Ctxt::check`]: dropping it unchecked is a bug
/// in the macro (errors would be lost) and panics.
pub(crate) struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Ctxt { errors: RefCell::new(Some(Vec::new())) }
    }

    /// Records an error spanning `tokens`.
    pub(crate) fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records a syn error as it is.
    pub(crate) fn push(&self, error: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(error);
        }
    }

    /// Every error recorded, combined into one, or `Ok` when there is none.
    pub(crate) fn check(self) -> Result<(), syn::Error> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else { return Ok(()) };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("formaction-macros: a Ctxt was dropped without check()");
        }
    }
}

/// `item` read as a `T`, or, when it is not one, `message` at the whole item followed by the item
/// unchanged, so that nothing else breaks.
pub(crate) fn parse_item<T: syn::parse::Parse>(item: TokenStream, message: &str) -> Result<T, TokenStream> {
    syn::parse2(item.clone()).map_err(|_| {
        let error = syn::Error::new_spanned(&item, message).to_compile_error();
        quote::quote!(#error #item)
    })
}

/// The compile errors of `error`, as tokens.
pub(crate) fn to_compile_errors(error: syn::Error) -> TokenStream {
    error.to_compile_error()
}
