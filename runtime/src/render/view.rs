//! Views of single fields, groups and lists, for templates.

use std::ops::Deref;
use std::sync::Arc;

#[cfg(test)]
use askama::Template;

use crate::parse::list_indices;
use crate::schema::{Choice, Control, FieldSchema, FormSchema, InputType};
use crate::{FieldError, FormData, FormErrors, ParseCx};

/// What every view of one form render shares: the values, the errors, and the id prefix.
#[derive(Clone)]
#[doc(hidden)]
pub struct ViewCx<'a> {
    pub(crate) values: &'a FormData,
    pub(crate) errors: &'a FormErrors,
    prefix: Prefix,
    /// Whether the prefix is letters, digits, `_` and `-` only (then plain ids need no escaping).
    pub(crate) plain_prefix: bool,
}

impl<'a> ViewCx<'a> {
    pub(crate) fn new(values: &'a FormData, errors: &'a FormErrors, prefix: impl Into<Arc<str>>) -> Self {
        let prefix = prefix.into();
        let plain_prefix = is_plain(&prefix, b'-');
        ViewCx { values, errors, prefix: Prefix::Shared(prefix), plain_prefix }
    }

    /// [`ViewCx::new`] with a prefix kept for good (a form's default id, kept in its schema), already
    /// known to be plain or not: the views share it without counting references.
    pub(crate) fn with_kept_prefix(
        values: &'a FormData,
        errors: &'a FormErrors,
        prefix: &'static str,
        plain_prefix: bool,
    ) -> Self {
        ViewCx { values, errors, prefix: Prefix::Kept(prefix), plain_prefix }
    }

    /// The same id prefix over other values and errors.
    pub(crate) fn with_data(&self, values: &'a FormData, errors: &'a FormErrors) -> Self {
        ViewCx { values, errors, prefix: self.prefix.clone(), plain_prefix: self.plain_prefix }
    }

    /// The id prefix (the form's id).
    pub(crate) fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The view of the field described by `schema` inside the group named `parent`.
    pub fn field(&self, parent: &str, schema: &'static FieldSchema) -> FieldView<'a> {
        let name = crate::parse::child_name(parent, schema.name).into_owned();
        FieldView::new(self.clone(), name, schema)
    }

    /// [`ViewCx::field`], its name and id written into the buffers `name` and `id` (taken back
    /// from the previous field's view), so that a form's fields share two allocations.
    pub(crate) fn field_reusing(
        &self,
        parent: &str,
        schema: &'static FieldSchema,
        mut name: String,
        mut id: String,
    ) -> FieldView<'a> {
        name.clear();
        name.push_str(&crate::parse::child_name(parent, schema.name));
        id.clear();
        let plain = push_control_id(&mut id, self, &name);
        FieldView { errors: self.errors.field(&name), name, id, schema, plain, cx: self.clone() }
    }
}

/// The id prefix of a form's views: kept for good (the default id, in the form's schema), or
/// shared by the views of one render.
#[derive(Clone)]
enum Prefix {
    Kept(&'static str),
    Shared(Arc<str>),
}

impl Deref for Prefix {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Prefix::Kept(prefix) => prefix,
            Prefix::Shared(prefix) => prefix,
        }
    }
}

/// One field in a template: its name, id, label, value(s), errors and attributes.
#[derive(Clone)]
pub struct FieldView<'a> {
    /// The full HTML name (`items[0].name`).
    pub name: String,
    /// The control's `id`, unique in the page.
    pub id: String,
    /// The field's description.
    pub schema: &'static FieldSchema,
    /// The errors of this field.
    pub errors: &'a [FieldError],
    /// Whether the name (and so the id) is letters, digits and `_` only, and the id's prefix
    /// letters, digits, `_` and `-`: then neither needs HTML escaping.
    pub(crate) plain: bool,
    cx: ViewCx<'a>,
}

/// The control id of the field named `name` (the prefix, `-`, the name with every run of other
/// characters than letters, digits and `_` as one `-`), and whether it and the name are plain.
fn control_id(cx: &ViewCx<'_>, name: &str) -> (String, bool) {
    let mut id = String::with_capacity(cx.prefix.len() + name.len() + 1);
    let plain = push_control_id(&mut id, cx, name);
    (id, plain)
}

