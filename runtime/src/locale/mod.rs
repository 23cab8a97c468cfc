//! Every word a user reads, in the user's language: the message catalogues of `runtime/locales`
//! (Project Fluent's `.ftl`, one file per language, embedded in the binary and parsed once, on
//! first use), the language of each request, and the app's own files.
//!
//! The language of a request is, in this order: a [`Language`] an app put in the request's
//! extensions (from its signed-in user's setting, say, in a middleware of its own); the
//! language cookie, when [`Languages::cookie`] names one; `Accept-Language` (by `q`, a region
//! finding its base language: `fr-CA` gets French); the default (the first enabled language,
//! English unless changed). [`page`](crate::page) answers (pages, actions, refusals) are made
//! inside that language's scope, so field messages, labels, refusals and the enhancement
//! script's texts all come from it.
//!
//! Numbers are written by the language's own rule for the decimal separator (`0,01` in German,
//! French, Polish...); fluent-bundle 0.16 formats numbers without the locale (its `NUMBER` only
//! pads digits), so the runtime sets that one rule itself, and writes no grouping separator
//! (`1048576`), as before. Digits are always Latin (Arabic included). Placeables are not
//! wrapped in Unicode isolation marks: the markup carries `dir` instead.
//!
//! Known limit: fluent-bundle 0.16 selects plural forms with CLDR 37's rules (see
//! `runtime/locales/README.md`): an Arabic 103 gets the `other` form, not `few`.

mod negotiate;

use std::convert::Infallible;
use std::fmt;
use std::sync::OnceLock;

use axum::extract::FromRequestParts;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use http::HeaderMap;
use http::request::Parts;
use serde_json::Value;
use unic_langid::LanguageIdentifier;

/// The shipped catalogues: tag (as `Accept-Language` writes it) and source.
const BUILTIN: [(&str, &str); 16] = [
    ("en", include_str!("../../locales/en.ftl")),
    ("de", include_str!("../../locales/de.ftl")),
    ("fr", include_str!("../../locales/fr.ftl")),
    ("es", include_str!("../../locales/es.ftl")),
    ("it", include_str!("../../locales/it.ftl")),
    ("pt-BR", include_str!("../../locales/pt-BR.ftl")),
    ("nl", include_str!("../../locales/nl.ftl")),
    ("pl", include_str!("../../locales/pl.ftl")),
    ("ru", include_str!("../../locales/ru.ftl")),
    ("uk", include_str!("../../locales/uk.ftl")),
    ("tr", include_str!("../../locales/tr.ftl")),
    ("ja", include_str!("../../locales/ja.ftl")),
    ("zh-CN", include_str!("../../locales/zh-CN.ftl")),
    ("ko", include_str!("../../locales/ko.ftl")),
    ("ar", include_str!("../../locales/ar.ftl")),
    ("he", include_str!("../../locales/he.ftl")),
];

/// Base languages written right to left (an app may add one of them as a file of its own).
const RIGHT_TO_LEFT: [&str; 10] = ["ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"];

/// Base languages whose decimal separator is a comma (CLDR), of those shipped and a few more.
const DECIMAL_COMMA: [&str; 24] = [
    "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "cs", "sk", "sl", "hr", "sr", "bg", "ro",
    "hu", "da", "nb", "no", "sv", "fi", "id",
];

/// The labels without variables, each formatted once per language (see [`Label`]).
const LABELS: [&str; 6] = [
    "label-summary-title",
    "label-select-placeholder",
    "label-submit",
    "script-next-page-unavailable",
    "script-answer-unreadable",
    "script-failed",
];

/// A text of the runtime's markup without variables, formatted once per language.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Label {
    /// The error summary's heading.
    SummaryTitle = 0,
    /// The first, empty option of a drop-down list.
    SelectPlaceholder = 1,
    /// The default submit button.
    Submit = 2,
    /// The enhancement script: a redirect it could not follow.
    ScriptNextPage = 3,
    /// The enhancement script: an answer it could not read.
    ScriptUnreadable = 4,
    /// The enhancement script: a refusal without a message.
    ScriptFailed = 5,
}

