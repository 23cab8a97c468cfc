//! Rendering forms: accessible HTML from the schema, the submitted values and the errors.
//!
//! [`FormView`] renders a whole form (with the markup of the templates under
//! `templates/formaction`, written directly rather than through askama, which is faster): the
//! `<form>` with its action and `enctype`, the hidden fields the runtime needs, an error summary
//! (`role="alert"`, linking to each field), and each field as the right control with its label,
//! its constraint attributes, `aria-invalid` and `aria-describedby` pointing at its errors and
//! help. Values are kept on re-render (never a secret); everything is escaped.
//!
//! A page that shows a form is an askama template with `{{ form }}` in it (a `FormView` is
//! markup the runtime escaped, printed as it is, `|safe` or not; see
//! [Pages with askama](crate#pages-with-askama)); [`HtmlPage`] answers with it (rendered without
//! growing its buffer on the way, `text/html`, a 500 that shows nothing when the template fails).
//!
//! For your own markup, a `FormView` dereferences to the form's generated `…Fields` struct: one
//! typed view per field, so a misspelt field name in a template is a compile error.
//!
//! ```
//! use askama::Template;
//! use formaction::FormView;
//! use formaction::{form, Form, FormData, FormErrors, BoundAction};
//!
//! #[form]
//! #[derive(Debug)]
//! struct Address {
//!     #[validate(length(min = 1))]
//!     city: String,
//! }
//!
//! #[form]
//! #[derive(Debug)]
//! struct Profile {
//!     #[validate(email)]
//!     email: String,
//!     address: Address,
//! }
//!
//! // A template of one's own: `form.email` and `form.address.city` are checked by the compiler.
//! #[derive(Template)]
//! #[template(
//!     source = r#"<form method="post" action="{{ form.action_url() }}">
//! <label for="{{ form.email.id }}">{{ form.email.label() }}</label>
//! <input id="{{ form.email.id }}" name="{{ form.email.name }}" value="{{ form.email.value() }}"{{ form.email.attributes() }}>
//! {% for error in form.email.errors %}<p>{{ error }}</p>{% endfor %}
//! <input name="{{ form.address.city.name }}" value="{{ form.address.city.value() }}">
//! </form>"#,
//!     ext = "html"
//! )]
//! struct ProfilePage<'a> {
//!     form: FormView<'a, Profile>,
//! }
//!
//! let values = FormData::from_pairs([("email", "<ada>"), ("address.city", "Oslo")]);
//! let errors = Profile::parse(&values).unwrap_err();
//! let page = ProfilePage { form: FormView::new(&values, &errors, BoundAction::unbound("save")) };
//! let html = page.render().unwrap();
//! assert!(html.contains(r#"value="&#60;ada&#62;""#), "{html}");
//! assert!(html.contains(r#"name="address.city" value="Oslo""#));
//! assert!(html.contains("<p>Enter a valid email address</p>"));
//! ```
//!
//! # Renderers other than askama
//!
//! maud, minijinja, tera or a plain `String` read the same form as data: every piece `FormView`
//! writes, unescaped, in its order.
//!
//! - The form: [`FormView::form_id`], [`FormView::action_url`], [`FormView::is_multipart`],
//!   [`FormView::is_enhanced`], [`FormView::summary_entries`] (message and link target),
//!   [`FormView::hidden_fields`] (`(name, value)`), [`FormView::buttons`] and
//!   [`FormView::field_views`].
//! - Each field ([`FieldView`]): [`control`](FieldView::control) (which markup), `name`, `id`,
//!   [`input_type`](FieldView::input_type), [`shown_value`](FieldView::shown_value),
//!   [`is_checked`](FieldView::is_checked), [`attribute_list`](FieldView::attribute_list) (every
//!   attribute after `id` and `name`, as `(name, value)`), [`label`](FieldView::label),
//!   [`help`](FieldView::help) and [`help_id`](FieldView::help_id), `errors` and
//!   [`error_id`](FieldView::error_id), [`options`](FieldView::options) (value, label, id,
//!   selected), [`children`](FieldView::children) and [`rows`](FieldView::rows).
//!
//! The crate `examples/maud` writes the form with maud from these parts, byte for byte what
//! `FormView` writes (its tests compare them, valid and invalid): texts go through
//! [`escape_html`], so even the entities are `FormView`'s. Without it, maud's own escaping is as
//! safe and only picks other entities for the same characters.
//!
//! ```
//! use formaction::{form, BoundAction, FormData, FormErrors, FormView};
//!
//! #[form]
//! struct Search {
//!     #[field(placeholder = "Title or author")]
//!     #[validate(length(max = 80))]
//!     q: String,
//! }
//!
//! let (values, errors) = (FormData::new(), FormErrors::new());
//! let view = FormView::<Search>::new(&values, &errors, BoundAction::unbound("search"));
//! let q = &view.field_views()[0];
//! assert_eq!((q.control(), q.input_type(), q.id.as_str()), ("input", "text", "search-q"));
//! let attributes: Vec<_> = q.attribute_list().into_iter().map(|(name, value)| (name, value.unwrap_or_default())).collect();
//! assert_eq!(attributes, [("required", "".into()), ("maxlength", "80".into()), ("placeholder", "Title or author".into())]);
//! ```

