//! formaction: Server Actions for axum.
//!
//! (Crate documentation is written with the API; see the README for the tour.)

pub mod decode;
pub mod errors;
mod form;
pub mod form_data;
pub mod messages;
pub mod parse;
pub mod schema;
pub mod validate;

pub use decode::{DecodeError, Limits};
pub use errors::{FieldError, FormErrors};
pub use form::Form;
pub use form_data::{FieldValue, FormData, UploadedFile};
pub use parse::{FromFieldValue, FromForm, ParseCx};
pub use schema::{Choice, Choices};

#[cfg(feature = "macros")]
pub use formaction_macros::form;

/// What generated code refers to, by absolute path (`::formaction::__private::...`), so a user's
/// own names (a `struct Option;`, a local `validator` module) can never shadow it. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use core::option::Option::{self, None, Some};
    pub use core::result::Result::{self, Err, Ok};
    pub use std::sync::OnceLock;
    pub use std::vec;

    pub use validator::{AsRegex, ValidationError};

    pub use crate::parse::{FromFieldValue, FromForm, ParseCx, child_name};
    pub use crate::schema::{Choice, Choices, FieldSchema, FormSchema, Shape};
    pub use crate::validate::{self as rules, RuleOptions};
    pub use crate::{FieldError, Form, FormData, FormErrors};

    /// Whether nothing was entered in a nested group.
    pub fn group_is_blank(data: &FormData, prefix: &str) -> bool {
        crate::parse::group_is_blank(data, prefix)
    }
}
