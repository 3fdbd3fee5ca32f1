//! Each subcommand's help offers only what applies to it, with examples in its own columns;
//! a global option given where it does not apply is refused, not ignored.

use std::process::Command;

use crate::common::{backends, facts, isolate, Run, BIN};

fn run(args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    isolate(&mut cmd, dir.path());
    Run::from(cmd.output().unwrap())
}

/// The listing options that mean nothing to the tool's own subcommands.
const LISTING: [&str; 7] = [
    "--sort",
    "--limit",
    "--columns",
    "--demo",
    "--insecure",
    "--max-pages",
    "--no-headers",
];

#[test]
fn tool_subcommands_list_no_option_that_does_not_apply() {
    for sub in ["simulate", "profiles", "completions", "trust"] {
        let help = run(&[sub, "--help"]).ok().stdout;
        for flag in LISTING {
            // profiles prints a table, so it keeps --no-headers, and lists the demo's
            // profiles under --demo.
            if sub == "profiles" && (flag == "--no-headers" || flag == "--demo") {
                continue;
            }
            assert!(!help.contains(flag), "`{sub} --help` lists {flag}:\n{help}");
        }
    }
    let simulate = run(&["simulate", "--help"]).ok().stdout;
    for flag in ["--url", "--output", "--profile", "--timeout"] {
        assert!(!simulate.contains(flag), "`simulate --help` lists {flag}");
    }
    assert!(simulate.contains("--write-config"), "its own options stay");
    let trust = run(&["trust", "--help"]).ok().stdout;
    assert!(
        trust.contains("--profile") && trust.contains("--ca-cert"),
        "{trust}"
    );
}

#[test]
fn backend_subcommands_keep_every_listing_option() {
    for backend in backends() {
        let help = run(&[backend, "--help"]).ok().stdout;
        for flag in LISTING {
            assert!(help.contains(flag), "`{backend} --help` lacks {flag}");
        }
    }
}

#[test]
fn a_global_option_where_it_does_not_apply_is_refused() {
    let r = run(&["simulate", "--sort", "user"]).code(2);
    assert!(
        r.stderr.contains(
            "--sort does not apply to `sessions simulate` (see `sessions simulate --help`)"
        ),
        "{}",
        r.stderr
    );
    let r = run(&["--insecure", "completions", "bash"]).code(2);
    assert!(
        r.stderr
            .contains("--insecure does not apply to `sessions completions`"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "", "nothing printed");
}

#[test]
fn projection_examples_use_each_backends_own_columns() {
    for backend in backends() {
        let help = run(&[backend, "--help"]).ok().stdout;
        let columns = run(&[backend, "--list-columns", "-o", "json"]).ok().json();
        let names: Vec<&str> = columns
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["default"] == true)
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        let example = format!("e.g. `key` or `{},{}`", names[0], names[1]);
        assert!(
            help.contains(&example),
            "{backend}: no {example:?} in:\n{help}"
        );
        let columns_flag = format!("e.g. --columns {},{}", names[0], names[1]);
        assert!(
            help.contains(&columns_flag),
            "{backend}: no {columns_flag:?}"
        );
        // No other backend's example columns in its help.
        for other in session_inspector::backends::ALL {
            let (a, b) = other.example_columns();
            let theirs = format!("{a},{b}");
            if other.name() != backend && theirs != format!("{},{}", names[0], names[1]) {
                assert!(!help.contains(&theirs), "{backend} --help names {theirs}");
            }
        }
    }
}

/// `--demo` works where the README says (`profiles` lists the demo's profiles), and is
/// refused with exit 2 where it has no meaning.
#[test]
fn demo_works_where_it_applies_and_is_refused_elsewhere() {
    let listed = run(&["--demo", "profiles", "-o", "json"]).ok().json();
    let mut names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    names.sort();
    let mut all: Vec<&str> = backends().collect();
    all.sort();
    assert_eq!(names, all, "{listed}");
    for backend in backends() {
        let one = run(&["--demo", "-p", backend, backend, "key"]).ok();
        let own = usize::from(crate::common::facts(backend).lists_own_login);
        assert_eq!(one.lines().len(), 40 + own, "{backend}: {}", one.stdout);
    }
    let any = crate::common::any_backend();
    for args in [
        vec!["--demo", "trust", "-p", any],
        vec!["--demo", "simulate"],
        vec!["--demo", "completions", "bash"],
    ] {
        let r = run(&args).code(2);
        let sub = args[1];
        assert!(
            r.stderr.contains(&format!(
                "--demo does not apply to `sessions {sub}` (see `sessions {sub} --help`)"
            )),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(r.stdout, "", "{args:?}: nothing printed");
    }
}

#[test]
fn a_subcommand_after_listing_flags_says_where_its_flags_go() {
    for backend in backends().filter(|b| facts(b).close_verb.is_some()) {
        let want = format!(
            "`close` is a subcommand: put its flags after it: sessions -p x {backend} close --where 'idle>7d'"
        );
        // Read as a column, and with the subcommand's own flag after it (clap refuses that).
        for extra in [&[][..], &["--yes"][..]] {
            let mut args = vec!["-p", "x", backend, "--where", "idle>7d", "close"];
            args.extend(extra);
            let run = run(&args);
            assert_eq!(run.code, 2, "{backend} {extra:?}: {}", run.stderr);
            let line = match extra.is_empty() {
                true => want.clone(),
                false => format!("{want} --yes"),
            };
            assert_eq!(run.stderr, format!("sessions: {line}\n"), "{backend}");
        }
        // `show` takes no listing flag: where to read its own.
        let run = run(&[backend, "--where", "idle>7d", "show", "k"]);
        assert_eq!(run.code, 2, "{backend}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "`show` is a subcommand: put its flags after it (see `sessions {backend} show --help`)"
            )),
            "{backend}: {}",
            run.stderr
        );
    }
    // The line it prints never carries a password given in a URL.
    let closes = backends().find(|b| facts(b).close_verb.is_some()).unwrap();
    for url in [
        "https://admin:pw-123@nas.example.com",
        "--url=https://admin:pw-123@nas.example.com",
    ] {
        let mut args = vec!["-p", "x", closes, "--where", "idle>7d", "close"];
        match url.starts_with("--") {
            true => args.insert(3, url),
            false => args.splice(3..3, ["--url", url]).for_each(drop),
        }
        let run = run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("is a subcommand"), "{}", run.stderr);
        assert!(
            run.stderr.contains("https://nas.example.com"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("pw-123"), "{}", run.stderr);
    }
    // A column named as a subcommand is the column.
    for backend in backends() {
        let run = run(&[backend, "--where", "nope=1", "key"]);
        assert!(
            !run.stderr.contains("is a subcommand"),
            "{backend}: {}",
            run.stderr
        );
    }
}
