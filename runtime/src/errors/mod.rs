//! What went wrong with a submission, in the shape zod made familiar.
//!
//! A [`FormErrors`] holds form-level errors and errors per field, each field keyed by its exact
//! HTML `name` (`"email"`, `"address.city"`, `"items[0].name"`), so a browser script can find the
//! control. Every [`FieldError`] has a stable `code` and parameters (`{"code": "too_short",
//! "min": 8}`) for translation, and a message for people that comes from the rule's own `message`
//! or from the installed [`Messages`](crate::messages::Messages) catalogue.
//!
//! Serialised, it reads:
//!
//! ```json
//! {
//!   "formErrors": ["Passwords do not match"],
//!   "fieldErrors": {"email": ["Enter a valid email address"]},
//!   "issues": [
//!     {"name": null, "code": "passwords", "message": "Passwords do not match"},
//!     {"name": "email", "code": "invalid_email", "message": "Enter a valid email address"}
//!   ]
//! }
//! ```
//!
//! `formErrors` and `fieldErrors` are exactly zod's `flatten()`; `issues` adds the codes and
//! parameters that zod and Conform leave out (Django's `as_json()` has them).

pub mod messages;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// One error: a stable code, its parameters, and optionally a message chosen by the developer.
///
/// ```
/// use formaction::FieldError;
///
/// let error = FieldError::new("too_short").with_param("min", 8);
/// assert_eq!(error.message(), "Must be at least 8 characters");
/// let custom = FieldError::new("taken").with_message("INV-0001 is already taken");
/// assert_eq!(custom.message(), "INV-0001 is already taken");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    code: Cow<'static, str>,
    params: Params,
    message: Option<Cow<'static, str>>,
}

/// One parameter of a [`FieldError`]: its name and value.
type Param = (Cow<'static, str>, Value);

/// The parameters of a [`FieldError`], in the order they were added.
///
/// Almost every error has none or one (`min` of `too_short`), so the first is kept inline and
/// only a second one and after go to the heap: recording an error with a parameter then takes
/// no allocation, and dropping it frees none. `rest` is empty whenever `first` is `None`; it is a
/// boxed slice rather than a `Vec` to keep [`FieldError`] small (it travels in every `Result`).
#[derive(Clone, Default, PartialEq)]
struct Params {
    first: Option<Param>,
    rest: Box<[Param]>,
}

impl Params {
    fn push(&mut self, param: Param) {
        if self.first.is_none() {
            self.first = Some(param);
        } else {
            let mut rest = std::mem::take(&mut self.rest).into_vec();
            rest.push(param);
            self.rest = rest.into_boxed_slice();
        }
    }

    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }

    fn iter(&self) -> impl Iterator<Item = &Param> {
        self.first.iter().chain(&self.rest)
    }
}

impl FromIterator<Param> for Params {
    fn from_iter<I: IntoIterator<Item = Param>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        Params { first: iter.next(), rest: iter.collect() }
    }
}

impl fmt::Debug for Params {
    /// As the list it stands for: `[("min", Number(8))]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl FieldError {
    /// An error with a stable `code` such as `"required"` or `"too_short"`; its message comes from
    /// the installed catalogue (see [`crate::messages`]).
    pub fn new(code: impl Into<Cow<'static, str>>) -> Self {
        FieldError { code: code.into(), params: Params::default(), message: None }
    }

    /// Adds a parameter that the message (and clients) can use, such as `min` for `too_short`.
    pub fn with_param(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Value>) -> Self {
        self.params.push((name.into(), value.into()));
        self
    }

