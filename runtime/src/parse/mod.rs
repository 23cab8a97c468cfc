//! Parsing a submission into typed values, collecting every failure.
//!
//! Two traits split the work:
//!
//! - [`FromFieldValue`]: one value from one control (`"42"` to `u32`, a file to [`UploadedFile`](crate::UploadedFile)).
//!   Implement it for your own types; `#[form]` on a unit enum implements it for you.
//! - [`FromForm`]: the shape around values: a single control, `Option<T>` (absent or blank is
//!   `None`), `Vec<T>` (repeated names, or indexed names for groups), and groups of fields (a
//!   `#[form]` struct, nested by dotted names). Every `T: FromFieldValue` is `FromForm`.
//!
//! Parsing never stops at the first failure: each one is recorded in the [`ParseCx`] under the
//! field's HTML name, and parsing goes on with the next field.

mod nesting;
mod value;

#[cfg(feature = "decimal")]
mod decimal;
#[cfg(feature = "time")]
mod time;

pub(crate) use nesting::group_is_blank;
pub use nesting::list_indices;

pub use crate::names::{child_name, indexed_name};

/// What a field is, at the type level: the [`FromForm::Kind`] of each type, by which the stages
/// after parsing (a template's typed views of the fields) tell a value, a group and a list apart.
#[doc(hidden)]
pub mod kind {
    use std::marker::PhantomData;

    /// The value of one control: a [`FromFieldValue`](super::FromFieldValue) type.
    pub enum Value {}

    /// A group of fields: the form `F`, nested in another.
    pub struct Group<F: ?Sized>(PhantomData<fn() -> F>);

    /// A list of fields of kind `K`.
    pub struct List<K: ?Sized>(PhantomData<fn() -> K>);
}
pub use value::FromFieldValue;

use crate::schema::Shape;
use crate::{FieldError, FieldValue, FormData, FormErrors};

/// The state of one parse: the submission being read and the errors found so far.
pub struct ParseCx<'a> {
    data: &'a FormData,
    errors: FormErrors,
}

impl<'a> ParseCx<'a> {
    /// Starts parsing `data`.
    pub fn new(data: &'a FormData) -> Self {
        ParseCx { data, errors: FormErrors::new() }
    }

    /// The submission.
    pub fn data(&self) -> &'a FormData {
        self.data
    }

    /// Records an error for the field named `name`.
    pub fn error(&mut self, name: &str, error: FieldError) {
        self.errors.add_error(name, error);
    }

    /// Records a form-level error.
    pub fn form_error(&mut self, error: FieldError) {
        self.errors.add_form_error(error);
    }

    /// The errors found so far.
    pub fn errors(&self) -> &FormErrors {
        &self.errors
    }

    /// Mutable access to the errors found so far (for struct-level checks that add their own).
    pub fn errors_mut(&mut self) -> &mut FormErrors {
        &mut self.errors
    }

    /// Ends the parse, giving back the errors.
    pub fn into_errors(self) -> FormErrors {
        self.errors
    }
}

/// A type that can be read from a submission at a given name: a single value, an optional one, a
/// list, or a group of fields.
///
/// Field types of a `#[form]` struct must implement it. Implement [`FromFieldValue`] for a type
/// read from one control, or put `#[form]` on a struct of fields or a unit enum of choices.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a form field",
    label = "no way to read this type from a submission",
    note = "implement `formaction::FromFieldValue` for a type read from one control, or put `#[form]` on a struct (a group of fields) or a unit enum (a choice)"
)]
pub trait FromForm: Sized {
    /// Whether this is a list (`Vec<T>`), for rules such as `length` that count items.
    const LIST: bool = false;

