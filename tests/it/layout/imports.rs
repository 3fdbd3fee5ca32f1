//! The file-level import graph: file A depends on file B when A's code names a path that
//! resolves into B's module: a `use` tree (braces, `self`, globs, `as`), or a qualified path
//! in code (`crate::x::f()`, `super::T`, `child::g()`). A path stops at the deepest module
//! that is a file of its own, so `crate::x::Foo` (an item of `x/mod.rs`) leads to `x/mod.rs`,
//! and `crate::x::y::f` to `x/y.rs`. Declaring a child (`mod y;`) is not an import.

use std::collections::{BTreeMap, BTreeSet};

/// The crates whose files the graph covers, by the name code calls them.
const LIB: &str = "session_inspector";
const SIM: &str = "sessions_simulator";

/// The module path of a source file, its crate's name first: `src/record/scan.rs` is
/// `session_inspector::record::scan`; `src/main.rs` is the binary's root, `main`.
pub fn module_of(path: &str) -> Vec<String> {
    let (krate, rest) = if let Some(rest) = path.strip_prefix("crates/simulator/src/") {
        (SIM, rest)
    } else if path == "src/main.rs" {
        return vec!["main".into()];
    } else {
        (LIB, path.strip_prefix("src/").unwrap())
    };
    let mut module = vec![krate.to_string()];
    let rest = rest.trim_end_matches(".rs");
    for part in rest.split('/') {
        if !matches!(part, "lib" | "mod") {
            module.push(part.to_string());
        }
    }
    module
}

