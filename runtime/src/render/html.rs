//! The standard form markup, written straight into the output.
//!
//! The same bytes as the askama templates under `templates/formaction/` (kept as the reference:
//! the tests below render both and compare), without a template's per-value dispatch. Every text
//! that is not a fixed part of the markup goes through [`escape`], which escapes exactly as
//! askama's HTML escaper does.

use std::fmt::{self, Write};
use std::sync::OnceLock;

use super::Button;
use super::view::{FieldView, Filling, ViewCx, control_name, is_plain, write_summary_target};
use crate::escape::escape;
use crate::locale::{Label, Language};
use crate::schema::{Control, FieldSchema, FormSchema};
use crate::{BoundAction, FieldError, FormData, FormErrors};

/// Writes a text fixed by the form's type, escaped once when its schema was built (`escaped`),
/// or escaped now (`text`).
fn prepared(out: &mut String, escaped: Option<&str>, text: &str) -> fmt::Result {
    match escaped {
        Some(escaped) => out.write_str(escaped),
        None => escape(out, text),
    }
}

/// Writes the field's label, escaped.
fn label(out: &mut String, field: &FieldView<'_>) -> fmt::Result {
    match app_text(field.schema.label) {
        Some(text) => escape(out, &text),
        None => prepared(out, field.schema.escaped().map(|(label, _)| label), field.schema.label),
    }
}

/// A label, help text or choice of the app's that is a message id of its catalogues
/// (`#[field(label = "invoice-customer")]`), in the request's language; `None` writes the text
/// as it is. The shipped English has none of an app's ids: nothing is looked up then.
fn app_text(text: &str) -> Option<String> {
    let language = Language::current();
    if language.is_plain_english() || !crate::locale::is_id(text) {
        return None;
    }
    language.format(text, None)
}

/// Writes a choice's label, escaped (see [`app_text`]).
fn choice_label(out: &mut String, label: &str) -> fmt::Result {
    match app_text(label) {
        Some(text) => escape(out, &text),
        None => escape(out, label),
    }
}

/// `id` with `args` in the request's language; `None` in the shipped English, whose words the
/// markup writes as they are.
fn translated(id: &str, args: &[(&str, serde_json::Value)]) -> Option<String> {
    let language = Language::current();
    if language.is_plain_english() {
        return None;
    }
    language.format(id, Some(&crate::locale::fluent_args(args.iter().map(|(name, value)| (*name, value)))))
}

/// A form's `lang` and `dir` when the request's language is not the page's, and the enhancement
/// script's own texts when they are not its built-in English (it reads them from the form).
pub(crate) fn language_attributes(out: &mut String) -> fmt::Result {
    let language = Language::current();
    if let Some((lang, dir)) = language.markup_attributes() {
        out.write_str(" lang=\"")?;
        escape(out, lang)?;
        out.write_char('"')?;
        if let Some(dir) = dir {
            out.write_str(" dir=\"")?;
            out.write_str(dir)?;
            out.write_char('"')?;
        }
    }
    if !language.is_plain_english() {
        // Each with the English the script has built in: only a text that differs is sent.
        for (name, label, english) in [
            ("problem", Label::SummaryTitle, "There is a problem"),
            ("failed", Label::ScriptFailed, "Something went wrong. Please try again."),
            (
                "unreadable",
                Label::ScriptUnreadable,
                "The server's answer could not be read. Check before sending again.",
            ),
            ("next-page", Label::ScriptNextPage, "The form was sent, but the next page could not be opened."),
        ] {
            if language.label(label) == english {
                continue;
            }
            out.write_str(" data-fa-text-")?;
            out.write_str(name)?;
            out.write_str("=\"")?;
            escape(out, language.label(label))?;
            out.write_char('"')?;
        }
    }
    Ok(())
}

/// Writes the field's control id (or another text built the same way from the form's id and the
/// field's name), escaped unless both are plain (letters, digits, `_` and `-` need none).
fn id(out: &mut String, field: &FieldView<'_>, text: &str) -> fmt::Result {
    if field.plain { out.write_str(text) } else { escape(out, text) }
}

