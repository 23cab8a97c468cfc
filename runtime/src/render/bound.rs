//! The markup of a [`BoundAction`]: the URL a form or button posts to, and its sealed arguments
//! as a hidden input or as the button's own name and value.

use super::Markup;
use crate::action::BoundAction;
use crate::names::{ACTION_PARAM, BOUND_FIELD, push_urlencoded_component};

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
    /// the action has no `#[bind]` argument.
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
}
