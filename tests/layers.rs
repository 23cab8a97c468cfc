//! The layers of `runtime/src` and `macros/src`, read from the code's own imports and checked
//! against the tables of `ARCHITECTURE.md`: every module imports only modules of a lower layer, so
//! there is no import circle and no import from a lower layer back up to a higher one.
//!
//! A module is a file or a folder of `src` (`runtime/src/decode/` is one module, `decode`); in
//! `macros/src` each file of a macro's folder is a module of its own (`form/attr`). An import is any
//! `crate::x`, `super::x` or `use crate::{x, ...}` outside comments and `#[cfg(test)]` items; a name
//! the crate root re-exports (`crate::FormData`) counts as the module that defines it. Files named
//! `tests.rs` hold unit tests and are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules of each layer, lowest first, from the table under `heading` in `markdown`: each
/// row's second column lists its modules in backticks.
fn layers(markdown: &str, heading: &str) -> Vec<Vec<String>> {
    let section = markdown
        .split("\n## ")
        .find(|section| section.starts_with(heading))
        .unwrap_or_else(|| panic!("ARCHITECTURE.md has no section `## {heading}`"));
    section
        .lines()
        .filter(|line| line.starts_with('|') && !line.starts_with("|---") && !line.starts_with("| layer"))
        .map(|row| {
            let modules = row.split('|').nth(2).unwrap_or_default();
            modules.split('`').skip(1).step_by(2).map(str::to_owned).collect()
        })
        .collect()
}

/// How a crate's files are grouped into modules.
#[derive(Clone, Copy)]
enum Grouping {
    /// A top-level file or folder is one module (`decode/multipart.rs` is `decode`).
    TopLevel,
    /// Every file is a module (`form/attr.rs` is `form/attr`, `form/mod.rs` is `form`).
    Files,
}

/// The module path of a file relative to `src`: `decode/multipart.rs` is `["decode",
/// "multipart"]`, `decode/mod.rs` is `["decode"]`, `lib.rs` is `[]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut path: Vec<String> =
        relative.with_extension("").iter().map(|part| part.to_string_lossy().into_owned()).collect();
    if matches!(path.last().map(String::as_str), Some("mod" | "lib")) {
        path.pop();
    }
    path
}

/// The module a module path belongs to, under `grouping`; `lib` for the crate root.
fn module_of(path: &[String], grouping: Grouping, known: &BTreeSet<String>) -> String {
    match grouping {
        TopLevel => path.first().cloned().unwrap_or_else(|| "lib".to_owned()),
        Files => {
            // The longest prefix that is a module (an item of `form/mod.rs` belongs to `form`).
            (1..=path.len())
                .rev()
                .map(|len| path[..len].join("/"))
                .find(|candidate| known.contains(candidate))
                .unwrap_or_else(|| "lib".to_owned())
        }
    }
}

use Grouping::{Files, TopLevel};