/// [`control_id`] onto `id` (empty).
fn push_control_id(id: &mut String, cx: &ViewCx<'_>, name: &str) -> bool {
    id.reserve(cx.prefix.len() + name.len() + 1);
    id.push_str(&cx.prefix);
    id.push('-');
    // A plain field name (`email`, `due_date`) is its own id suffix, copied whole.
    let plain = is_plain(name, b'_');
    if plain {
        id.push_str(name);
    } else {
        for c in name.chars() {
            let c = if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' };
            if !(c == '-' && id.ends_with('-')) {
                id.push(c);
            }
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    plain && cx.plain_prefix
}

/// Whether `text` is non-empty and made of ASCII letters, digits, `_` and `also` only.
pub(crate) fn is_plain(text: &str, also: u8) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == also)
}

impl<'a> FieldView<'a> {
    fn new(cx: ViewCx<'a>, name: String, schema: &'static FieldSchema) -> Self {
        let (id, plain) = control_id(&cx, &name);
        FieldView { errors: cx.errors.field(&name), name, id, schema, plain, cx }
    }

    /// The label.
    pub fn label(&self) -> &'static str {
        self.schema.label
    }

    /// The submitted text (empty when none, and always empty for a secret; a `disabled` field's
    /// default when none).
    pub fn value(&self) -> &'a str {
        self.filling_text()
    }

    fn filling_text(&self) -> &'a str {
        let schema: &'static FieldSchema = self.schema;
        if schema.secret {
            return "";
        }
        match self.cx.values.text(&self.name) {
            Some(text) => text,
            None => schema.disabled_text.as_deref().unwrap_or(""),
        }
    }

    /// Every submitted text value (for lists of values).
    pub fn values(&self) -> Vec<&'a str> {
        if self.schema.secret {
            return Vec::new();
        }
        let values: &'a FormData = self.cx.values;
        let given: Vec<&'a str> = values
            .iter()
            .filter(|(name, _)| *name == self.name)
            .filter_map(|(_, value)| value.as_text())
            .collect();
        let schema: &'static FieldSchema = self.schema;
        match (&*given, schema.disabled_text.as_deref()) {
            // A disabled field shows its default when nothing is given for it.
            ([], Some(default)) if !values.contains(&self.name) => vec![default],
            _ => given,
        }
    }

    /// Whether the field has errors.
    pub fn is_invalid(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The `id` of the error list.
    pub fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// The `id` of the help text.
    pub fn help_id(&self) -> String {
        format!("{}-help", self.id)
    }

    /// The help text.
    pub fn help(&self) -> Option<&'static str> {
        self.schema.help
    }

    /// The value of `aria-describedby`: the help and the errors, when there are any.
    pub fn described_by(&self) -> Option<String> {
        let mut ids = Vec::new();
        if let Some(given) = self.schema.described_by {
            ids.push(given.to_owned());
        }
        if self.schema.help.is_some() {
            ids.push(self.help_id());
        }
        if self.is_invalid() {
            ids.push(self.error_id());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// The attributes of the control beyond `id`, `name` and `value`: the constraints, and
    /// `aria-invalid`/`aria-describedby`, each with a leading space, escaped. Written straight into
    /// the page by templates (`{{ field.attributes() }}`, which askama prints as it is); `.to_string()` gives the text.
    pub fn attributes(&self) -> Attributes<'_, 'a> {
        Attributes(self)
    }

    /// The attributes of the `<fieldset>` of radios, checkboxes, a group or a list: `disabled`,
    /// `data-*` and `aria-*` from `#[field(...)]`, each with a leading space, escaped (written
    /// straight into the page: `{{ field.fieldset_attributes()|safe }}`).
    pub fn fieldset_attributes(&self) -> &'static str {
        self.schema.fieldset_attributes()
    }

    /// Whether a checkbox is checked (a `bool` field).
    pub fn is_checked(&self) -> bool {
        self.filling().is_checked()
    }

    /// What a render of this field fills into its fixed markup.
    pub(crate) fn filling(&self) -> Filling<'_> {
        Filling {
            schema: self.schema,
            name: &self.name,
            id: &self.id,
            plain: self.plain,
            values: self.cx.values,
            errors: self.errors,
        }
    }

    /// The options of a choice, each with whether it is selected.
    pub fn options(&self) -> Vec<OptionView> {
        let selected = self.values();
        self.schema
            .choices
            .iter()
            .enumerate()
            .map(|(i, choice)| OptionView {
                choice,
                id: format!("{}-{i}", self.id),
                selected: selected.iter().any(|value| value.trim() == choice.value),
            })
            .collect()
    }

    /// The control's `type`.
    pub fn input_type(&self) -> &'static str {
        self.schema.input_type.as_str()
    }

    /// Whether a value is shown back in the control (never for secrets and files): what the
    /// reference template is given (the render asks [`Filling::echoed`]).
    #[cfg(test)]
    pub(crate) fn echoes_value(&self) -> bool {
        !self.schema.secret && !matches!(self.schema.input_type, InputType::File | InputType::Password)
    }

    /// The fields of a nested group or of one list row, for generic rendering.
    pub fn children(&self) -> Vec<FieldView<'a>> {
        match self.schema.group() {
            Some(group) => field_views(&self.cx, group, &self.name),
            None => Vec::new(),
        }
    }

    /// The rows of a list of groups: the names `items[0]`, `items[3]`... as submitted (and one
    /// empty row for a required list with none).
    pub fn rows(&self) -> Vec<RowView<'a>> {
        row_views(&self.cx, self)
    }

    /// The whole control as HTML, with its label, help and errors: what [`FormView`] renders
    /// (also through `Display`, which streams it without building a `String`).
    ///
    /// [`FormView`]: super::FormView
    pub fn render(&self) -> String {
        self.to_string()
    }
}

