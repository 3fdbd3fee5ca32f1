//! The committed completions and man page must match what the binary generates.
//! `UPDATE_GENERATED=1 cargo test --test it generated` rewrites them.

mod man;

use std::path::Path;

use clap_complete::Shell;

fn check(rel: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == actual,
        "{rel} is stale: run `UPDATE_GENERATED=1 cargo test generated` and commit it"
    );
}

#[test]
fn completions_are_fresh() {
    for (shell, file) in [
        (Shell::Bash, "completions/sessions.bash"),
        (Shell::Zsh, "completions/_sessions"),
        (Shell::Fish, "completions/sessions.fish"),
        (Shell::PowerShell, "completions/_sessions.ps1"),
        (Shell::Elvish, "completions/sessions.elv"),
    ] {
        check(file, &session_inspector::completion_script(shell));
    }
}

#[test]
fn man_pages_are_fresh() {
    let pages = man::pages().unwrap();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    let mut expected = vec!["sessions.1".to_string(), "sessions-simulate.1".to_string()];
    for b in session_inspector::backends::ALL {
        expected.push(format!("sessions-{}.1", b.name()));
        expected.push(format!("sessions-{}-show.1", b.name()));
    }
    for page in &expected {
        assert!(names.contains(&page.as_str()), "no {page} in {names:?}");
    }
    for (name, text) in &pages {
        check(&format!("docs/man/{name}"), text);
    }
    // No page is left over from a subcommand that is gone.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        if std::env::var_os("UPDATE_GENERATED").is_some() && !names.contains(&file.as_str()) {
            std::fs::remove_file(dir.join(&file)).unwrap();
            continue;
        }
        assert!(
            names.contains(&file.as_str()),
            "docs/man/{file} is stale: no such subcommand"
        );
    }
}

#[test]
fn the_main_page_has_files_environment_and_exit_status() {
    let pages = man::pages().unwrap();
    let main = String::from_utf8(pages[0].1.clone()).unwrap();
    assert_eq!(pages[0].0, "sessions.1");
    for section in [
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        "\\fB130\\fR",
        "SESSIONS_PROFILE",
    ] {
        assert!(main.contains(section), "no {section} in the main page");
    }
    // The SUBCOMMANDS section points to each backend's page.
    for b in session_inspector::backends::ALL {
        let page = format!("sessions\\-{}(1)", b.name());
        assert!(main.contains(&page), "no {page}: {main}");
    }
}

fn pages_as_text() -> Vec<(String, String)> {
    man::pages()
        .unwrap()
        .into_iter()
        .map(|(name, text)| (name, String::from_utf8(text).unwrap()))
        .collect()
}

#[test]
fn every_page_a_page_names_is_generated() {
    let pages = pages_as_text();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    let reference = regex_lite::Regex::new(r"(sessions(?:\\-[a-z]+)*)(?:\\fR)?\(1\)").unwrap();
    let mut missing = Vec::new();
    let mut seen = 0;
    for (name, text) in &pages {
        for m in reference.captures_iter(text) {
            seen += 1;
            let page = format!("{}.1", m[1].replace("\\-", "-"));
            if !names.contains(&page.as_str()) {
                missing.push(format!("{name} names {page}"));
            }
        }
    }
    assert!(seen > 20, "only {seen} references");
    assert!(missing.is_empty(), "{missing:#?}");
    // Every subcommand page's SEE ALSO names the page above it.
    for b in session_inspector::backends::ALL {
        let name = format!("sessions-{}-show.1", b.name());
        let show = &pages.iter().find(|(n, _)| *n == name).unwrap().1;
        let see_also = show.split(".SH \"SEE ALSO\"").nth(1).expect("a SEE ALSO");
        let above = format!("sessions\\-{}\\fR(1)", b.name());
        assert!(see_also.contains(&above), "{name}: {see_also}");
    }
}

#[test]
fn each_page_is_titled_by_its_name_and_the_product() {
    for (name, text) in pages_as_text() {
        let th = text.lines().find(|l| l.starts_with(".TH ")).unwrap();
        let stem = name.trim_end_matches(".1");
        let footer = format!("\"sessions {}\"", env!("CARGO_PKG_VERSION"));
        assert!(
            th.starts_with(&format!(".TH {stem} 1 ")) && th.contains(&footer),
            "{name}: {th}"
        );
    }
}

/// troff refills text; an example must come out as written, so every indented line of a
/// page's examples sits in a no-fill (`.nf` ... `.fi`) block.
#[test]
fn examples_are_kept_verbatim() {
    let mut examples = 0;
    for (name, text) in pages_as_text() {
        let mut verbatim = false;
        for line in text.lines() {
            match line {
                ".nf" => verbatim = true,
                ".fi" => verbatim = false,
                l if l.starts_with("  sessions") => {
                    examples += 1;
                    assert!(verbatim, "{name}: refilled by troff: {l}");
                }
                _ => {}
            }
        }
        assert!(!verbatim, "{name}: a .nf without its .fi");
    }
    assert!(examples > 30, "only {examples} example lines");
}