    /// Sets the message shown to people, in place of the catalogue's.
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Replaces the code (the message is left as it is).
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = code.into();
        self
    }

    /// The stable code, for programs and translations.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The value of the parameter `name`, if set.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Every parameter, in the order they were added.
    pub fn params(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.params.iter().map(|(n, v)| (n.as_ref(), v))
    }

    /// The message chosen by the developer, if any (without falling back to the catalogue).
    pub fn custom_message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The message for people: the developer's own, or the installed catalogue's.
    pub fn message(&self) -> Cow<'_, str> {
        self.message_in(messages::installed())
    }

    /// The message from a given catalogue (the developer's own message still wins), for answering
    /// in the language of one request.
    ///
    /// A message of the developer's own that is a message id (`invoice-number-taken`) is looked up
    /// in the catalogue ([`Messages::message_by_id`](messages::Messages::message_by_id)), and
    /// shown as written when the catalogue has no such id.
    pub fn message_in<'a>(&'a self, catalogue: &dyn messages::Messages) -> Cow<'a, str> {
        match &self.message {
            Some(message) if crate::locale::is_id(message) => {
                catalogue.message_by_id(message, self).unwrap_or(Cow::Borrowed(message))
            }
            Some(message) => Cow::Borrowed(message),
            None => catalogue.message(self),
        }
    }

    /// Converts an error from the `validator` crate (returned by a `custom` rule function), keeping
    /// its code, parameters and message.
    pub fn from_validation_error(error: validator::ValidationError) -> Self {
        let mut params: Vec<Param> = error.params.into_iter().filter(|(name, _)| name != "value").collect();
        params.sort_by(|a, b| a.0.cmp(&b.0));
        FieldError { code: error.code, params: params.into_iter().collect(), message: error.message }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl From<validator::ValidationError> for FieldError {
    fn from(error: validator::ValidationError) -> Self {
        FieldError::from_validation_error(error)
    }
}

/// Every error of one submission: form-level errors, and errors by field name, in the order they
/// were found.
///
/// ```
/// use formaction::{FieldError, FormErrors};
///
/// let mut errors = FormErrors::new();
/// errors.add("email", FieldError::new("invalid_email"));
/// errors.add_form_error(FieldError::new("rate_limited").with_message("Try again in a minute"));
/// assert_eq!(
///     serde_json::to_value(errors.flatten()).unwrap(),
///     serde_json::json!({
///         "formErrors": ["Try again in a minute"],
///         "fieldErrors": {"email": ["Enter a valid email address"]}
///     })
/// );
/// ```
#[derive(Clone, Default)]
pub struct FormErrors {
    form: Vec<FieldError>,
    /// Every field error, grouped by field, the fields in the order they were first found
    /// invalid: one allocation for all of them, rather than a list per field.
    errors: Vec<FieldError>,
    /// Every invalid field's name, one after another (one allocation for all of them, rather
    /// than one each).
    names: String,
    /// Each invalid field: where its name is in `names`, and where its errors are in `errors`
    /// (the fields' errors follow one another in this order).
    fields: Vec<Field>,
    /// Each invalid field's place in `fields` by name, once there are more than [`INDEXED`]
    /// (a list with many invalid rows): a field is then found by one lookup instead of a scan
    /// of every other, which made adding and finding the errors of `n` rows take `n²` steps.
    #[allow(
        clippy::box_collection,
        reason = "one word in every `FormErrors` rather than six, for the rare large one"
    )]
    index: Option<Box<HashMap<Box<str>, usize>>>,
}

/// Above this many invalid fields, they are found through `FormErrors::index`; below it, a
/// scan of a few short names is cheaper than hashing one.
const INDEXED: usize = 32;

/// One invalid field of [`FormErrors`]: its name in `names`, its errors in `errors`.
#[derive(Clone)]
struct Field {
    name: Range<usize>,
    start: usize,
    count: usize,
}

impl Field {
    fn errors(&self) -> Range<usize> {
        self.start..self.start + self.count
    }
}

impl FormErrors {
    /// No errors.
    pub const fn new() -> Self {
        FormErrors {
            form: Vec::new(),
            errors: Vec::new(),
            names: String::new(),
            fields: Vec::new(),
            index: None,
        }
    }

    /// Whether there is no error at all.
    pub fn is_empty(&self) -> bool {
        self.form.is_empty() && self.errors.is_empty()
    }

    /// The number of errors, form-level and per field.
    pub fn len(&self) -> usize {
        self.form.len() + self.errors.len()
    }

    /// Adds an error to the field named `name` (its HTML name, such as `"items[0].name"`).
    pub fn add(&mut self, name: impl AsRef<str> + Into<String>, error: FieldError) {
        self.add_error(name.as_ref(), error);
    }