mod bound;
mod client;
mod document;
mod fields;
mod html;
mod markup;
mod parts;
mod script;
mod view;

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

#[cfg(test)]
use askama::Template;

pub use document::{HtmlPage, render_bytes};
pub use fields::{FormFields, GroupView, KindView, ListView, ViewOf, view_of};
pub(crate) use html::KeptField;
pub use markup::Markup;
pub use parts::{CHOOSE_OPTION, SUMMARY_TITLE, SummaryEntry, choose_option, escape_html, summary_title};
pub use script::{
    HTMX_SCRIPT_SOURCE, SCRIPT_SOURCE, htmx_script, htmx_script_path, htmx_script_route, htmx_script_tag,
    script, script_path, script_route, script_tag,
};
pub use view::{Attributes, FieldView, OptionView, RowView, ViewCx};

pub use crate::names::{INTENT_FIELD, KEY_FIELD};

use crate::action::BoundAction;
use crate::locale::{Label, Language};
use crate::schema::FormSchema;
use crate::state::FormState;
use crate::{FormData, FormErrors};

/// A submit button: its label and the action it runs.
#[derive(Clone, Debug)]
pub struct Button {
    /// The text on the button: borrowed when it is a literal, as it usually is.
    pub label: Cow<'static, str>,
    /// The action it runs.
    pub action: BoundAction,
}

/// A form ready to render: schema, values, errors, and the actions its buttons run.
// No bound on `F` here, only on the impls: a type that is not a form is then reported where it
// is made into a view or rendered, not again at every place that names `FormView<'_, F>`.
pub struct FormView<'a, F> {
    schema: &'static FormSchema,
    /// What renders remember of the schema.
    remembered: &'static Remembered,
    errors: &'a FormErrors,
    buttons: Vec<Button>,
    key: Option<String>,
    enhance: bool,
    /// Whether the form's id is the default one kept for the schema (then an empty form's fields
    /// are the remembered `pristine_fields`).
    default_id: bool,
    fields: OnceLock<Box<dyn TypedFields<'a, F> + 'a>>,
    cx: ViewCx<'a>,
}

/// A form's typed field views, behind a pointer so that [`FormView`]'s definition names no
/// `F::Fields` (which would need `F: FormFields` on the struct itself).
trait TypedFields<'a, F> {
    fn get(&self) -> &F::Fields<'a>
    where
        F: FormFields;
}

/// The typed field views of the form `F`.
struct Built<'a, F: FormFields>(F::Fields<'a>);

impl<'a, F: FormFields> TypedFields<'a, F> for Built<'a, F> {
    fn get(&self) -> &F::Fields<'a>
    where
        F: FormFields,
    {
        &self.0
    }
}

static NO_VALUES: FormData = FormData::new();
static NO_ERRORS: FormErrors = FormErrors::new();

