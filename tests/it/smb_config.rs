//! Config on Qumulo's profiles, which log in with a password: where the password comes from
//! (env, command, file), a helper that hangs, fails or leaves a child holding its pipe, an inline secret in a readable file,
//! `profiles` without secrets, and the example config.

use crate::common::{set_private, Sim};

#[test]
fn password_from_env_command_and_file() {
    let sim = Sim::with_sessions(2, 1);
    let pw = sim.secret("smb", "password");
    let instead = |file: &str, key: &str, value: toml_edit::Value| {
        sim.config_with(file, |c| {
            c.remove("smb", "password");
            c.set("smb", key, value);
        })
    };

    let env_cfg = instead("env.toml", "password_env", "SIM_PW".into());
    let run = crate::common::Run::from(
        sim.cmd(&["-c", &env_cfg, "smb"])
            .env("SIM_PW", &pw)
            .output()
            .unwrap(),
    );
    run.ok();
    let run = sim.run(&["-c", &env_cfg, "smb"]).code(2);
    assert!(
        run.stderr.contains("$SIM_PW, which is not set"),
        "{}",
        run.stderr
    );

    let command = toml_edit::Array::from_iter(["printf", "%s\\n", pw.as_str()]);
    let cmd_cfg = instead("cmd.toml", "password_command", command.into());
    // A fresh cache so the login really uses the command's password.
    let run = crate::common::Run::from(
        sim.cmd(&["-c", &cmd_cfg, "smb"])
            .env("XDG_CACHE_HOME", sim.dir.path().join("cache2"))
            .output()
            .unwrap(),
    );
    run.ok();

    let pw_file = sim.dir.path().join("pw.txt");
    std::fs::write(&pw_file, format!("{pw}\n")).unwrap();
    let file_cfg = instead(
        "file.toml",
        "password_file",
        pw_file.display().to_string().into(),
    );
    let with_file = || {
        crate::common::Run::from(
            sim.cmd(&["-c", &file_cfg, "smb"])
                .env("XDG_CACHE_HOME", sim.dir.path().join("cache3"))
                .output()
                .unwrap(),
        )
        .ok()
    };
    // A password file others can read earns the inline secret's warning; a private one none.
    std::fs::set_permissions(
        &pw_file,
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let run = with_file();
    assert!(
        run.stderr.contains("password_file")
            && run.stderr.contains("readable by group or others")
            && run.stderr.contains("chmod 600"),
        "{}",
        run.stderr
    );
    set_private(&pw_file);
    let run = with_file();
    assert!(!run.stderr.contains("readable"), "{}", run.stderr);
}

#[test]
fn a_secret_helper_that_hangs_or_fails_is_bounded_and_summarised() {
    let sim = Sim::with_sessions(1, 1);
    let helper = |file: &str, argv: &[&str]| {
        sim.config_with(file, |c| {
            c.remove("smb", "password");
            c.set(
                "smb",
                "password_command",
                toml_edit::Value::from(toml_edit::Array::from_iter(argv.iter().copied())),
            );
        })
    };
    let hangs = helper("hangs.toml", &["sleep", "30"]);
    let started = std::time::Instant::now();
    let run = sim.run(&["-c", &hangs, "--timeout", "1s", "smb"]).code(2);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(
        run.stderr.contains("password_command")
            && run.stderr.contains("'sleep' did not finish within 1s"),
        "{}",
        run.stderr
    );

    // A child that keeps the pipe open holds neither the listing nor the run's deadline: the
    // helper's answer is taken when it exits.
    let script = format!("echo {}; sleep 30 &", sim.secret("smb", "password"));
    let lingers = helper("lingers.toml", &["sh", "-c", &script]);
    let started = std::time::Instant::now();
    let run = crate::common::Run::from(
        sim.cmd(&["-c", &lingers, "--timeout", "3s", "smb", "-o", "json"])
            .env("XDG_CACHE_HOME", sim.dir.path().join("cache-lingers"))
            .output()
            .unwrap(),
    );
    let run = run.ok();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(!run.json().as_array().unwrap().is_empty());
    // One that waits for its child is stopped at the deadline, with the child.
    let waits = helper("waits.toml", &["sh", "-c", "sleep 30 & wait"]);
    let started = std::time::Instant::now();
    let run = sim.run(&["-c", &waits, "--timeout", "1s", "smb"]).code(2);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(
        run.stderr.contains("did not finish within 1s"),
        "{}",
        run.stderr
    );

    let fails = helper(
        "fails.toml",
        &[
            "sh",
            "-c",
            "echo 'gpg: decryption failed: No secret key' >&2; echo more >&2; exit 2",
        ],
    );
    let run = sim.run(&["-c", &fails, "smb"]).code(2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("'sh' failed (exit status: 2): gpg: decryption failed: No secret key"),
        "{}",
        run.stderr
    );
}

#[test]
fn inline_secret_in_a_readable_file_warns() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::with_sessions(1, 1);
    let open = sim.config_with("open.toml", |_| {});
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = sim.run(&["-c", &open, "smb"]).ok();
    assert!(
        run.stderr.contains(&format!(
            "the inline password in {open} for profile 'smb' is readable by group or others; \
             run `chmod 600 {open}`"
        )),
        "{}",
        run.stderr
    );
    set_private(&open);
    let run = sim.run(&["-c", &open, "smb"]).ok();
    assert!(!run.stderr.contains("readable"), "{}", run.stderr);
}