    /// Reads the value at `name` (`""` is the top level of a form). On failure, records the
    /// errors in `cx` and returns `None`.
    fn from_form(cx: &mut ParseCx<'_>, name: &str) -> Option<Self>;

    /// Reads a list of values at `name`. The default reads indexed names, `name[0]`, `name[1]`,
    /// ... in the order of their indices (gaps allowed, as after a row is removed); single values
    /// override it to also read repeated names (`tags=a&tags=b`).
    fn from_form_list(cx: &mut ParseCx<'_>, name: &str) -> Option<Vec<Self>> {
        let mut ok = true;
        let mut items = Vec::new();
        for index in list_indices(cx, name) {
            match Self::from_form(cx, &indexed_name(name, index)) {
                Some(item) => items.push(item),
                None => ok = false,
            }
        }
        ok.then_some(items)
    }

    /// Whether nothing was entered at `name`: no value, or only blank ones. `Option<T>` is `None`
    /// exactly when this is true.
    fn is_blank(data: &FormData, name: &str) -> bool;

    /// How a field of this type looks in HTML: its control, input type and constraints by type.
    fn shape() -> Shape;

    /// What a field of this type is: [`kind::Value`] for one control's value, `kind::Group<Self>`
    /// for a group of fields (what `#[form]` writes), `kind::List<_>` for a list; an `Option` is
    /// what its content is.
    type Kind;

    /// Writes this value into `out` under `name`, as a browser would submit it: what fills in a
    /// form to edit an existing record.
    fn write(&self, name: &str, out: &mut FormData);

    /// Writes a list of this type under `name`. The default writes indexed names, `name[0]`...
    fn write_list(items: &[Self], name: &str, out: &mut FormData) {
        for (index, item) in items.iter().enumerate() {
            item.write(&indexed_name(name, index), out);
        }
    }
}

impl<T: FromFieldValue> FromForm for T {
    fn from_form(cx: &mut ParseCx<'_>, name: &str) -> Option<Self> {
        let result = match cx.data.get(name) {
            None => T::from_missing(),
            Some(value) if value.is_blank() => T::from_missing(),
            Some(FieldValue::Text(text)) => T::from_text(text),
            Some(FieldValue::File(file)) => T::from_file(file),
        };
        result.map_err(|error| cx.error(name, error)).ok()
    }

    fn from_form_list(cx: &mut ParseCx<'_>, name: &str) -> Option<Vec<Self>> {
        let data = cx.data;
        let mut ok = true;
        let mut items = Vec::new();
        let mut push = |cx: &mut ParseCx<'_>, name: &str, value: &FieldValue| {
            let parsed = match value {
                FieldValue::Text(text) => T::from_text(text),
                FieldValue::File(file) => T::from_file(file),
            };
            match parsed {
                Ok(item) => items.push(item),
                Err(error) => {
                    cx.error(name, error);
                    ok = false;
                }
            }
        };
        for value in data.get_all(name).filter(|value| !value.is_blank()) {
            push(cx, name, value);
        }
        for index in list_indices(cx, name) {
            let item_name = indexed_name(name, index);
            if let Some(value) = data.get(&item_name).filter(|value| !value.is_blank()) {
                push(cx, &item_name, value);
            }
        }
        ok.then_some(items)
    }

    fn is_blank(data: &FormData, name: &str) -> bool {
        data.get(name).is_none_or(FieldValue::is_blank)
    }

    fn shape() -> Shape {
        T::shape()
    }

    type Kind = kind::Value;

    fn write(&self, name: &str, out: &mut FormData) {
        if let Some(text) = self.to_text() {
            out.push_text(name, text);
        }
    }

    fn write_list(items: &[Self], name: &str, out: &mut FormData) {
        for item in items {
            item.write(name, out);
        }
    }
}

impl<T: FromForm> FromForm for Option<T> {
    const LIST: bool = T::LIST;

    fn from_form(cx: &mut ParseCx<'_>, name: &str) -> Option<Self> {
        if T::is_blank(cx.data, name) { Some(None) } else { T::from_form(cx, name).map(Some) }
    }

    fn is_blank(data: &FormData, name: &str) -> bool {
        T::is_blank(data, name)
    }

    fn shape() -> Shape {
        Shape { required: false, ..T::shape() }
    }

    type Kind = T::Kind;

    fn write(&self, name: &str, out: &mut FormData) {
        if let Some(value) = self {
            value.write(name, out);
        }
    }
}

impl<T: FromForm> FromForm for Vec<T> {
    const LIST: bool = true;

    fn from_form(cx: &mut ParseCx<'_>, name: &str) -> Option<Self> {
        T::from_form_list(cx, name)
    }

    fn is_blank(data: &FormData, name: &str) -> bool {
        nesting::group_is_blank(data, name) && T::is_blank(data, name)
    }

    fn shape() -> Shape {
        T::shape().list()
    }

    type Kind = kind::List<T::Kind>;

    fn write(&self, name: &str, out: &mut FormData) {
        T::write_list(self, name, out);
    }
}

/// Reads a whole submission as `T`, or every error found.
pub fn parse<T: FromForm>(data: &FormData) -> Result<T, FormErrors> {
    let mut cx = ParseCx::new(data);
    let value = T::from_form(&mut cx, "");
    let errors = cx.into_errors();
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
