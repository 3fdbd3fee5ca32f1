//! The architecture rules of docs/architecture.md, checked on the source tree: vendor code
//! stays in its folders, the layers do not import upwards or in circles, files stay small.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod imports;

/// The registries: the only files outside a vendor folder that name vendor modules (the
/// simulator keeps its vendors' own `simulate` flags in `vendors.rs`).
const REGISTRIES: [&str; 3] = [
    "src/backends/mod.rs",
    "crates/simulator/src/lib.rs",
    "crates/simulator/src/vendors.rs",
];
const MAX_LINES: usize = 500;

/// The vendors' folders: src/backends/<vendor>/.
pub fn vendor_folders() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<String> = std::fs::read_dir(root.join("src/backends"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().to_lowercase())
        .collect();
    found.sort();
    found
}

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    walk(&root.join("crates/simulator/src"), &mut files);
    files.sort();
    let found: Vec<(String, String)> = files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    assert!(found.len() > 40, "found only {} source files", found.len());
    found
}

/// The code without its unit tests, which may reach anywhere.
fn code(text: &str) -> &str {
    text.split("#[cfg(test)]\nmod tests").next().unwrap()
}

#[test]
fn vendor_modules_are_named_only_in_their_folders_and_the_registries() {
    let vendors = vendor_folders();
    assert!(!vendors.is_empty(), "no vendor folder in src/backends");
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        let in_vendor_folder = vendors.iter().any(|v| {
            path.starts_with(&format!("src/backends/{v}/"))
                || path.starts_with(&format!("crates/simulator/src/{v}/"))
        });
        if in_vendor_folder || REGISTRIES.contains(&path.as_str()) {
            continue;
        }
        for v in &vendors {
            if code(&text).contains(&format!("{v}::")) {
                offenders.push(format!("{path} names {v}::"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn top_level_modules_import_without_cycles() {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // The client's modules; the simulator crate imports none of them (Cargo sees to that).
    let files: Vec<(String, String)> = sources()
        .into_iter()
        .filter(|(p, _)| p.starts_with("src/"))
        .collect();
    let module_of = |path: &str| {
        let rest = path.strip_prefix("src/").unwrap();
        rest.split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string()
    };
    let modules: BTreeSet<String> = files.iter().map(|(p, _)| module_of(p)).collect();
    for (path, text) in &files {
        let from = module_of(path);
        for (i, _) in code(text).match_indices("crate::") {
            let name: String = code(text)[i + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name != from && modules.contains(&name) {
                deps.entry(from.clone()).or_default().insert(name);
            }
        }
    }
    for low in ["transport", "paginate"] {
        let bad: Vec<&String> = deps
            .get(low)
            .into_iter()
            .flatten()
            .filter(|d| ["output", "cli", "commands", "settings", "backends"].contains(&d.as_str()))
            .collect();
        assert!(bad.is_empty(), "{low} imports {bad:?}");
    }
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(m) = stack.pop() {
            for d in deps.get(&m).into_iter().flatten() {
                if d == to {
                    return true;
                }
                if seen.insert(d.clone()) {
                    stack.push(d.clone());
                }
            }
        }
        false
    };
    for (from, tos) in &deps {
        for to in tos {
            assert!(
                !reaches(to, from),
                "import cycle: {from} -> {to} -> ... -> {from}"
            );
        }
    }
    assert!(
        deps["commands"].contains("backends"),
        "the scan found no imports: {deps:?}"
    );
}

/// No file imports, through any chain, a file that imports it: each circle is listed with
/// its files and the imports between them. A `mod.rs` counts as a file like any other: if it
/// uses its children and they use what it defines, that is a circle.
#[test]
fn files_import_without_circles() {
    let sources = sources();
    let deps = imports::graph(&sources);
    let edges: usize = deps.values().map(BTreeSet::len).sum();
    assert!(edges > 300, "the scan found only {edges} imports");
    let circles = imports::circles(&deps);
    let report: Vec<String> = circles
        .iter()
        .map(|circle| {
            let inside: Vec<String> = circle
                .iter()
                .flat_map(|from| {
                    deps[from]
                        .iter()
                        .filter(|to| circle.contains(*to))
                        .map(move |to| format!("  {from} -> {to}"))
                })
                .collect();
            format!("circle of {} files:\n{}", circle.len(), inside.join("\n"))
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The resolver on the forms this code base uses: nested braces, `self` in braces, globs,
/// renames, `super::super`, a child module, full paths in code, and inline modules.
#[test]
fn the_import_resolver_reads_paths() {
    let paths = imports::use_paths("super::{a, b::{self, C as D}, *}");
    let names: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(names, ["super::a", "super::b", "super::b::C", "super"]);
    assert_eq!(
        imports::use_paths("crate::x::{y::{z::W, V}, self}")
            .iter()
            .map(|p| p.join("::"))
            .collect::<Vec<_>>(),
        ["crate::x::y::z::W", "crate::x::y::V", "crate::x"]
    );
    let file = |p: &str, t: &str| (p.to_string(), t.to_string());
    let sources = [
        file("src/lib.rs", "pub mod x;\npub mod top;"),
        file(
            "src/x/mod.rs",
            "mod y;\nmod z;\npub use y::Y;\npub struct Shared;",
        ),
        file(
            "src/x/y.rs",
            "use super::{z::{self}, Shared as S};\npub struct Y;",
        ),
        file(
            "src/x/z.rs",
            r#"pub fn f<'a>(_: &'a str) { let _ = ('"', '\\'); crate::top::g(); }"#,
        ),
        file(
            "src/top.rs",
            "// crate::x::y::Y in a comment\npub fn g() { let _ = \"super::x\"; }\n\
             mod inner { use super::g; }\nmod deep { fn h() { super::super::x::y::Y; } }",
        ),
    ];
    let deps = imports::graph(&sources);
    let of = |p: &str| deps[p].iter().cloned().collect::<Vec<_>>();
    assert_eq!(of("src/x/mod.rs"), ["src/x/y.rs"]);
    assert_eq!(of("src/x/y.rs"), ["src/x/mod.rs", "src/x/z.rs"]);
    assert_eq!(of("src/x/z.rs"), ["src/top.rs"]);
    assert_eq!(of("src/top.rs"), ["src/x/y.rs"]);
    assert_eq!(of("src/lib.rs"), Vec::<String>::new());
    let circles = imports::circles(&deps);
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert_eq!(circles[0].len(), 4, "{circles:?}");
}

/// Every module lives where its name says: no `#[path]` attribute moves one.
#[test]
fn no_module_is_moved_by_a_path_attribute() {
    let moved: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| imports::blank(text).contains("#[path"))
        .map(|(path, _)| path)
        .collect();
    assert!(moved.is_empty(), "{moved:?}");
}

#[test]
fn source_files_stay_small() {
    let big: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    assert!(big.is_empty(), "over {MAX_LINES} lines: {big:#?}");
}

/// The words that name backend `b`: its subcommand, its aliases and its vendor's name.
fn names_of(b: &dyn session_inspector::backends::Backend) -> Vec<String> {
    let about = b.about();
    let mut words = vec![about.name.to_string(), about.vendor.to_lowercase()];
    words.extend(about.aliases.iter().map(|a| a.to_string()));
    words
}

/// The words of a test file's code that name a backend, with its line. A word is a run of
/// letters, digits and `_`, in code or in a string literal: an identifier (`fn smb`, `mod
/// truenas`), a string that is a name (`"cifs"`) or has one among other words
/// (`"--truenas-version"`, `"/v1/smb/sessions/"`), compared without case with the words
/// [`names_of`] gives and the vendor folders' names; `OPAL_AUTH_TOKEN` or `bearer_auth` are
/// words of their own. Comments are not code: they may say which vendor a rule comes from.
/// `mod smb;`, declaring a vendor's own test file, names it as the registries do; and a
/// literal index, `profile["auth"]`, reads a field of JSON or TOML (a profile's `auth` is
/// how it logs in).
fn vendor_words(text: &str, vendors: &BTreeSet<String>) -> Vec<(usize, String)> {
    let index = regex_lite::Regex::new(r#"\["[A-Za-z0-9_]*"\]"#).unwrap();
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = index.replace_all(line, "[]");
        if line.starts_with("mod ") && line.ends_with(';') {
            continue;
        }
        let mut code = String::new();
        let mut in_str = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_str => {
                    chars.next();
                    code.push(' ');
                }
                '"' => {
                    in_str = !in_str;
                    code.push(' ');
                }
                '/' if !in_str && chars.peek() == Some(&'/') => break,
                _ => code.push(c),
            }
        }
        for word in code.split(|c: char| !c.is_alphanumeric() && c != '_') {
            let word = word.to_lowercase();
            if vendors.contains(&word) {
                found.push((n + 1, word));
            }
        }
    }
    found
}

/// A test file names no vendor outside that vendor's own test files: `smb.rs`, or `smb_*.rs`,
/// by any word that names it (`truenas_tokens.rs` is `auth`'s). The cross-backend tests
/// take the registry and each backend's `About::tests` instead, so a new backend gets
/// their cells without a test file naming it.
#[test]
fn test_files_name_only_their_own_vendor() {
    use session_inspector::backends::ALL;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut vendors: BTreeSet<String> = ALL.iter().flat_map(|b| names_of(*b)).collect();
    vendors.extend(vendor_folders());
    let mut files = Vec::new();
    let mut dirs = vec![root.join("tests")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 20, "found only {} test files", files.len());
    let mut offenders = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_lowercase();
        let owner = stem.split('_').next().unwrap_or_default();
        let own: Vec<String> = ALL
            .iter()
            .map(|b| names_of(*b))
            .find(|words| words.iter().any(|w| w == owner))
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap();
        let rel = path.strip_prefix(root).unwrap().display().to_string();
        offenders.extend(
            vendor_words(&text, &vendors)
                .into_iter()
                .filter(|(_, word)| !own.contains(word))
                .map(|(line, word)| format!("{rel}:{line} names {word}")),
        );
    }
    assert!(
        offenders.is_empty(),
        "{} places: {offenders:#?}",
        offenders.len()
    );
}

/// What an error says, in the forms code reaches it: `.message()`, an error's `to_string()`
/// or `{e}`, and the chain helpers.
const ERROR_TEXT: &str = r#"(\.message\(\)|\b(e|err|error|[a-z_]+_err|[a-z_]+_error)\.to_string\(\)|format!\("\{(e|err|error)\}"\)|\b(chain|root)\([^()]*\))"#;
/// A test on text, right after it (through `.trim()` and the like).
const TEXT_TEST: &str = r#"^(\.(trim|to_lowercase|to_ascii_lowercase|as_str)\(\))*(\.(contains|starts_with|ends_with|find|rfind|split|split_once|strip_prefix|strip_suffix|matches)\(|\s*[!=]=\s*")"#;

/// The lines of `code` that decide on an error's text, directly or through a variable bound
/// to it a few lines above.
fn text_decisions(code: &str) -> Vec<String> {
    let text = regex_lite::Regex::new(ERROR_TEXT).unwrap();
    let test = regex_lite::Regex::new(TEXT_TEST).unwrap();
    let binding = regex_lite::Regex::new(&format!(
        r"let\s+(mut\s+)?([a-z_][a-z0-9_]*)\s*(:[^=]+)?=\s*[&*]*[a-z_.]*{ERROR_TEXT}"
    ))
    .unwrap();
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.starts_with("//") || line.contains("assert") {
            continue;
        }
        if text
            .find_iter(line)
            .any(|m| test.is_match(&line[m.end()..]))
        {
            found.push(format!("line {}: {line}", i + 1));
        }
        let Some(bound) = binding.captures(line).and_then(|c| c.get(2)) else {
            continue;
        };
        let name = bound.as_str();
        let used = regex_lite::Regex::new(&format!(r"\b{name}\b")).unwrap();
        let matched = regex_lite::Regex::new(&format!(r"\bmatch\s+&?{name}\b")).unwrap();
        for (j, later) in lines.iter().enumerate().skip(i + 1).take(30) {
            let later = later.trim();
            let tested = used
                .find_iter(later)
                .any(|m| test.is_match(&later[m.end()..]));
            if tested || matched.is_match(later) {
                found.push(format!(
                    "line {}: {later} (`{name}` is an error's text)",
                    j + 1
                ));
            }
        }
    }
    found
}

/// Callers branch on what an error carries as data (its kind, HTTP status, vendor code,
/// transport failure), never on its words: those are for the user, and change.
#[test]
fn no_code_decides_on_an_error_text() {
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        for line in text_decisions(code(&text)) {
            offenders.push(format!("{path}: {line}"));
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// The rule catches the forms it is meant to (each once was in this code base), and lets
/// decisions on data through.
#[test]
fn the_error_text_rule_sees_text_decisions() {
    let caught = [
        "let text = e.to_string();\nif text.starts_with(\"recursion limit exceeded\") {",
        "let text = e.to_string();\nlet why = text.split(\" at path \").next();",
        "if e.message().contains(\"404\") {",
        ".map_err(|e| match e.to_string().ends_with(\"(HTTP 404)\") {",
        "let msg = format!(\"{e}\");\nmatch msg.as_str() {",
        "if chain(&e).to_lowercase().contains(\"certificate\") {",
        "if err.message() == \"no such session\" {",
    ];
    for code in caught {
        assert!(!text_decisions(code).is_empty(), "not caught: {code}");
    }
    let allowed = [
        "match e.status() == Some(404) {",
        "if e.failure() == Some(Failure::Closed) {",
        "output::note(&format!(\"{name}: not {verb}: {e}\"));",
        "Error::usage(format!(\"cannot write --output-file {}: {e}\", path.display()))",
        "let text = e.to_string();\nformat!(\"nested ({text})\")",
    ];
    for code in allowed {
        assert_eq!(text_decisions(code), Vec::<String>::new(), "{code}");
    }
}