/// `text` with comments and the insides of string and character literals made blank, so a
/// path in a doc comment or a message is not an import. Line breaks stay.
pub fn blank(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |k: usize| c.get(k).copied();
    let ident = |k: usize| k > 0 && (c[k - 1].is_alphanumeric() || c[k - 1] == '_');
    let space = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    while i < c.len() {
        if c[i] == '/' && at(i + 1) == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && at(i + 1) == Some('*') {
            let mut depth = 0;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '/' && at(i + 1) == Some('*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == Some('/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(space(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == 'r' && !ident(i) && matches!(at(i + 1), Some('#' | '"')) {
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            if c.get(i + 1 + hashes) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            out.push('"');
            while i < c.len() {
                if c[i] == '"'
                    && c[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == '#')
                        .count()
                        == hashes
                {
                    i += 1 + hashes;
                    break;
                }
                out.push(space(c[i]));
                i += 1;
            }
            out.push('"');
        } else if c[i] == '"'
            || (c[i] == '\'' && (at(i + 1) == Some('\\') || at(i + 2) == Some('\'')))
        {
            // A string, or a character literal ('a', '\n', '\u{1F}'); a lifetime ('a) has no
            // closing quote.
            let quote = c[i];
            out.push(quote);
            i += 1;
            while i < c.len() && c[i] != quote {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    out.push(space(c[i]));
                    i += 1;
                }
            }
            out.push(quote);
            i += 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The paths a `use` tree names, each whole: `super::{a, b::{self, C}, *}` is `super::a`,
/// `super::b`, `super::b::C` and `super`.
pub fn use_paths(tree: &str) -> Vec<Vec<String>> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut chars = tree.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch.is_alphanumeric() || ch == '_' || ch == '$' {
            word.push(ch);
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        match ch {
            ':' if chars.peek() == Some(&':') => {
                chars.next();
                tokens.push("::".into());
            }
            '{' | '}' | ',' | '*' => tokens.push(ch.to_string()),
            _ => {}
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut out = Vec::new();
    let mut i = 0;
    expand(&tokens, &mut i, Vec::new(), &mut out);
    out
}

fn expand(tokens: &[String], i: &mut usize, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    while *i < tokens.len() {
        let token = tokens[*i].as_str();
        *i += 1;
        match token {
            "::" => {}
            "*" => break,
            "{" => {
                while *i < tokens.len() && tokens[*i] != "}" {
                    if tokens[*i] == "," {
                        *i += 1;
                        continue;
                    }
                    expand(tokens, i, prefix.clone(), out);
                }
                *i += 1;
                return;
            }
            "self" if !prefix.is_empty() => break,
            word => {
                prefix.push(word.to_string());
                if tokens.get(*i).map(String::as_str) == Some("as") {
                    *i += 2;
                }
                if tokens.get(*i).map(String::as_str) != Some("::") {
                    break;
                }
            }
        }
    }
    out.push(prefix);
}

/// The file that `path`, named in module `here`, leads into; `None` for another crate's
/// (std's, a dependency's) or a name this resolver does not know.
pub fn resolve(
    files: &BTreeMap<Vec<String>, String>,
    here: &[String],
    path: &[String],
) -> Option<String> {
    let mut module: Vec<String> = here.to_vec();
    let mut segs = path.iter().peekable();
    match segs.peek().map(|s| s.as_str())? {
        "crate" | "$crate" => {
            module.truncate(1);
            segs.next();
        }
        "self" => {
            segs.next();
        }
        "super" => {
            while segs.peek().is_some_and(|s| *s == "super") {
                module.pop();
                segs.next();
            }
        }
        name if name == LIB || name == SIM => {
            module = vec![name.to_string()];
            segs.next();
        }
        name => {
            let mut child = module.clone();
            child.push(name.to_string());
            if !files.contains_key(&child) {
                return None;
            }
        }
    }
    for seg in segs {
        module.push(seg.clone());
        if !files.contains_key(&module) {
            module.pop();
            break;
        }
    }
    // An inline module (`mod with { .. }`) lives in the file of its nearest file module.
    while !module.is_empty() {
        if let Some(file) = files.get(&module) {
            return Some(file.clone());
        }
        module.pop();
    }
    None
}

/// The inline modules of a blanked file (`mod with { .. }`), each with its name and the
/// range of its braces.
fn inline_modules(code: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let head = regex_lite::Regex::new(r"\bmod\s+([a-z_][a-z0-9_]*)\s*\{").unwrap();
    let bytes = code.as_bytes();
    head.captures_iter(code)
        .map(|c| {
            let whole = c.get(0).unwrap();
            let mut depth = 0;
            let mut end = whole.end() - 1;
            for (k, b) in bytes.iter().enumerate().skip(whole.end() - 1) {
                match b {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = k;
                    break;
                }
            }
            (c[1].to_string(), whole.end()..end)
        })
        .collect()
}

/// Each file's imports: the other files its code names paths into.
pub fn graph(sources: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeMap<Vec<String>, String> = sources
        .iter()
        .map(|(p, _)| (module_of(p), p.clone()))
        .collect();
    let use_stmt = regex_lite::Regex::new(r"\buse\s+([^;]*);").unwrap();
    let qualified =
        regex_lite::Regex::new(r"\b[a-z_$][a-z0-9_]*(\s*::\s*[A-Za-z_][A-Za-z0-9_]*)+").unwrap();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources {
        let code = blank(super::code(text));
        let inline = inline_modules(&code);
        let module_at = |at: usize| {
            let mut here = module_of(path);
            here.extend(
                inline
                    .iter()
                    .filter(|(_, r)| r.contains(&at))
                    .map(|(n, _)| n.clone()),
            );
            here
        };
        let mut named: Vec<(usize, Vec<String>)> = Vec::new();
        for c in use_stmt.captures_iter(&code) {
            let at = c.get(0).unwrap().start();
            named.extend(use_paths(&c[1]).into_iter().map(|p| (at, p)));
        }
        let rest = use_stmt.replace_all(&code, |c: &regex_lite::Captures| " ".repeat(c[0].len()));
        for m in qualified.find_iter(&rest) {
            let segs = m
                .as_str()
                .split("::")
                .map(|s| s.trim().to_string())
                .collect();
            named.push((m.start(), segs));
        }
        let entry = deps.entry(path.clone()).or_default();
        for (at, segs) in named {
            if let Some(to) = resolve(&files, &module_at(at), &segs) {
                if &to != path {
                    entry.insert(to);
                }
            }
        }
    }
    deps
}

/// The circles of the graph: each set of two or more files that reach one another.
pub fn circles(deps: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(m) = stack.pop() {
            for d in deps.get(&m).into_iter().flatten() {
                if seen.insert(d.clone()) {
                    stack.push(d.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> = deps.keys().map(|k| (k, reach(k))).collect();
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for (from, seen) in &reached {
        let circle: BTreeSet<String> = seen
            .iter()
            .filter(|to| reached.get(to).is_some_and(|back| back.contains(*from)))
            .cloned()
            .collect();
        if circle.len() > 1 && !found.contains(&circle) {
            found.push(circle);
        }
    }
    found
}