impl<'a, F: FormFields> FormView<'a, F> {
    /// A form showing `values` and `errors`, whose main button runs `action`.
    pub fn new(values: &'a FormData, errors: &'a FormErrors, action: BoundAction) -> Self {
        let schema = F::schema();
        let remembered = Remembered::of(schema);
        // The default id is made once per form type and kept for its schema; a schema shared by
        // several types (a hand-written `Form`) keeps the first one's and the others make theirs.
        let type_name = std::any::type_name::<F>();
        let (kept_for, id, plain) = remembered.default_id.get_or_init(|| {
            let id = default_id::<F>();
            let plain = view::is_plain(&id, b'-');
            (type_name, id, plain)
        });
        let default_id = *kept_for == type_name;
        let cx = if default_id {
            ViewCx::with_kept_prefix(values, errors, id, *plain)
        } else {
            ViewCx::new(values, errors, self::default_id::<F>())
        };
        FormView {
            schema,
            remembered,
            errors,
            buttons: vec![Button { label: Cow::Borrowed(Language::current().label(Label::Submit)), action }],
            key: None,
            fields: OnceLock::new(),
            enhance: true,
            default_id,
            cx,
        }
    }

    /// A form for the page's [`FormState`]: the submitted values and errors after an action on
    /// this form, or an empty form on a plain `GET`.
    pub fn from_state(state: &'a FormState<F>, action: BoundAction) -> Self {
        let values = state.values().unwrap_or(&NO_VALUES);
        FormView::new(values, state.errors(), action)
    }

    /// An empty form (a plain `GET`).
    pub fn empty(action: BoundAction) -> Self {
        FormView::new(&NO_VALUES, &NO_ERRORS, action)
    }
}

// Only making a view needs `F` to be a form; what is done with a view does not, so a type that
// is not one is reported once, where the view is made.
impl<'a, F> FormView<'a, F> {
    /// Sets the label of the main button: a literal is kept as it is, a `String` (from `format!`,
    /// say) moved in.
    pub fn submit_label(mut self, label: impl Into<Cow<'static, str>>) -> Self {
        if let Some(first) = self.buttons.first_mut() {
            first.label = label.into();
        }
        self
    }

    /// Adds a submit button that runs another action (like React's `formAction`).
    pub fn button(mut self, label: impl Into<Cow<'static, str>>, action: BoundAction) -> Self {
        self.buttons.push(Button { label: label.into(), action });
        self
    }

