//! What a form looks like: its fields, their controls, and the HTML constraint attributes derived
//! from the same types and rules the server checks.
//!
//! `#[form]` builds a [`FormSchema`] once per struct from three sources, in this order: the field's
//! type ([`Shape`]: a `u8` is `type=number step=1 min=0`, an `Option` is not `required`), its
//! `#[validate(...)]` rules (`length` gives `minlength`/`maxlength`, `range` gives `min`/`max`,
//! `email` gives `type=email`, `regex` gives `pattern` when the expression means the same in a
//! browser), and its `#[field(...)]` options (`secret` gives `type=password`, `accept`, `step`,
//! `autocomplete`, `inputmode`, `input`, `readonly`, `disabled`, `data-*` and `aria-*`).
//! There is one source of truth: the browser checks what the server checks.

use std::any::Any;
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::FieldError;
use crate::escape::escape;

mod types;

use types::attributes_html;
pub use types::{Attribute, Choice, Choices, Constraints, Control, InputType, Shape, html_pattern};

/// One field of a form, as rendering and clients see it.
#[derive(Clone, Debug)]
pub struct FieldSchema {
    /// The field's HTML name inside its group (`"city"`, not `"address.city"`).
    pub name: &'static str,
    /// The label shown to people (`#[field(label = "...")]`, or the field's name in words).
    pub label: &'static str,
    /// A help text shown under the control, linked with `aria-describedby`.
    pub help: Option<&'static str>,
    /// A placeholder, on typed text and numbers (not on a select, a checkbox, a date...).
    pub placeholder: Option<&'static str>,
    /// The control.
    pub control: Control,
    /// The input type, for [`Control::Input`].
    pub input_type: InputType,
    /// The constraint attributes.
    pub constraints: Constraints,
    /// The options of a choice.
    pub choices: &'static [Choice],
    /// The nested group, for [`Control::Group`] and [`Control::List`].
    pub group: Option<fn() -> &'static FormSchema>,
    /// Never echoed back into a page or an answer (passwords, card numbers).
    pub secret: bool,
    /// `autocomplete`: the autofill tokens (`email`, `shipping street-address`, `off`), checked
    /// against the HTML standard's by `#[form]`; on inputs, textareas and selects.
    pub autocomplete: Option<&'static str>,
    /// `inputmode`: the keyboard for typed text (`numeric`, `tel`...); on text and number inputs
    /// and textareas.
    pub inputmode: Option<&'static str>,
    /// `readonly`: shown and sent, not editable in the browser; on typed inputs and textareas. Not
    /// a safeguard: the server reads and checks the submitted value as any other (a value the user
    /// must not change is a `#[bind]` argument of the action).
    pub readonly: bool,
    /// `disabled`: shown, not editable, and never sent by browsers. The server does not read it
    /// either: the field is its default. Never `required`.
    pub disabled: bool,
    /// The text a `disabled` field shows when the values rendered hold nothing for it (a
    /// submission never does): its default's.
    pub disabled_text: Option<String>,
    /// Further attributes of the control, `data-*` and `aria-*`, by full name, in the order given;
    /// values are escaped when rendered. On radios, checkboxes, groups and lists, they go on the
    /// `<fieldset>`.
    pub attributes: &'static [(&'static str, &'static str)],
    /// Ids of elements that describe the control, first in its `aria-describedby` (before the
    /// help's and the errors').
    pub described_by: Option<&'static str>,
    /// The control's attributes beyond `id`, `name` and `value` (constraints, placeholder and
    /// the options of `#[field]`), unescaped, in the order they are written; computed once by
    /// [`FormSchema::new`] with `html_attributes`.
    attribute_list: Vec<Attribute>,
    /// The attributes of the `<fieldset>` of radios, checkboxes, a group or a list, unescaped.
    fieldset_attribute_list: Vec<Attribute>,
    /// `attribute_list` as HTML, computed once by [`FormSchema::new`] (they never change after
    /// the schema is built, and every render needs them).
    html_attributes: String,
    /// The attributes of the `<fieldset>` of radios, checkboxes, a group or a list, computed once
    /// like `html_attributes`.
    fieldset_attributes: String,
    /// `#[field(live)]`: the enhancement script asks the server about this field (its own parse
    /// and rules, the action not run) when the user pauses typing in it.
    pub live: bool,
    /// See [`FieldSchema::client_errors`].
    client_errors: Vec<(Cow<'static, str>, FieldError)>,
    /// The label and the help HTML-escaped for text and attribute values, computed once by
    /// [`FormSchema::new`] like `html_attributes`; `None` before (then renders escape as they go).
    escaped: Option<(String, Option<String>)>,
}

impl FieldSchema {
    /// A field of the given name and label, shaped by its type, before rules and options.
    pub fn new(name: &'static str, label: &'static str, shape: Shape) -> Self {
        let input_type = shape.input_type;
        let constraints = Constraints {
            required: shape.required,
            multiple: shape.multiple
                && (matches!(input_type, InputType::File | InputType::Email)
                    || shape.control == Control::Select),
            step: shape.step.filter(|_| input_type.takes_range_constraints()).map(str::to_owned),
            min: shape.min.filter(|_| input_type.takes_range_constraints()).map(str::to_owned),
            maxlength: shape.maxlength,
            ..Constraints::default()
        };
        FieldSchema {
            name,
            label,
            help: None,
            placeholder: None,
            control: shape.control,
            input_type,
            constraints,
            choices: shape.choices,
            group: shape.group,
            secret: false,
            autocomplete: None,
            inputmode: None,
            readonly: false,
            disabled: false,
            disabled_text: None,
            attributes: &[],
            described_by: None,
            attribute_list: Vec::new(),
            fieldset_attribute_list: Vec::new(),
            html_attributes: String::new(),
            fieldset_attributes: String::new(),
            client_errors: Vec::new(),
            live: false,
            escaped: None,
        }
    }

