//! `Accept-Language` (RFC 9110, 12.5.4) against the languages an app enables: each range the
//! client sent, the preferred first (by `q`, then in the order sent), is matched whole
//! (`pt-BR`), then by its base language (`fr-CA` finds `fr`, `pt` finds `pt-BR`). The first
//! range that finds one wins; none does, and the app's default is used.
//!
//! Written by hand rather than with `fluent-langneg`, whose parser drops the `q` values: a
//! header is a client's text, so it is read within bounds ([`MAX_RANGES`], [`MAX_HEADER`]) and
//! anything that is not a language range (junk, `*`, `q=0`) is skipped, never an error.

/// The most ranges of one request that are looked at: browsers send a handful.
pub(crate) const MAX_RANGES: usize = 32;

/// The most bytes of `Accept-Language` that are read (longer headers are cut there).
pub(crate) const MAX_HEADER: usize = 4096;

/// The ranges of `header` a language can match, the preferred first: at most [`MAX_RANGES`],
/// each with its weight in thousandths. `*`, `q=0` and anything malformed are left out.
pub(crate) fn ranges(header: &str) -> Vec<(&str, u16)> {
    let header = cut(header, MAX_HEADER);
    let mut ranges: Vec<(&str, u16)> = Vec::new();
    for item in header.split(',').take(MAX_RANGES * 2) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let mut weight = 1000;
        for parameter in parts {
            let Some((name, value)) = parameter.split_once('=') else { continue };
            if name.trim().eq_ignore_ascii_case("q") {
                weight = quality(value.trim()).unwrap_or(0);
            }
        }
        if weight == 0 || !is_range(tag) || ranges.iter().any(|(seen, _)| seen.eq_ignore_ascii_case(tag)) {
            continue;
        }
        ranges.push((tag, weight));
        if ranges.len() == MAX_RANGES {
            break;
        }
    }
    // Stable: equal weights keep the order the client sent.
    ranges.sort_by_key(|&(_, weight)| std::cmp::Reverse(weight));
    ranges
}

/// The first `max` bytes of `text`, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A `q` value (`0`, `0.5`, `1.000`) in thousandths; `None` when it is not one.
fn quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction.bytes().chain(std::iter::repeat(b'0')).take(3);
    let fraction = thousandths.fold(0u16, |n, digit| n * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(fraction),
        "1" if fraction == 0 => Some(1000),
        _ => None,
    }
}

/// A language range as RFC 4647 writes one (`de`, `zh-Hant-TW`): subtags of 1 to 8 letters or
/// digits, the first letters only. `*` is not one here: it matches the default anyway.
fn is_range(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 64
        && tag.split('-').enumerate().all(|(i, subtag)| {
            (1..=8).contains(&subtag.len())
                && if i == 0 {
                    subtag.bytes().all(|b| b.is_ascii_alphabetic())
                } else {
                    subtag.bytes().all(|b| b.is_ascii_alphanumeric())
                }
        })
}

