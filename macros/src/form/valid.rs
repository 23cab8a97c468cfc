//! Checks on the built model, across attributes and fields: rules that cannot apply to a field's
//! type, options that contradict each other, two fields with one HTML name, `must_match` naming no
//! field, an enum with no choice.

use quote::ToTokens;
use syn::{Ident, LitStr, Path};

use super::ast::{Field, Form, Input};
use super::attr::RuleKind;
use super::types::Kind;
use crate::ctxt::Ctxt;

/// Records every problem of `input` in `cx`.
pub(crate) fn check(cx: &Ctxt, input: &Input<'_>) {
    match input {
        Input::Struct(form) => check_form(cx, form),
        Input::Choices(choices) => {
            if choices.variants.is_empty() {
                cx.error_spanned_by(
                    choices.ident,
                    "#[form] on an enum needs at least one variant: each is a choice",
                );
            }
            let mut seen = Vec::new();
            for variant in &choices.variants {
                let value = variant.value();
                let message = format!(
                    "two choices have the value `{value}`: give one of them #[field(rename = \"...\")]"
                );
                once(cx, &mut seen, value, variant.ident, message);
            }
        }
    }
}

/// Remembers `value` as used at `at`; when it was used before, reports `message` there and where it
/// was first used.
fn once<'a>(cx: &Ctxt, seen: &mut Vec<(String, &'a Ident)>, value: String, at: &'a Ident, message: String) {
    if let Some((_, first)) = seen.iter().find(|(v, _)| *v == value) {
        let mut error = syn::Error::new_spanned(at, message);
        error.combine(syn::Error::new_spanned(first, format!("`{value}` is first used here")));
        cx.push(error);
    } else {
        seen.push((value, at));
    }
}

