//! Small text helpers for what browsers and clients send: header values, names and values of a
//! submission. Plain functions on `str` and bytes, used at every stage of a request.

/// Whether `a` and `b` are the same ASCII text but for case: compared as they are first, since
/// what is compared (a header's value against a name) is usually written in the same case, and
/// a plain comparison takes whole words where the other goes byte by byte.
pub(crate) fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a == b || a.eq_ignore_ascii_case(b)
}

/// `text` without the whitespace at its ends, as [`str::trim`] gives it; at once when both ends
/// are visible ASCII, as in what browsers send, where trimming finds nothing to take (it decodes
/// characters at both ends otherwise).
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_graphic) && bytes.last().is_some_and(u8::is_ascii_graphic) {
        text
    } else {
        text.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_eq_ignore_case_answer_as_the_standard_library() {
        let texts = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta b\n",
            "\u{a0}x\u{a0}",
            "\u{3000}",
            "x\u{2003}",
            "é",
            " é ",
            "a;b",
        ];
        for text in texts {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            for other in texts {
                assert_eq!(
                    eq_ignore_case(text.as_bytes(), other.as_bytes()),
                    text.eq_ignore_ascii_case(other),
                    "{text:?} {other:?}"
                );
            }
        }
        assert!(eq_ignore_case(b"Multipart/Form-Data", b"multipart/form-data"));
        assert!(!eq_ignore_case(b"multipart/form-datA ", b"multipart/form-data"));
    }
}