    /// Sets the `id` of the `<form>` and the prefix of its controls' ids (by default the form
    /// type's name in snake_case), so several forms on one page have distinct ids.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.cx = ViewCx::new(self.cx.values, self.cx.errors, id.into());
        self.default_id = false;
        self.fields = OnceLock::new();
        self
    }

    /// Marks this instance of the form with `key` (one per row of a table, say): errors and values
    /// of a submission are shown only by the instance that sent them.
    ///
    /// Call it with the key of the [`FormState`] this view was built from: when the submission
    /// came from another instance, this one is shown empty.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        let key = key.into();
        let submitted_key = self.cx.values.text(KEY_FIELD);
        if submitted_key.is_some_and(|submitted| submitted != key)
            || (submitted_key.is_none() && !self.cx.values.is_empty())
        {
            self.cx = self.cx.with_data(&NO_VALUES, &NO_ERRORS);
            self.errors = &NO_ERRORS;
            self.fields = OnceLock::new();
        }
        self.key = Some(key);
        self
    }

    /// Leaves out `data-enhance`, so the enhancement script leaves this form alone.
    pub fn plain(mut self) -> Self {
        self.enhance = false;
        self
    }

    /// The URL the form posts to (its main action).
    pub fn action_url(&self) -> String {
        self.buttons.first().map(|b| b.action.url()).unwrap_or_default()
    }

    /// The form's `id`.
    pub fn form_id(&self) -> &str {
        self.cx.prefix()
    }

    /// Whether the form needs `enctype="multipart/form-data"` (it has a file field).
    pub fn is_multipart(&self) -> bool {
        self.schema.multipart
    }

    /// The errors shown.
    pub fn errors(&self) -> &FormErrors {
        self.errors
    }

    /// The submit buttons.
    pub fn buttons(&self) -> &[Button] {
        &self.buttons
    }

    /// The hidden inputs the runtime needs: the main action's sealed arguments, its one-time
    /// token and the instance key. Put them inside your own `<form>`.
    pub fn hidden_inputs(&self) -> String {
        let mut html = String::new();
        self.push_hidden_inputs(&mut html);
        html
    }

    fn push_hidden_inputs(&self, out: &mut String) {
        match self.buttons.as_slice() {
            [only] => only.action.push_hidden_input(out),
            // Each button carries its own bound arguments; the form one token, of its main
            // action: a claim is keyed by the action and the token, so any button may use it.
            [main, ..] => main.action.push_once_input(out),
            [] => {}
        }
        if let Some(key) = &self.key {
            out.push_str(r#"<input type="hidden" name=""#);
            out.push_str(KEY_FIELD);
            out.push_str(r#"" value=""#);
            out.push_str(&crate::escape::escape_attribute(key));
            out.push_str(r#"">"#);
        }
    }

    /// The error summary (empty when there is no error): a focusable `role="alert"` box linking to
    /// each invalid field.
    pub fn summary(&self) -> String {
        let mut html = String::new();
        if !self.errors.is_empty() {
            // Writing into a `String` cannot fail.
            let _ = html::summary(&mut html, self.form_id(), &self.cx, self.schema, self.errors, self.kept());
        }
        html
    }

    #[cfg(test)]
    fn summary_template(&self) -> Option<SummaryTemplate<'_>> {
        if self.errors.is_empty() {
            return None;
        }
        Some(SummaryTemplate {
            id: self.form_id(),
            entries: view::summary_entries(&self.cx, self.schema, self.errors),
        })
    }

    /// Every field's view, in declaration order, for generic rendering.
    pub fn field_views(&self) -> Vec<FieldView<'a>> {
        view::field_views(&self.cx, self.schema, "")
    }
}

impl<'a, F: FormFields + 'a> Deref for FormView<'a, F> {
    type Target = F::Fields<'a>;

    fn deref(&self) -> &Self::Target {
        // Built on first use: a form rendered whole by `Display` never needs them.
        self.fields.get_or_init(|| Box::new(Built::<F>(F::fields(&self.cx, "")))).get()
    }
}

/// The default form id: the type's name in kebab case (`SignUp` is `sign-up`).
fn default_id<F>() -> Arc<str> {
    let full = std::any::type_name::<F>();
    // After the last `::` (a type name has no other `:`).
    let short = full.rfind(':').map_or(full, |colon| &full[colon + 1..]);
    // Built on the stack, so that the id costs one allocation (the `Arc`'s).
    let mut id = [0u8; 64];
    let mut len = 0;
    for byte in kebab_case(short) {
        let Some(slot) = id.get_mut(len) else {
            return Arc::from(String::from_utf8(kebab_case(short).collect()).unwrap_or_default());
        };
        *slot = byte;
        len += 1;
    }
    Arc::from(std::str::from_utf8(&id[..len]).unwrap_or_default())
}

/// The bytes of `name` in kebab case: its ASCII letters and digits, lowercase, with a `-` before
/// each uppercase letter but the first.
fn kebab_case(name: &str) -> impl Iterator<Item = u8> + '_ {
    name.bytes().filter(u8::is_ascii_alphanumeric).enumerate().flat_map(|(i, byte)| {
        let dash = (byte.is_ascii_uppercase() && i > 0).then_some(b'-');
        dash.into_iter().chain([byte.to_ascii_lowercase()])
    })
}