/// The message catalogues an app offers, and how a request's language is chosen.
///
/// By default every shipped language is offered (English, German, French, Spanish, Italian,
/// Portuguese (Brazil), Dutch, Polish, Russian, Ukrainian, Turkish, Japanese, Chinese
/// (Simplified), Korean, Arabic, Hebrew), English first. An app changes that once, at
/// start-up, and [installs](Languages::install) the result:
///
/// ```
/// use formaction::messages::{Language, Languages};
///
/// let languages = Languages::new()
///     .enable(&["en", "de", "ar"])?
///     // Its own messages (`message = "invoice-number-taken"` in a rule), and a new wording.
///     .add_ftl("en", "invoice-number-taken = This number is taken\nlabel-submit = Save")?
///     .add_ftl("de", "invoice-number-taken = Diese Nummer ist vergeben")?
///     .cookie("lang");
/// // Once, at start-up, before the first request: `languages.install()`.
/// # drop(languages);
/// let german = Language::find("de-AT").expect("German is shipped");
/// assert_eq!(german.tag(), "de");
/// assert_eq!(german.text("label-submit", &[]), "Absenden");
/// assert_eq!(Language::find("ar").map(Language::dir), Some("rtl"));
/// # Ok::<(), formaction::messages::LanguageError>(())
/// ```
pub struct Languages {
    catalogues: Vec<Catalogue>,
    /// Places in `catalogues` of the languages offered, the default first.
    enabled: Vec<usize>,
    cookie: Option<String>,
    /// Whether the app writes its pages in the request's language (then the runtime's markup
    /// does not repeat `lang`).
    pages_translated: bool,
}

/// One language: the shipped file, the app's own files after it (each overriding the ids it
/// repeats), and the bundle made from them on first use.
struct Catalogue {
    tag: Box<str>,
    builtin: Option<&'static str>,
    added: Vec<String>,
    bundle: OnceLock<Bundle>,
    labels: OnceLock<Box<[Box<str>]>>,
}

type Bundle = FluentBundle<FluentResource>;

/// Why [`Languages`] refused a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageError {
    /// A tag that is not a language tag (`de`, `pt-BR`).
    InvalidTag(String),
    /// A tag [`Languages::enable`] names that has no catalogue (add its file first).
    Unknown(String),
    /// [`Languages::enable`] with no language at all.
    NoneEnabled,
    /// A file that does not parse: its tag and the parser's errors.
    Syntax(String, String),
}

impl fmt::Display for LanguageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageError::InvalidTag(tag) => write!(f, "`{tag}` is not a language tag"),
            LanguageError::Unknown(tag) => write!(f, "no catalogue for `{tag}`: add its .ftl file first"),
            LanguageError::NoneEnabled => f.write_str("at least one language must be enabled"),
            LanguageError::Syntax(tag, errors) => {
                write!(f, "the .ftl file for `{tag}` does not parse: {errors}")
            }
        }
    }
}

impl std::error::Error for LanguageError {}

impl Default for Languages {
    fn default() -> Self {
        Languages::new()
    }
}

impl fmt::Debug for Languages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let enabled: Vec<&str> = self.enabled.iter().map(|&at| &*self.catalogues[at].tag).collect();
        f.debug_struct("Languages").field("enabled", &enabled).field("cookie", &self.cookie).finish()
    }
}

impl Languages {
    /// Every shipped language, English first (the default).
    pub fn new() -> Self {
        Languages {
            catalogues: BUILTIN
                .iter()
                .map(|&(tag, source)| Catalogue::new(tag.into(), Some(source)))
                .collect(),
            enabled: (0..BUILTIN.len()).collect(),
            cookie: None,
            pages_translated: false,
        }
    }

    /// Offers only these languages, the first the default (for a request that asks for none of
    /// them). English stays the fallback of an id a language lacks.
    pub fn enable(mut self, tags: &[&str]) -> Result<Self, LanguageError> {
        let mut enabled = Vec::with_capacity(tags.len());
        for tag in tags {
            let at = self.position(tag).ok_or_else(|| LanguageError::Unknown((*tag).to_owned()))?;
            if !enabled.contains(&at) {
                enabled.push(at);
            }
        }
        if enabled.is_empty() {
            return Err(LanguageError::NoneEnabled);
        }
        self.enabled = enabled;
        Ok(self)
    }

