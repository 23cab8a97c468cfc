//! Markup the runtime wrote, marked for askama as needing no escaping.

use std::fmt;
use std::ops::Deref;

/// HTML (or attributes) written by the runtime, with every value in it already escaped:
/// [`BoundAction::hidden_input`](crate::BoundAction::hidden_input) and
/// [`BoundAction::button_attributes`](crate::BoundAction::button_attributes) return it.
///
/// askama prints it as it is, so `{{ done.hidden_input() }}` needs no `|safe` (and `|safe` changes
/// nothing). Only the runtime makes one: there is no way to wrap text of one's own in it.
///
/// It reads as a `&str` (`Deref`), compares with one, and `String::from` takes the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Markup(String);

impl Markup {
    /// Text the runtime wrote and escaped itself.
    pub(crate) fn escaped(html: String) -> Self {
        Markup(html)
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Markup {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Markup {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Markup> for String {
    fn from(markup: Markup) -> String {
        markup.0
    }
}

impl PartialEq<str> for Markup {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Markup {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Everything in it was escaped by the runtime, so askama's HTML escaping would only break it.
impl askama::filters::HtmlSafe for Markup {}
