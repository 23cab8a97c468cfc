//! Reading `#[form(...)]`, `#[field(...)]` and `#[validate(...)]` into plain data, and removing
//! them from the item.
//!
//! Checks that concern one attribute live here (unknown keys, duplicates, values of the wrong
//! kind); checks across attributes or fields live in `valid.rs`. Every problem is recorded in the
//! [`Ctxt`] and reading goes on, so all of them are reported together.

use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, DeriveInput, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Path, Token};

use super::html;
use crate::attrs::{self, closest, skip_value, unknown_key};
use crate::ctxt::Ctxt;

/// Options of `#[form(...)]` itself.
#[derive(Default)]
pub(crate) struct FormArgs {
    pub(crate) krate: Option<Path>,
}

/// A `default = expr` or plain `default`.
pub(crate) enum Default {
    Trait,
    Expr(Box<Expr>),
}

/// Options of `#[field(...)]`.
#[derive(Default)]
pub(crate) struct FieldOptions {
    pub(crate) rename: Option<LitStr>,
    pub(crate) label: Option<LitStr>,
    pub(crate) default: Option<(Path, Default)>,
    pub(crate) secret: Option<Path>,
    pub(crate) textarea: Option<Path>,
    pub(crate) hidden: Option<Path>,
    pub(crate) radio: Option<Path>,
    pub(crate) select: Option<Path>,
    pub(crate) placeholder: Option<LitStr>,
    pub(crate) help: Option<LitStr>,
    pub(crate) accept: Option<LitStr>,
    /// `max_size = "2MB"`: the key as written, for spans, and the size in bytes.
    pub(crate) max_size: Option<(Path, u64)>,
    pub(crate) scale: Option<LitInt>,
    pub(crate) step: Option<LitStr>,
    pub(crate) autocomplete: Option<LitStr>,
    pub(crate) inputmode: Option<LitStr>,
    /// `input = "tel"`: the input type of a text field.
    pub(crate) input: Option<LitStr>,
    pub(crate) readonly: Option<Path>,
    pub(crate) disabled: Option<Path>,
    /// `live`: the enhancement script asks the server about the field as the user types.
    pub(crate) live: Option<Path>,
    /// `data(role = "x")`: each name as written (`test_id`) and its value.
    pub(crate) data: Vec<(Ident, LitStr)>,
    /// `aria(label = "x")`: each name without `aria-` and its value.
    pub(crate) aria: Vec<(Ident, LitStr)>,
    /// Where `data(...)` and `aria(...)` were written, for errors about them as a whole.
    pub(crate) extra_at: Option<Path>,
}

const FIELD_KEYS: &[&str] = &[
    "rename",
    "label",
    "default",
    "secret",
    "textarea",
    "hidden",
    "radio",
    "select",
    "placeholder",
    "help",
    "accept",
    "max_size",
    "scale",
    "step",
    "autocomplete",
    "inputmode",
    "input",
    "readonly",
    "disabled",
    "live",
    "data",
    "aria",
];

/// One `#[validate(...)]` rule of a field.
pub(crate) struct Rule {
    /// The rule's name as written, for spans.
    pub(crate) key: Path,
    pub(crate) kind: RuleKind,
    pub(crate) message: Option<LitStr>,
    pub(crate) code: Option<LitStr>,
}

pub(crate) enum RuleKind {
    Email,
    Url,
    Length {
        min: Option<Expr>,
        max: Option<Expr>,
        equal: Option<Expr>,
    },
    Range {
        min: Option<Expr>,
        max: Option<Expr>,
        exclusive_min: Option<Expr>,
        exclusive_max: Option<Expr>,
    },
    Regex {
        path: Expr,
    },
    Contains {
        pattern: LitStr,
    },
    DoesNotContain {
        pattern: LitStr,
    },
    MustMatch {
        other: LitStr,
    },
    Custom {
        function: Path,
    },
    Required,
    NonControlCharacter,
    Ip {
        version: Option<u8>,
    },
    /// validator's `nested`: nested forms are always checked, so it changes nothing.
    Nested,
}