/// What renders remember of a form's schema, for renders under the form's default id: markup that
/// depends on the schema alone, made by the first render that needs it and copied by the next. It
/// lives in the schema's [`Slot`](crate::schema::Slot), which nothing else fills.
#[derive(Debug, Default)]
pub(crate) struct Remembered {
    /// The default form id of the form type the schema belongs to, with that type's name and
    /// whether the id needs no escaping.
    pub(crate) default_id: OnceLock<(&'static str, Arc<str>, bool)>,
    /// The markup of the fields of an empty form (no values, no errors) with the default id, the
    /// same on every render.
    pub(crate) pristine_fields: OnceLock<Box<str>>,
    /// What renders keep of each field (see [`KeptField`]), one per field when first needed.
    kept_fields: OnceLock<Box<[KeptField]>>,
    /// The data block of the enhancement script's messages, in the shipped English (the same
    /// for every render: the messages depend on the schema and the installed catalogue alone).
    client_messages: OnceLock<Box<str>>,
}

impl Remembered {
    /// What renders remember of `schema`.
    pub(crate) fn of(schema: &FormSchema) -> &Remembered {
        schema.rendered.get_or_default()
    }

    /// What renders keep of each field of `schema` (the schema this is remembered for), by the
    /// field's position.
    pub(crate) fn kept_fields(&self, schema: &FormSchema) -> &[KeptField] {
        self.kept_fields.get_or_init(|| schema.fields.iter().map(|_| KeptField::default()).collect())
    }
}

impl<F> FormView<'_, F> {
    /// Writes the whole form into `html`.
    fn push_form(&self, html: &mut String) -> std::fmt::Result {
        let summary = (!self.errors.is_empty()).then(|| (&self.cx, self.schema, self.errors, self.kept()));
        let _messages = html::MessageScope::new(summary.is_some());
        html::form(
            html,
            self.form_id(),
            self.cx.plain_prefix,
            self.buttons.first().map(|button| &button.action),
            self.is_multipart(),
            self.enhance,
            summary,
            |out| self.push_hidden_inputs(out),
            |out| {
                if self.enhance {
                    // After the fields, whichever way they are written.
                    self.push_fields_pristine_or_not(out)?;
                    return self.push_client_messages(out);
                }
                self.push_fields_pristine_or_not(out)
            },
            &self.buttons,
        )
    }

    /// Writes the messages the enhancement script shows before a submission (see `client`): in
    /// the shipped English the same for every render of the schema, so kept by the first.
    fn push_client_messages(&self, out: &mut String) -> std::fmt::Result {
        if !Language::current().is_plain_english() {
            return client::messages(out, self.schema);
        }
        if let Some(messages) = self.remembered.client_messages.get() {
            out.push_str(messages);
            return Ok(());
        }
        let mut messages = String::new();
        client::messages(&mut messages, self.schema)?;
        out.push_str(&messages);
        let _ = self.remembered.client_messages.set(messages.into_boxed_str());
        Ok(())
    }

    /// Writes every field, from what the schema keeps of an empty form when it is one.
    fn push_fields_pristine_or_not(&self, out: &mut String) -> std::fmt::Result {
        if !self.is_pristine() {
            return self.push_fields(out);
        }
        // An empty form with the default id: the same fields every time, kept for the
        // schema by the first render.
        if let Some(fields) = self.remembered.pristine_fields.get() {
            out.push_str(fields);
            return Ok(());
        }
        let mut fields = String::with_capacity(FORM_CAPACITY);
        self.push_fields(&mut fields)?;
        out.push_str(&fields);
        let _ = self.remembered.pristine_fields.set(fields.into_boxed_str());
        Ok(())
    }

    /// Whether the fields show no value and no error, under the default id: then their markup
    /// depends on the schema alone.
    fn is_pristine(&self) -> bool {
        self.default_id
            && self.cx.values.is_empty()
            && self.cx.errors.is_empty()
            && self.errors.is_empty()
            && Language::current().is_plain_english()
    }

