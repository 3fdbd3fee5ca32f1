//! Config: unknown keys, profiles, precedence, secret sources, permissions.

use crate::common::{set_private, Sim};

#[test]
fn unknown_key_is_exit_2_naming_file_and_key() {
    let sim = Sim::with_sessions(1, 1);
    let bad = sim.config_variant("typo.toml", |t| t.replace("username =", "usernme ="));
    let run = sim.run(&["-c", bad.to_str().unwrap(), "smb"]).code(2);
    assert!(run.stderr.contains("typo.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("usernme"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn missing_config_and_unknown_profile_are_exit_2() {
    let sim = Sim::with_sessions(1, 1);
    let run = sim
        .run(&["-c", "/nonexistent/sessions.toml", "smb"])
        .code(2);
    assert!(
        run.stderr.contains("--demo"),
        "suggests the demo: {}",
        run.stderr
    );
    let run = sim.run(&["-p", "nope", "smb"]).code(2);
    assert!(
        run.stderr.contains("no profile 'nope'")
            && run.stderr.contains("have: auth, cifs, opal, smb"),
        "{}",
        run.stderr
    );
}

#[test]
fn profile_from_environment() {
    let sim = Sim::with_sessions(1, 1);
    let run = crate::common::Run::from(
        sim.cmd(&["smb"])
            .env("SESSIONS_PROFILE", "nope")
            .output()
            .unwrap(),
    )
    .code(2);
    assert!(run.stderr.contains("no profile 'nope'"), "{}", run.stderr);
    // The flag beats the environment.
    crate::common::Run::from(
        sim.cmd(&["-p", "smb", "smb"])
            .env("SESSIONS_PROFILE", "nope")
            .output()
            .unwrap(),
    )
    .ok();
}

#[test]
fn password_from_env_command_and_file() {
    let sim = Sim::with_sessions(2, 1);
    let pw = sim.password();
    let line = format!("password = \"{pw}\"");

    let env_cfg = sim.config_variant("env.toml", |t| {
        t.replace(&line, "password_env = \"SIM_PW\"")
    });
    let run = crate::common::Run::from(
        sim.cmd(&["-c", env_cfg.to_str().unwrap(), "smb"])
            .env("SIM_PW", &pw)
            .output()
            .unwrap(),
    );
    run.ok();
    let run = sim.run(&["-c", env_cfg.to_str().unwrap(), "smb"]).code(2);
    assert!(
        run.stderr.contains("$SIM_PW, which is not set"),
        "{}",
        run.stderr
    );

    let cmd_cfg = sim.config_variant("cmd.toml", |t| {
        t.replace(
            &line,
            &format!("password_command = [\"printf\", \"%s\\\\n\", \"{pw}\"]"),
        )
    });
    // A fresh cache so the login really uses the command's password.
    let run = crate::common::Run::from(
        sim.cmd(&["-c", cmd_cfg.to_str().unwrap(), "smb"])
            .env("XDG_CACHE_HOME", sim.dir.path().join("cache2"))
            .output()
            .unwrap(),
    );
    run.ok();

    let pw_file = sim.dir.path().join("pw.txt");
    std::fs::write(&pw_file, format!("{pw}\n")).unwrap();
    let file_cfg = sim.config_variant("file.toml", |t| {
        t.replace(&line, &format!("password_file = \"{}\"", pw_file.display()))
    });
    let run = crate::common::Run::from(
        sim.cmd(&["-c", file_cfg.to_str().unwrap(), "smb"])
            .env("XDG_CACHE_HOME", sim.dir.path().join("cache3"))
            .output()
            .unwrap(),
    );
    run.ok();
}

#[test]
fn inline_secret_in_a_readable_file_warns() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::with_sessions(1, 1);
    let open = sim.config_variant("open.toml", |t| t);
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = sim.run(&["-c", open.to_str().unwrap(), "smb"]).ok();
    assert!(
        run.stderr.contains("readable by group or others"),
        "{}",
        run.stderr
    );
    set_private(&open);
    let run = sim.run(&["-c", open.to_str().unwrap(), "smb"]).ok();
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
    assert!(!run.stdout.contains(&sim.password()));
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
