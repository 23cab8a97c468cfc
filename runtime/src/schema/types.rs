//! The vocabulary of a schema: input types and controls, choices, what a field's type gives it
//! ([`Shape`]), the constraint attributes and how they are written, and rules as browser patterns.

use std::borrow::Cow;

use super::FormSchema;
use crate::escape::escape;

/// The `type` of an `<input>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputType {
    /// `text`
    Text,
    /// `email`
    Email,
    /// `url`
    Url,
    /// `tel`
    Tel,
    /// `search`
    Search,
    /// `number`
    Number,
    /// `password`
    Password,
    /// `date`
    Date,
    /// `time`
    Time,
    /// `datetime-local`
    DateTimeLocal,
    /// `month`
    Month,
    /// `color`
    Color,
    /// `checkbox`
    Checkbox,
    /// `radio`
    Radio,
    /// `file`
    File,
    /// `hidden`
    Hidden,
}

impl InputType {
    /// The value of the `type` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            InputType::Text => "text",
            InputType::Email => "email",
            InputType::Url => "url",
            InputType::Tel => "tel",
            InputType::Search => "search",
            InputType::Number => "number",
            InputType::Password => "password",
            InputType::Date => "date",
            InputType::Time => "time",
            InputType::DateTimeLocal => "datetime-local",
            InputType::Month => "month",
            InputType::Color => "color",
            InputType::Checkbox => "checkbox",
            InputType::Radio => "radio",
            InputType::File => "file",
            InputType::Hidden => "hidden",
        }
    }

    /// Whether `minlength`, `maxlength` and `pattern` apply to this type.
    pub fn takes_text_constraints(self) -> bool {
        matches!(
            self,
            InputType::Text
                | InputType::Email
                | InputType::Url
                | InputType::Tel
                | InputType::Search
                | InputType::Password
        )
    }

    /// Whether `min`, `max` and `step` apply to this type.
    pub fn takes_range_constraints(self) -> bool {
        matches!(
            self,
            InputType::Number
                | InputType::Date
                | InputType::Time
                | InputType::DateTimeLocal
                | InputType::Month
        )
    }
}

/// Which control renders a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Control {
    /// An `<input>` of the field's [`InputType`].
    Input,
    /// A `<textarea>`.
    Textarea,
    /// A `<select>` (with `multiple` for a list).
    Select,
    /// A group of radio buttons, one per choice.
    Radios,
    /// A group of checkboxes, one per choice (a list of choices).
    Checkboxes,
    /// A nested group of fields (a `#[form]` struct inside another), in a `<fieldset>`.
    Group,
    /// A list of nested groups (`Vec` of a `#[form]` struct), rendered as repeated rows.
    List,
}

/// One option of a choice: the value sent by the browser and the label shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The `value` attribute, as submitted.
    pub value: &'static str,
    /// The text shown to people.
    pub label: &'static str,
}

/// A unit enum whose variants are the options of a `<select>` or a radio group. `#[form]` on a
/// unit enum implements it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a set of choices",
    note = "put `#[form]` on a unit enum to make its variants the options of a `<select>`"
)]
pub trait Choices: Sized + 'static {
    /// Every option, in declaration order.
    const CHOICES: &'static [Choice];

    /// The option of this value.
    fn choice(&self) -> &'static Choice;

    /// The submitted value of this option.
    fn value(&self) -> &'static str {
        self.choice().value
    }

    /// The label of this option.
    fn label(&self) -> &'static str {
        self.choice().label
    }
}

/// How a field of some type looks in HTML before its rules and options are applied. Each
/// [`FromForm`](crate::FromForm) type gives one.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// The control.
    pub control: Control,
    /// The input type, for [`Control::Input`].
    pub input_type: InputType,
    /// Whether a value must be entered (not an `Option`, not a `bool`, not a list).
    pub required: bool,
    /// Whether several values are taken (a `Vec`).
    pub multiple: bool,
    /// The `step`, if the type implies one (`1` for integers, `any` for floats).
    pub step: Option<&'static str>,
    /// The `min`, if the type implies one (`0` for unsigned integers).
    pub min: Option<&'static str>,
    /// The `maxlength`, if the type implies one (`1` for `char`).
    pub maxlength: Option<u64>,
    /// The options, for a choice.
    pub choices: &'static [Choice],
    /// The schema of the nested group, for [`Control::Group`] and [`Control::List`].
    pub group: Option<fn() -> &'static FormSchema>,
}

impl Shape {
    /// A required `<input>` of the given type.
    pub const fn input(input_type: InputType) -> Shape {
        Shape {
            control: Control::Input,
            input_type,
            required: true,
            multiple: false,
            step: None,
            min: None,
            maxlength: None,
            choices: &[],
            group: None,
        }
    }

