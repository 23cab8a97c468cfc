//! A form's markup as data, for renderers that write HTML themselves (maud, minijinja, tera, a
//! plain `String`): every piece [`FormView`] and [`FieldView`] write, in the order they write
//! it, unescaped. A renderer that escapes what it writes and follows the markup of the
//! [`render`](super) module's documentation writes the same bytes as `FormView`.

use std::borrow::Cow;

use super::view::{self, FieldView, control_name};
use super::{FormFields, FormView, KEY_FIELD};
use crate::locale::{Label, Language};
use crate::names::{BOUND_FIELD, ONCE_FIELD};
use crate::schema::{Attribute, InputType};

/// One entry of the error summary: the message, and the id of the control it links to (none for
/// a form-level error, or an error of a field the form does not have).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryEntry {
    /// The message, unescaped.
    pub message: String,
    /// The `id` the entry links to (`href="#ID"`).
    pub target: Option<String>,
}

/// `text` escaped as [`FormView`] escapes every text it writes (`"` `&` `'` `<` `>` as `&#34;`
/// `&#38;` `&#39;` `&#60;` `&#62;`), so that markup written from these parts matches `FormView`'s
/// byte for byte; borrowed when nothing needs escaping. (A template engine's own escaping is as
/// safe, and may pick other entities for the same characters.)
pub fn escape_html(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| matches!(b, b'"' | b'&' | b'\'' | b'<' | b'>')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    // Writing into a `String` cannot fail.
    let _ = crate::escape::escape(&mut out, text);
    Cow::Owned(out)
}

/// The title of the error summary, in English (see [`summary_title`] for the request's language).
pub const SUMMARY_TITLE: &str = "There is a problem";

/// The first option of a single `<select>`, with an empty value, in English (see
/// [`choose_option`] for the request's language).
pub const CHOOSE_OPTION: &str = "Choose…";

/// The title of the error summary in the language of the request being answered, as
/// [`FormView`] writes it: for markup of one's own.
pub fn summary_title() -> &'static str {
    Language::current().label(Label::SummaryTitle)
}

/// The first option of a single `<select>` in the language of the request being answered, as
/// [`FormView`] writes it: for markup of one's own.
pub fn choose_option() -> &'static str {
    Language::current().label(Label::SelectPlaceholder)
}

impl<F: FormFields> FormView<'_, F> {
    /// The entries of the error summary, form errors first, then each field's in the order of
    /// the errors (empty when the form has no errors: then there is no summary at all).
    pub fn summary_entries(&self) -> Vec<SummaryEntry> {
        view::summary_entries(&self.cx, self.schema, self.errors)
            .into_iter()
            .map(|(target, message)| SummaryEntry { message, target })
            .collect()
    }

    /// The hidden inputs the runtime needs, as `(name, value)`: what
    /// [`hidden_inputs`](FormView::hidden_inputs) writes.
    pub fn hidden_fields(&self) -> Vec<(&'static str, String)> {
        let mut fields = Vec::new();
        if let [only] = self.buttons.as_slice()
            && let Some(sealed) = only.action.sealed()
        {
            fields.push((BOUND_FIELD, sealed.to_owned()));
        }
        if let Some(token) = self.buttons.first().and_then(|main| main.action.once_token()) {
            fields.push((ONCE_FIELD, token.to_owned()));
        }
        if let Some(key) = &self.key {
            fields.push((KEY_FIELD, key.clone()));
        }
        fields
    }

    /// Whether the form carries `data-enhance` (see [`plain`](FormView::plain)).
    pub fn is_enhanced(&self) -> bool {
        self.enhance
    }

    /// The messages the enhancement script shows before a submission, as `FormView` writes them
    /// right after the fields: a line break, then `<script type="application/json"
    /// data-fa-messages>{...}</script>` (JSON the script reads, never run, so a strict policy
    /// allows it). Empty when the form is not enhanced or no field has a check the browser makes.
    pub fn client_messages(&self) -> String {
        let mut out = String::new();
        if self.enhance {
            // Writing into a `String` cannot fail.
            let _ = self.push_client_messages(&mut out);
        }
        out
    }
}