    /// The errors the server records when this field fails a check a browser can make too, each
    /// keyed by that check, in the order the server records them: a `ValidityState` flag
    /// (`valueMissing`, `tooShort`, `tooLong`, `rangeUnderflow`, `rangeOverflow`, `stepMismatch`,
    /// `typeMismatch`, `patternMismatch`), `accept` (a file's type or name), `<N` (a file over
    /// `N` bytes) or `=NAME` (unequal to the field `NAME` beside it, `must_match`). The
    /// enhancement script shows their messages before a round trip (see `render::script`).
    pub fn client_errors(&self) -> &[(Cow<'static, str>, FieldError)] {
        &self.client_errors
    }

    /// Records the error the server gives for the failure of the browser check `key` (see
    /// [`FieldSchema::client_errors`]); `#[form]` calls it with the rules' own error builders.
    #[doc(hidden)]
    pub fn client_error(&mut self, key: impl Into<Cow<'static, str>>, error: FieldError) {
        self.client_errors.push((key.into(), error));
    }

    /// The constraint and placeholder attributes as HTML, each with a leading space, escaped:
    /// what every render of this field writes.
    pub fn html_attributes(&self) -> &str {
        &self.html_attributes
    }

    /// The attributes of the `<fieldset>` of radios, checkboxes, a group or a list (`disabled`,
    /// `data-*`, `aria-*`), each with a leading space, escaped; empty for other controls.
    pub fn fieldset_attributes(&self) -> &str {
        &self.fieldset_attributes
    }

    /// [`FieldSchema::html_attributes`] as `(name, value)`, unescaped.
    pub fn attribute_list(&self) -> &[Attribute] {
        &self.attribute_list
    }

    /// [`FieldSchema::fieldset_attributes`] as `(name, value)`, unescaped.
    pub fn fieldset_attribute_list(&self) -> &[Attribute] {
        &self.fieldset_attribute_list
    }

    fn prepare(&mut self) {
        let mut list: Vec<Attribute> = self
            .constraints
            .attributes()
            .into_iter()
            .map(|(name, value)| (name, value.map(|value| Cow::Owned(value.into_owned()))))
            .collect();
        let text = |value: &'static str| Some(Cow::Borrowed(value));
        let input =
            |types: &dyn Fn(InputType) -> bool| self.control == Control::Input && types(self.input_type);
        let textarea = self.control == Control::Textarea;
        // Typed text or a number: where `placeholder` and `inputmode` mean something.
        let typed = textarea || input(&|t| t.takes_text_constraints() || t == InputType::Number);
        if let Some(placeholder) = self.placeholder.filter(|_| typed) {
            list.push(("placeholder", text(placeholder)));
        }
        // Each only where HTML gives it a meaning (`#[form]` refuses the others it can tell).
        let autocomplete = textarea
            || self.control == Control::Select
            || input(&|t| !matches!(t, InputType::Checkbox | InputType::Radio | InputType::File));
        let readonly = textarea
            || input(&|t| {
                !matches!(
                    t,
                    InputType::Checkbox
                        | InputType::Radio
                        | InputType::File
                        | InputType::Hidden
                        | InputType::Color
                )
            });
        if let Some(tokens) = self.autocomplete.filter(|_| autocomplete) {
            list.push(("autocomplete", text(tokens)));
        }
        if let Some(mode) = self.inputmode.filter(|_| typed) {
            list.push(("inputmode", text(mode)));
        }
        if self.readonly && readonly {
            list.push(("readonly", None));
        }
        let fieldset =
            matches!(self.control, Control::Radios | Control::Checkboxes | Control::Group | Control::List);
        let mut extra: Vec<Attribute> = Vec::new();
        if self.disabled {
            extra.push(("disabled", None));
        }
        for (name, value) in self.attributes {
            extra.push((name, text(value)));
        }
        if fieldset {
            // Radios and checkboxes write their `aria-describedby` themselves, with the help's
            // and the errors' ids; a group's and a list's have only these.
            if let Some(ids) =
                self.described_by.filter(|_| matches!(self.control, Control::Group | Control::List))
            {
                extra.push(("aria-describedby", text(ids)));
            }
            self.fieldset_attributes = attributes_html(&extra);
            self.fieldset_attribute_list = extra;
        } else {
            list.extend(extra);
        }
        self.html_attributes = attributes_html(&list);
        self.attribute_list = list;
        let escape = |text: &str| {
            let mut html = String::with_capacity(text.len());
            // Writing into a `String` cannot fail.
            let _ = escape(&mut html, text);
            html
        };
        self.escaped = Some((escape(self.label), self.help.map(escape)));
    }

    /// The label and the help, HTML-escaped, when the schema was built by [`FormSchema::new`].
    pub(crate) fn escaped(&self) -> Option<(&str, Option<&str>)> {
        self.escaped.as_ref().map(|(label, help)| (label.as_str(), help.as_deref()))
    }

    /// Applies a `length` rule: `minlength`/`maxlength` on text controls.
    #[doc(hidden)]
    pub fn apply_length(&mut self, min: Option<u64>, max: Option<u64>, equal: Option<u64>) {
        if self.takes_text() {
            self.constraints.minlength = equal.or(min);
            self.constraints.maxlength = equal.or(max);
        }
    }

    /// Applies a `range` rule: `min`/`max` on numbers, dates and times.
    #[doc(hidden)]
    pub fn apply_range(&mut self, min: Option<String>, max: Option<String>) {
        if self.control == Control::Input && self.input_type.takes_range_constraints() {
            if min.is_some() {
                self.constraints.min = min;
            }
            if max.is_some() {
                self.constraints.max = max;
            }
        }
    }

    /// Applies an `email` rule: `type=email` on a text input.
    #[doc(hidden)]
    pub fn apply_email(&mut self) {
        self.retype(InputType::Email);
    }

    /// Applies a `url` rule: `type=url` on a text input.
    #[doc(hidden)]
    pub fn apply_url(&mut self) {
        self.retype(InputType::Url);
    }

    /// Applies a `regex` rule: `pattern`, when the expression reads the same in a browser (see
    /// [`html_pattern`]).
    #[doc(hidden)]
    pub fn apply_regex(&mut self, regex: &str) {
        if self.takes_text() && self.control == Control::Input {
            self.constraints.pattern = html_pattern(regex);
        }
    }

    /// Applies `#[field(scale = N)]`: `step` of one unit in the last decimal place.
    #[doc(hidden)]
    pub fn apply_scale(&mut self, scale: u32) {
        let step = if scale == 0 { "1".to_owned() } else { format!("0.{}1", "0".repeat(scale as usize - 1)) };
        self.apply_step(step);
    }

    /// Applies `#[field(step = "...")]`.
    #[doc(hidden)]
    pub fn apply_step(&mut self, step: String) {
        if self.input_type.takes_range_constraints() {
            self.constraints.step = Some(step);
        }
    }

    /// Applies `#[field(secret)]`: never echoed, and a text input becomes `type=password`.
    #[doc(hidden)]
    pub fn apply_secret(&mut self) {
        self.secret = true;
        self.retype(InputType::Password);
    }

    /// Applies `#[field(textarea)]`.
    #[doc(hidden)]
    pub fn apply_textarea(&mut self) {
        self.control = Control::Textarea;
    }

    /// Applies `#[field(hidden)]`.
    #[doc(hidden)]
    pub fn apply_hidden(&mut self) {
        self.control = Control::Input;
        self.input_type = InputType::Hidden;
        self.constraints = Constraints::default();
    }

    /// Applies `#[field(radio)]` to a choice: radio buttons instead of a `<select>`.
    #[doc(hidden)]
    pub fn apply_radio(&mut self) {
        if self.control == Control::Select {
            self.control = Control::Radios;
        }
    }

    /// Applies `#[field(select)]` to a list of choices: `<select multiple>` instead of checkboxes.
    #[doc(hidden)]
    pub fn apply_select(&mut self) {
        if self.control == Control::Checkboxes {
            self.control = Control::Select;
            self.constraints.multiple = true;
        }
    }

    /// Applies `#[field(accept = "...")]` to a file input.
    #[doc(hidden)]
    pub fn apply_accept(&mut self, accept: &str) {
        if self.input_type == InputType::File {
            self.constraints.accept = Some(accept.to_owned());
        }
    }

    /// Applies `#[field(input = "...")]` to a text input: `tel`, `search`, `color` or `text`.
    #[doc(hidden)]
    pub fn apply_input(&mut self, input_type: &str) {
        let input_type = match input_type {
            "tel" => InputType::Tel,
            "search" => InputType::Search,
            "color" => InputType::Color,
            _ => return,
        };
        self.retype(input_type);
        if self.input_type == input_type && !input_type.takes_text_constraints() {
            // A colour is always `#rrggbb`: the length and pattern of text do not apply.
            self.constraints.minlength = None;
            self.constraints.maxlength = None;
            self.constraints.pattern = None;
        }
    }

    /// Applies `#[field(readonly)]`.
    #[doc(hidden)]
    pub fn apply_readonly(&mut self) {
        self.readonly = true;
    }

    /// Applies `#[field(disabled)]`: never sent by browsers, so never `required`; shows `default`
    /// (its default's text) when nothing is given for it.
    #[doc(hidden)]
    pub fn apply_disabled(&mut self, default: Option<String>) {
        self.disabled = true;
        self.disabled_text = default;
        self.constraints.required = false;
    }

    /// A field with a default is never `required`.
    #[doc(hidden)]
    pub fn apply_default(&mut self) {
        self.constraints.required = false;
    }

    fn takes_text(&self) -> bool {
        self.control == Control::Textarea
            || self.control == Control::Input && self.input_type.takes_text_constraints()
    }

    fn retype(&mut self, input_type: InputType) {
        if self.control == Control::Input && self.input_type == InputType::Text {
            self.input_type = input_type;
        }
    }

    /// The nested group's schema, for groups and lists.
    pub fn group(&self) -> Option<&'static FormSchema> {
        self.group.map(|schema| schema())
    }
}

/// Every field of a form, in declaration order.
#[derive(Debug, Default)]
pub struct FormSchema {
    /// The fields.
    pub fields: Vec<FieldSchema>,
    /// Whether a field needs `enctype="multipart/form-data"` (a file anywhere inside).
    pub multipart: bool,
    /// Whether a field anywhere inside is secret (so redaction has something to look for).
    secret: bool,
    /// What renders remember of this schema (markup that depends on it alone), theirs to fill.
    pub(crate) rendered: Slot,
}

/// A place in a schema for what a later stage remembers of it, made by the first use and never
/// changed after: opaque here, so that a schema says what a form looks like and nothing of how it
/// is shown. A copy of the schema starts empty.
#[derive(Default)]
pub(crate) struct Slot(OnceLock<Box<dyn Any + Send + Sync>>);

impl Slot {
    /// What the slot holds, made by `T::default()` on first use.
    ///
    /// # Panics
    ///
    /// When the slot holds another type: each slot has one owner, which asks for one type.
    pub(crate) fn get_or_default<T: Any + Send + Sync + Default>(&self) -> &T {
        let held = self.0.get_or_init(|| Box::new(T::default()));
        held.downcast_ref().expect("a schema's slot is asked for the one type its owner keeps there")
    }
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() { "Slot(filled)" } else { "Slot(empty)" })
    }
}

