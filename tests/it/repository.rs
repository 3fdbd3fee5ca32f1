//! The repository is whole: its code, tests, docs and README name only files inside it, so a
//! fresh clone with nothing beside it has every file they point at.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The project's own text files: sources, tests, docs, scripts and the README.
fn texts() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("snapshots") && !path.ends_with("man") {
                    walk(&path, out);
                }
            } else if path
                .extension()
                .is_none_or(|e| e == "rs" || e == "md" || e == "toml")
            {
                out.push(path);
            }
        }
    }
    let mut files = vec![root().join("README.md")];
    for dir in ["src", "tests", "docs", "scripts", "examples", "bench"] {
        if root().join(dir).is_dir() {
            walk(&root().join(dir), &mut files);
        }
    }
    files
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let rel = p
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            Some((rel, text))
        })
        .collect()
}

#[test]
fn nothing_points_outside_the_repository() {
    // Built, so that this file does not name what it looks for.
    let outside = format!("../{}/", "shared");
    let files = texts();
    assert!(files.len() > 100, "read only {} files", files.len());
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| l.contains(&outside))
                .map(move |(n, l)| format!("{path}:{}: {}", n + 1, l.trim()))
        })
        .collect();
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn every_doc_a_file_names_is_in_the_repository() {
    let doc = regex_lite::Regex::new(r"\bdocs/[a-z0-9_/-]+\.md\b").unwrap();
    let mut named = 0;
    let mut missing = Vec::new();
    for (path, text) in texts() {
        for m in doc.find_iter(&text) {
            named += 1;
            if !root().join(m.as_str()).is_file() {
                missing.push(format!("{path} names {}", m.as_str()));
            }
        }
    }
    assert!(named > 20, "found only {named} references to docs/");
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn each_backend_has_its_vendor_note() {
    for vendor in crate::layout::vendor_folders() {
        let note = root().join(format!("docs/vendors/{vendor}.md"));
        let text = std::fs::read_to_string(&note).unwrap_or_default();
        assert!(
            text.contains("Sources:"),
            "{} must exist and cite the vendor's sources",
            note.display()
        );
    }
}