impl FieldView<'_> {
    /// Writes the whole control into `dest`: into one buffer first, then at once (many small
    /// writes through a `Formatter` or a `dyn Write` cost more).
    fn write_to(&self, dest: &mut (impl std::fmt::Write + ?Sized)) -> std::fmt::Result {
        super::html::with_buffer(512, |html| {
            super::html::field(html, self)?;
            dest.write_str(html)
        })
    }
}

impl std::fmt::Display for FieldView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// What askama calls for `{{ field }}` (rather than `Display`): the same markup.
impl askama::FastWritable for FieldView<'_> {
    fn write_into(&self, dest: &mut dyn std::fmt::Write, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(self.write_to(dest)?)
    }
}

/// A field's markup, escaped by the runtime: `{{ field }}` prints it as `{{ field|safe }}` does.
impl askama::filters::HtmlSafe for FieldView<'_> {}

/// What one render of a field fills into the markup fixed by its schema, its name and id, and
/// whether it is invalid (see `html::Hole`): the submitted values and the errors.
pub(crate) struct Filling<'a> {
    pub(crate) schema: &'static FieldSchema,
    /// The full HTML name.
    pub(crate) name: &'a str,
    /// The control's id, and whether it and the name need no escaping.
    pub(crate) id: &'a str,
    pub(crate) plain: bool,
    pub(crate) values: &'a FormData,
    pub(crate) errors: &'a [FieldError],
}

impl<'a> Filling<'a> {
    /// The submitted text ([`FieldView::value`]).
    pub(crate) fn text(&self) -> &'a str {
        if self.schema.secret {
            return "";
        }
        match self.values.text(self.name) {
            Some(text) => text,
            None => self.schema.disabled_text.as_deref().unwrap_or(""),
        }
    }

    /// The text shown back in the control: none for secrets and files.
    pub(crate) fn echoed(&self) -> &'a str {
        if matches!(self.schema.input_type, InputType::File | InputType::Password) { "" } else { self.text() }
    }

    /// [`FieldView::is_checked`].
    pub(crate) fn is_checked(&self) -> bool {
        let value = self.text().trim();
        ["on", "true", "1", "yes"].iter().any(|word| value.eq_ignore_ascii_case(word))
    }

    /// Whether `choice` is among the submitted values ([`FieldView::options`]).
    pub(crate) fn is_selected(&self, choice: &Choice) -> bool {
        if self.schema.secret {
            return false;
        }
        if let Some(default) = &self.schema.disabled_text
            && !self.values.contains(self.name)
        {
            // A disabled field shows its default when nothing is given for it.
            return default.trim() == choice.value;
        }
        self.values.iter().any(|(name, value)| {
            name == self.name && value.as_text().is_some_and(|text| text.trim() == choice.value)
        })
    }
}