impl<'a> FieldView<'a> {
    /// Which markup the field has: `"input"`, `"hidden"`, `"checkbox"`, `"textarea"`, `"select"`,
    /// `"radios"`, `"checkboxes"`, `"group"` or `"list"`.
    pub fn control(&self) -> &'static str {
        control_name(self.schema)
    }

    /// The value written back into the control: the submitted text, never for a secret, a
    /// password or a file.
    pub fn shown_value(&self) -> &'a str {
        if matches!(self.schema.input_type, InputType::File | InputType::Password) {
            ""
        } else {
            self.value()
        }
    }

    /// The attributes [`attributes`](FieldView::attributes) writes, in its order, unescaped:
    /// the schema's ([`FieldSchema::attribute_list`](crate::schema::FieldSchema::attribute_list):
    /// constraints, placeholder, the options of `#[field]`), then `aria-invalid` and
    /// `aria-describedby`.
    pub fn attribute_list(&self) -> Vec<Attribute> {
        let mut list = self.schema.attribute_list().to_vec();
        if self.is_invalid() {
            list.push(("aria-invalid", Some(Cow::Borrowed("true"))));
        }
        if let Some(ids) = self.described_by() {
            list.push(("aria-describedby", Some(Cow::Owned(ids))));
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Form, FormData, FormErrors, form};

    #[form]
    #[derive(Debug)]
    enum Plan {
        Free,
        Team,
    }

    #[form]
    #[derive(Debug)]
    struct Everything {
        #[field(placeholder = "Ada \"Countess\" <Lovelace>", help = "As on the card")]
        #[validate(length(min = 1, max = 50))]
        name: String,
        #[validate(email)]
        email: String,
        #[validate(range(min = 13, max = 130))]
        age: u8,
        #[field(textarea)]
        about: Option<String>,
        plan: Plan,
        #[field(radio)]
        other: Plan,
        terms: bool,
        #[field(secret)]
        password: String,
        #[field(
            autocomplete = "tel",
            inputmode = "tel",
            input = "tel",
            readonly,
            data(test_id = "a\"<b"),
            aria(describedby = "tips")
        )]
        phone: Option<String>,
        #[field(help = "Optional", aria(label = "Your <site>"))]
        #[validate(url)]
        site: Option<String>,
    }

    /// The attributes as `attributes()` writes them, from the list.
    fn written(list: &[Attribute]) -> String {
        list.iter()
            .map(|(name, value)| match value {
                None => format!(" {name}"),
                Some(value) => format!(" {name}=\"{}\"", escape_html(value)),
            })
            .collect()
    }

    #[test]
    fn the_attribute_list_is_what_attributes_writes_for_every_field_valid_or_not() {
        let values =
            FormData::from_pairs([("name", "<x>"), ("email", "nope"), ("age", "9"), ("password", "pw")]);
        let errors = Everything::parse(&values).unwrap_err();
        for errors in [FormErrors::new(), errors] {
            let view: FormView<'_, Everything> =
                FormView::new(&values, &errors, crate::BoundAction::unbound("t"));
            for field in view.field_views() {
                assert_eq!(
                    written(&field.attribute_list()),
                    field.attributes().to_string(),
                    "{}",
                    field.name
                );
            }
        }
    }

    #[test]
    fn a_secret_or_a_file_is_never_shown_back() {
        let values = FormData::from_pairs([("name", "Ada"), ("password", "pw")]);
        let errors = FormErrors::new();
        let view: FormView<'_, Everything> =
            FormView::new(&values, &errors, crate::BoundAction::unbound("t"));
        let shown: Vec<_> = view.field_views().iter().map(|f| (f.name.clone(), f.shown_value())).collect();
        assert!(shown.contains(&("name".to_owned(), "Ada")));
        assert!(shown.contains(&("password".to_owned(), "")));
    }
}