/// The base language of a tag: `fr` of `fr-CA`.
pub(crate) fn base(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Whether `tag` asks for Chinese in traditional characters (`zh-TW`, `zh-Hant`, `zh-HK`,
/// `zh-MO`): a reader of those is not sent simplified Chinese for just sharing `zh`.
fn traditional_chinese(tag: &str) -> bool {
    base(tag).eq_ignore_ascii_case("zh")
        && tag.split('-').skip(1).any(|subtag| {
            ["hant", "tw", "hk", "mo"].iter().any(|traditional| subtag.eq_ignore_ascii_case(traditional))
        })
}

/// The place in `available` (tags such as `en`, `pt-BR`) of the language `header` prefers, or
/// `None` when it names none of them.
pub(crate) fn negotiate<'a>(header: &str, available: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
    for (range, _) in ranges(header) {
        if let Some(at) = find(range, available.clone()) {
            return Some(at);
        }
    }
    None
}

/// The place in `available` of the language one range (or a stored choice, such as a cookie's)
/// names: itself, else its base language, else another language of the same base.
pub(crate) fn find<'a>(range: &str, available: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
    let mut tags = available.clone().enumerate();
    if let Some((at, _)) = tags.find(|(_, tag)| tag.eq_ignore_ascii_case(range)) {
        return Some(at);
    }
    let wanted = base(range);
    let mut tags = available.clone().enumerate();
    if let Some((at, _)) = tags.find(|(_, tag)| tag.eq_ignore_ascii_case(wanted)) {
        return Some(at);
    }
    if traditional_chinese(range) {
        return None;
    }
    available.enumerate().find(|(_, tag)| base(tag).eq_ignore_ascii_case(wanted)).map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: [&str; 6] = ["en", "de", "fr", "pt-BR", "zh-CN", "ar"];

    fn pick(header: &str) -> Option<&'static str> {
        negotiate(header, SHIPPED.iter().copied()).map(|at| SHIPPED[at])
    }

    #[test]
    fn weights_then_order_then_base_language() {
        assert_eq!(pick("de"), Some("de"));
        assert_eq!(pick("fr-CA,fr;q=0.9"), Some("fr"));
        assert_eq!(pick("fr-CA"), Some("fr"), "a region finds its base language");
        assert_eq!(pick("xx, de;q=0.1"), Some("de"));
        assert_eq!(pick("de;q=0.5, ar;q=0.8"), Some("ar"), "the weight decides, not the order");
        assert_eq!(pick("ar, de"), Some("ar"), "equal weights keep the order sent");
        assert_eq!(pick("pt"), Some("pt-BR"), "a base language finds one of its regions");
        assert_eq!(pick("PT-br"), Some("pt-BR"), "tags are compared without case");
        assert_eq!(pick("zh"), Some("zh-CN"));
        assert_eq!(pick("zh-TW"), None, "traditional Chinese is not sent simplified");
        assert_eq!(pick("zh-Hant-HK, de;q=0.5"), Some("de"));
        assert_eq!(pick("xx"), None);
        assert_eq!(pick(""), None);
    }

    #[test]
    fn hostile_headers_are_read_within_bounds() {
        assert_eq!(pick("*"), None, "any language: the default");
        assert_eq!(pick("*, de;q=0.5"), Some("de"));
        assert_eq!(pick("de;q=0, fr"), Some("fr"), "q=0 means not this one");
        assert_eq!(pick("de;q=0.000"), None);
        assert_eq!(pick("de;q=2, fr;q=0.5"), Some("fr"), "a q that is no q value counts as 0");
        assert_eq!(pick("de;q=abc"), None);
        assert_eq!(pick("de;q=-1"), None);
        assert_eq!(pick("de;q=0.5;q=1"), Some("de"));
        assert_eq!(pick(";;;,,,=,q=1"), None, "junk");
        assert_eq!(pick("<script>, de"), Some("de"));
        assert_eq!(pick("d\u{e9}, \u{1F600}, ar"), Some("ar"), "not ASCII");
        assert_eq!(pick("deutsch-is-a-very-long-subtag, ar"), Some("ar"));
        assert_eq!(pick("de, de, de;q=0.1, fr"), Some("de"), "duplicates");
        assert_eq!(ranges("de, DE, de;q=0.1").len(), 1, "a duplicate is counted once");
        let huge = vec!["xx"; 100_000].join(",") + ",de";
        assert_eq!(pick(&huge), None, "past the bounds nothing more is read");
        let many: String = (0..1000).map(|i| format!("x{i:03}, ")).collect::<String>() + "de";
        assert!(ranges(&many).len() <= MAX_RANGES);
        assert_eq!(pick(&"é".repeat(5000)), None, "cut at a character boundary");
    }

    #[test]
    fn quality_values() {
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("0.5"), Some(500));
        assert_eq!(quality("0.123"), Some(123));
        assert_eq!(quality("0."), Some(0));
        assert_eq!(quality("1.5"), None);
        assert_eq!(quality("0.1234"), None);
        assert_eq!(quality(""), None);
    }
}