/// The attributes of a control, as [`FieldView::attributes`] gives them: written by `Display`.
pub struct Attributes<'v, 'a>(&'v FieldView<'a>);

impl std::fmt::Display for Attributes<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// What askama calls for `{{ field.attributes() }}` (rather than `Display`): the same text.
impl askama::FastWritable for Attributes<'_, '_> {
    fn write_into(&self, dest: &mut dyn std::fmt::Write, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(self.write_to(dest)?)
    }
}

/// The attributes, their values escaped by the runtime: `{{ field.attributes() }}` prints them as
/// `|safe` does.
impl askama::filters::HtmlSafe for Attributes<'_, '_> {}

impl Attributes<'_, '_> {
    /// Writes the attributes into `out`.
    pub(crate) fn write_to(&self, out: &mut (impl std::fmt::Write + ?Sized)) -> std::fmt::Result {
        let field = self.0;
        let f = out;
        f.write_str(field.schema.html_attributes())?;
        let invalid = field.is_invalid();
        if invalid {
            f.write_str(r#" aria-invalid="true""#)?;
        }
        let help = field.schema.help.is_some();
        let given = field.schema.described_by;
        if !help && !invalid && given.is_none() {
            return Ok(());
        }
        // The id is the form's id and the field's name made plain: escaped unless both are plain.
        let id = |f: &mut _| {
            if field.plain {
                std::fmt::Write::write_str(f, &field.id)
            } else {
                crate::escape::escape(f, &field.id)
            }
        };
        f.write_str(r#" aria-describedby=""#)?;
        if let Some(given) = given {
            crate::escape::escape(f, given)?;
        }
        if help {
            if given.is_some() {
                f.write_char(' ')?;
            }
            id(f)?;
            f.write_str("-help")?;
        }
        if invalid {
            if help || given.is_some() {
                f.write_char(' ')?;
            }
            id(f)?;
            f.write_str("-error")?;
        }
        f.write_char('"')
    }
}

/// One option of a choice in a template.
pub struct OptionView {
    /// The option.
    pub choice: &'static Choice,
    /// An id for the option's own control (radios, checkboxes).
    pub id: String,
    /// Whether it is selected.
    pub selected: bool,
}

/// One row of a list of groups.
pub struct RowView<'a> {
    /// The row's name, `items[3]`.
    pub name: String,
    /// The row's fields.
    pub fields: Vec<FieldView<'a>>,
}

pub(crate) fn row_names(cx: &ViewCx<'_>, list: &FieldView<'_>) -> Vec<String> {
    let mut parse = ParseCx::new(cx.values);
    let indices = list_indices(&mut parse, &list.name);
    if indices.is_empty() {
        // An empty list still shows one row to fill in.
        return vec![crate::parse::indexed_name(&list.name, 0)];
    }
    indices.into_iter().map(|index| crate::parse::indexed_name(&list.name, index)).collect()
}

fn row_views<'a>(cx: &ViewCx<'a>, list: &FieldView<'a>) -> Vec<RowView<'a>> {
    let Some(group) = list.schema.group() else { return Vec::new() };
    row_names(cx, list)
        .into_iter()
        .map(|name| RowView { fields: field_views(cx, group, &name), name })
        .collect()
}

/// The views of every field of `schema` inside the group named `parent`.
pub(crate) fn field_views<'a>(
    cx: &ViewCx<'a>,
    schema: &'static FormSchema,
    parent: &str,
) -> Vec<FieldView<'a>> {
    schema.fields.iter().map(|field| cx.field(parent, field)).collect()
}

