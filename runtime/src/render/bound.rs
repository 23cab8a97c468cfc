//! The markup of a [`BoundAction`]: the URL a form or button posts to, and its sealed arguments
//! as a hidden input or as the button's own name and value.

use crate::action::BoundAction;
use crate::names::{ACTION_PARAM, BOUND_FIELD, push_urlencoded_component};

impl BoundAction {
    /// The URL a form (its `action`) or a submit button (its `formaction`) posts to: the page's
    /// own URL with the action named in the query, `?_action=<id>`.
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

    /// The hidden input carrying the sealed arguments (empty when there are none), escaped.
    pub fn hidden_input(&self) -> String {
        let mut html = String::new();
        self.push_hidden_input(&mut html);
        html
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

    /// Attributes for a submit button that runs this action (for forms with several): its
    /// `formaction`, and the sealed arguments as the button's own `name`/`value`.
    pub fn button_attributes(&self) -> String {
        let mut attrs = format!(r#"formaction="{}""#, self.url());
        if let Some(sealed) = &self.sealed {
            attrs.push_str(&format!(r#" name="{BOUND_FIELD}" value="{sealed}""#));
        }
        attrs
    }
}