const RULES: &[&str] = &[
    "email",
    "url",
    "length",
    "range",
    "regex",
    "contains",
    "does_not_contain",
    "must_match",
    "custom",
    "required",
    "non_control_character",
    "ip",
    "nested",
];

/// A struct-level `#[validate(schema(function = ...))]`.
pub(crate) struct SchemaRule {
    pub(crate) function: Path,
    pub(crate) skip_on_field_errors: bool,
    pub(crate) message: Option<LitStr>,
    pub(crate) code: Option<LitStr>,
}

/// Reads the arguments of `#[form(...)]`.
pub(crate) fn form_args(cx: &Ctxt, args: proc_macro2::TokenStream) -> FormArgs {
    let krate = attrs::macro_args(cx, args, "duplicate `crate` in #[form(...)]", |meta| {
        unknown_key(cx, meta, "#[form] argument", &["crate"])
    });
    FormArgs { krate }
}

/// Reads every `#[field(...)]` of a field.
pub(crate) fn field_options(cx: &Ctxt, attrs: &[Attribute]) -> FieldOptions {
    let mut options = FieldOptions::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("field")) {
        let result = attr.parse_nested_meta(|meta| {
            let Some(key) = meta.path.get_ident().map(Ident::to_string) else {
                return unknown_key(cx, &meta, "form field attribute", FIELD_KEYS);
            };
            let o = &mut options;
            match key.as_str() {
                "rename" => set(cx, &meta, &mut o.rename, string(cx, &meta)?),
                "label" => set(cx, &meta, &mut o.label, string(cx, &meta)?),
                "placeholder" => set(cx, &meta, &mut o.placeholder, string(cx, &meta)?),
                "help" => set(cx, &meta, &mut o.help, string(cx, &meta)?),
                "accept" => set(cx, &meta, &mut o.accept, string(cx, &meta)?),
                "step" => set(cx, &meta, &mut o.step, string(cx, &meta)?),
                "max_size" => {
                    let value: Expr = meta.value()?.parse()?;
                    match attrs::size(&value) {
                        Ok(bytes) => set(cx, &meta, &mut o.max_size, Some((meta.path.clone(), bytes))),
                        Err(message) => {
                            cx.error_spanned_by(&value, format!("`max_size`: {message}"));
                            Ok(())
                        }
                    }
                }
                "scale" => {
                    let value = integer(cx, &meta)?;
                    set(cx, &meta, &mut o.scale, value)
                }
                "default" => {
                    let default = if meta.input.peek(Token![=]) {
                        Default::Expr(Box::new(meta.value()?.parse()?))
                    } else {
                        Default::Trait
                    };
                    set(cx, &meta, &mut o.default, Some((meta.path.clone(), default)))
                }
                "secret" => flag(cx, &meta, &mut o.secret),
                "textarea" => flag(cx, &meta, &mut o.textarea),
                "hidden" => flag(cx, &meta, &mut o.hidden),
                "radio" => flag(cx, &meta, &mut o.radio),
                "select" => flag(cx, &meta, &mut o.select),
                "readonly" => flag(cx, &meta, &mut o.readonly),
                "disabled" => flag(cx, &meta, &mut o.disabled),
                "live" => flag(cx, &meta, &mut o.live),
                "autocomplete" => {
                    let value = string(cx, &meta)?;
                    if let Some(value) = &value
                        && let Err(message) = html::check_autocomplete(&value.value())
                    {
                        cx.error_spanned_by(value, message);
                    }
                    set(cx, &meta, &mut o.autocomplete, value)
                }
                "inputmode" => {
                    let value = string(cx, &meta)?;
                    if let Some(value) = &value
                        && !html::INPUT_MODES.contains(&value.value().as_str())
                    {
                        let text = value.value();
                        let message = match closest(&text, html::INPUT_MODES) {
                            _ if text == "number" => "unknown inputmode `number`; did you mean `numeric` (digits) or `decimal` (digits and a decimal separator)?".to_owned(),
                            Some(close) => format!("unknown inputmode `{text}`; did you mean `{close}`?"),
                            None => format!(
                                "unknown inputmode `{text}`; expected one of: {}",
                                html::INPUT_MODES.join(", ")
                            ),
                        };
                        cx.error_spanned_by(value, message);
                    }
                    set(cx, &meta, &mut o.inputmode, value)
                }
                "input" => {
                    let value = string(cx, &meta)?;
                    if let Some(value) = &value
                        && !html::TEXT_INPUT_TYPES.contains(&value.value().as_str())
                    {
                        cx.error_spanned_by(value, html::other_input_type(&value.value()));
                    }
                    set(cx, &meta, &mut o.input, value)
                }
                // `type` is a keyword, and `r#type` reads poorly: the option is `input`.
                "type" | "r#type" => {
                    cx.error_spanned_by(&meta.path, "the input type is set with `input`: #[field(input = \"tel\")]");
                    skip_value(&meta)
                }
                "data" | "aria" => {
                    if o.extra_at.is_none() {
                        o.extra_at = Some(meta.path.clone());
                    }
                    let list = if key == "data" { &mut o.data } else { &mut o.aria };
                    extra_attributes(cx, &meta, &key, list)
                }
                _ => unknown_key(cx, &meta, "form field attribute", FIELD_KEYS),
            }
        });
        if let Err(error) = result {
            cx.push(error);
        }
    }
    options
}