fn check_form(cx: &Ctxt, form: &Form<'_>) {
    let mut names = Vec::new();
    for field in &form.fields {
        let name = field.html_name();
        let message = format!(
            "two fields are named `{name}` in HTML: a submission could not tell them apart; rename one"
        );
        once(cx, &mut names, name.clone(), field.ident, message);
        let at = field.options.rename.as_ref().map(|r| r.span()).unwrap_or_else(|| field.ident.span());
        let problem = if name.is_empty() {
            Some("an HTML name cannot be empty: remove `rename`, or give a name".to_owned())
        } else if name.contains('.') {
            Some(format!(
                "`{name}` cannot be an HTML name: `.` separates the fields of a nested form; to read `{name}`, make this field a `#[form]` struct"
            ))
        } else if name.contains(['[', ']']) {
            Some(format!(
                "`{name}` cannot be an HTML name: `[...]` marks the items of a list; to read a list, make this field a `Vec<_>` and name it without brackets"
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            cx.push(syn::Error::new(at, problem));
        }
    }

    for field in &form.fields {
        let kind = field.kind.kind;
        let o = &field.options;
        if let (Some(secret), Some((default, _))) = (&o.secret, &o.default) {
            let mut error = syn::Error::new_spanned(
                default,
                "a `secret` field cannot have a `default`: the default would be shown to the user, and a secret is never shown",
            );
            error.combine(syn::Error::new_spanned(secret, "the field is `secret` here"));
            cx.push(error);
        }
        if let Some(textarea) = &o.textarea
            && !matches!(kind, Kind::Text | Kind::Other)
        {
            cx.error_spanned_by(
                textarea,
                format!("`textarea` is for text, and this field is {}", kind.describe()),
            );
        }
        if let Some(accept) = &o.accept
            && !matches!(kind, Kind::File | Kind::Other)
            && kind != Kind::List
        {
            cx.error_spanned_by(
                accept,
                format!("`accept` is for file fields, and this field is {}", kind.describe()),
            );
        }
        if let Some((max_size, _)) = &o.max_size
            && !matches!(kind, Kind::File | Kind::Other)
            && kind != Kind::List
        {
            cx.error_spanned_by(
                max_size,
                format!("`max_size` is for file fields, and this field is {}", kind.describe()),
            );
        }
        if let Some(scale) = &o.scale
            && !matches!(kind, Kind::Float | Kind::Decimal | Kind::Other)
        {
            cx.error_spanned_by(
                scale,
                format!(
                    "`scale` counts decimal places of a `f32`, `f64` or `Decimal`, and this field is {}",
                    kind.describe()
                ),
            );
        }
        if let Some(step) = &o.step
            && !(kind.is_number() || matches!(kind, Kind::DateTime | Kind::Other))
        {
            cx.error_spanned_by(
                step,
                format!("`step` is for numbers, dates and times, and this field is {}", kind.describe()),
            );
        }
        if let (Some(secret), false) = (&o.secret, matches!(kind, Kind::Text | Kind::Other)) {
            cx.error_spanned_by(
                secret,
                format!("`secret` is for text such as passwords, and this field is {}", kind.describe()),
            );
        }

        check_attributes(cx, field);

        for rule in &field.rules {
            let name = rule.key.get_ident().map(ToString::to_string).unwrap_or_default();
            let text_only = matches!(
                rule.kind,
                RuleKind::Email
                    | RuleKind::Url
                    | RuleKind::Regex { .. }
                    | RuleKind::Contains { .. }
                    | RuleKind::DoesNotContain { .. }
                    | RuleKind::NonControlCharacter
                    | RuleKind::Ip { .. }
            );
            if text_only && !matches!(kind, Kind::Text | Kind::Other) {
                cx.error_spanned_by(
                    &rule.key,
                    format!("`{name}` checks text, and this field is {}", kind.describe()),
                );
            }
            match &rule.kind {
                RuleKind::Length { .. } if !matches!(kind, Kind::Text | Kind::List | Kind::Other) => {
                    let hint = if kind.is_number() {
                        "; to bound a number, use `range(min = ..., max = ...)`"
                    } else {
                        ""
                    };
                    cx.error_spanned_by(
                        &rule.key,
                        format!("`length` counts the characters of text or the items of a list, and this field is {}{hint}", kind.describe()),
                    );
                }
                RuleKind::Range { .. } if !(kind.is_number() || kind == Kind::Other) => {
                    let hint = if kind == Kind::Text {
                        "; to bound text, use `length(min = ..., max = ...)`"
                    } else {
                        ""
                    };
                    cx.error_spanned_by(
                        &rule.key,
                        format!("`range` bounds a number, and this field is {}{hint}", kind.describe()),
                    );
                }
                // On a `bool`, `required` means the box must be ticked ("I accept the terms").
                RuleKind::Required if !field.kind.optional && kind != Kind::Bool => {
                    cx.error_spanned_by(
                        &rule.key,
                        "`required` only applies to an `Option` field or a checkbox (`bool`): a field that is not an `Option` is already required",
                    );
                }
                RuleKind::MustMatch { other } => {
                    let target = other.value();
                    match form.fields.iter().find(|f| f.ident == target.as_str()) {
                        None => {
                            let known: Vec<String> =
                                form.fields.iter().map(|f| format!("`{}`", f.ident)).collect();
                            cx.error_spanned_by(
                                other,
                                format!("`must_match` names `{target}`, which is not a field of this form (fields: {})", known.join(", ")),
                            );
                        }
                        Some(target_field) if target_field.ident == field.ident => {
                            cx.error_spanned_by(
                                other,
                                "`must_match` names the field itself: name the field it must equal",
                            );
                        }
                        Some(_) => {}
                    }
                }
                _ => {}
            }
        }
    }
}

/// The attributes `#[field]` puts on the control: each on a control it applies to, none that
/// contradicts another option or a rule.
fn check_attributes(cx: &Ctxt, field: &Field<'_>) {
    let kind = field.kind.kind;
    let o = &field.options;
    let spanned = |token: &dyn ToTokens, message: String| cx.error_spanned_by(token, message);
    if let Some(hidden) = &o.hidden {
        let shown: [(&str, Option<&dyn ToTokens>); 7] = [
            ("autocomplete", o.autocomplete.as_ref().map(|v| v as &dyn ToTokens)),
            ("inputmode", o.inputmode.as_ref().map(|v| v as &dyn ToTokens)),
            ("input", o.input.as_ref().map(|v| v as &dyn ToTokens)),
            ("readonly", o.readonly.as_ref().map(|v| v as &dyn ToTokens)),
            ("disabled", o.disabled.as_ref().map(|v| v as &dyn ToTokens)),
            ("live", o.live.as_ref().map(|v| v as &dyn ToTokens)),
            ("data(...)` or `aria(...)", o.extra_at.as_ref().map(|v| v as &dyn ToTokens)),
        ];
        for (key, at) in shown {
            if let Some(at) = at {
                let mut error = syn::Error::new_spanned(
                    at,
                    format!("`{key}` is for a control people see, and a `hidden` field shows none"),
                );
                error.combine(syn::Error::new_spanned(hidden, "the field is `hidden` here"));
                cx.push(error);
            }
        }
        return;
    }
    if let Some(autocomplete) = &o.autocomplete
        && matches!(kind, Kind::Bool | Kind::File)
    {
        spanned(
            autocomplete,
            format!(
                "`autocomplete` fills in text, a date or a choice, and this field is {}",
                kind.describe()
            ),
        );
    }
    if let Some(placeholder) = &o.placeholder
        && matches!(kind, Kind::Bool | Kind::File | Kind::DateTime)
    {
        spanned(
            placeholder,
            format!("`placeholder` shows in typed text or a number, and this field is {}", kind.describe()),
        );
    }
    if let Some(inputmode) = &o.inputmode
        && matches!(kind, Kind::Bool | Kind::File | Kind::DateTime)
    {
        spanned(
            inputmode,
            format!("`inputmode` chooses the keyboard for typed text, and this field is {}", kind.describe()),
        );
    }
    // A choice's radios take neither: browsers fill in and type only text, dates and selects.
    if let Some(radio) = &o.radio {
        let typed: [(&str, Option<&LitStr>); 2] =
            [("autocomplete", o.autocomplete.as_ref()), ("inputmode", o.inputmode.as_ref())];
        for (key, at) in typed {
            if let Some(at) = at {
                let mut error = syn::Error::new_spanned(
                    at,
                    format!(
                        "`{key}` does not apply to radio buttons: browsers ignore it there; remove `{key}`, or `radio` for a `<select>`"
                    ),
                );
                error.combine(syn::Error::new_spanned(radio, "the field is `radio` here"));
                cx.push(error);
            }
        }
    }
    if let Some(readonly) = &o.readonly {
        let problem = match kind {
            Kind::Bool => Some(
                "a checkbox (`bool`): browsers let a `readonly` box be ticked all the same; use `disabled`",
            ),
            Kind::File => Some("a file: browsers ignore `readonly` on a file input; use `disabled`"),
            _ if o.radio.is_some() || o.select.is_some() => {
                Some("a choice: browsers ignore `readonly` on radios and selects; use `disabled`")
            }
            _ => None,
        };
        if let Some(problem) = problem {
            spanned(readonly, format!("`readonly` is for typed values, and this field is {problem}"));
        }
    }
    if let Some(input) = &o.input {
        if !matches!(kind, Kind::Text | Kind::Other) {
            spanned(
                input,
                format!(
                    "`input` chooses among `text`, `tel`, `search` and `color` for a text field, and this field is {}: its type chooses its control",
                    kind.describe()
                ),
            );
        }
        let options: [(&str, Option<&Path>); 4] = [
            ("secret", o.secret.as_ref()),
            ("textarea", o.textarea.as_ref()),
            ("radio", o.radio.as_ref()),
            ("select", o.select.as_ref()),
        ];
        for (key, at) in options {
            if let Some(at) = at {
                let mut error = syn::Error::new_spanned(
                    input,
                    format!("`input` and `{key}` both choose the control: keep one"),
                );
                error.combine(syn::Error::new_spanned(at, format!("`{key}` is here")));
                cx.push(error);
            }
        }
        for rule in &field.rules {
            if let RuleKind::Email | RuleKind::Url = rule.kind {
                let name = rule.key.get_ident().map(ToString::to_string).unwrap_or_default();
                let mut error = syn::Error::new_spanned(
                    input,
                    format!(
                        "`input = \"{}\"` and `{name}` both choose the input type: `{name}` gives `type=\"{name}\"`; keep one",
                        input.value()
                    ),
                );
                error.combine(syn::Error::new_spanned(&rule.key, format!("`{name}` is here")));
                cx.push(error);
            }
        }
    }
    if let Some(disabled) = &o.disabled {
        // Browsers never send a disabled control, so the server reads nothing for it: the field
        // takes its default, which must exist.
        let has_default =
            o.default.is_some() || field.kind.optional || matches!(kind, Kind::Bool | Kind::List);
        if !has_default {
            spanned(
                disabled,
                "a `disabled` field is never sent by browsers, so the server takes its default: give it `default` or `default = ...`, or make it an `Option`".to_owned(),
            );
        }
        for rule in &field.rules {
            if let RuleKind::Required = rule.kind {
                let mut error = syn::Error::new_spanned(
                    &rule.key,
                    "a `disabled` field is never sent by browsers, so it can never be `required`",
                );
                error.combine(syn::Error::new_spanned(disabled, "the field is `disabled` here"));
                cx.push(error);
            }
        }
        // Nobody types into it, and nothing of it is sent: the server has nothing to answer.
        if let Some(live) = &o.live {
            let mut error = syn::Error::new_spanned(
                live,
                "`live` asks the server about what the user types, and nobody types into a `disabled` field",
            );
            error.combine(syn::Error::new_spanned(disabled, "the field is `disabled` here"));
            cx.push(error);
        }
    }
}
