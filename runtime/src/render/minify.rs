//! What the served script does without: spaces beside punctuation, line breaks where no statement
//! ends, `;` before `}`, the parentheses of a lone arrow parameter, `const` (as `let`); all outside string and
//! regular expression literals (about 7% of its gzipped size, which issue 21 caps at 3,000 bytes).
//!
//! Enough for the runtime's own script, written for it: no template literal, no comment after
//! code on a line, a regular expression literal only after one of `(,=:[!&|?{};`.

/// `line`, squeezed onto `out`: without the spaces next to punctuation outside literals (a space
/// between `+` and `+`, or `-` and `-`, stays, as it keeps `a + ++b` what it is), `;` before `}`,
/// `x=>` for `(x) =>`, and `let` for `const`.
pub(crate) fn squeeze(line: &str, out: &mut String) {
    const PUNCTUATION: &str = "{}()[];,:?=<>+-*&|!.";
    let chars: Vec<char> = line.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let last = out.chars().next_back();
        if matches!(c, '"' | '\'') || (c == '/' && last.is_none_or(|l| "(,=:[!&|?{};\n".contains(l))) {
            let end = literal_end(&chars, at);
            out.extend(&chars[at..end]);
            at = end;
            continue;
        }
        // `(x) =>`: the parentheses of a lone parameter go (`x=>`), unless a name comes right
        // before them (`async (x) =>` stays `async(x)=>`).
        if c == '(' && !last.is_some_and(|l| l.is_alphanumeric() || l == '_' || l == '$') {
            let close = chars[at + 1..].iter().position(|&c| c == ')').map(|end| at + 1 + end);
            if let Some(close) = close {
                let name = &chars[at + 1..close];
                let lone =
                    !name.is_empty() && name.iter().all(|&c| c.is_alphanumeric() || c == '_' || c == '$');
                let mut after = close + 1;
                while chars.get(after) == Some(&' ') {
                    after += 1;
                }
                if lone && chars.get(after) == Some(&'=') && chars.get(after + 1) == Some(&'>') {
                    out.extend(name);
                    at = close + 1;
                    continue;
                }
            }
        }
        // `let` for `const`: the same for a program that never assigns a constant again.
        if c == 'c'
            && chars[at..].starts_with(&['c', 'o', 'n', 's', 't', ' '])
            && !last.is_some_and(|l| l.is_alphanumeric() || matches!(l, '_' | '$' | '.'))
        {
            out.push_str("let ");
            at += 6;
            continue;
        }
        // `;}`: the last statement of a block needs no `;`.
        if c == '}' && last == Some(';') {
            out.pop();
        }
        if c == ' ' {
            let next = chars.get(at + 1).copied();
            let joins = matches!((last, next), (Some('+'), Some('+')) | (Some('-'), Some('-')));
            let beside = last.is_some_and(|l| PUNCTUATION.contains(l))
                || next.is_some_and(|n| PUNCTUATION.contains(n));
            if beside && !joins {
                at += 1;
                continue;
            }
        }
        out.push(c);
        at += 1;
    }
}

/// Where the literal opened at `start` (a string or a regular expression with its flags) ends;
/// the line's end when it is not closed.
fn literal_end(chars: &[char], start: usize) -> usize {
    let close = chars[start];
    let mut at = start + 1;
    let mut class = false;
    while let Some(&c) = chars.get(at) {
        match c {
            '\\' => at += 1,
            '[' if close == '/' => class = true,
            ']' if close == '/' => class = false,
            c if c == close && !class => break,
            _ => {}
        }
        at += 1;
    }
    at += 1;
    if close == '/' {
        while chars.get(at).is_some_and(char::is_ascii_alphabetic) {
            at += 1;
        }
    }
    at.min(chars.len())
}

/// Whether the line break between `before` (what was written so far) and the next line `line`
/// can go: `before` ends where an expression or statement must go on (`;`, `{`, `,`, `(`, an
/// operator), or `line` continues one (`}`, `)`, `.`, `?`, `:`).
pub(crate) fn joins(before: &str, line: &str) -> bool {
    let ends = before.ends_with([';', '{', ',', '(', ':', '?'])
        || ["=>", "&&", "||"].iter().any(|op| before.ends_with(op));
    ends || line.starts_with(['}', ')', '.', '?', ':'])
}

#[cfg(test)]
mod tests {
    use super::{joins, squeeze};

    fn squeezed(line: &str) -> String {
        let mut out = String::new();
        squeeze(line, &mut out);
        out
    }

    #[test]
    fn spaces_go_beside_punctuation_only_outside_literals() {
        assert_eq!(squeezed(r#"var a = (b, c) => b + c;"#), "var a=(b,c)=>b+c;");
        assert_eq!(squeezed(r#"x = "a, b = c" + 'd ; e';"#), r#"x="a, b = c"+'d ; e';"#);
        assert_eq!(squeezed(r#"f.id || ("fa-form-" + ++made)"#), r#"f.id||("fa-form-"+ ++made)"#);
        assert_eq!(squeezed(r#"a - --b"#), "a- --b");
        assert_eq!(squeezed(r#"ok && /^https? :$/.test(u) ? a : b"#), r#"ok&&/^https? :$/.test(u)?a:b"#);
        assert_eq!(squeezed(r#"s.replace(/[ /]+ \]/g, " ; ")"#), r#"s.replace(/[ /]+ \]/g," ; ")"#);
        assert_eq!(squeezed(r#"return x in y"#), "return x in y");
        assert_eq!(squeezed(r#"x = "a \" , b""#), r#"x="a \" , b""#);
        assert_eq!(
            squeezed(r#"f((s) => s, async (e) => e, (a, b) => a, g(x))"#),
            "f(s=>s,async(e)=>e,(a,b)=>a,g(x))"
        );
        assert_eq!(squeezed(r#"if (a) { b(); c(); }"#), "if(a){b();c()}");
        assert_eq!(
            squeezed(r#"const a = 1; for (const b of x.const) c(constant, "const d")"#),
            r#"let a=1;for(let b of x.const)c(constant,"const d")"#
        );
        assert_eq!(squeezed(r#"x = "(s) => s;}""#), r#"x="(s) => s;}""#);
    }

    #[test]
    fn line_breaks_go_where_nothing_ends() {
        assert!(joins("const a = 1;", "b()"));
        assert!(joins("if (a) {", "b()"));
        assert!(joins("b()", "}"));
        assert!(joins("x", ".then(y)"));
        assert!(!joins("b()", "c()"), "a statement may end there");
        assert!(!joins("}", "const a = 1"));
    }
}