    /// What the schema keeps of each field for renders with the default id; nothing under another.
    /// The kept markup is the shipped English's: another language writes its words anew.
    fn kept(&self) -> &'static [KeptField] {
        if self.default_id && Language::current().is_plain_english() {
            self.remembered.kept_fields(self.schema)
        } else {
            &[]
        }
    }

    /// Writes every field, each after a newline.
    fn push_fields(&self, out: &mut String) -> std::fmt::Result {
        // The fields one after the other, sharing two buffers for their names and ids, kept by the
        // thread from one render to the next.
        let (mut name, mut id) = NAME_AND_ID.try_with(std::cell::Cell::take).unwrap_or_default();
        // Under the default id, a field's markup but for its values and errors is kept in the
        // schema by the first render of the field with (or without) errors.
        let kept = self.kept();
        let mut written = Ok(());
        for (index, schema) in self.schema.fields.iter().enumerate() {
            out.push('\n');
            let kept = kept.get(index).filter(|_| KeptField::keeps(schema));
            if let Some(kept) = kept {
                let errors = self.cx.errors.field(schema.name);
                if let Some(pieces) = kept.pieces(!errors.is_empty()) {
                    written = pieces.write(out, schema, self.cx.values, errors);
                    if written.is_err() {
                        break;
                    }
                    continue;
                }
            }
            let view = self.cx.field_reusing("", schema, name, id);
            written = match kept {
                Some(kept) => kept.write_and_keep(out, &view),
                None => html::field(out, &view),
            };
            (name, id) = (view.name, view.id);
            if written.is_err() {
                break;
            }
        }
        if name.capacity() <= 1024 && id.capacity() <= 1024 {
            let _ = NAME_AND_ID.try_with(|kept| kept.set((name, id)));
        }
        written
    }

    /// Writes the whole form into `dest`: into one buffer first, then into `dest` at once (many
    /// small writes into a `String` cost far less than through a `Formatter` or a `dyn Write`).
    fn write_to(&self, dest: &mut (impl std::fmt::Write + ?Sized)) -> std::fmt::Result {
        html::with_buffer(FORM_CAPACITY, |html| {
            self.push_form(html)?;
            dest.write_str(html)
        })
    }
}

impl<F> std::fmt::Display for FormView<'_, F> {
    /// Renders the whole form.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// What askama calls for `{{ form }}` (rather than `Display`, and so without going through
/// `core::fmt`): the same markup.
impl<F> askama::FastWritable for FormView<'_, F> {
    fn write_into(&self, dest: &mut dyn std::fmt::Write, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(self.write_to(dest)?)
    }
}

/// The whole form is markup the runtime escaped itself: `{{ form }}` prints it as `{{ form|safe }}`
/// does, so forgetting `|safe` cannot show the page its escaped tags.
impl<F: FormFields> askama::filters::HtmlSafe for FormView<'_, F> {}

thread_local! {
    /// The buffers of a field's name and id while a form writes its fields ([`FormView::push_fields`]),
    /// kept from one render to the next (a render inside finds them taken, and makes its own).
    static NAME_AND_ID: std::cell::Cell<(String, String)> =
        const { std::cell::Cell::new((String::new(), String::new())) };
}

/// The least capacity of the buffer a form is first written into: most forms fit without growing it.
const FORM_CAPACITY: usize = 2048;

/// The reference for `html::form`: the tests render both and compare.
#[cfg(test)]
#[derive(Template)]
#[template(path = "formaction/form.html")]
struct FormTemplate<'a, 'v> {
    id: &'a str,
    action: String,
    multipart: bool,
    enhance: bool,
    summary: Option<SummaryTemplate<'a>>,
    hidden: String,
    fields: Vec<view::ReferenceField<'v>>,
    messages: String,
    buttons: &'a [Button],
    several: bool,
}

#[cfg(test)]
impl<F> FormView<'_, F> {
    /// The form rendered through the reference templates.
    fn reference(&self) -> String {
        let template = FormTemplate {
            id: self.form_id(),
            action: self.action_url(),
            multipart: self.is_multipart(),
            enhance: self.enhance,
            summary: self.summary_template(),
            hidden: self.hidden_inputs(),
            fields: self.field_views().into_iter().map(view::ReferenceField).collect(),
            messages: {
                let mut messages = String::new();
                if self.enhance {
                    let _ = client::messages(&mut messages, self.schema);
                }
                messages
            },
            buttons: &self.buttons,
            several: self.buttons.len() > 1,
        };
        template.render().unwrap_or_default()
    }
}

/// The reference for `html::summary`.
#[cfg(test)]
#[derive(Template)]
#[template(path = "formaction/summary.html")]
struct SummaryTemplate<'a> {
    id: &'a str,
    entries: Vec<(Option<String>, String)>,
}
