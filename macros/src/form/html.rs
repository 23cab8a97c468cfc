//! What HTML allows in the attributes `#[field(...)]` sets: the `autocomplete` tokens (the HTML
//! standard's autofill detail tokens), the `inputmode` values, the input types a text field may
//! take, the names of `data-*` and `aria-*` attributes. Checked while compiling, so a misspelt
//! token is an error at the user's string, not a control the browser silently ignores.

/// Autofill field names that stand alone (no `home`/`work`/... before them).
const FIELD_NAMES: &[&str] = &[
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "username",
    "new-password",
    "current-password",
    "one-time-code",
    "organization-title",
    "organization",
    "street-address",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level4",
    "address-level3",
    "address-level2",
    "address-level1",
    "country",
    "country-name",
    "postal-code",
    "cc-name",
    "cc-given-name",
    "cc-additional-name",
    "cc-family-name",
    "cc-number",
    "cc-exp",
    "cc-exp-month",
    "cc-exp-year",
    "cc-csc",
    "cc-type",
    "transaction-currency",
    "transaction-amount",
    "language",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "photo",
];

/// Autofill field names of a way to reach someone, which `home`, `work`, ... may precede.
const CONTACT_NAMES: &[&str] = &[
    "tel",
    "tel-country-code",
    "tel-national",
    "tel-area-code",
    "tel-local",
    "tel-local-prefix",
    "tel-local-suffix",
    "tel-extension",
    "email",
    "impp",
];

const HINTS: &[&str] = &["home", "work", "mobile", "fax", "pager"];

const ADDRESS_KINDS: &[&str] = &["shipping", "billing"];

/// Every token, for suggestions.
fn every_token() -> Vec<&'static str> {
    let mut all = vec!["on", "off", "webauthn"];
    all.extend(FIELD_NAMES);
    all.extend(CONTACT_NAMES);
    all.extend(HINTS);
    all.extend(ADDRESS_KINDS);
    all
}

/// Checks `value` as the HTML standard's autofill detail tokens: `on`, `off`, or an optional
/// `section-*`, an optional `shipping`/`billing`, then a field name (or an optional
/// `home`/`work`/`mobile`/`fax`/`pager` and a contact field name), then an optional `webauthn`.
/// Tokens are compared without regard to ASCII case, as browsers do. The error is what to say.
pub(crate) fn check_autocomplete(value: &str) -> Result<(), String> {
    let lower = value.to_ascii_lowercase();
    let tokens: Vec<&str> = lower.split_ascii_whitespace().collect();
    let fail = |message: String| Err(message);
    let grammar = "write an optional `section-*`, an optional `shipping` or `billing`, an optional `home`, `work`, `mobile`, `fax` or `pager` before a contact field (`tel`, `email`, `impp`...), one field name such as `email` or `street-address`, and an optional `webauthn`; or `on` or `off`";
    match tokens.as_slice() {
        [] => return fail(format!("`autocomplete` needs a token: {grammar}")),
        ["on" | "off"] => return Ok(()),
        _ => {}
    }
    // An unknown token first: the most likely mistake is a typo.
    let all = every_token();
    for token in &tokens {
        if token.starts_with("section-") && token.len() > "section-".len() {
            continue;
        }
        if !all.contains(token) {
            let message = match crate::attrs::closest(token, &all) {
                Some(close) => format!("unknown autocomplete token `{token}`; did you mean `{close}`?"),
                None => format!("unknown autocomplete token `{token}`: {grammar}"),
            };
            return fail(message);
        }
    }
    let mut rest = tokens.as_slice();
    if let [first, more @ ..] = rest
        && first.starts_with("section-")
    {
        rest = more;
    }
    if let [first, more @ ..] = rest
        && ADDRESS_KINDS.contains(first)
    {
        rest = more;
    }
    if let [last @ .., "webauthn"] = rest {
        rest = last;
    }
    let ok = match rest {
        [name] => FIELD_NAMES.contains(name) || CONTACT_NAMES.contains(name),
        [hint, name] => HINTS.contains(hint) && CONTACT_NAMES.contains(name),
        _ => false,
    };
    if ok {
        return Ok(());
    }
    if tokens.iter().any(|token| matches!(*token, "on" | "off")) {
        return fail(format!(
            "`on` and `off` stand alone in `autocomplete`, never with other tokens: {grammar}"
        ));
    }
    if let [hint, name] = rest
        && HINTS.contains(hint)
        && FIELD_NAMES.contains(name)
    {
        return fail(format!(
            "`{hint}` goes only before a contact field (`tel`, `email`, `impp`...), and `{name}` is not one"
        ));
    }
    fail(format!("`{value}` is not in the order HTML reads it: {grammar}"))
}

/// The values of `inputmode`.
pub(crate) const INPUT_MODES: &[&str] =
    &["none", "text", "decimal", "numeric", "tel", "search", "email", "url"];

/// The input types a text field may be given with `input = "..."`: those that hold any text the
/// field's rules accept. `email` and `url` come with their rule, `password` with `secret`.
pub(crate) const TEXT_INPUT_TYPES: &[&str] = &["text", "tel", "search", "color"];

