//! Shell completion of `-p/--profile` offers the config's profile names, asked of the binary
//! (`profiles --names`), honouring `-c` and `SESSIONS_CONFIG`; never file names.

use std::path::Path;
use std::process::Command;

use crate::common::{any_backend, isolate, outside_program, set_private, BIN};

/// Two backend subcommands to complete after: the registry's first and last.
fn two_backends() -> (&'static str, &'static str) {
    let all = session_inspector::backends::ALL;
    (all[0].name(), all[all.len() - 1].name())
}

fn config(dir: &Path, name: &str, profiles: &[&str]) -> String {
    let path = dir.join(name);
    let text: String = profiles
        .iter()
        .map(|p| {
            let b = any_backend();
            format!("[profiles.{p}]\nbackend = \"{b}\"\nurl = \"https://{p}.example.com:8000\"\n")
        })
        .collect();
    std::fs::write(&path, text).unwrap();
    set_private(&path);
    path.to_str().unwrap().to_string()
}

#[test]
fn profiles_names_prints_the_names_honouring_c() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), "c.toml", &["alpha", "beta"]);
    let mut cmd = Command::new(BIN);
    cmd.args(["-c", &cfg, "profiles", "--names"]);
    isolate(&mut cmd, dir.path());
    let out = crate::common::Run::from(cmd.output().unwrap()).ok();
    assert_eq!(out.stdout, "alpha\nbeta\n");
}

/// What bash's completion function offers for `line` (the word being completed last).
fn bash_complete(bash: &Path, dir: &Path, env_config: &str, words: &[&str]) -> Vec<String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/completions/sessions.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{script}'\n\
         COMP_WORDS=({})\n\
         COMP_CWORD={}\n\
         _sessions sessions '{}' '{}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    shell_output(bash, &["--norc", "--noprofile"], &program, dir, env_config)
}

#[test]
fn bash_completes_profile_names_from_the_config() {
    let Some(bash) = outside_program("bash", "bash") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_cfg = config(dir.path(), "env.toml", &["prod-a", "prod-b", "lab"]);
    let flag_cfg = config(dir.path(), "flag.toml", &["nas1", "nas2"]);
    // Files that would match if it completed file names.
    std::fs::write(dir.path().join("prod-file"), "").unwrap();
    std::fs::write(dir.path().join("nasfile"), "").unwrap();
    let b = bash.as_path();
    let d = dir.path();
    let (one, other) = two_backends();
    assert_eq!(
        bash_complete(b, d, &env_cfg, &["sessions", one, "-p", "prod"]),
        ["prod-a", "prod-b"]
    );
    assert_eq!(
        bash_complete(b, d, &env_cfg, &["sessions", "--profile", ""]),
        ["lab", "prod-a", "prod-b"]
    );
    // -c on the line being completed wins over SESSIONS_CONFIG.
    assert_eq!(
        bash_complete(
            b,
            d,
            &env_cfg,
            &["sessions", "-c", &flag_cfg, other, "-p", "nas"]
        ),
        ["nas1", "nas2"]
    );
    assert_eq!(
        bash_complete(b, d, &env_cfg, &["sessions", "all", "-p", "zz"]),
        Vec::<String>::new()
    );
}

/// Every `-p/--profile` of every generated script asks for profile names, in all three shells.
#[test]
fn every_profile_option_completes_names_in_bash_zsh_and_fish() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| std::fs::read_to_string(root.join("completions").join(f)).unwrap();

    let bash = read("sessions.bash");
    let lines: Vec<&str> = bash.lines().map(str::trim).collect();
    let mut cases = 0;
    for (i, l) in lines.iter().enumerate() {
        if *l == "-p)" || *l == "--profile)" {
            cases += 1;
            assert!(lines[i + 1].starts_with("compopt +o default"), "line {i}");
            assert!(lines[i + 2].contains("_sessions_profile_names"), "line {i}");
        }
    }
    assert!(cases > 20, "{cases} profile cases in bash");

    let zsh = read("_sessions");
    let specs: Vec<&str> = zsh
        .lines()
        .filter(|l| l.starts_with("'*-p+[") || l.starts_with("'*--profile=["))
        .collect();
    assert!(specs.len() > 20, "{} in zsh", specs.len());
    assert!(specs
        .iter()
        .all(|l| l.contains(":NAME:_sessions_profile_names'")));
    assert!(zsh.contains("_sessions_profile_names() {"));

    let fish = read("sessions.fish");
    let specs: Vec<&str> = fish
        .lines()
        .filter(|l| l.contains(" -l profile "))
        .collect();
    assert!(specs.len() > 20, "{} in fish", specs.len());
    assert!(specs
        .iter()
        .all(|l| l.ends_with(" -f -a '(__fish_sessions_profile_names)'")));
    assert!(fish.contains("function __fish_sessions_profile_names"));
}

/// Runs `program` with `shell -c`, the binary first on PATH and `SESSIONS_CONFIG` set.
fn shell_output(
    shell: &Path,
    flags: &[&str],
    program: &str,
    dir: &Path,
    env_config: &str,
) -> Vec<String> {
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new(shell);
    cmd.args(flags).arg("-c").arg(program);
    isolate(&mut cmd, dir);
    cmd.current_dir(dir)
        .env("PATH", path)
        .env("SESSIONS_CONFIG", env_config);
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    lines.sort();
    lines
}

#[test]
fn fish_completes_profile_names_from_the_config() {
    let Some(fish) = outside_program("fish", "fish") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_cfg = config(dir.path(), "env.toml", &["prod-a", "lab"]);
    let flag_cfg = config(dir.path(), "flag.toml", &["nas1", "nas2"]);
    std::fs::write(dir.path().join("prod-file"), "").unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/completions/sessions.fish");
    let complete = |line: &str| {
        let program = format!("source '{script}'; complete -C '{line}'");
        shell_output(&fish, &["--no-config"], &program, dir.path(), &env_cfg)
    };
    let (one, other) = two_backends();
    assert_eq!(complete(&format!("sessions {one} -p prod")), ["prod-a"]);
    assert_eq!(
        complete(&format!("sessions -c {flag_cfg} {other} --profile ")),
        ["nas1", "nas2"]
    );
}

/// zsh's completion system needs a terminal to drive; this calls the function the `-p` specs
/// name, as `_arguments` would, with the system's two helpers it uses stood in for.
#[test]
fn zsh_completes_profile_names_from_the_config() {
    let Some(zsh) = outside_program("zsh", "zsh") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_cfg = config(dir.path(), "env.toml", &["prod-a", "lab"]);
    let flag_cfg = config(dir.path(), "flag.toml", &["nas1", "nas2"]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/completions/_sessions");
    let complete = |words: &str, current: usize| {
        let program = format!(
            "autoload -U compinit; compinit -u -D; source '{script}'\n\
             _call_program() {{ shift; eval \"$@\"; }}\n\
             compadd() {{ local arr=$2; print -l -- ${{(P)arr}}; }}\n\
             words=({words}); CURRENT={current}; _sessions_profile_names"
        );
        shell_output(&zsh, &["-f"], &program, dir.path(), &env_cfg)
    };
    let (one, other) = two_backends();
    assert_eq!(
        complete(&format!("sessions {one} -p ''"), 4),
        ["lab", "prod-a"]
    );
    assert_eq!(
        complete(&format!("sessions -c {flag_cfg} {other} -p ''"), 6),
        ["nas1", "nas2"]
    );
}