/// `code` without comments, string contents and `#[cfg(test)]` items.
fn code_only(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &code[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |end| end + 2);
        } else if rest.starts_with("#[cfg(test)]") {
            // Skip the attribute and the item after it: up to its `;`, or its braces' end.
            let mut depth = 0usize;
            let mut j = "#[cfg(test)]".len();
            let item = rest.as_bytes();
            while j < item.len() {
                match item[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            j += 1;
                            break;
                        }
                    }
                    b';' if depth == 0 => {
                        j += 1;
                        break;
                    }
                    _ => {}
                }
                j += 1;
            }
            i += j;
        } else if let Some(len) = raw_string(rest) {
            out.push_str("\"\"");
            i += len;
        } else if rest.starts_with('"') {
            // A string's contents are not code: skip to its closing quote.
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            out.push_str("\"\"");
            i += j + 1;
        } else if let Some(len) = char_literal(rest) {
            out.push_str("' '");
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The length of the raw string literal `code` starts with (`r"..."`, `r#"..."#`), if it does.
fn raw_string(code: &str) -> Option<usize> {
    let rest = code.strip_prefix('r')?;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    let body = rest[hashes..].strip_prefix('"')?;
    let end = "\"".to_owned() + &"#".repeat(hashes);
    Some(1 + hashes + 1 + body.find(&end)? + end.len())
}

/// The length of the character literal `code` starts with (`'x'`, `'"'`, `'\''`, `'\u{7f}'`), if it
/// does; a lifetime (`'a`) is none.
fn char_literal(code: &str) -> Option<usize> {
    let rest = code.strip_prefix('\'')?;
    if let Some(escaped) = rest.strip_prefix('\\') {
        // The escape's first character, then up to the closing quote.
        let skip = escaped.chars().next()?.len_utf8();
        return Some(2 + skip + escaped[skip..].find('\'')? + 1);
    }
    let c = rest.chars().next()?;
    rest[c.len_utf8()..].starts_with('\'').then_some(1 + c.len_utf8() + 1)
}

/// The first path segment after each `crate::` and `super::` in `code`, and each top-level name of
/// a `use crate::{...}` group, as `(is_super, name)`.
fn imported_names(code: &str) -> Vec<(bool, String)> {
    let ident = |text: &str| -> String {
        text.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
    };
    let mut names = Vec::new();
    for (prefix, is_super) in [("crate::", false), ("super::", true)] {
        for (at, _) in code.match_indices(prefix) {
            // `$crate::` and `a::crate` are not this crate's paths.
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if before.is_ascii_alphanumeric() || before == '_' || before == '$' || before == ':' {
                continue;
            }
            let rest = code[at + prefix.len()..].trim_start();
            if let Some(group) = rest.strip_prefix('{') {
                // Top-level names of the group: split at commas outside nested braces.
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            names.push((is_super, ident(group[start..i].trim_start())));
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            names.push((is_super, ident(group[start..i].trim_start())));
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
            } else {
                names.push((is_super, ident(rest)));
            }
        }
    }
    names.retain(|(_, name)| !name.is_empty() && name != "self");
    names
}

/// What a crate root re-exports: `pub use module::{A, B}` and `pub use module::A` in `lib.rs`, as
/// name to module.
fn root_exports(lib: &str) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    for statement in code_only(lib).split(';') {
        let statement = statement.trim();
        let Some(path) = statement.strip_prefix("pub use ") else { continue };
        let Some((module, items)) = path.split_once("::") else { continue };
        let items = items.trim().trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.split(" as ").last().unwrap_or(item).trim();
            let name = name.rsplit("::").next().unwrap_or(name);
            if !name.is_empty() {
                exports.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    exports
}

/// Every module of a crate and the modules it imports: `files` maps a path relative to `src`
/// to its source.
fn imports(files: &BTreeMap<PathBuf, String>, grouping: Grouping) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<String> = files.keys().map(|file| module_path(file).join("/")).collect();
    let mut exports = files.get(Path::new("lib.rs")).map(|lib| root_exports(lib)).unwrap_or_default();
    // Only this crate's modules (not `pub use std::...`, nor `__private`'s `pub use crate::...`).
    exports.retain(|_, module| known.contains(module));
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, source) in files {
        let path = module_path(file);
        let module = module_of(&path, grouping, &known);
        let mut targets = BTreeSet::new();
        for (is_super, name) in imported_names(&code_only(source)) {
            let mut target_path: Vec<String> = if is_super {
                // `super` of a file's module: its parent (`mod.rs` is the folder's module itself).
                path[..path.len().saturating_sub(1)].to_vec()
            } else {
                Vec::new()
            };
            if target_path.is_empty() && !known.contains(&name) {
                // A name of the crate root: the module that defines it, when it re-exports one.
                match exports.get(&name) {
                    Some(defined_in) => target_path.push(defined_in.clone()),
                    None => continue,
                }
            } else {
                target_path.push(name);
            }
            let target = module_of(&target_path, grouping, &known);
            if target != module {
                targets.insert(target);
            }
        }
        graph.entry(module).or_default().extend(targets);
    }
    graph
}