#[test]
fn profiles_lists_without_secrets() {
    let sim = Sim::with_sessions(1, 1);
    let run = sim.run(&["profiles", "-o", "json"]).ok();
    let v = run.json();
    let smb = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "smb")
        .unwrap();
    assert_eq!(smb["backend"], "smb");
    assert_eq!(smb["auth"], "password");
    assert_eq!(smb["default"], true);
    assert!(!run.stdout.contains(&sim.secret("smb", "password")));
}

#[test]
fn the_example_config_parses() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml");
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(crate::common::BIN);
    cmd.args(["-c", path, "profiles"]);
    crate::common::isolate(&mut cmd, dir.path());
    let run = crate::common::Run::from(cmd.output().unwrap()).ok();
    assert!(run.stdout.contains("qumulo-prod"), "{}", run.stdout);
}

/// A FIFO at `path`.
fn mkfifo(path: &std::path::Path) {
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a NUL-terminated path we own.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
}

/// A run that must fail at once: exit 2, within two seconds, its one line containing `says`.
#[track_caller]
fn refused_at_once(sim: &Sim, args: &[&str], says: &str) {
    let t0 = std::time::Instant::now();
    let run = sim.run(args).code(2);
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(2),
        "{args:?}: {:?}",
        t0.elapsed()
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
}

#[test]
fn every_local_read_is_bounded() {
    let sim = Sim::with_sessions(1, 1).with_token_cache();
    let dir = sim.dir.path();
    let fifo = dir.join("fifo");
    mkfifo(&fifo);
    let huge = dir.join("huge");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 40)
        .unwrap();
    let (fifo, huge) = (fifo.to_str().unwrap(), huge.to_str().unwrap());
    for (path, says) in [
        ("/dev/zero", "it is a character device, not a regular file"),
        (fifo, "it is a FIFO, not a regular file"),
        (huge, "it is larger than 4 MiB"),
    ] {
        refused_at_once(&sim, &["-c", path, "smb"], says);
        let cfg = sim.config_with("file.toml", |c| {
            c.remove("smb", "password");
            c.set("smb", "password_file", path);
        });
        let says = says.replace("4 MiB", "64 KiB");
        refused_at_once(
            &sim,
            &["-c", &cfg, "smb"],
            &format!("password_file {path}: {says}"),
        );
    }
    // A token cache entry that is a FIFO or /dev/zero is passed over (a fresh login), and
    // not replaced: it is not ours.
    sim.run(&["smb"]).ok();
    let tokens = dir.join("cache/sessions/tokens");
    let entry = std::fs::read_dir(&tokens)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    for odd in ["fifo", "zero"] {
        std::fs::remove_file(&entry).unwrap();
        match odd {
            "fifo" => mkfifo(&entry),
            _ => std::os::unix::fs::symlink("/dev/zero", &entry).unwrap(),
        }
        let t0 = std::time::Instant::now();
        let run = sim.run(&["smb", "-o", "json"]).ok();
        assert!(t0.elapsed() < std::time::Duration::from_secs(5));
        assert!(!run.json().as_array().unwrap().is_empty());
        assert!(
            run.stderr.contains("cannot cache the login token")
                && run.stderr.contains("not a regular file"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_config_others_can_write_runs_no_commands() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::with_sessions(1, 1);
    let set = |p: &std::path::Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    let shared = sim.dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let runs = shared.join("runs.toml");
    let runs_text = sim.config_with("runs.toml", |c| {
        c.remove("smb", "password");
        c.set(
            "smb",
            "password_command",
            toml_edit::Value::from(toml_edit::Array::from_iter(["echo", "pw"])),
        );
    });
    std::fs::copy(&runs_text, &runs).unwrap();
    let runs_arg = runs.to_str().unwrap();
    set(&runs, 0o666);
    refused_at_once(
        &sim,
        &["-c", runs_arg, "smb"],
        &format!(
            "config {runs_arg} is writable by its group and others (mode 666): whoever can \
             write it could run commands as you, so profile 'smb''s password_command is \
             refused; run `chmod go-w {runs_arg}`"
        ),
    );
    // In a directory anyone may write to (no sticky bit), the file could be replaced.
    set(&runs, 0o600);
    set(&shared, 0o777);
    refused_at_once(
        &sim,
        &["-c", runs_arg, "smb"],
        "which others can write (mode 777, no sticky bit)",
    );
    set(&shared, 0o1777);
    let run = sim.run(&["-c", runs_arg, "smb"]).code(3);
    assert!(!run.stderr.contains("refused"), "{}", run.stderr);
    // Without commands, a warning.
    set(&shared, 0o700);
    let open = sim.config_with("open.toml", |_| {});
    set(std::path::Path::new(&open), 0o620);
    let run = sim.run(&["-c", &open, "smb"]).ok();
    assert!(
        run.stderr.contains(&format!(
            "warning: config {open} is writable by its group (mode 620): whoever can write it \
             can change where credentials go; run `chmod go-w {open}`"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_loose_token_directory_is_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::with_sessions(1, 1).with_token_cache();
    let tokens = sim.dir.path().join("cache/sessions/tokens");
    std::fs::create_dir_all(&tokens).unwrap();
    std::fs::set_permissions(&tokens, std::fs::Permissions::from_mode(0o777)).unwrap();
    let run = sim.run(&["smb"]).ok();
    let said: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("token cache"))
        .collect();
    assert_eq!(
        said,
        [format!(
            "sessions: warning: the token cache {} was mode 777; made it 0700",
            tokens.display()
        )],
        "{}",
        run.stderr
    );
    let mode = std::fs::metadata(&tokens).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}
