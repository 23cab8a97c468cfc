//! Checks on the built model, across attributes and fields: rules that cannot apply to a field's
//! type, options that contradict each other, two fields with one HTML name, `must_match` naming no
//! field, an enum with no choice.

use syn::Ident;

use super::ast::{Form, Input};
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