    /// Adds an `.ftl` file of the app's own for `tag`: its messages are added to the language's,
    /// and an id it repeats replaces the shipped message. A tag without a shipped catalogue is a
    /// new language, offered from then on (give it every id of `en.ftl`: an id it lacks is
    /// written in English).
    pub fn add_ftl(mut self, tag: &str, source: impl Into<String>) -> Result<Self, LanguageError> {
        let source = source.into();
        if tag.parse::<LanguageIdentifier>().is_err()
            || !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(LanguageError::InvalidTag(tag.to_owned()));
        }
        if let Err((_, errors)) = FluentResource::try_new(source.clone()) {
            let errors: Vec<String> = errors.iter().map(|error| format!("{error:?}")).collect();
            return Err(LanguageError::Syntax(tag.to_owned(), errors.join("; ")));
        }
        match self.position(tag) {
            Some(at) => self.catalogues[at].added.push(source),
            None => {
                let mut catalogue = Catalogue::new(tag.into(), None);
                catalogue.added.push(source);
                self.catalogues.push(catalogue);
                self.enabled.push(self.catalogues.len() - 1);
            }
        }
        Ok(self)
    }

    /// Reads a request's language from the cookie `name` first (its value a tag, such as `de`),
    /// before `Accept-Language`: a language switch that works without JavaScript. A cookie that
    /// names no enabled language is ignored.
    pub fn cookie(mut self, name: impl Into<String>) -> Self {
        self.cookie = Some(name.into());
        self
    }

    /// Says that the app writes its pages in the request's language (`<html lang="{{ lang.tag()
    /// }}" dir="{{ lang.dir() }}">`): the runtime's forms then do not repeat `lang` and `dir`.
    /// By default the pages are taken to be in the default language, and a form in another
    /// carries its own `lang` (and `dir`).
    pub fn pages_translated(mut self) -> Self {
        self.pages_translated = true;
        self
    }

    /// Makes these the languages of the process. Call it once, at start-up, before any request:
    /// returns them back when languages were already installed (or already used).
    pub fn install(self) -> Result<(), Languages> {
        INSTALLED.set(self)
    }

    /// The place in `catalogues` of `tag` (compared without case).
    fn position(&self, tag: &str) -> Option<usize> {
        self.catalogues.iter().position(|catalogue| catalogue.tag.eq_ignore_ascii_case(tag))
    }

    /// The tags offered, the default first.
    pub fn enabled(&self) -> impl Iterator<Item = &str> + Clone {
        self.enabled.iter().map(|&at| &*self.catalogues[at].tag)
    }

    /// The default language.
    fn default_language(&self) -> Language {
        Language(self.enabled[0] as u16)
    }

    /// The enabled language `tag` names (itself, or by its base language), if any.
    fn find(&self, tag: &str) -> Option<Language> {
        negotiate::find(tag, self.enabled()).map(|at| Language(self.enabled[at] as u16))
    }

    /// The language of a request with these headers and extensions (see the module's docs).
    fn for_request(&self, headers: &HeaderMap, extensions: &http::Extensions) -> Language {
        if let Some(chosen) = extensions.get::<Language>() {
            return *chosen;
        }
        if let Some(name) = &self.cookie
            && let Some(chosen) = cookie_value(headers, name).and_then(|tag| self.find(tag))
        {
            return chosen;
        }
        let mut accepted =
            headers.get_all(http::header::ACCEPT_LANGUAGE).iter().filter_map(|value| value.to_str().ok());
        let Some(first) = accepted.next() else { return self.default_language() };
        let rest: Vec<&str> = accepted.collect();
        // Several `Accept-Language` headers are one list (RFC 9110, 5.3); one is read as it is.
        let found = if rest.is_empty() {
            negotiate::negotiate(first, self.enabled())
        } else {
            let joined = std::iter::once(first).chain(rest).collect::<Vec<_>>().join(",");
            negotiate::negotiate(&joined, self.enabled())
        };
        found.map_or_else(|| self.default_language(), |at| Language(self.enabled[at] as u16))
    }
}

