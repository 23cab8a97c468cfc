//! The markup of a [`BoundAction`]: the URL a form or button posts to, its sealed arguments as a
//! hidden input or as the button's own name and value, and the errors it answered with, beside
//! its button.

use super::Markup;
use crate::action::BoundAction;
use crate::escape::escape;
use crate::names::{ACTION_PARAM, BOUND_FIELD, ONCE_FIELD, push_urlencoded_component};
use crate::state::ActionErrors;

impl BoundAction {
    /// The URL a form (its `action`) or a submit button (its `formaction`) posts to: the page's
    /// own URL with the action named in the query, `?_action=<id>`. The page that renders the
    /// form must have the action registered (`page(handler).action::<name>()`).
    ///
    /// It needs no escaping, so `action="{{ done.url() }}"` in an askama template is right as it is.
    pub fn url(&self) -> String {
        let mut url = String::with_capacity(ACTION_PARAM.len() + self.id.len() + 2);
        self.push_url(&mut url);
        url
    }

    /// Writes [`BoundAction::url`] onto `out`. The URL holds letters, digits, `?`, `=`, `%`, `-`,
    /// `_`, `.`, `~` and `:` only, so it needs no HTML escaping.
    pub(crate) fn push_url(&self, out: &mut String) {
        out.push('?');
        out.push_str(ACTION_PARAM);
        out.push('=');
        push_urlencoded_component(out, self.id);
    }

    /// The hidden input carrying the sealed arguments, to put inside the `<form>` whose `action`
    /// is [`url`](Self::url): `<input type="hidden" name="$bound" value="...">`, or nothing when
    /// the action has no `#[bind]` argument; then the form's one-time token,
    /// `<input type="hidden" name="$once" value="...">`, when it has one (see
    /// [`once`](Self::once)).
    ///
    /// It is [`Markup`]: in an askama template, `{{ done.hidden_input() }}` writes it as it is
    /// (`|safe` is not needed). Without it, the action answers `400` (its bound arguments are
    /// missing).
    pub fn hidden_input(&self) -> Markup {
        let mut html = String::new();
        self.push_hidden_input(&mut html);
        Markup::escaped(html)
    }

