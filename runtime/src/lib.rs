//! formaction: Server Actions for axum.
//!
//! (Crate documentation is written with the API; see the README for the tour.)

pub mod form_data;

pub use form_data::{FieldValue, FormData, UploadedFile};