    /// [`FormErrors::add`], without making a `String` of the name.
    pub(crate) fn add_error(&mut self, name: &str, error: FieldError) {
        if let Some(at) = self.position(name) {
            let field = &mut self.fields[at];
            let end = field.start + field.count;
            field.count += 1;
            self.errors.insert(end, error);
            // The errors of the fields after it moved up by one. A field's own rules run one
            // after another, so it is almost always the last field, and this moves nothing.
            for later in &mut self.fields[at + 1..] {
                later.start += 1;
            }
            return;
        }
        if self.fields.capacity() == 0 {
            // Room for the usual handful of invalid fields at once (made anew rather than grown:
            // nothing is there to keep, and it skips the growing path).
            self.fields = Vec::with_capacity(4);
            self.names = String::with_capacity(64);
            if self.errors.capacity() == 0 {
                self.errors = Vec::with_capacity(4);
            }
        }
        let start = self.names.len();
        self.names.push_str(name);
        self.fields.push(Field { name: start..self.names.len(), start: self.errors.len(), count: 1 });
        self.errors.push(error);
        match &mut self.index {
            Some(index) => {
                index.insert(name.into(), self.fields.len() - 1);
            }
            None if self.fields.len() > INDEXED => self.reindex(),
            None => {}
        }
    }

    /// The place in `fields` of the field named `name`.
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => {
                #[cfg(test)]
                crate::work::looked_at(self.fields.len());
                // Lengths first, then bytes (equal bytes are equal text; slicing `names` as text
                // would check character boundaries for every field).
                let named = |field: &Field| {
                    field.name.len() == name.len()
                        && self.names.as_bytes().get(field.name.clone()) == Some(name.as_bytes())
                };
                self.fields.iter().position(named)
            }
        }
    }

    /// Builds `FormErrors::index` anew when there are enough fields for it, drops it otherwise.
    fn reindex(&mut self) {
        self.index = (self.fields.len() > INDEXED).then(|| {
            let names = self.fields.iter().enumerate();
            Box::new(names.map(|(at, field)| (self.names[field.name.clone()].into(), at)).collect())
        });
    }

    /// Each field's name and errors, in order.
    fn grouped(&self) -> impl Iterator<Item = (&str, &[FieldError])> {
        self.fields.iter().map(|field| (&self.names[field.name.clone()], &self.errors[field.errors()]))
    }

    /// Adds an error about the form as a whole.
    pub fn add_form_error(&mut self, error: FieldError) {
        self.form.push(error);
    }

    /// Adds a form-level error with a message of the developer's own ("That invoice number is taken"),
    /// with the code `"custom"`.
    pub fn add_form_message(&mut self, message: impl Into<Cow<'static, str>>) {
        self.form.push(FieldError::new("custom").with_message(message));
    }

    /// Adds an error to a field with a message of the developer's own and the code `"custom"`.
    pub fn add_message(
        &mut self,
        name: impl AsRef<str> + Into<String>,
        message: impl Into<Cow<'static, str>>,
    ) {
        self.add(name, FieldError::new("custom").with_message(message));
    }

    /// Moves every error of `other` into this one.
    pub fn merge(&mut self, other: FormErrors) {
        self.form.extend(other.form);
        let mut errors = other.errors.into_iter();
        for field in &other.fields {
            let name = &other.names[field.name.clone()];
            for error in errors.by_ref().take(field.count) {
                self.add_error(name, error);
            }
        }
    }

    /// The form-level errors.
    pub fn form_errors(&self) -> &[FieldError] {
        &self.form
    }

    /// The errors of the field named `name` (empty when it has none).
    pub fn field(&self, name: &str) -> &[FieldError] {
        self.position(name).map_or(&[], |at| &self.errors[self.fields[at].errors()])
    }

    /// Whether the field named `name` has an error.
    pub fn has_field_error(&self, name: &str) -> bool {
        !self.field(name).is_empty()
    }

    /// Every field that has errors, with them, in the order the fields were first found invalid.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &[FieldError])> {
        self.grouped()
    }

    /// Removes every error of the field named `name` and returns them.
    pub fn take_field(&mut self, name: &str) -> Vec<FieldError> {
        let Some(at) = self.position(name) else { return Vec::new() };
        // Its name stays in `names`, unused: nothing points to it any more.
        let field = self.fields.remove(at);
        for later in &mut self.fields[at..] {
            later.start -= field.count;
        }
        if self.index.is_some() {
            self.reindex();
        }
        self.errors.drain(field.errors()).collect()
    }

    /// zod's flattened shape: `{"formErrors": [...], "fieldErrors": {...}}`, messages only.
    pub fn flatten(&self) -> Flattened<'_> {
        Flattened { errors: self, catalogue: None }
    }

    /// The same shape with messages from another catalogue (a request's language).
    pub fn flatten_in<'a>(&'a self, catalogue: &'a dyn messages::Messages) -> Flattened<'a> {
        Flattened { errors: self, catalogue: Some(catalogue) }
    }

    /// `Ok(())` when there is no error, so a caller can write `errors.into_result()?`.
    pub fn into_result(self) -> Result<(), FormErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for FormErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut sep = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
            if !std::mem::take(&mut first) {
                f.write_str("; ")?;
            }
            Ok(())
        };
        for error in &self.form {
            sep(f)?;
            write!(f, "{error}")?;
        }
        for (name, errors) in self.grouped() {
            for error in errors {
                sep(f)?;
                write!(f, "{name}: {error}")?;
            }
        }
        Ok(())
    }
}