/// The value of the cookie `name` in the request's `Cookie` headers, if it is a plain tag.
fn cookie_value<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    for header in headers.get_all(http::header::COOKIE) {
        let Ok(header) = header.to_str() else { continue };
        for pair in header.split(';') {
            if let Some((key, value)) = pair.split_once('=')
                && key.trim() == name
            {
                let value = value.trim().trim_matches('"');
                if !value.is_empty() && value.len() <= 35 {
                    return Some(value);
                }
            }
        }
    }
    None
}

impl Catalogue {
    fn new(tag: Box<str>, builtin: Option<&'static str>) -> Self {
        Catalogue { tag, builtin, added: Vec::new(), bundle: OnceLock::new(), labels: OnceLock::new() }
    }

    fn bundle(&self) -> &Bundle {
        self.bundle.get_or_init(|| {
            let langid: LanguageIdentifier = self.tag.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            // The markup carries `dir`; isolation marks would be invisible bytes in every
            // message and in the JSON answer.
            bundle.set_use_isolating(false);
            if DECIMAL_COMMA.contains(&negotiate::base(&self.tag)) {
                bundle.set_formatter(Some(decimal_comma));
            }
            // Both were parsed without an error before (the shipped files by `tests/locales.rs`).
            if let Some(source) = self.builtin
                && let Ok(resource) = FluentResource::try_new(source.to_owned())
            {
                let _ = bundle.add_resource(resource);
            }
            for source in &self.added {
                if let Ok(resource) = FluentResource::try_new(source.clone()) {
                    bundle.add_resource_overriding(resource);
                }
            }
            bundle
        })
    }

    /// `id` with `args`, when this catalogue has it.
    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let bundle = self.bundle();
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::debug!(id, language = &*self.tag, ?errors, "a message formatted with errors");
        }
        Some(text.into_owned())
    }
}

/// A number written with a decimal comma (`0,01`), as the language writes it.
fn decimal_comma(value: &FluentValue<'_>, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(number.as_string().replace('.', ",")),
        _ => None,
    }
}

static INSTALLED: OnceLock<Languages> = OnceLock::new();

/// The languages of the process: the installed ones, or [`Languages::new`].
pub fn languages() -> &'static Languages {
    INSTALLED.get_or_init(Languages::new)
}

tokio::task_local! {
    /// The language of the request being answered.
    static CURRENT: Language;
}

/// One of the installed [`Languages`]: the language a request is answered in.
///
/// An extractor, for a page's own texts and its `<html lang dir>`:
///
/// ```
/// use formaction::messages::Language;
///
/// async fn home(lang: Language) -> String {
///     format!(r#"<html lang="{}" dir="{}">"#, lang.tag(), lang.dir())
/// }
/// ```
///
/// An app that keeps each user's language (a setting of the signed-in user) inserts the
/// language into the request's extensions in a middleware of its own
/// (`request.extensions_mut().insert(lang)`): that choice comes before the cookie and
/// `Accept-Language`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language(u16);

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Language").field(&self.tag()).finish()
    }
}