/// Reads `data(name = "value", ...)` or `aria(...)` into `list`: each name checked (a `data-*`
/// name's spelling, an `aria-*` name among WAI-ARIA's), each given once.
fn extra_attributes(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    prefix: &str,
    list: &mut Vec<(Ident, LitStr)>,
) -> syn::Result<()> {
    if !meta.input.peek(syn::token::Paren) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{prefix}` takes its attributes in parentheses: {prefix}(name = \"value\")"),
        );
        return skip_value(meta);
    }
    meta.parse_nested_meta(|inner| {
        let Some(ident) = inner.path.get_ident().cloned() else {
            cx.error_spanned_by(
                &inner.path,
                format!("a `{prefix}-*` name is one word: {prefix}(name = \"value\")"),
            );
            return skip_value(&inner);
        };
        let name = ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
        if prefix == "data" {
            if let Some(problem) = html::data_name_problem(&name) {
                cx.error_spanned_by(&ident, problem);
            }
        } else if name == "describedby" {
            // Read on its own: its ids come before the help's and the errors'.
        } else if matches!(name.as_str(), "invalid" | "required") {
            let said_by = if name == "invalid" { "the field's errors" } else { "the `required` attribute" };
            cx.error_spanned_by(&ident, format!("`aria-{name}` is set from {said_by}: leave it out"));
        } else if !html::ARIA_NAMES.contains(&name.as_str()) {
            return unknown_key(cx, &inner, "ARIA attribute", html::ARIA_NAMES);
        }
        let Some(value) = string(cx, &inner)? else { return Ok(()) };
        if list.iter().any(|(seen, _)| seen == &ident) {
            cx.error_spanned_by(
                &ident,
                format!("duplicate `{prefix}-{}`: give it once", name.replace('_', "-")),
            );
        } else {
            list.push((ident, value));
        }
        Ok(())
    })
}

/// Reads every `#[validate(...)]` of a field.
pub(crate) fn rules(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        let result = attr.parse_nested_meta(|meta| {
            let name = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
            if name == "schema" {
                cx.error_spanned_by(&meta.path, "`schema` is a rule of the struct: put `#[validate(schema(function = ...))]` on the struct, not on a field");
                return skip_value(&meta);
            }
            if name == "credit_card" {
                cx.error_spanned_by(&meta.path, "`credit_card` is not supported by formaction: check the number with `custom(function = ...)`");
                return skip_value(&meta);
            }
            if !RULES.contains(&name.as_str()) {
                return unknown_key(cx, &meta, "validation rule", RULES);
            }
            if let Some(previous) = rules.iter().find(|rule| rule.key.is_ident(&name)) {
                let mut error = syn::Error::new_spanned(&meta.path, format!("duplicate rule `{name}`: give each rule once, with all its arguments"));
                error.combine(syn::Error::new_spanned(&previous.key, format!("`{name}` was first given here")));
                cx.push(error);
                return skip_value(&meta);
            }
            let rule = rule(cx, &meta, &name)?;
            rules.push(rule);
            Ok(())
        });
        if let Err(error) = result {
            cx.push(error);
        }
    }
    rules
}