    /// Writes [`BoundAction::hidden_input`] onto `out`.
    pub(crate) fn push_hidden_input(&self, out: &mut String) {
        if let Some(sealed) = &self.sealed {
            // `BOUND_FIELD`, written out; base64url text needs no escaping.
            const START: &str = r#"<input type="hidden" name="$bound" value=""#;
            out.reserve(START.len() + sealed.len() + 2);
            out.push_str(START);
            out.push_str(sealed);
            out.push_str(r#"">"#);
        }
        self.push_once_input(out);
    }

    /// Writes the one-time token's hidden input onto `out`, if the action has one.
    pub(crate) fn push_once_input(&self, out: &mut String) {
        if let Some(token) = &self.once {
            // `ONCE_FIELD`, written out; base64url text needs no escaping.
            const START: &str = r#"<input type="hidden" name="$once" value=""#;
            out.reserve(START.len() + token.len() + 2);
            out.push_str(START);
            out.push_str(token);
            out.push_str(r#"">"#);
        }
    }

    /// The attributes of a submit button that runs this action from inside another form (a form
    /// with several buttons, each running its own action): `formaction="?_action=..."`, and the
    /// sealed arguments as the button's own `name="$bound" value="..."` (sent only when that
    /// button is the one pressed).
    ///
    /// It is [`Markup`]: `<button {{ done.button_attributes() }}>Done</button>` in an askama
    /// template. [`FormView::button`](crate::FormView::button) writes such buttons for you.
    pub fn button_attributes(&self) -> Markup {
        let mut attrs = format!(r#"formaction="{}""#, self.url());
        if let Some(sealed) = &self.sealed {
            attrs.push_str(&format!(r#" name="{BOUND_FIELD}" value="{sealed}""#));
        }
        Markup::escaped(attrs)
    }

    /// The attributes of an htmx element (a button outside any form) that runs this action:
    /// `hx-post="?_action=..."`, and the sealed arguments and the one-time token as `hx-vals`
    /// (`{"$bound":"...","$once":"..."}`, each only when there is one), so a double click runs
    /// the action once ([once only](crate#once-only)). Such a button does nothing with JavaScript off:
    /// for a page that must work without it, put htmx's attributes on the one-button form of
    /// [`BoundAction::form_button`]'s markup instead (`<form method="post" action="{{ url }}"
    /// hx-post="{{ url }}" ...>{{ hidden_input }}<button>Done</button></form>`), which htmx and a
    /// plain browser both submit.
    ///
    /// It is [`Markup`]: `<button {{ done.hx_attributes() }} hx-target="closest li">Done</button>`.
    ///
    /// ```
    /// use formaction::{action, BoundAction, Redirect};
    ///
    /// #[action]
    /// async fn done(#[bind] id: u64) -> Result<Redirect, formaction::ActionError> {
    ///     Ok(Redirect::to("/"))
    /// }
    ///
    /// let html = done::bind(7).hx_attributes().to_string();
    /// assert!(html.starts_with(r#"hx-post="?_action=done."#), "{html}");
    /// assert!(html.contains(r#" hx-vals="{&quot;$bound&quot;:&quot;"#), "{html}");
    /// assert!(html.contains(r#"&quot;,&quot;$once&quot;:&quot;"#), "{html}");
    /// ```
    pub fn hx_attributes(&self) -> Markup {
        let mut attrs = String::from(r#"hx-post=""#);
        self.push_url(&mut attrs);
        attrs.push('"');
        // JSON in an attribute: its quotes escaped; base64url text needs no escaping. The
        // one-time token goes with the bound value, as in the button's form.
        let values = [(BOUND_FIELD, &self.sealed), (ONCE_FIELD, &self.once)];
        let mut first = true;
        for (name, value) in values.iter().filter_map(|(name, value)| Some((name, value.as_deref()?))) {
            attrs.push_str(if first { r#" hx-vals="{&quot;"# } else { r#",&quot;"# });
            first = false;
            attrs.push_str(name);
            attrs.push_str(r#"&quot;:&quot;"#);
            attrs.push_str(value);
            attrs.push_str("&quot;");
        }
        if !first {
            attrs.push_str(r#"}""#);
        }
        Markup::escaped(attrs)
    }

    /// The `id` of this action's error message ([`BoundAction::error_html`]), for the button's
    /// `aria-describedby`: `<action id>-error`, each character that an id list or a CSS selector
    /// would split on replaced with `-`.
    pub fn error_id(&self) -> String {
        let mut id: String = self
            .id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
            .collect();
        id.push_str("-error");
        id
    }

    /// The errors of this action with these bound arguments, when it is the one that just ran
    /// (read by the page as [`ActionErrors`]): every message, form-level and by field, escaped, in
    /// `<ul class="fa-errors fa-action-error" id="{error_id}" role="alert" tabindex="-1">`. Empty
    /// when another action ran, or this one for other arguments (another row's button), or it
    /// succeeded.
    ///
    /// Put it beside the button, which names it with `aria-describedby="{error_id}"`
    /// ([`BoundAction::form_button`] writes both).
    pub fn error_html(&self, errors: &ActionErrors) -> Markup {
        Markup::escaped(self.error_list(errors))
    }

    /// [`BoundAction::error_html`] as a `String`.
    fn error_list(&self, errors: &ActionErrors) -> String {
        let errors = errors.errors_of(self);
        if errors.is_empty() {
            return String::new();
        }
        let mut html = String::from(r#"<ul class="fa-errors fa-action-error" id=""#);
        html.push_str(&self.error_id());
        html.push_str(r#"" role="alert" tabindex="-1">"#);
        let by_field = errors.fields().flat_map(|(_, errors)| errors);
        for error in errors.form_errors().iter().chain(by_field) {
            html.push_str("<li>");
            // Writing into a `String` cannot fail.
            let _ = escape(&mut html, &error.message());
            html.push_str("</li>");
        }
        html.push_str("</ul>");
        html
    }

    /// A whole form for this action alone, as a button ("Done", "Delete" in a list's row): the
    /// `<form>` posting to it, the sealed arguments, the button labelled `label` (escaped), and,
    /// when this button sent a submission that failed, its errors beside it
    /// ([`BoundAction::error_html`]), named by the button's `aria-describedby`. Marked
    /// `data-enhance data-action-errors`: the enhancement script shows the errors in the same
    /// place (a form of one's own with `data-action-errors` gets them there too; without it, in
    /// the error summary at the top of the form).
    pub fn form_button(&self, label: &str, errors: &ActionErrors) -> Markup {
        let mut html = String::from(r#"<form method="post" action=""#);
        self.push_url(&mut html);
        html.push_str(r#"" data-enhance data-action-errors"#);
        let _ = super::html::language_attributes(&mut html);
        html.push('>');
        self.push_hidden_input(&mut html);
        let error = self.error_list(errors);
        html.push_str(r#"<button type="submit""#);
        if !error.is_empty() {
            html.push_str(r#" aria-describedby=""#);
            let _ = escape(&mut html, &self.error_id());
            html.push('"');
        }
        html.push('>');
        let _ = escape(&mut html, label);
        html.push_str("</button>");
        html.push_str(&error);
        html.push_str("</form>");
        Markup::escaped(html)
    }
}
