//! The committed completions and man page must match what the binary generates.
//! `UPDATE_GENERATED=1 cargo test generated` rewrites them.

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
        let mut buf = Vec::new();
        clap_complete::generate(
            shell,
            &mut session_inspector::cli_command(),
            "sessions",
            &mut buf,
        );
        check(file, &buf);
    }
}

#[test]
fn man_page_is_fresh() {
    let mut buf = Vec::new();
    clap_mangen::Man::new(session_inspector::cli_command())
        .render(&mut buf)
        .unwrap();
    check("docs/sessions.1", &buf);
}