/// Why another input type cannot be given with `input`, and what to write instead.
pub(crate) fn other_input_type(value: &str) -> String {
    match value {
        "email" | "url" => format!(
            "`input = \"{value}\"` comes with the rule: write `#[validate({value})]`, which gives `type=\"{value}\"` and checks the value on the server too"
        ),
        "password" => "`input = \"password\"` comes with `secret`: write `#[field(secret)]`, which also keeps the value out of pages and logs".to_owned(),
        "hidden" => "`input = \"hidden\"` comes with `hidden`: write `#[field(hidden)]`".to_owned(),
        "number" | "range" | "date" | "month" | "week" | "time" | "datetime-local" | "checkbox" | "radio" | "file" => format!(
            "`input = \"{value}\"` follows from the field's type, not from an option: a number is `u32`, `f64` or `Decimal`, a date `time::Date`, a checkbox `bool`, a choice a `#[form]` enum, a file `UploadedFile`"
        ),
        "submit" | "image" | "reset" | "button" => format!("`input = \"{value}\"` is a button, not a field"),
        _ => {
            let known = [
                TEXT_INPUT_TYPES,
                &["email", "url", "password", "hidden", "number", "range", "date", "month", "week", "time", "datetime-local", "checkbox", "radio", "file"],
            ]
            .concat();
            match crate::attrs::closest(value, &known) {
                Some(close) => format!("unknown input type `{value}`; did you mean `{close}`?"),
                None => format!("unknown input type `{value}`; a text field takes one of: {}", TEXT_INPUT_TYPES.join(", ")),
            }
        }
    }
}

/// The WAI-ARIA 1.2 states and properties, without the `aria-` prefix, that `aria(...)` may set:
/// `aria-invalid`, `aria-required` and `aria-describedby` are not here, since the rendering sets
/// the first from the field's errors, the `required` attribute says the second, and
/// `describedby` is read on its own (its ids come before the help's and the errors').
pub(crate) const ARIA_NAMES: &[&str] = &[
    "activedescendant",
    "atomic",
    "autocomplete",
    "braillelabel",
    "brailleroledescription",
    "busy",
    "checked",
    "colcount",
    "colindex",
    "colindextext",
    "colspan",
    "controls",
    "current",
    "description",
    "details",
    "disabled",
    "errormessage",
    "expanded",
    "flowto",
    "haspopup",
    "hidden",
    "keyshortcuts",
    "label",
    "labelledby",
    "level",
    "live",
    "modal",
    "multiline",
    "multiselectable",
    "orientation",
    "owns",
    "placeholder",
    "posinset",
    "pressed",
    "readonly",
    "relevant",
    "roledescription",
    "rowcount",
    "rowindex",
    "rowindextext",
    "rowspan",
    "selected",
    "setsize",
    "sort",
    "valuemax",
    "valuemin",
    "valuenow",
    "valuetext",
];

/// Why a `data(...)` name cannot be a `data-*` attribute, if it cannot: the name is written with
/// `_` for `-` (`test_id` is `data-test-id`), and HTML wants lowercase with no `-` at either end.
pub(crate) fn data_name_problem(name: &str) -> Option<String> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        // `testId` meant `data-test-id`: each capital starts a word.
        let mut snake = String::new();
        for c in name.chars() {
            if c.is_ascii_uppercase() && !snake.is_empty() && !snake.ends_with('_') {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        return Some(format!(
            "`data-*` names are lowercase in HTML, with `_` for `-`: write `{snake}` for `data-{}`",
            snake.replace('_', "-")
        ));
    }
    if !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Some(format!(
            "`{name}` cannot be a `data-*` name: use ASCII letters, digits and `_` (written `-`)"
        ));
    }
    if name.starts_with('_') || name.ends_with('_') || name.contains("__") {
        return Some(format!(
            "`{name}` cannot be a `data-*` name: each `_` is written `-`, so start and end with a letter or digit, with one `_` between words"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autocomplete_tokens() {
        for ok in [
            "on",
            "off",
            "email",
            "EMAIL",
            "shipping street-address",
            "section-blue billing postal-code",
            "work email",
            "section-a shipping mobile tel webauthn",
            "username webauthn",
            "one-time-code",
        ] {
            assert!(check_autocomplete(ok).is_ok(), "{ok}");
        }
        let message = |value: &str| check_autocomplete(value).err().unwrap_or_default();
        assert_eq!(message("emial"), "unknown autocomplete token `emial`; did you mean `email`?");
        assert!(message("on email").contains("stand alone"));
        assert!(message("home name").contains("`home` goes only before a contact field"));
        assert!(message("email shipping").contains("not in the order"));
        assert!(message("").contains("needs a token"));
        assert!(message("section- email").contains("unknown autocomplete token `section-`"));
    }

    #[test]
    fn data_names() {
        assert_eq!(data_name_problem("test_id"), None);
        assert!(
            data_name_problem("testId")
                .is_some_and(|problem| problem.contains("`test_id` for `data-test-id`"))
        );
        assert!(data_name_problem("_x").is_some());
        assert!(data_name_problem("a__b").is_some());
        assert!(data_name_problem("é").is_some());
    }
}