impl Language {
    fn catalogue(self) -> &'static Catalogue {
        let languages = languages();
        &languages.catalogues[usize::from(self.0).min(languages.catalogues.len() - 1)]
    }

    /// The enabled language `tag` names (itself, or one of the same base language: `de-AT`
    /// finds `de`), if any.
    pub fn find(tag: &str) -> Option<Language> {
        languages().find(tag)
    }

    /// The default language (the first enabled).
    pub fn default_language() -> Language {
        languages().default_language()
    }

    /// The language of the request being answered (its scope, see [`Language::scope`]), or the
    /// default outside one.
    pub fn current() -> Language {
        CURRENT.try_with(|language| *language).unwrap_or_else(|_| Language::default_language())
    }

    /// The language a request with these parts asks for (see the module's order).
    pub fn for_request(parts: &Parts) -> Language {
        languages().for_request(&parts.headers, &parts.extensions)
    }

    /// Runs `future` in this language: every message and label made inside comes from it.
    pub fn scope<F: Future>(self, future: F) -> impl Future<Output = F::Output> {
        CURRENT.scope(self, future)
    }

    /// Its tag, as the catalogue's file is named (`de`, `pt-BR`).
    pub fn tag(self) -> &'static str {
        &self.catalogue().tag
    }

    /// Whether it is written right to left (Arabic, Hebrew).
    pub fn is_rtl(self) -> bool {
        RIGHT_TO_LEFT.contains(&negotiate::base(self.tag()))
    }

    /// `rtl` or `ltr`, for a `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The message `id` in this language with `args` (numbers as JSON numbers, text as
    /// strings); a language without it falls back to English, and an id no catalogue has is
    /// returned as it is.
    pub fn text(self, id: &str, args: &[(&str, Value)]) -> String {
        let args = fluent_args(args.iter().map(|(name, value)| (*name, value)));
        self.format(id, Some(&args)).unwrap_or_else(|| id.to_owned())
    }

    /// `id` with `args` in this language, else in English, else `None`.
    pub(crate) fn format(self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let catalogue = self.catalogue();
        catalogue.format(id, args).or_else(|| {
            let english = languages().position("en").map(|at| &languages().catalogues[at])?;
            if std::ptr::eq(english, catalogue) { None } else { english.format(id, args) }
        })
    }

    /// Whether it is the shipped English with nothing of the app's: its texts are the ones
    /// written in the runtime's code, and markup made once may be kept for every request.
    pub(crate) fn is_plain_english(self) -> bool {
        let catalogue = self.catalogue();
        &*catalogue.tag == "en" && catalogue.added.is_empty()
    }

    /// A text of the runtime's markup without variables, formatted once.
    pub(crate) fn label(self, label: Label) -> &'static str {
        let labels = self.catalogue().labels.get_or_init(|| {
            LABELS.iter().map(|id| self.format(id, None).unwrap_or_default().into_boxed_str()).collect()
        });
        labels.get(label as usize).map_or("", |text| text)
    }

    /// The `lang` (and `dir`) the runtime's markup carries in this language: nothing when the
    /// page around it is written in it already.
    pub(crate) fn markup_attributes(self) -> Option<(&'static str, Option<&'static str>)> {
        let languages = languages();
        let page = languages.default_language();
        if languages.pages_translated || self == page {
            return None;
        }
        Some((self.tag(), (self.is_rtl() != page.is_rtl()).then(|| self.dir())))
    }
}

/// A middleware that answers every request below it in its language, for routes that are not
/// [`page`](crate::page)s (which do so themselves): a handler of one's own rendering a
/// [`FormView`](crate::FormView), say.
///
/// ```
/// use axum::{Router, middleware, routing::get};
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { formaction::render::summary_title() }))
///     .layer(middleware::from_fn(formaction::messages::in_request_language));
/// ```
pub async fn in_request_language(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let language = languages().for_request(request.headers(), request.extensions());
    CURRENT.scope(language, next.run(request)).await
}

impl<S: Send + Sync> FromRequestParts<S> for Language {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        if let Some(chosen) = parts.extensions.get::<Language>() {
            return Ok(*chosen);
        }
        Ok(CURRENT.try_with(|language| *language).unwrap_or_else(|_| Language::for_request(parts)))
    }
}

/// Fluent's arguments from parameters as [`FieldError`](crate::FieldError) keeps them (numbers
/// stay numbers, for plural forms; strings are borrowed).
pub(crate) fn fluent_args<'a>(params: impl Iterator<Item = (&'a str, &'a Value)>) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in params {
        let value = match value {
            Value::Number(number) => FluentValue::from(number.as_f64().unwrap_or(0.0)),
            Value::String(text) => FluentValue::from(text.as_str()),
            other => FluentValue::from(other.to_string()),
        };
        args.set(name, value);
    }
    args
}

/// The language of a request with these headers and extensions, when it is not the default
/// (which is the current language outside any scope: a request in it needs none).
pub(crate) fn of_request(headers: &HeaderMap, extensions: &http::Extensions) -> Option<Language> {
    let languages = languages();
    let language = languages.for_request(headers, extensions);
    (language != languages.default_language()).then_some(language)
}