impl Clone for FormSchema {
    /// A copy of the fields, without what renders remembered (the copy's fields may be changed).
    fn clone(&self) -> Self {
        FormSchema {
            fields: self.fields.clone(),
            multipart: self.multipart,
            secret: self.secret,
            rendered: Slot::default(),
        }
    }
}

impl FormSchema {
    /// A schema of these fields.
    pub fn new(mut fields: Vec<FieldSchema>) -> Self {
        for field in &mut fields {
            field.prepare();
        }
        let multipart = fields.iter().any(|field| {
            field.input_type == InputType::File && matches!(field.control, Control::Input)
                || field.group().is_some_and(|group| group.multipart)
        });
        let secret =
            fields.iter().any(|field| field.secret || field.group().is_some_and(|group| group.secret));
        FormSchema { fields, multipart, secret, rendered: Slot::default() }
    }

    /// The field named `name` at this level.
    pub fn field(&self, name: &str) -> Option<&FieldSchema> {
        self.fields.iter().find(|field| field.name == name)
    }

    /// The field a full HTML name refers to, through groups and lists:
    /// `lookup("items[2].price")` finds `price` in the schema of `items`.
    pub fn lookup(&self, full_name: &str) -> Option<&FieldSchema> {
        let end = full_name.find(['.', '[']).unwrap_or(full_name.len());
        let (head, mut rest) = full_name.split_at(end);
        let field = self.field(head)?;
        while let Some(after) = rest.strip_prefix('[') {
            rest = &after[after.find(']')? + 1..];
        }
        match rest.strip_prefix('.') {
            None if rest.is_empty() => Some(field),
            Some(inner) => field.group()?.lookup(inner),
            None => None,
        }
    }