fn rule(cx: &Ctxt, meta: &ParseNestedMeta<'_>, name: &str) -> syn::Result<Rule> {
    let mut args = RuleArgs::default();
    let allowed: &[&str] = match name {
        "length" => &["min", "max", "equal"],
        "range" => &["min", "max", "exclusive_min", "exclusive_max"],
        "regex" => &["path"],
        "contains" | "does_not_contain" => &["pattern"],
        "must_match" => &["other"],
        "custom" => &["function"],
        "ip" => &["v4", "v6"],
        _ => &[],
    };
    if meta.input.peek(Token![=]) {
        // The short form validator also accepts: `contains = "x"`, `must_match = "other"`.
        let key = allowed.first().copied().unwrap_or("");
        if key.is_empty() {
            return Err(
                meta.error(format!("`{name}` takes no value; write `{name}` or `{name}(message = \"...\")`"))
            );
        }
        args.values.push((Ident::new(key, meta.path.span()), meta.value()?.parse()?));
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| {
            let key = inner.path.get_ident().map(Ident::to_string).unwrap_or_default();
            match key.as_str() {
                "message" => set(cx, &inner, &mut args.message, string(cx, &inner)?),
                "code" => set(cx, &inner, &mut args.code, string(cx, &inner)?),
                "v4" | "v6" if name == "ip" => {
                    args.values.push((Ident::new(&key, inner.path.span()), syn::parse_quote!(true)));
                    Ok(())
                }
                _ if allowed.contains(&key.as_str()) => {
                    if args.values.iter().any(|(k, _)| k == &key) {
                        cx.error_spanned_by(&inner.path, format!("duplicate `{key}` in `{name}(...)`"));
                    }
                    let value: Expr = inner.value()?.parse()?;
                    args.values.push((Ident::new(&key, inner.path.span()), value));
                    Ok(())
                }
                _ => {
                    let mut keys = allowed.to_vec();
                    keys.extend(["message", "code"]);
                    unknown_key(cx, &inner, &format!("`{name}` argument"), &keys)
                }
            }
        })?;
    }
    let key = meta.path.clone();
    let kind = match name {
        "email" => RuleKind::Email,
        "url" => RuleKind::Url,
        "required" => RuleKind::Required,
        "non_control_character" => RuleKind::NonControlCharacter,
        "nested" => RuleKind::Nested,
        "ip" => RuleKind::Ip {
            version: if args.take("v4").is_some() {
                Some(4)
            } else if args.take("v6").is_some() {
                Some(6)
            } else {
                None
            },
        },
        "length" => {
            let kind =
                RuleKind::Length { min: args.take("min"), max: args.take("max"), equal: args.take("equal") };
            if let RuleKind::Length { min: None, max: None, equal: None } = kind {
                cx.error_spanned_by(
                    &key,
                    "`length` needs `min`, `max` or `equal`: length(min = 1, max = 80)",
                );
            }
            kind
        }
        "range" => {
            let kind = RuleKind::Range {
                min: args.take("min"),
                max: args.take("max"),
                exclusive_min: args.take("exclusive_min"),
                exclusive_max: args.take("exclusive_max"),
            };
            if let RuleKind::Range { min: None, max: None, exclusive_min: None, exclusive_max: None } = kind {
                cx.error_spanned_by(
                    &key,
                    "`range` needs `min`, `max`, `exclusive_min` or `exclusive_max`: range(min = 1)",
                );
            }
            kind
        }
        "regex" => match args.take("path") {
            // validator's older spelling names the static in a string: `path = "RE"`.
            Some(Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => RuleKind::Regex { path: text.parse()? },
            Some(path) => RuleKind::Regex { path },
            None => {
                return Err(syn::Error::new_spanned(
                    &key,
                    "`regex` needs the expression: regex(path = *MY_REGEX)",
                ));
            }
        },
        "contains" | "does_not_contain" => {
            let Some(pattern) = args.take("pattern") else {
                return Err(syn::Error::new_spanned(
                    &key,
                    format!("`{name}` needs the text: {name}(pattern = \"...\")"),
                ));
            };
            let pattern = expect_string(pattern, "pattern")?;
            if name == "contains" {
                RuleKind::Contains { pattern }
            } else {
                RuleKind::DoesNotContain { pattern }
            }
        }
        "must_match" => {
            let Some(other) = args.take("other") else {
                return Err(syn::Error::new_spanned(
                    &key,
                    "`must_match` needs the other field: must_match(other = \"password\")",
                ));
            };
            let other = match other {
                Expr::Path(path) if path.path.get_ident().is_some() => {
                    let ident = path.path.get_ident().map(Ident::to_string).unwrap_or_default();
                    LitStr::new(&ident, path.span())
                }
                other => expect_string(other, "other")?,
            };
            RuleKind::MustMatch { other }
        }
        "custom" => match args.take("function") {
            Some(Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => {
                RuleKind::Custom { function: text.parse()? }
            }
            Some(Expr::Path(path)) => RuleKind::Custom { function: path.path },
            Some(other) => {
                return Err(syn::Error::new_spanned(
                    other,
                    "`function` takes a path to a function: custom(function = check_name)",
                ));
            }
            None => {
                return Err(syn::Error::new_spanned(
                    &key,
                    "`custom` needs the function: custom(function = check_name)",
                ));
            }
        },
        _ => return Err(syn::Error::new_spanned(&key, "unknown rule")),
    };
    Ok(Rule { key, kind, message: args.message, code: args.code })
}

#[derive(Default)]
struct RuleArgs {
    values: Vec<(Ident, Expr)>,
    message: Option<LitStr>,
    code: Option<LitStr>,
}

impl RuleArgs {
    fn take(&mut self, key: &str) -> Option<Expr> {
        let at = self.values.iter().position(|(k, _)| k == key)?;
        Some(self.values.remove(at).1)
    }
}

/// Reads the struct-level `#[validate(schema(...))]` attributes.
pub(crate) fn schema_rules(cx: &Ctxt, attrs: &[Attribute]) -> Vec<SchemaRule> {
    let mut rules = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        let result = attr.parse_nested_meta(|meta| {
            if !meta.path.is_ident("schema") {
                return unknown_key(cx, &meta, "struct-level rule", &["schema"]);
            }
            let mut function = None;
            let mut skip_on_field_errors = true;
            let mut message = None;
            let mut code = None;
            meta.parse_nested_meta(|inner| {
                if inner.path.is_ident("function") {
                    let path = match inner.value()?.parse::<Expr>()? {
                        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => text.parse()?,
                        Expr::Path(path) => path.path,
                        other => {
                            return Err(syn::Error::new_spanned(
                                other,
                                "`function` takes a path to a function",
                            ));
                        }
                    };
                    function = Some(path);
                    Ok(())
                } else if inner.path.is_ident("skip_on_field_errors") {
                    let value: syn::LitBool = inner.value()?.parse()?;
                    skip_on_field_errors = value.value;
                    Ok(())
                } else if inner.path.is_ident("message") {
                    set(cx, &inner, &mut message, string(cx, &inner)?)
                } else if inner.path.is_ident("code") {
                    set(cx, &inner, &mut code, string(cx, &inner)?)
                } else {
                    unknown_key(
                        cx,
                        &inner,
                        "`schema` argument",
                        &["function", "skip_on_field_errors", "message", "code"],
                    )
                }
            })?;
            match function {
                Some(function) => rules.push(SchemaRule { function, skip_on_field_errors, message, code }),
                None => cx.error_spanned_by(
                    &meta.path,
                    "`schema` needs the function: schema(function = check_dates)",
                ),
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.push(error);
        }
    }
    rules
}

/// Reads `#[field(rename = "...", label = "...")]` on an enum variant.
pub(crate) fn variant_options(cx: &Ctxt, attrs: &[Attribute]) -> (Option<LitStr>, Option<LitStr>) {
    let mut rename = None;
    let mut label = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("field")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                set(cx, &meta, &mut rename, string(cx, &meta)?)
            } else if meta.path.is_ident("label") {
                set(cx, &meta, &mut label, string(cx, &meta)?)
            } else {
                unknown_key(cx, &meta, "choice attribute", &["rename", "label"])
            }
        });
        if let Err(error) = result {
            cx.push(error);
        }
    }
    (rename, label)
}