/// The language of the request being answered, if one was set (the plain English of the fast
/// path sets none): for work moved to a task of its own, which task-locals do not follow.
pub(crate) fn in_scope() -> Option<Language> {
    CURRENT.try_with(|language| *language).ok()
}

/// `f`'s result, made in `language` when there is one.
pub(crate) fn sync_in<R>(language: Option<Language>, f: impl FnOnce() -> R) -> R {
    match language {
        Some(language) => CURRENT.sync_scope(language, f),
        None => f(),
    }
}

/// `future` in `language` when there is one, else as it is (boxed once either way).
pub(crate) fn boxed_in<T: 'static>(
    language: Option<Language>,
    future: futures_util::future::BoxFuture<'static, T>,
) -> futures_util::future::BoxFuture<'static, T> {
    match language {
        Some(language) => Box::pin(CURRENT.scope(language, future)),
        None => future,
    }
}

/// The message `id` with `args` in the current language (English when it lacks it), or `None`
/// when no catalogue has `id`.
pub(crate) fn text(id: &str, args: &[(&str, Value)]) -> Option<String> {
    let args = fluent_args(args.iter().map(|(name, value)| (*name, value)));
    Language::current().format(id, Some(&args))
}

/// The shipped English catalogue, parsed once, for [`recognise`].
fn english_resource() -> Option<&'static FluentResource> {
    static ENGLISH: OnceLock<Option<FluentResource>> = OnceLock::new();
    ENGLISH.get_or_init(|| FluentResource::try_new(BUILTIN[0].1.to_owned()).ok()).as_ref()
}

/// The id (among those starting with `prefix`) and variable of the shipped English message that
/// reads exactly `message`: how a refusal the code writes as English text (the guards') is said
/// in another language. A message that no longer reads as its catalogue's is not recognised,
/// and stays in English.
pub(crate) fn recognise(message: &str, prefix: &str) -> Option<(&'static str, Vec<(&'static str, Value)>)> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    for entry in english_resource()?.entries() {
        let Entry::Message(found) = entry else { continue };
        let Some(pattern) = found.value.as_ref().filter(|_| found.id.name.starts_with(prefix)) else {
            continue;
        };
        // Text, at most one variable, text: the shape of every guard's message.
        let (mut before, mut variable, mut after) = (String::new(), None, String::new());
        let mut plain = true;
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } if variable.is_none() => before.push_str(value),
                PatternElement::TextElement { value } => after.push_str(value),
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                } if variable.is_none() => variable = Some(id.name),
                PatternElement::Placeable { .. } => plain = false,
            }
        }
        if !plain {
            continue;
        }
        match variable {
            None if message == before => return Some((found.id.name, Vec::new())),
            None => {}
            Some(name) => {
                if let Some(value) =
                    message.strip_prefix(before.as_str()).and_then(|rest| rest.strip_suffix(after.as_str()))
                {
                    return Some((found.id.name, vec![(name, Value::String(value.to_owned()))]));
                }
            }
        }
    }
    None
}