/// One entry of the error summary: the id of the control it links to (none for an error on the
/// whole form), and the message.
pub(crate) type SummaryEntry = (Option<String>, String);

/// The entries of the error summary: `(link target id, message)`, form errors first (no link), for
/// the reference template and [`FormView::summary_entries`](super::FormView::summary_entries).
pub(crate) fn summary_entries(
    cx: &ViewCx<'_>,
    schema: &'static FormSchema,
    errors: &FormErrors,
) -> Vec<SummaryEntry> {
    let mut entries: Vec<SummaryEntry> =
        errors.form_errors().iter().map(|error| (None, error.message().into_owned())).collect();
    for (name, field_errors) in errors.fields() {
        let target = summary_target(cx, schema, name);
        for error in field_errors {
            entries.push((target.clone(), error.message().into_owned()));
        }
    }
    entries
}

/// Where the summary's entry for an error of the field named `name` links to: the field's control
/// (the first option of radios and checkboxes), when the schema knows the field.
pub(crate) fn summary_target(cx: &ViewCx<'_>, schema: &'static FormSchema, name: &str) -> Option<String> {
    let field = schema.lookup(name)?;
    let (mut id, _) = control_id(cx, name);
    if matches!(field.control, Control::Radios | Control::Checkboxes) && !field.choices.is_empty() {
        id.push_str("-0");
    }
    Some(id)
}

/// Writes [`summary_target`] for the field `field` named `name`, escaped (without building it
/// when the form's id and the name are plain: `plain_name` says whether the name is).
pub(crate) fn write_summary_target(
    out: &mut impl std::fmt::Write,
    cx: &ViewCx<'_>,
    field: &FieldSchema,
    name: &str,
    plain_name: bool,
) -> std::fmt::Result {
    if cx.plain_prefix && plain_name {
        out.write_str(&cx.prefix)?;
        out.write_char('-')?;
        out.write_str(name)?;
    } else {
        crate::escape::escape(out, &control_id(cx, name).0)?;
    }
    if matches!(field.control, Control::Radios | Control::Checkboxes) && !field.choices.is_empty() {
        out.write_str("-0")?;
    }
    Ok(())
}

pub(crate) fn control_name(schema: &FieldSchema) -> &'static str {
    match (schema.control, schema.input_type) {
        (Control::Input, InputType::Checkbox) => "checkbox",
        (Control::Input, InputType::Hidden) => "hidden",
        (Control::Input, _) => "input",
        (Control::Textarea, _) => "textarea",
        (Control::Select, _) => "select",
        (Control::Radios, _) => "radios",
        (Control::Checkboxes, _) => "checkboxes",
        (Control::Group, _) => "group",
        (Control::List, _) => "list",
    }
}

/// The reference for `html::field`: the tests render both and compare.
#[cfg(test)]
#[derive(Template)]
#[template(path = "formaction/field.html")]
pub(crate) struct FieldTemplate<'v, 'a> {
    field: &'v FieldView<'a>,
    control: &'static str,
    value: &'a str,
    children: Vec<ReferenceField<'a>>,
    rows: Vec<(String, String, Vec<ReferenceField<'a>>)>,
    intent_field: &'static str,
}

/// A field rendered through the reference template, children included.
#[cfg(test)]
pub(crate) struct ReferenceField<'a>(pub(crate) FieldView<'a>);

#[cfg(test)]
impl std::fmt::Display for ReferenceField<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = &self.0;
        let rows = if field.schema.control == Control::List {
            field
                .rows()
                .into_iter()
                .enumerate()
                .map(|(position, row)| {
                    let fields = row.fields.into_iter().map(ReferenceField).collect();
                    (format!("{} {}", field.schema.label, position + 1), row.name, fields)
                })
                .collect()
        } else {
            Vec::new()
        };
        FieldTemplate {
            field,
            control: control_name(field.schema),
            value: if field.echoes_value() { field.value() } else { "" },
            children: field.children().into_iter().map(ReferenceField).collect(),
            rows,
            intent_field: super::INTENT_FIELD,
        }
        .render_into(f)
        .map_err(|_| std::fmt::Error)
    }
}