impl From<FieldError> for FormErrors {
    /// A single form-level error.
    fn from(error: FieldError) -> Self {
        FormErrors { form: vec![error], ..FormErrors::new() }
    }
}

impl fmt::Debug for FormErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormErrors")
            .field("form", &self.form)
            .field("fields", &self.grouped().collect::<Vec<_>>())
            .finish()
    }
}

impl PartialEq for FormErrors {
    fn eq(&self, other: &Self) -> bool {
        self.form == other.form && self.grouped().eq(other.grouped())
    }
}

/// [`FormErrors`] seen as zod's flattened shape; see [`FormErrors::flatten`].
pub struct Flattened<'a> {
    errors: &'a FormErrors,
    catalogue: Option<&'a dyn messages::Messages>,
}

impl Flattened<'_> {
    fn message<'e>(&self, error: &'e FieldError) -> Cow<'e, str> {
        match self.catalogue {
            Some(catalogue) => error.message_in(catalogue),
            None => error.message(),
        }
    }
}

struct Messages<'a, 'b>(&'a Flattened<'b>, &'a [FieldError]);

impl Serialize for Messages<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.1.len()))?;
        for error in self.1 {
            seq.serialize_element(&self.0.message(error))?;
        }
        seq.end()
    }
}

struct FieldMap<'a, 'b>(&'a Flattened<'b>);

impl Serialize for FieldMap<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = &self.0.errors.fields;
        let mut map = serializer.serialize_map(Some(fields.len()))?;
        for (name, errors) in self.0.errors.grouped() {
            map.serialize_entry(name, &Messages(self.0, errors))?;
        }
        map.end()
    }
}

impl Serialize for Flattened<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("formErrors", &Messages(self, &self.errors.form))?;
        map.serialize_entry("fieldErrors", &FieldMap(self))?;
        map.end()
    }
}

/// One issue of the `issues` list: `{"name": ..., "code": ..., "message": ..., <params>}`.
struct Issue<'a, 'b> {
    flat: &'a Flattened<'b>,
    name: Option<&'a str>,
    error: &'a FieldError,
}

impl Serialize for Issue<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.error.params.len()))?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("code", &self.error.code)?;
        map.serialize_entry("message", &self.flat.message(self.error))?;
        for (param, value) in self.error.params.iter() {
            if !matches!(param.as_ref(), "name" | "code" | "message") {
                map.serialize_entry(param, value)?;
            }
        }
        map.end()
    }
}

struct Issues<'a, 'b>(&'a Flattened<'b>);

impl Serialize for Issues<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let errors = self.0.errors;
        let mut seq = serializer.serialize_seq(Some(errors.len()))?;
        for error in &errors.form {
            seq.serialize_element(&Issue { flat: self.0, name: None, error })?;
        }
        for (name, field_errors) in errors.grouped() {
            for error in field_errors {
                seq.serialize_element(&Issue { flat: self.0, name: Some(name), error })?;
            }
        }
        seq.end()
    }
}