/// Whether `text` could be a message id (`invoice-number-taken`): a letter, then letters,
/// digits, `-` and `_`. A sentence never is one.
pub(crate) fn is_id(text: &str) -> bool {
    let mut bytes = text.bytes();
    text.len() <= 128
        && bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogues_format_their_labels() {
        let languages = Languages::new();
        for catalogue in &languages.catalogues {
            for id in LABELS {
                let text = catalogue.format(id, None);
                assert!(text.as_deref().is_some_and(|text| !text.is_empty()), "{}: {id}", catalogue.tag);
            }
        }
    }

    #[test]
    fn numbers_take_the_languages_decimal_separator() {
        let languages = Languages::new();
        let format = |tag: &str, id: &str, min: f64| {
            let at = languages.position(tag).unwrap();
            let min = Value::from(min);
            let args = fluent_args([("min", &min)].into_iter());
            languages.catalogues[at].format(id, Some(&args)).unwrap()
        };
        assert_eq!(format("en", "error-too-small", 0.01), "Must be at least 0.01");
        assert!(format("de", "error-too-small", 0.01).contains("0,01"));
        assert!(format("fr", "error-too-small", 1.5).contains("1,5"));
        assert!(format("ar", "error-too-small", 0.5).contains("0.5"));
        assert!(format("pl", "error-too-short", 2.0).contains("2 znaki"), "plural forms still select");
    }

    #[test]
    fn the_app_overrides_and_adds() {
        let languages = Languages::new()
            .add_ftl("de", "label-submit = Absenden!\nmy-own = Meins { $n }")
            .unwrap()
            .add_ftl("sv", "label-submit = Skicka")
            .unwrap();
        let de = languages.position("de").unwrap();
        assert_eq!(languages.catalogues[de].format("label-submit", None).unwrap(), "Absenden!");
        let n = Value::from(2);
        let args = fluent_args([("n", &n)].into_iter());
        assert_eq!(languages.catalogues[de].format("my-own", Some(&args)).unwrap(), "Meins 2");
        assert!(languages.enabled().any(|tag| tag == "sv"), "a new language is offered");
        assert!(matches!(Languages::new().add_ftl("de", "= broken"), Err(LanguageError::Syntax(..))));
        assert!(matches!(Languages::new().add_ftl("not a tag", "a = b"), Err(LanguageError::InvalidTag(_))));
        assert!(matches!(Languages::new().enable(&["xx"]), Err(LanguageError::Unknown(_))));
        assert!(matches!(Languages::new().enable(&[]), Err(LanguageError::NoneEnabled)));
    }

    #[test]
    fn a_request_picks_extension_then_cookie_then_accept_language() {
        let languages = Languages::new().enable(&["en", "de", "ar"]).unwrap().cookie("lang");
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.append(*name, http::HeaderValue::from_static(value));
            }
            map
        };
        let tag = |language: Language| &*languages.catalogues[usize::from(language.0)].tag;
        let none = http::Extensions::new();
        assert_eq!(tag(languages.for_request(&headers(&[("accept-language", "de")]), &none)), "de");
        assert_eq!(tag(languages.for_request(&headers(&[("accept-language", "fr")]), &none)), "en");
        assert_eq!(tag(languages.for_request(&headers(&[]), &none)), "en");
        let two = headers(&[("accept-language", "xx"), ("accept-language", "ar;q=0.5")]);
        assert_eq!(tag(languages.for_request(&two, &none)), "ar", "several headers are one list");
        let cookie = headers(&[("accept-language", "de"), ("cookie", "a=b; lang=ar")]);
        assert_eq!(tag(languages.for_request(&cookie, &none)), "ar");
        let stale = headers(&[("accept-language", "de"), ("cookie", "lang=fr")]);
        assert_eq!(tag(languages.for_request(&stale, &none)), "de", "a cookie naming no enabled language");
        let mut chosen = http::Extensions::new();
        chosen.insert(Language(languages.position("de").unwrap() as u16));
        assert_eq!(tag(languages.for_request(&cookie, &chosen)), "de");
    }

    #[test]
    fn english_refusals_are_recognised_with_their_variable() {
        assert_eq!(
            recognise("cross-site request refused: Origin does not match this site", "refusal-cross-origin"),
            Some(("refusal-cross-origin", vec![("header", Value::from("Origin"))]))
        );
        assert_eq!(
            recognise("the request has no Host header", "refusal-host-"),
            Some(("refusal-host-missing", vec![]))
        );
        assert_eq!(
            recognise("unknown host `evil.test`: this app does not answer to that name", "refusal-host-"),
            Some(("refusal-host-unknown", vec![("host", Value::from("evil.test"))]))
        );
        assert_eq!(recognise("the request has no Host header", "refusal-cross-origin"), None, "another kind");
        assert_eq!(recognise("something else entirely", "refusal-"), None);
    }

    #[test]
    fn ids_and_sentences() {
        assert!(is_id("invoice-number-taken"));
        assert!(is_id("error_x"));
        assert!(!is_id("Enter the customer's name"));
        assert!(!is_id("-x"));
        assert!(!is_id(""));
    }
}