    /// Whether any field, nested ones included, is secret.
    pub fn has_secret(&self) -> bool {
        self.secret
    }

    /// Whether the value at `full_name` must never be echoed back (a `secret` field, or a field
    /// inside one).
    pub fn is_secret(&self, full_name: &str) -> bool {
        let end = full_name.find(['.', '[']).unwrap_or(full_name.len());
        let (head, mut rest) = full_name.split_at(end);
        let Some(field) = self.field(head) else { return false };
        if field.secret {
            return true;
        }
        while let Some(after) = rest.strip_prefix('[') {
            match after.find(']') {
                Some(close) => rest = &after[close + 1..],
                None => return false,
            }
        }
        match (rest.strip_prefix('.'), field.group()) {
            (Some(inner), Some(group)) => group.is_secret(inner),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_attributes_render_escaped() {
        let constraints = Constraints {
            required: true,
            minlength: Some(1),
            maxlength: Some(80),
            pattern: Some("a\"b".into()),
            ..Constraints::default()
        };
        assert_eq!(constraints.to_html(), r#" required pattern="a&#34;b" minlength="1" maxlength="80""#);
    }

    #[test]
    fn patterns_the_browser_reads_the_same() {
        assert_eq!(html_pattern("^INV-[0-9]{4}$").as_deref(), Some("INV-[0-9]{4}"));
        assert_eq!(html_pattern(r"\AINV-[0-9]{4}\z").as_deref(), Some("INV-[0-9]{4}"));
        assert_eq!(html_pattern("^[^@]+@example[.]com$").as_deref(), Some("[^@]+@example[.]com"));
        assert_eq!(html_pattern("INV-[0-9]{4}"), None, "unanchored: the browser would anchor it");
        assert_eq!(html_pattern(r"^\d{4}$"), None, "\\d is Unicode in Rust");
        assert_eq!(html_pattern("^(?i)abc$"), None);
        assert_eq!(html_pattern("^a$|^b$"), None);
    }

    #[test]
    fn lists_of_choices_are_checkboxes() {
        static CHOICES: [Choice; 1] = [Choice { value: "a", label: "A" }];
        let shape = Shape::select(&CHOICES).list();
        assert_eq!(shape.control, Control::Checkboxes);
        assert!(!shape.required);
    }
}