fn set<T>(cx: &Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Option<T>, value: Option<T>) -> syn::Result<()> {
    let Some(value) = value else { return Ok(()) };
    if slot.is_some() {
        let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
        cx.error_spanned_by(&meta.path, format!("duplicate `{key}`: give it once"));
    } else {
        *slot = Some(value);
    }
    Ok(())
}

fn flag(cx: &Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Option<Path>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
        cx.error_spanned_by(&meta.path, format!("`{key}` takes no value: write `#[field({key})]`"));
        return skip_value(meta);
    }
    set(cx, meta, slot, Some(meta.path.clone()))
}

/// Reads `key = "text"`; a value of another kind is recorded as an error and skipped.
fn string(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<LitStr>> {
    let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
    let expr: Expr = meta.value()?.parse()?;
    match expr {
        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => Ok(Some(text)),
        other => {
            cx.error_spanned_by(other, format!("`{key}` takes a string: {key} = \"...\""));
            Ok(None)
        }
    }
}

fn integer(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<LitInt>> {
    let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
    let expr: Expr = meta.value()?.parse()?;
    match expr {
        Expr::Lit(ExprLit { lit: Lit::Int(number), .. }) if number.base10_parse::<u32>().is_ok() => {
            Ok(Some(number))
        }
        other => {
            cx.error_spanned_by(other, format!("`{key}` takes a whole number: {key} = 2"));
            Ok(None)
        }
    }
}

fn expect_string(expr: Expr, key: &str) -> syn::Result<LitStr> {
    match expr {
        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => Ok(text),
        other => Err(syn::Error::new_spanned(other, format!("`{key}` takes a string: {key} = \"...\""))),
    }
}

/// The item as the user wrote it, minus `#[field]` and `#[validate]`, which only we read.
pub(crate) fn strip_our_attributes(item: &DeriveInput) -> DeriveInput {
    let ours = |attr: &syn::Attribute| attr.path().is_ident("field") || attr.path().is_ident("validate");
    let mut item = item.clone();
    item.attrs.retain(|attr| !ours(attr));
    match &mut item.data {
        syn::Data::Struct(data) => {
            for field in data.fields.iter_mut() {
                field.attrs.retain(|attr| !ours(attr));
            }
        }
        syn::Data::Enum(data) => {
            for variant in data.variants.iter_mut() {
                variant.attrs.retain(|attr| !ours(attr));
            }
        }
        syn::Data::Union(_) => {}
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(closest("lenght", RULES), Some("length"));
        assert_eq!(closest("emial", RULES), Some("email"));
        assert_eq!(closest("renmae", FIELD_KEYS), Some("rename"));
        assert_eq!(closest("zzz", RULES), None);
    }
}