impl Serialize for FormErrors {
    /// zod's flattened shape plus `issues`, the list with codes and parameters.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let flat = self.flatten();
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("formErrors", &Messages(&flat, &self.form))?;
        map.serialize_entry("fieldErrors", &FieldMap(&flat))?;
        map.serialize_entry("issues", &Issues(&flat))?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn serialises_zods_shape_with_issues() {
        let mut errors = FormErrors::new();
        errors.add("password", FieldError::new("too_short").with_param("min", 8));
        errors.add("items[0].name", FieldError::new("required"));
        errors.add("password", FieldError::new("invalid_format").with_message("Add a digit"));
        errors.add_form_message("Passwords do not match");
        assert_eq!(
            serde_json::to_value(&errors).unwrap(),
            json!({
                "formErrors": ["Passwords do not match"],
                "fieldErrors": {
                    "password": ["Must be at least 8 characters", "Add a digit"],
                    "items[0].name": ["This field is required"]
                },
                "issues": [
                    {"name": null, "code": "custom", "message": "Passwords do not match"},
                    {"name": "password", "code": "too_short", "message": "Must be at least 8 characters", "min": 8},
                    {"name": "password", "code": "invalid_format", "message": "Add a digit"},
                    {"name": "items[0].name", "code": "required", "message": "This field is required"}
                ]
            })
        );
        assert_eq!(errors.len(), 4);
        assert_eq!(
            errors.to_string(),
            "Passwords do not match; password: Must be at least 8 characters; password: Add a digit; \
             items[0].name: This field is required"
        );
    }

    #[test]
    fn merge_and_take() {
        let mut a = FormErrors::new();
        a.add("x", FieldError::new("required"));
        let mut b = FormErrors::new();
        b.add("x", FieldError::new("too_long").with_param("max", 3));
        b.add("y", FieldError::new("required"));
        a.merge(b);
        assert_eq!(a.field("x").len(), 2);
        assert_eq!(a.take_field("x").len(), 2);
        assert!(!a.has_field_error("x"));
        assert!(a.has_field_error("y"));
        assert!(FormErrors::new().into_result().is_ok());
    }

    #[test]
    fn errors_stay_grouped_by_field_whatever_the_order_of_adding() {
        let mut errors = FormErrors::new();
        errors.add("x", FieldError::new("one"));
        errors.add("y", FieldError::new("two"));
        errors.add("x", FieldError::new("three"));
        errors.add("z", FieldError::new("four"));
        errors.add("y", FieldError::new("five"));
        let codes = |errors: &[FieldError]| errors.iter().map(FieldError::code).collect::<Vec<_>>().join(",");
        let fields: Vec<_> =
            errors.fields().map(|(name, errors)| format!("{name}:{}", codes(errors))).collect();
        assert_eq!(fields, ["x:one,three", "y:two,five", "z:four"]);
        assert_eq!(codes(&errors.take_field("y")), "two,five");
        assert_eq!(codes(errors.field("z")), "four");
        assert_eq!(codes(errors.field("x")), "one,three");
        let mut expected = FormErrors::new();
        expected.add("x", FieldError::new("one"));
        expected.add("x", FieldError::new("three"));
        expected.add("z", FieldError::new("four"));
        assert_eq!(errors, expected, "equal by content, whatever the buffers hold");
        assert_eq!(errors.len(), 3);
        assert_eq!(format!("{errors:?}").matches("four").count(), 1);
    }

    #[test]
    fn converts_validator_errors() {
        let mut error = validator::ValidationError::new("weekday");
        error.add_param("day".into(), &"Sunday");
        error.add_param("value".into(), &"secret input");
        let converted = FieldError::from(error.with_message("No deliveries on Sunday".into()));
        assert_eq!(converted.code(), "weekday");
        assert_eq!(converted.param("day"), Some(&json!("Sunday")));
        assert_eq!(converted.param("value"), None, "the submitted value is never echoed in an error");
        assert_eq!(converted.message(), "No deliveries on Sunday");
    }
}