    /// A required `<select>` over `choices`.
    pub const fn select(choices: &'static [Choice]) -> Shape {
        Shape { control: Control::Select, choices, ..Shape::input(InputType::Text) }
    }

    /// A nested group of fields.
    pub const fn group(schema: fn() -> &'static FormSchema) -> Shape {
        Shape { control: Control::Group, group: Some(schema), ..Shape::input(InputType::Text) }
    }

    /// The shape of a list of this: groups become a [`Control::List`], choices become checkboxes,
    /// other inputs take several values. A list may be empty, so it is not `required`.
    pub fn list(self) -> Shape {
        let control = match self.control {
            Control::Group | Control::List => Control::List,
            Control::Select | Control::Radios => Control::Checkboxes,
            other => other,
        };
        Shape { control, multiple: true, required: false, ..self }
    }
}

/// The HTML constraint attributes of one control.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Constraints {
    /// `required`
    pub required: bool,
    /// `minlength`
    pub minlength: Option<u64>,
    /// `maxlength`
    pub maxlength: Option<u64>,
    /// `min`
    pub min: Option<String>,
    /// `max`
    pub max: Option<String>,
    /// `step`
    pub step: Option<String>,
    /// `pattern` (already in the browser's dialect: anchored, no `^`/`$`)
    pub pattern: Option<String>,
    /// `multiple`
    pub multiple: bool,
    /// `accept`, for files
    pub accept: Option<String>,
}

impl Constraints {
    /// Every attribute that is set, as `(name, value)`; boolean attributes have no value.
    pub fn attributes(&self) -> Vec<(&'static str, Option<Cow<'_, str>>)> {
        let mut attrs = Vec::new();
        if self.required {
            attrs.push(("required", None));
        }
        let texts = [
            ("min", &self.min),
            ("max", &self.max),
            ("step", &self.step),
            ("pattern", &self.pattern),
            ("accept", &self.accept),
        ];
        for (name, value) in texts {
            if let Some(value) = value {
                attrs.push((name, Some(Cow::Borrowed(value.as_str()))));
            }
        }
        if let Some(n) = self.minlength {
            attrs.push(("minlength", Some(Cow::Owned(n.to_string()))));
        }
        if let Some(n) = self.maxlength {
            attrs.push(("maxlength", Some(Cow::Owned(n.to_string()))));
        }
        if self.multiple {
            attrs.push(("multiple", None));
        }
        attrs
    }

    /// The attributes as HTML text with a leading space before each, values escaped:
    /// ` required minlength="1" maxlength="80"`.
    pub fn to_html(&self) -> String {
        attributes_html(&self.attributes())
    }
}

/// An attribute of a control: its name, and its value (`None` for a boolean attribute such as
/// `required`), unescaped.
pub type Attribute = (&'static str, Option<Cow<'static, str>>);

/// `attributes` as HTML, a space before each, values escaped as every text of a form's markup.
pub(super) fn attributes_html(attributes: &[(&str, Option<Cow<'_, str>>)]) -> String {
    let mut html = String::new();
    for (name, value) in attributes {
        html.push(' ');
        html.push_str(name);
        if let Some(value) = value {
            html.push_str("=\"");
            // Writing into a `String` cannot fail.
            let _ = escape(&mut html, value);
            html.push('"');
        }
    }
    html
}

/// Turns a Rust regular expression into an HTML `pattern`, when it means the same thing in a
/// browser; otherwise `None`, and the server alone checks it.
///
/// A browser anchors `pattern` at both ends, so the expression must be anchored too (`^...$`,
/// or `\A...\z`), and must avoid what the two dialects read differently: flags, Unicode
/// classes, and Perl classes (`\d` is Unicode-aware in Rust, ASCII-only in JavaScript).
pub fn html_pattern(regex: &str) -> Option<String> {
    let inner = regex.strip_prefix('^').or_else(|| regex.strip_prefix("\\A"))?;
    let inner = inner.strip_suffix('$').or_else(|| inner.strip_suffix("\\z"))?;
    let unsafe_parts =
        ["(?", "\\p", "\\P", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\b", "\\B", "[[:", "\\A", "\\z"];
    if unsafe_parts.iter().any(|part| inner.contains(part)) || inner.ends_with('\\') {
        return None;
    }
    // A `$` or `^` left inside would anchor a branch only; the browser's implicit anchors differ.
    if inner.contains('$') || inner.replace("[^", "").contains('^') {
        return None;
    }
    Some(inner.to_owned())
}