/// Every import that breaks the layers: to a module of the same layer or a higher one, from or to
/// a module in no layer. The crate root (`lib`) sits above every layer.
fn violations(layers: &[Vec<String>], graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let layer_of = |module: &str| {
        if module == "lib" {
            return Some(usize::MAX);
        }
        layers.iter().position(|layer| layer.iter().any(|m| m == module))
    };
    let mut found = Vec::new();
    for (module, targets) in graph {
        let Some(from) = layer_of(module) else {
            found.push(format!("`{module}` is in no layer"));
            continue;
        };
        for target in targets {
            match layer_of(target) {
                None => found.push(format!("`{module}` imports `{target}`, which is in no layer")),
                Some(to) if to >= from => found.push(format!(
                    "`{module}` (layer {from}) imports `{target}` (layer {to}): only lower layers may be imported"
                )),
                Some(_) => {}
            }
        }
    }
    found
}

/// Every `.rs` file below `src`, by its path relative to `src`.
fn sources(src: &Path) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") && !path.ends_with("tests.rs") {
                // `tests.rs` files are test modules (`#[cfg(test)] mod tests;`), not imports.
                let relative = path.strip_prefix(src).expect("below src").to_path_buf();
                files.insert(relative, std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    files
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_path_buf()
}

fn check(crate_dir: &str, grouping: Grouping) {
    let root = workspace();
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let heading = format!("`{crate_dir}/src`");
    let layers = layers(&architecture, &heading);
    assert!(!layers.is_empty(), "no layers under {heading}");
    let graph = imports(&sources(&root.join(crate_dir).join("src")), grouping);
    let found = violations(&layers, &graph);
    assert!(found.is_empty(), "{crate_dir}/src breaks its layers (ARCHITECTURE.md):\n{}", found.join("\n"));
}

#[test]
fn the_macros_import_only_lower_layers() {
    check("macros", Files);
}

#[test]
fn the_runtime_imports_only_lower_layers() {
    check("runtime", TopLevel);
}

/// The check itself: a module that imports one of a higher layer is found, in each way an import
/// is written; comments, strings and tests are not imports.
#[test]
fn a_back_import_is_found() {
    let crate_of = |files: &[(&str, &str)]| -> BTreeMap<PathBuf, String> {
        files.iter().map(|(path, code)| (PathBuf::from(path), (*code).to_owned())).collect()
    };
    let layers = vec![vec!["low".to_owned(), "other".to_owned()], vec!["high".to_owned()]];
    let clean = crate_of(&[
        ("lib.rs", "mod low; mod high; pub use high::Shown;"),
        (
            "low.rs",
            "// crate::high is named in a comment\nconst A: &str = \"crate::high\";\n#[cfg(test)]\nmod tests { use crate::high::X; }",
        ),
        ("high/mod.rs", "use crate::low::Y; use super::Shown; mod inner;"),
        ("high/inner.rs", "use super::Z; use crate::{low, other::W};"),
        ("other.rs", "fn f() {}"),
    ]);
    assert_eq!(violations(&layers, &imports(&clean, TopLevel)), Vec::<String>::new());
    for back in [
        "use crate::high::X;",
        "use crate::{high::{a, b}};",
        "fn f() { crate::high::g() }",
        "use crate::Shown;",
        "fn f(_: crate::Shown) {}",
    ] {
        let mut files = clean.clone();
        files.insert(PathBuf::from("low.rs"), back.to_owned());
        let found = violations(&layers, &imports(&files, TopLevel));
        assert_eq!(found.len(), 1, "{back}: {found:?}");
        assert!(found[0].starts_with("`low` (layer 0) imports"), "{back}: {found:?}");
    }
    // Within one layer, too.
    let mut files = clean.clone();
    files.insert(PathBuf::from("other.rs"), "fn f() { crate::low::g() }".to_owned());
    assert_eq!(violations(&layers, &imports(&files, TopLevel)).len(), 1);
    // Per file, `super::x` is a sibling.
    let macros = crate_of(&[
        ("lib.rs", "mod form;"),
        ("form/mod.rs", "mod attr; mod ast;"),
        ("form/attr.rs", "use super::ast::Model;"),
        ("form/ast.rs", "use super::attr::Options;"),
    ]);
    let layers = vec![vec!["form/attr".to_owned()], vec!["form/ast".to_owned()], vec!["form".to_owned()]];
    let found = violations(&layers, &imports(&macros, Files));
    assert_eq!(
        found,
        ["`form/attr` (layer 0) imports `form/ast` (layer 1): only lower layers may be imported"]
    );
}