/// The whole `<form>`, as `form.html`; `fields` writes the fields, each after a newline.
#[allow(clippy::too_many_arguments)]
pub(crate) fn form(
    out: &mut String,
    id: &str,
    plain_id: bool,
    action: Option<&BoundAction>,
    multipart: bool,
    enhance: bool,
    summary: Option<(&ViewCx<'_>, &'static FormSchema, &FormErrors, &[KeptField])>,
    hidden: impl FnOnce(&mut String),
    fields: impl FnOnce(&mut String) -> fmt::Result,
    buttons: &[Button],
) -> fmt::Result {
    out.write_str(r#"<form id=""#)?;
    if plain_id {
        out.write_str(id)?;
    } else {
        escape(out, id)?;
    }
    out.write_str(r#"" method="post" action=""#)?;
    if let Some(action) = action {
        // Needs no escaping (see `push_url`).
        action.push_url(out);
    }
    out.write_char('"')?;
    if multipart {
        out.write_str(r#" enctype="multipart/form-data""#)?;
    }
    if enhance {
        out.write_str(" data-enhance")?;
    }
    language_attributes(out)?;
    out.write_str(">\n")?;
    if let Some((cx, schema, errors, kept)) = summary {
        self::summary(out, id, cx, schema, errors, kept)?;
    }
    hidden(out);
    fields(out)?;
    out.write_str("\n<div class=\"fa-actions\">")?;
    let several = buttons.len() > 1;
    for button in buttons {
        if several {
            out.write_str("\n<button type=\"submit\" ")?;
            out.write_str(&button.action.button_attributes())?;
            out.write_char('>')?;
        } else {
            out.write_str("\n<button type=\"submit\">")?;
        }
        escape(out, &button.label)?;
        out.write_str("</button>")?;
    }
    out.write_str("\n</div>\n</form>")
}

/// The error summary, as `summary.html`: an entry per error, form errors first (no link), each
/// field's linking to its control. `kept` is what the schema keeps of its fields when the form has
/// its default id (otherwise empty).
pub(crate) fn summary(
    out: &mut String,
    id: &str,
    cx: &ViewCx<'_>,
    schema: &'static FormSchema,
    errors: &FormErrors,
    kept: &[KeptField],
) -> fmt::Result {
    let plain = cx.plain_prefix;
    let write_id = |out: &mut _| if plain { Write::write_str(out, id) } else { escape(out, id) };
    out.write_str(r#"<div class="fa-summary" id=""#)?;
    write_id(out)?;
    out.write_str(r#"-summary" role="alert" tabindex="-1" aria-labelledby=""#)?;
    write_id(out)?;
    out.write_str("-summary-title\">\n<h2 id=\"")?;
    write_id(out)?;
    out.write_str("-summary-title\">")?;
    escape(out, Language::current().label(Label::SummaryTitle))?;
    out.write_str("</h2>\n<ul>")?;
    for error in errors.form_errors() {
        out.write_str("\n<li>")?;
        error_message(out, error)?;
        out.write_str("</li>")?;
    }
    for (name, field_errors) in errors.fields() {
        // A plain name (`email`) is a field of the form itself: found without taking the name
        // apart, and its link target written as it is (or kept, under the default id).
        let plain_name = is_plain(name, b'_');
        let (field, kept) = if plain_name {
            match schema.fields.iter().position(|field| field.name == name) {
                Some(index) => (schema.fields.get(index), kept.get(index)),
                None => (None, None),
            }
        } else {
            (schema.lookup(name), None)
        };
        let Some(field) = field else {
            for error in field_errors {
                out.write_str("\n<li>")?;
                error_message(out, error)?;
                out.write_str("</li>")?;
            }
            continue;
        };
        // The entry up to the message: kept, or written for the field's first error and copied
        // for the others.
        let kept_link = kept.map(|kept| {
            &**kept.link.get_or_init(|| {
                let mut link = String::from("\n<li><a href=\"#");
                // Writing into a `String` cannot fail.
                let _ = write_summary_target(&mut link, cx, field, name, plain_name);
                link.push_str("\">");
                link.into_boxed_str()
            })
        });
        let mut link = None;
        for error in field_errors {
            match (kept_link, &link) {
                (Some(kept), _) => out.write_str(kept)?,
                (None, Some(written)) => out.extend_from_within(std::ops::Range::clone(written)),
                (None, None) => {
                    let start = out.len();
                    out.write_str("\n<li><a href=\"#")?;
                    write_summary_target(out, cx, field, name, plain_name)?;
                    out.write_str("\">")?;
                    link = Some(start..out.len());
                }
            }
            summary_message(out, error)?;
            out.write_str("</a></li>")?;
        }
    }
    out.write_str("\n</ul>\n</div>")
}

/// The help and the errors of a field, as `notes.html` (the errors' items are the hole
/// [`Hole::Errors`]).
fn notes(out: &mut String, field: &FieldView<'_>, fill: &mut impl Fill) -> fmt::Result {
    if let Some(help) = field.help() {
        out.write_str("\n<p class=\"fa-help\" id=\"")?;
        id(out, field, &field.id)?;
        out.write_str("-help\">")?;
        match app_text(help) {
            Some(text) => escape(out, &text)?,
            None => prepared(out, field.schema.escaped().and_then(|(_, help)| help), help)?,
        }
        out.write_str("</p>")?;
    }
    if field.is_invalid() {
        out.write_str("\n<ul class=\"fa-errors\" id=\"")?;
        id(out, field, &field.id)?;
        out.write_str("-error\">")?;
        fill(out, Hole::Errors)?;
        out.write_str("\n</ul>")?;
    }
    Ok(())
}

fn error_message(out: &mut String, error: &FieldError) -> fmt::Result {
    escape(out, &message(error))
}

/// An error's words as the page shows them; also the script's, for the same failure (`client.rs`).
pub(crate) fn message(error: &FieldError) -> std::borrow::Cow<'_, str> {
    error.message()
}

thread_local! {
    /// The buffers pages, forms and fields are written into before they go out, kept from one
    /// render to the next (see [`with_buffer`]): a stack, since a page's render holds one while the
    /// form inside it takes another.
    static BUFFERS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most each of a thread's kept buffers holds between renders (a bigger one is let go).
const KEPT_CAPACITY: usize = 64 * 1024;

/// How many buffers a thread keeps: a page, a form in it, a field rendered by a template of its own
/// inside that, and one more.
const KEPT_BUFFERS: usize = 4;

/// Runs `write` with an empty buffer of at least `capacity` bytes: one of the thread's, kept from
/// one render to the next so that a render allocates nothing for it (a render inside `write` takes
/// another, and a render nested deeper than the thread keeps buffers for makes its own).
pub(crate) fn with_buffer<R>(capacity: usize, write: impl FnOnce(&mut String) -> R) -> R {
    let kept = BUFFERS.try_with(|kept| kept.try_borrow_mut().ok().and_then(|mut kept| kept.pop()));
    let mut buffer = kept.ok().flatten().unwrap_or_default();
    buffer.clear();
    buffer.reserve(capacity);
    let written = write(&mut buffer);
    if buffer.capacity() <= KEPT_CAPACITY {
        // Gone only while the thread ends: then the buffer goes with it.
        let _ = BUFFERS.try_with(|kept| {
            if let Ok(mut kept) = kept.try_borrow_mut()
                && kept.len() < KEPT_BUFFERS
            {
                kept.push(buffer);
            }
        });
    }
    written
}

thread_local! {
    /// While a whole form renders ([`MessageScope`]): where the summary wrote each field error's
    /// message, escaped (the error's address, the buffer's address, the range in the buffer), so
    /// that the field that shows the same error beside its control copies it rather than build
    /// and escape it again. The vector is kept from one render to the next.
    static MESSAGES: std::cell::RefCell<(bool, Vec<KeptMessage>)> =
        const { std::cell::RefCell::new((false, Vec::new())) };
}

/// A message the summary wrote: its error's address, the buffer's address, and where in that
/// buffer it is.
type KeptMessage = (usize, usize, std::ops::Range<usize>);

/// Keeps where the summary wrote its messages for the fields while a whole form renders; forgets
/// them when dropped (after the render, or if it unwinds), so that a field rendered on its own,
/// or an error at an address used again later, never finds them.
pub(crate) struct MessageScope(bool);

impl MessageScope {
    /// A scope, active when the form has a summary to take messages from.
    pub(crate) fn new(active: bool) -> Self {
        if active {
            MESSAGES.with_borrow_mut(|(on, kept)| {
                kept.clear();
                *on = true;
            });
        }
        MessageScope(active)
    }
}

impl Drop for MessageScope {
    fn drop(&mut self) {
        if self.0 {
            MESSAGES.with_borrow_mut(|(on, kept)| {
                kept.clear();
                *on = false;
            });
        }
    }
}

/// A field error's message in the summary: where it was written is kept for the field.
fn summary_message(out: &mut String, error: &FieldError) -> fmt::Result {
    let start = out.len();
    error_message(out, error)?;
    let written = (std::ptr::from_ref(error) as usize, std::ptr::from_ref(out) as usize, start..out.len());
    MESSAGES.with_borrow_mut(|(on, kept)| {
        if *on {
            kept.push(written);
        }
    });
    Ok(())
}

/// A field error's message beside its control: copied from where the summary wrote it into the
/// same buffer during this render, when it did.
fn field_message(out: &mut String, error: &FieldError) -> fmt::Result {
    let (error_at, buffer_at) = (std::ptr::from_ref(error) as usize, std::ptr::from_ref(out) as usize);
    // The summary wrote the errors in the order they are stored, so their addresses ascend: a
    // binary search finds each, where a scan made a page of `n` invalid rows take `n²` steps.
    let kept = MESSAGES.with_borrow(|(on, kept)| {
        #[cfg(test)]
        crate::work::looked_at((usize::BITS - kept.len().leading_zeros()) as usize);
        let at = kept.binary_search_by_key(&error_at, |(error, _, _)| *error).ok()?;
        let (_, buffer, range) = &kept[at];
        (*on && *buffer == buffer_at).then(|| range.clone())
    });
    match kept {
        // The buffer only grows while the form renders, so the range still holds the message
        // (checked all the same: a wrong range writes the message afresh rather than panic).
        Some(range) if out.is_char_boundary(range.start) && out.is_char_boundary(range.end) => {
            out.extend_from_within(range);
            Ok(())
        }
        _ => error_message(out, error),
    }
}

/// `<div class="fa-field{ fa-invalid}" data-field="NAME">`, after `start` (`fa-field` and more).
fn field_div(out: &mut String, field: &FieldView<'_>, class: &str) -> fmt::Result {
    out.write_str(class)?;
    if field.is_invalid() {
        out.write_str(" fa-invalid")?;
    }
    out.write_str("\" data-field=\"")?;
    id(out, field, &field.name)?;
    out.write_str("\">")
}

/// `<label for="ID">LABEL</label>` and the notes, after a newline.
fn label_and_notes(out: &mut String, field: &FieldView<'_>, fill: &mut impl Fill) -> fmt::Result {
    out.write_str("\n<label for=\"")?;
    id(out, field, &field.id)?;
    out.write_str("\">")?;
    label(out, field)?;
    out.write_str("</label>")?;
    notes(out, field, fill)
}

/// ` id="ID" name="NAME"`.
fn id_and_name(out: &mut String, field: &FieldView<'_>, control_id: &str) -> fmt::Result {
    out.write_str(" id=\"")?;
    id(out, field, control_id)?;
    out.write_str("\" name=\"")?;
    id(out, field, &field.name)?;
    out.write_char('"')
}

/// `<fieldset class="CLASS{ fa-invalid}" id="ID" data-field="NAME"` and the fieldset's own
/// attributes (not closed).
fn fieldset_start(out: &mut String, field: &FieldView<'_>, class: &str) -> fmt::Result {
    out.write_str(class)?;
    if field.is_invalid() {
        out.write_str(" fa-invalid")?;
    }
    out.write_str("\" id=\"")?;
    id(out, field, &field.id)?;
    out.write_str("\" data-field=\"")?;
    id(out, field, &field.name)?;
    out.write_char('"')?;
    out.write_str(field.schema.fieldset_attributes())
}

/// `>` then `<legend>LABEL</legend>` and the notes.
fn legend_and_notes(out: &mut String, field: &FieldView<'_>, fill: &mut impl Fill) -> fmt::Result {
    out.write_str(">\n<legend>")?;
    label(out, field)?;
    out.write_str("</legend>")?;
    notes(out, field, fill)
}

/// A part of a field's markup that one render fills in from the submitted values and the errors.
/// The rest of the markup of a field of the form itself (not inside a group or a list) depends
/// only on its schema, the form's id and whether the field has errors: kept in the schema for the
/// default id (see [`KeptField`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hole {
    /// The items of the error list.
    Errors,
    /// ` value="VALUE"` when a value is shown back (an `<input>`).
    ValueAttribute,
    /// The value shown back, escaped (a hidden input's `value`, a textarea's text).
    Value,
    /// ` checked` when checked (a checkbox).
    Checked,
    /// The options of a `<select>` after `Choose…`.
    Options,
    /// The radios or checkboxes of a choice, each with its label.
    Choices,
}

/// What writes a [`Hole`]: at once ([`fill`]), or while noting where it is ([`field_in_pieces`]).
trait Fill: FnMut(&mut String, Hole) -> fmt::Result {}

impl<F: FnMut(&mut String, Hole) -> fmt::Result> Fill for F {}

/// Writes `hole` for the render `filling`.
fn fill(out: &mut String, hole: Hole, filling: &Filling<'_>) -> fmt::Result {
    match hole {
        Hole::Errors => {
            for error in filling.errors {
                out.write_str("\n<li>")?;
                field_message(out, error)?;
                out.write_str("</li>")?;
            }
            Ok(())
        }
        Hole::ValueAttribute => {
            let value = filling.echoed();
            if !value.is_empty() {
                out.write_str(" value=\"")?;
                escape(out, value)?;
                out.write_char('"')?;
            }
            Ok(())
        }
        Hole::Value => escape(out, filling.echoed()),
        Hole::Checked => {
            if filling.is_checked() {
                out.write_str(" checked")?;
            }
            Ok(())
        }
        Hole::Options => {
            for choice in filling.schema.choices {
                out.write_str("\n<option value=\"")?;
                escape(out, choice.value)?;
                out.write_char('"')?;
                if filling.is_selected(choice) {
                    out.write_str(" selected")?;
                }
                out.write_char('>')?;
                choice_label(out, choice.label)?;
                out.write_str("</option>")?;
            }
            Ok(())
        }
        Hole::Choices => {
            let radios = filling.schema.control == Control::Radios;
            let required = radios && filling.schema.constraints.required;
            let invalid = !filling.errors.is_empty();
            // An option's id is the field's and `-INDEX` (which needs no escaping).
            let option_id = |out: &mut String, index: usize| {
                plain_or_escaped(out, filling.plain, filling.id)?;
                write!(out, "-{index}")
            };
            for (index, choice) in filling.schema.choices.iter().enumerate() {
                out.write_str("\n<div class=\"fa-choice\">\n<input type=\"")?;
                out.write_str(if radios { "radio" } else { "checkbox" })?;
                out.write_str("\" id=\"")?;
                option_id(out, index)?;
                out.write_str("\" name=\"")?;
                plain_or_escaped(out, filling.plain, filling.name)?;
                out.write_str("\" value=\"")?;
                escape(out, choice.value)?;
                out.write_char('"')?;
                if filling.is_selected(choice) {
                    out.write_str(" checked")?;
                }
                if required {
                    out.write_str(" required")?;
                }
                if invalid {
                    out.write_str(" aria-invalid=\"true\"")?;
                }
                out.write_str(">\n<label for=\"")?;
                option_id(out, index)?;
                out.write_str("\">")?;
                choice_label(out, choice.label)?;
                out.write_str("</label>\n</div>")?;
            }
            Ok(())
        }
    }
}

/// Writes `text` as it is when `plain`, escaped otherwise.
fn plain_or_escaped(out: &mut String, plain: bool, text: &str) -> fmt::Result {
    if plain { out.write_str(text) } else { escape(out, text) }
}

/// One field, as `field.html`.
pub(crate) fn field(out: &mut String, field: &FieldView<'_>) -> fmt::Result {
    let filling = field.filling();
    field_with_holes(out, field, &mut |out: &mut String, hole| fill(out, hole, &filling))
}

/// One field, as `field.html`, each [`Hole`] written by `fill`.
fn field_with_holes(out: &mut String, field: &FieldView<'_>, fill: &mut impl Fill) -> fmt::Result {
    match control_name(field.schema) {
        "input" => {
            field_div(out, field, "<div class=\"fa-field")?;
            label_and_notes(out, field, fill)?;
            out.write_str("\n<input type=\"")?;
            out.write_str(field.input_type())?;
            out.write_char('"')?;
            id_and_name(out, field, &field.id)?;
            fill(out, Hole::ValueAttribute)?;
            field.attributes().write_to(out)?;
            out.write_str(">\n</div>")
        }
        "hidden" => {
            out.write_str("<input type=\"hidden\"")?;
            id_and_name(out, field, &field.id)?;
            out.write_str(" value=\"")?;
            fill(out, Hole::Value)?;
            out.write_str("\">")
        }
        "checkbox" => {
            field_div(out, field, "<div class=\"fa-field fa-checkbox")?;
            out.write_str("\n<input type=\"checkbox\"")?;
            id_and_name(out, field, &field.id)?;
            out.write_str(" value=\"on\"")?;
            fill(out, Hole::Checked)?;
            field.attributes().write_to(out)?;
            out.write_char('>')?;
            label_and_notes(out, field, fill)?;
            out.write_str("\n</div>")
        }
        "textarea" => {
            field_div(out, field, "<div class=\"fa-field")?;
            label_and_notes(out, field, fill)?;
            out.write_str("\n<textarea")?;
            id_and_name(out, field, &field.id)?;
            field.attributes().write_to(out)?;
            // HTML drops one line break right after `<textarea>`: this one, so a value that
            // starts with its own comes back whole.
            out.write_str(">\n")?;
            fill(out, Hole::Value)?;
            out.write_str("</textarea>\n</div>")
        }
        "select" => {
            field_div(out, field, "<div class=\"fa-field")?;
            label_and_notes(out, field, fill)?;
            out.write_str("\n<select")?;
            id_and_name(out, field, &field.id)?;
            field.attributes().write_to(out)?;
            out.write_char('>')?;
            if !field.schema.constraints.multiple {
                out.write_str("\n<option value=\"\">")?;
                escape(out, Language::current().label(Label::SelectPlaceholder))?;
                out.write_str("</option>")?;
            }
            fill(out, Hole::Options)?;
            out.write_str("\n</select>\n</div>")
        }
        "radios" | "checkboxes" => {
            fieldset_start(out, field, "<fieldset class=\"fa-field fa-choices")?;
            if let Some(ids) = field.described_by() {
                out.write_str(" aria-describedby=\"")?;
                escape(out, &ids)?;
                out.write_char('"')?;
            }
            legend_and_notes(out, field, fill)?;
            fill(out, Hole::Choices)?;
            out.write_str("\n</fieldset>")
        }
        "group" => {
            fieldset_start(out, field, "<fieldset class=\"fa-group")?;
            legend_and_notes(out, field, fill)?;
            for child in field.children() {
                out.write_char('\n')?;
                self::field(out, &child)?;
            }
            out.write_str("\n</fieldset>")
        }
        _ => {
            debug_assert_eq!(field.schema.control, Control::List);
            fieldset_start(out, field, "<fieldset class=\"fa-list")?;
            legend_and_notes(out, field, fill)?;
            for (position, row) in field.rows().into_iter().enumerate() {
                let legend = translated(
                    "label-list-row",
                    &[
                        (
                            "list",
                            app_text(field.schema.label)
                                .unwrap_or_else(|| field.schema.label.to_owned())
                                .into(),
                        ),
                        ("position", (position + 1).into()),
                    ],
                )
                .unwrap_or_else(|| format!("{} {}", field.schema.label, position + 1));
                out.write_str("\n<fieldset class=\"fa-row\" data-row=\"")?;
                escape(out, &row.name)?;
                out.write_str("\">\n<legend>")?;
                escape(out, &legend)?;
                out.write_str("</legend>\n<input type=\"hidden\" name=\"")?;
                escape(out, &row.name)?;
                out.write_str("\" value=\"\">")?;
                for child in &row.fields {
                    out.write_char('\n')?;
                    self::field(out, child)?;
                }
                out.write_str("\n<button type=\"submit\" name=\"")?;
                out.write_str(super::INTENT_FIELD)?;
                out.write_str("\" value=\"remove:")?;
                escape(out, &row.name)?;
                out.write_str("\" formnovalidate>")?;
                match translated("label-remove-row", &[("row", legend.as_str().into())]) {
                    Some(text) => escape(out, &text)?,
                    None => {
                        out.write_str("Remove ")?;
                        escape(out, &legend)?;
                    }
                }
                out.write_str("</button>\n</fieldset>")?;
            }
            out.write_str("\n<button type=\"submit\" name=\"")?;
            out.write_str(super::INTENT_FIELD)?;
            out.write_str("\" value=\"add:")?;
            escape(out, &field.name)?;
            out.write_str("\" formnovalidate>")?;
            match translated(
                "label-add-row",
                &[(
                    "list",
                    app_text(field.schema.label).unwrap_or_else(|| field.schema.label.to_owned()).into(),
                )],
            ) {
                Some(text) => escape(out, &text)?,
                None => {
                    out.write_str("Add a row to ")?;
                    label(out, field)?;
                }
            }
            out.write_str("</button>\n</fieldset>")
        }
    }
}

/// What a form's schema keeps of one of its own fields (not one inside a group or a list) for
/// renders under the form's default id: the field's markup with and without errors, cut at its
/// holes, and the summary's link to it. Each is made by the first render that needs it.
#[derive(Debug, Default)]
pub(crate) struct KeptField {
    /// Without errors, with errors.
    pieces: [OnceLock<Pieces>; 2],
    /// `\n<li><a href="#ID">`, the summary's entry for an error of the field up to the message.
    link: OnceLock<Box<str>>,
}

/// A field's markup cut at its holes: each fixed part with the hole after it, the part after the
/// last hole, and what the holes need of the field's id.
#[derive(Debug)]
pub(crate) struct Pieces {
    parts: Box<[(Box<str>, Hole)]>,
    end: Box<str>,
    /// The control's id, and whether it and the name need no escaping.
    id: Box<str>,
    plain: bool,
}

impl KeptField {
    /// The pieces of the field's markup with (`invalid`) or without errors, when kept.
    pub(crate) fn pieces(&self, invalid: bool) -> Option<&Pieces> {
        self.pieces[usize::from(invalid)].get()
    }

    /// Whether fields of this schema are kept: every control but a group and a list (whose
    /// fields' names depend on the values).
    pub(crate) fn keeps(schema: &FieldSchema) -> bool {
        !matches!(schema.control, Control::Group | Control::List)
    }

    /// Writes `field` as [`field`] does, and keeps its markup in pieces (the first time).
    pub(crate) fn write_and_keep(&self, out: &mut String, field: &FieldView<'_>) -> fmt::Result {
        let filling = field.filling();
        let mut parts = Vec::new();
        let mut last = out.len();
        field_with_holes(out, field, &mut |out: &mut String, hole| {
            parts.push((out[last..].into(), hole));
            self::fill(out, hole, &filling)?;
            last = out.len();
            Ok(())
        })?;
        let pieces = Pieces {
            parts: parts.into(),
            end: out[last..].into(),
            id: field.id.as_str().into(),
            plain: field.plain,
        };
        let _ = self.pieces[usize::from(field.is_invalid())].set(pieces);
        Ok(())
    }
}

impl Pieces {
    /// Writes the field `schema` of the form (so named as in its schema) for `values` and `errors`
    /// (the field's, which it has exactly when these pieces are those with errors).
    pub(crate) fn write(
        &self,
        out: &mut String,
        schema: &'static FieldSchema,
        values: &FormData,
        errors: &[FieldError],
    ) -> fmt::Result {
        let filling = Filling { schema, name: schema.name, id: &self.id, plain: self.plain, values, errors };
        for (fixed, hole) in &self.parts {
            out.push_str(fixed);
            fill(out, *hole, &filling)?;
        }
        out.push_str(&self.end);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::render::FormView;
    use crate::{BoundAction, Form, FormData, FormErrors, form};

    #[form]
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Colour {
        Red,
        #[field(rename = "green-ish", label = "Green <ish> & \"more\"")]
        Green,
    }

    #[form]
    #[derive(Debug)]
    struct Address {
        #[validate(length(min = 1))]
        #[field(help = "The street's name & number")]
        street: String,
        city: Option<String>,
    }

    #[form]
    #[derive(Debug)]
    struct Line {
        #[validate(length(min = 1, max = 10))]
        description: String,
        #[validate(range(min = 1, max = 1000))]
        quantity: u32,
    }

    #[form]
    #[derive(Debug)]
    struct Everything {
        #[field(label = "Full <name>", help = "As on \"papers\" & 'cards'", placeholder = "Ada")]
        #[field(
            autocomplete = "name",
            inputmode = "text",
            data(test_id = "n\"<"),
            aria(describedby = "a\"b")
        )]
        #[validate(length(min = 2, max = 5))]
        name: String,
        #[validate(email)]
        email: Option<String>,
        #[field(secret)]
        password: String,
        #[field(hidden)]
        token: String,
        urgent: bool,
        #[field(textarea, readonly, aria(label = "The <notes>"))]
        #[validate(length(max = 5))]
        notes: Option<String>,
        colour: Colour,
        #[field(radio, help = "Pick one", data(kind = "c&"), aria(describedby = "d<"))]
        second: Colour,
        colours: Vec<Colour>,
        tags: Vec<String>,
        age: u8,
        #[field(readonly, disabled, default = 7)]
        seats: u8,
        #[field(aria(describedby = "g\""), data(group = "x"))]
        address: Address,
        #[validate(length(min = 1, max = 3))]
        lines: Vec<Line>,
    }

    fn check(values: &FormData, errors: &FormErrors) {
        let cases = [
            FormView::<Everything>::new(values, errors, BoundAction::unbound("save")),
            FormView::<Everything>::new(values, errors, BoundAction::unbound("save"))
                .submit_label("Save <it> & go")
                .button("Other \"one\"", BoundAction::unbound("other"))
                .key("row-1")
                .plain()
                .id("my-form"),
            FormView::<Everything>::new(values, errors, BoundAction::unbound("save")).id("a\"<b>&'c"),
        ];
        for view in cases {
            let written = view.to_string();
            let reference = view.reference();
            assert_eq!(written, reference);
            assert_no_inline_script_or_style(&written);
            for field in view.field_views() {
                assert_eq!(field.to_string(), super::super::view::ReferenceField(field.clone()).to_string());
            }
        }
    }

    /// Pages that use the runtime's markup work under a strict Content-Security-Policy: no
    /// `<script>` or `<style>` element, no `style` attribute, no `on...` handler. (Submitted text
    /// is escaped, so a literal `"` or `<` can only come from the runtime.)
    fn assert_no_inline_script_or_style(markup: &str) {
        let markup = &without_messages(markup);
        for banned in ["<script", "<style", " style=\""] {
            assert!(!markup.contains(banned), "`{banned}` in {markup}");
        }
        for (at, _) in markup.match_indices(" on") {
            let name: String = markup[at + 3..].chars().take_while(char::is_ascii_lowercase).collect();
            let handler = !name.is_empty() && markup[at + 3 + name.len()..].starts_with("=\"");
            assert!(!handler, "an inline handler `on{name}` in {markup}");
        }
    }

    /// `markup` without the enhancement script's messages: a data block, never run (its type is
    /// `application/json`), checked to be JSON.
    fn without_messages(markup: &str) -> String {
        let open = "\n<script type=\"application/json\" data-fa-messages>";
        let Some((before, rest)) = markup.split_once(open) else { return markup.to_owned() };
        let (json, after) = rest.split_once("</script>").expect("the block is closed");
        assert!(serde_json::from_str::<serde_json::Value>(json).is_ok_and(|v| v.is_object()), "{json}");
        format!("{before}{after}")
    }

    #[test]
    #[should_panic(expected = "an inline handler `onclick`")]
    fn the_policy_check_finds_a_handler() {
        assert_no_inline_script_or_style("<p>a note on=\"x\"</p><button onclick=\"go()\">Go</button>");
    }

    #[test]
    fn default_ids_are_type_names_in_kebab_case() {
        struct SignUpForm;
        struct AVeryLongTypeNameThatGoesOnAndOnWellBeyondSixtyFourCharactersOfText;
        assert_eq!(&*crate::render::default_id::<SignUpForm>(), "sign-up-form");
        assert_eq!(
            &*crate::render::default_id::<AVeryLongTypeNameThatGoesOnAndOnWellBeyondSixtyFourCharactersOfText>(
            ),
            "a-very-long-type-name-that-goes-on-and-on-well-beyond-sixty-four-characters-of-text"
        );
        assert_eq!(&*crate::render::default_id::<Vec<SignUpForm>>(), "sign-up-form");
    }

    #[test]
    fn the_default_id_is_kept_in_the_schema_and_the_same_every_time() {
        let (values, errors) = (FormData::new(), FormErrors::new());
        for _ in 0..2 {
            let view = FormView::<Everything>::new(&values, &errors, BoundAction::unbound("save"));
            assert_eq!(view.form_id(), "everything");
            assert!(view.cx.plain_prefix);
        }
        let kept = crate::render::Remembered::of(Everything::schema())
            .default_id
            .get()
            .expect("kept by the first render");
        assert_eq!((kept.0, &*kept.1, kept.2), (std::any::type_name::<Everything>(), "everything", true));
    }

    #[test]
    fn each_message_is_built_once_and_forgotten_after_the_render() {
        let mut errors = FormErrors::new();
        errors.add("name", crate::FieldError::new("too_short").with_param("min", 2));
        errors.add("name", crate::FieldError::new("custom").with_message("Not <that> one"));
        errors.add("age", crate::FieldError::new("range").with_param("min", 13).with_param("max", 130));
        let values = FormData::new();
        let view = FormView::<Everything>::new(&values, &errors, BoundAction::unbound("save"));
        let written = view.to_string();
        assert_eq!(written, view.reference());
        // The script's messages aside, which the schema's rules give whatever was submitted.
        let written = without_messages(&written);
        for (_, field_errors) in errors.fields() {
            for error in field_errors {
                let mut message = String::new();
                crate::escape::escape(&mut message, &error.message()).unwrap();
                assert_eq!(
                    written.matches(&message).count(),
                    2,
                    "{message} in the summary and beside its field"
                );
            }
        }
        super::MESSAGES.with_borrow(|(on, kept)| assert!(!on && kept.is_empty()));
    }

    #[form]
    #[derive(Debug)]
    struct Kept {
        #[validate(length(min = 1))]
        name: String,
        urgent: bool,
    }

    /// The fields of `view` rendered now, whatever the schema kept.
    fn fresh_fields<F: crate::render::FormFields>(view: &FormView<'_, F>) -> String {
        let mut fields = String::new();
        for field in view.field_views() {
            fields.push('\n');
            super::field(&mut fields, &field).expect("writing into a String");
        }
        fields
    }

    /// The fields of `view` as a whole render writes them (from what the schema kept, when it
    /// kept them).
    fn written_fields<F: crate::render::FormFields>(view: &FormView<'_, F>) -> String {
        let mut fields = String::new();
        view.push_fields(&mut fields).expect("writing into a String");
        fields
    }

    #[form]
    #[derive(Debug)]
    struct AllControls {
        #[field(label = "Full <name>", help = "As on \"papers\" & 'cards'", placeholder = "Ada")]
        #[field(
            autocomplete = "name",
            inputmode = "text",
            data(test_id = "n\"<"),
            aria(describedby = "a\"b")
        )]
        #[validate(length(min = 2, max = 5))]
        name: String,
        #[validate(email)]
        email: Option<String>,
        #[field(secret)]
        #[validate(length(min = 8))]
        password: String,
        #[field(hidden)]
        token: String,
        #[field(help = "Tick it")]
        urgent: bool,
        #[field(textarea, readonly, aria(label = "The <notes>"))]
        #[validate(length(max = 5))]
        notes: Option<String>,
        colour: Colour,
        #[field(radio, help = "Pick one", data(kind = "c&"), aria(describedby = "d<"))]
        second: Colour,
        #[field(radio)]
        third: Option<Colour>,
        colours: Vec<Colour>,
        #[field(select)]
        many: Vec<Colour>,
        tags: Vec<String>,
        age: u8,
        #[field(readonly, disabled, default = 7)]
        seats: u8,
        #[field(aria(describedby = "g\""), data(group = "x"))]
        address: Address,
        #[validate(length(min = 1, max = 3))]
        lines: Vec<Line>,
    }

    #[test]
    fn kept_field_pieces_write_the_fresh_markup_with_and_without_errors() {
        let renders = [
            FormData::new(),
            FormData::from_pairs([("name", "Ada")]),
            FormData::from_pairs([
                ("name", "<script>alert('x') & \"y\"</script>"),
                ("email", "not an email <b>"),
                ("password", "short\"<"),
                ("token", "t\"ok<en>"),
                ("urgent", " YES "),
                ("notes", "</textarea><b>bold & long</b>"),
                ("colour", "green-ish"),
                ("second", " red "),
                ("third", "\"><x"),
                ("colours", "red"),
                ("colours", "green-ish"),
                ("many", "green-ish"),
                ("tags", "a&b"),
                ("tags", "<c>"),
                ("age", "2000"),
                ("address.street", ""),
                ("lines[0].description", "far too long a <description>"),
                ("lines[4].quantity", "x\"y"),
            ]),
            FormData::from_pairs([
                ("name", "Ada"),
                ("email", "ada@example.com"),
                ("password", "long enough"),
                ("urgent", "off"),
                ("colour", "red"),
                ("second", "red"),
                ("colours", "red"),
                ("many", "red"),
                ("many", "green-ish"),
                ("age", "x"),
            ]),
        ];
        let schema = AllControls::schema();
        for values in &renders {
            let errors = AllControls::parse(values).err().unwrap_or_default();
            let mut with_a_form_error = errors.clone();
            with_a_form_error.add_form_error(crate::FieldError::new("custom").with_message("Not <now>"));
            // Every field invalid, two errors on some (a checkbox or a hidden input has none of its
            // own rules).
            let mut everywhere = FormErrors::new();
            for (position, field) in schema.fields.iter().enumerate() {
                for n in 0..=position % 2 {
                    let message = format!("Bad <{}> {n}", field.name);
                    everywhere.add(field.name, crate::FieldError::new("custom").with_message(message));
                }
            }
            for errors in [&errors, &with_a_form_error, &everywhere, &FormErrors::new()] {
                // The first render keeps what the second uses; both are the reference's markup.
                for _ in 0..2 {
                    let view = FormView::<AllControls>::new(values, errors, BoundAction::unbound("save"));
                    assert_eq!(written_fields(&view), fresh_fields(&view));
                    assert_eq!(view.to_string(), view.reference());
                }
                for (field, kept) in
                    schema.fields.iter().zip(crate::render::Remembered::of(schema).kept_fields(schema))
                {
                    let invalid = !errors.field(field.name).is_empty();
                    assert_eq!(
                        kept.pieces(invalid).is_some(),
                        super::KeptField::keeps(field),
                        "{} (invalid: {invalid})",
                        field.name
                    );
                }
            }
        }
        // Every keepable field was rendered both ways.
        for (field, kept) in
            schema.fields.iter().zip(crate::render::Remembered::of(schema).kept_fields(schema))
        {
            for invalid in [false, true] {
                assert_eq!(kept.pieces(invalid).is_some(), super::KeptField::keeps(field), "{}", field.name);
            }
        }
    }

    #[form]
    #[derive(Debug)]
    struct Marked {
        #[validate(length(min = 2))]
        name: String,
        #[field(radio)]
        colour: Colour,
        address: Address,
    }

    #[test]
    fn only_a_form_with_the_default_id_is_served_the_kept_pieces() {
        const FIELD: &str = "<!-- kept field -->";
        const LINK: &str = "<!-- kept link -->";
        let schema = Marked::schema();
        let marked = |_: &crate::schema::FieldSchema| {
            let kept = super::KeptField::default();
            for invalid in [false, true] {
                let pieces = super::Pieces {
                    parts: Box::new([(FIELD.into(), super::Hole::Errors)]),
                    end: "".into(),
                    id: "x".into(),
                    plain: true,
                };
                kept.pieces[usize::from(invalid)].set(pieces).expect("empty");
            }
            kept.link.set(format!("\n<li>{LINK}").into()).expect("empty");
            kept
        };
        crate::render::Remembered::of(schema)
            .kept_fields
            .set(schema.fields.iter().map(marked).collect())
            .expect("no other test renders `Marked`");
        let action = || BoundAction::unbound("save");
        let values = FormData::from_pairs([("name", "A"), ("colour", "red"), ("address.city", "Oslo")]);
        let errors = Marked::parse(&values).expect_err("the name is too short");
        let no_errors = FormErrors::new();
        // Served the kept pieces: the default id, whatever the values, errors, key or buttons.
        for view in [
            FormView::<Marked>::new(&values, &errors, action()),
            FormView::<Marked>::new(&values, &no_errors, action()).key("row-1").plain(),
            FormView::<Marked>::new(&values, &errors, action())
                .button("Other", BoundAction::unbound("other")),
        ] {
            let html = view.to_string();
            // `name` and `colour`, not the group `address` (rendered, its fields inside included).
            assert_eq!(html.matches(FIELD).count(), 2, "{html}");
            assert!(html.contains("data-field=\"address.city\""), "{html}");
            assert_eq!(html.contains(LINK), !view.errors().is_empty(), "{html}");
        }
        // Rendered: another id.
        for view in [
            FormView::<Marked>::new(&values, &errors, action()).id("other"),
            FormView::<Marked>::new(&values, &errors, action()).id("marked"),
            FormView::<Marked>::new(&values, &no_errors, action()).id("marked"),
        ] {
            let html = view.to_string();
            assert!(!html.contains(FIELD) && !html.contains(LINK), "{html}");
            assert_eq!(html, view.reference());
        }
        // A field rendered on its own, and the fields of a template's own markup.
        let view = FormView::<Marked>::new(&values, &errors, action());
        for field in view.field_views() {
            assert!(!field.to_string().contains(FIELD));
        }
        assert!(!view.name.to_string().contains(FIELD));
        // A copy of the schema (whose fields may then be changed) keeps nothing.
        assert!(crate::render::Remembered::of(&schema.clone()).kept_fields.get().is_none());
    }

    #[test]
    fn an_empty_forms_fields_are_kept_once_and_are_the_fresh_markup() {
        fn twice<F: crate::render::FormFields>() {
            let view = FormView::<F>::empty(BoundAction::unbound("save"));
            let first = view.to_string();
            let kept = crate::render::Remembered::of(F::schema())
                .pristine_fields
                .get()
                .expect("kept by the first render");
            assert_eq!(**kept, fresh_fields(&view));
            assert!(first.contains(&**kept));
            assert_eq!(first, view.reference());
            let again = FormView::<F>::empty(BoundAction::unbound("save")).submit_label("Go");
            assert_eq!(again.to_string(), again.reference());
            assert_eq!(again.to_string(), first.replace(">Submit</button>", ">Go</button>"));
        }
        twice::<Everything>();
        twice::<Address>();
        twice::<Line>();
        let values = FormData::from_pairs([("lines[2].quantity", "3")]);
        let errors = FormErrors::new();
        let with_values = FormView::<Everything>::new(&values, &errors, BoundAction::unbound("save"));
        assert_ne!(
            fresh_fields(&with_values),
            **crate::render::Remembered::of(Everything::schema()).pristine_fields.get().expect("kept")
        );
    }

    #[test]
    fn only_an_empty_form_with_the_default_id_is_served_the_kept_fields() {
        const MARK: &str = "<!-- kept -->";
        let schema = Kept::schema();
        crate::render::Remembered::of(schema)
            .pristine_fields
            .set(MARK.into())
            .expect("no other test renders `Kept`");
        let action = || BoundAction::unbound("save");
        let values = FormData::from_pairs([("name", "Ada")]);
        let only_key = FormData::from_pairs([("$key", "row-2")]);
        let errors = Kept::parse(&FormData::new()).expect_err("the name is required");
        let no_errors = FormErrors::new();
        let no_values = FormData::new();
        // Served the kept fields: nothing a field shows differs (another instance's submission is
        // not shown by this one).
        for view in [
            FormView::<Kept>::empty(action()),
            FormView::<Kept>::empty(action()).key("row-1").plain().submit_label("Go"),
            FormView::<Kept>::empty(action()).button("Other", BoundAction::unbound("other")),
            FormView::<Kept>::new(&values, &errors, action()).key("row-1"),
            FormView::<Kept>::new(&only_key, &errors, action()).key("row-1"),
        ] {
            let html = view.to_string();
            assert!(html.contains(MARK), "{html}");
        }
        // Rendered: another id, values, errors.
        for view in [
            FormView::<Kept>::new(&only_key, &no_errors, action()).key("row-2"),
            FormView::<Kept>::empty(action()).id("other"),
            FormView::<Kept>::empty(action()).id("kept"),
            FormView::<Kept>::new(&values, &no_errors, action()),
            FormView::<Kept>::new(&only_key, &no_errors, action()),
            FormView::<Kept>::new(&no_values, &errors, action()),
            FormView::<Kept>::new(&values, &errors, action()),
        ] {
            let html = view.to_string();
            assert!(!html.contains(MARK), "{html}");
            assert_eq!(html, view.reference());
        }
        // A copy of the schema (whose fields may then be changed) keeps nothing.
        assert!(crate::render::Remembered::of(&schema.clone()).pristine_fields.get().is_none());
        assert!(crate::render::Remembered::of(&schema.clone()).default_id.get().is_none());
    }

    #[test]
    fn askama_writes_a_form_as_display_does() {
        #[derive(askama::Template)]
        #[template(source = "<main>{{ form|safe }}</main>", ext = "html")]
        struct Page<'a> {
            form: FormView<'a, Everything>,
        }
        let values = FormData::from_pairs([("name", "<Ada>"), ("age", "x")]);
        let errors = Everything::parse(&values).expect_err("these values are invalid");
        let no_errors = FormErrors::new();
        for form in [
            FormView::<Everything>::empty(BoundAction::unbound("save")),
            FormView::<Everything>::new(&values, &errors, BoundAction::unbound("save")).id("a<b"),
            FormView::<Everything>::new(&values, &no_errors, BoundAction::unbound("save")),
        ] {
            let display = form.to_string();
            let mut written = String::new();
            askama::FastWritable::write_into(&form, &mut written, askama::NO_VALUES).expect("written");
            assert_eq!(written, display);
            for field in form.field_views() {
                let mut written = String::new();
                askama::FastWritable::write_into(&field, &mut written, askama::NO_VALUES).expect("written");
                assert_eq!(written, field.to_string());
                let mut written = String::new();
                let attributes = field.attributes();
                askama::FastWritable::write_into(&attributes, &mut written, askama::NO_VALUES)
                    .expect("written");
                assert_eq!(written, attributes.to_string());
            }
            let page = askama::Template::render(&Page { form }).expect("rendered");
            assert_eq!(page, format!("<main>{display}</main>"));
        }
    }

    #[test]
    fn a_buffer_taken_by_a_render_is_not_given_to_a_render_inside_it() {
        let outer = super::with_buffer(16, |outer| {
            outer.push_str("outer");
            let inner = super::with_buffer(16, |inner| {
                assert!(inner.is_empty());
                inner.push_str("inner");
                inner.clone()
            });
            outer.push_str(&inner);
            outer.clone()
        });
        assert_eq!(outer, "outerinner");
        // The kept buffer comes back empty, whatever the last render left in it.
        super::with_buffer(0, |next| assert!(next.is_empty(), "{next}"));
    }

    #[test]
    fn the_written_markup_is_the_templates_markup_byte_for_byte() {
        let empty = FormData::new();
        check(&empty, &FormErrors::new());
        let errors = Everything::parse(&empty).expect_err("an empty submission is invalid");
        check(&empty, &errors);
        let values = FormData::from_pairs([
            ("name", "<script>alert('x') & \"y\"</script>"),
            ("email", "not an email <b>"),
            ("password", "secret\"<"),
            ("token", "t\"ok<en>"),
            ("urgent", "on"),
            ("notes", "</textarea><b>bold & long</b>"),
            ("colour", "green-ish"),
            ("second", "\"><x"),
            ("colours", "red"),
            ("colours", "green-ish"),
            ("tags", "a&b"),
            ("tags", "<c>"),
            ("age", "2000"),
            ("address.street", ""),
            ("address.city", "Os'lo"),
            ("lines[0].description", "far too long a <description>"),
            ("lines[0].quantity", "0"),
            ("lines[4].description", "ok"),
            ("lines[4].quantity", "x\"y"),
            ("$key", "row-1"),
        ]);
        let errors = Everything::parse(&values).expect_err("these values are invalid");
        assert!(errors.fields().count() > 5, "{errors:?}");
        check(&values, &errors);
        check(&values, &FormErrors::new());
    }
}
