//! Start `sessions simulate` as a child process and run the binary against it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_sessions");

/// A `sessions simulate` process that has written its config; killed when dropped.
pub struct SimProcess(Child);

impl SimProcess {
    pub fn start(config: &Path, extra: &[&str]) -> SimProcess {
        let mut cmd = Command::new(BIN);
        cmd.arg("simulate")
            .arg("--write-config")
            .arg(config)
            .args(extra);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        let process = SimProcess(cmd.spawn().expect("start simulator"));
        let t0 = Instant::now();
        while !config.exists() {
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "simulator wrote no config"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        process
    }
}

impl Drop for SimProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A simulator in a temp dir of its own, with its config at `<dir>/sim.toml`.
pub struct Sim {
    _process: SimProcess,
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
}

impl Sim {
    pub fn start(extra: &[&str]) -> Sim {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("sim.toml");
        let process = SimProcess::start(&config, extra);
        Sim {
            _process: process,
            dir,
            config,
        }
    }

    /// The run's own files (`ca.pem`, `server.pem`, `client.pem`, `client.key`).
    pub fn files(&self) -> PathBuf {
        self.dir.path().join("sim.d")
    }

    /// The simulator's profiles keep login tokens out of the cache; tests of the cache turn it
    /// back on in the written config.
    pub fn with_token_cache(self) -> Sim {
        let text = self
            .config_text()
            .replace("token_cache = false", "token_cache = true");
        std::fs::write(&self.config, text).unwrap();
        self
    }

    pub fn with_sessions(n: usize, seed: u64) -> Sim {
        Sim::start(&["--sessions", &n.to_string(), "--seed", &seed.to_string()])
    }

    /// A command with this simulator's config and a private cache dir.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        if !args.contains(&"-c") {
            cmd.arg("-c").arg(&self.config);
        }
        cmd.args(args);
        isolate(&mut cmd, self.dir.path());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd(args).output().unwrap())
    }

    pub fn config_text(&self) -> String {
        std::fs::read_to_string(&self.config).unwrap()
    }

    /// Write a variant of the config (e.g. a wrong password) and return its path.
    pub fn config_variant(&self, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, edit(self.config_text())).unwrap();
        set_private(&path);
        path
    }

    /// A variant of the config with one `[profiles.NAME]` table's lines rewritten: `edit`
    /// returns the new line(s), or `None` to drop it (a dropped multi-line array goes whole).
    pub fn edit_profile(
        &self,
        file: &str,
        profile: &str,
        edit: impl Fn(&str) -> Option<String>,
    ) -> PathBuf {
        self.config_variant(file, |t| {
            let mut inside = false;
            let mut skipping = false;
            t.lines()
                .filter_map(|l| {
                    if l.starts_with('[') {
                        inside = l == format!("[profiles.{profile}]");
                    }
                    if skipping {
                        skipping = !l.trim_end().ends_with(']');
                        return None;
                    }
                    if !inside {
                        return Some(l.to_string());
                    }
                    let edited = edit(l);
                    if edited.is_none() && l.trim_end().ends_with('[') {
                        skipping = true;
                    }
                    edited
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// A variant of the config where `profile` also says `line` (e.g. `allow_plaintext = true`).
    pub fn with_line(&self, file: &str, profile: &str, line: &str) -> PathBuf {
        self.edit_profile(file, profile, |l| {
            Some(if l.starts_with("backend") {
                format!("{l}\n{line}")
            } else {
                l.to_string()
            })
        })
    }

    /// The smb profile's URL.
    pub fn url(&self) -> String {
        self.value("smb", "url")
    }

    /// The smb profile's password.
    pub fn password(&self) -> String {
        self.value("smb", "password")
    }

    /// A string setting of one profile of the written config.
    pub fn value(&self, profile: &str, key: &str) -> String {
        let doc: toml::Value = toml::from_str(&self.config_text()).unwrap();
        doc["profiles"][profile][key]
            .as_str()
            .unwrap_or_else(|| panic!("no {key} in profile {profile}"))
            .to_string()
    }

    pub fn fingerprint(&self) -> String {
        let text = self.config_text();
        text.lines()
            .find_map(|l| l.strip_prefix("# Server certificate SHA-256, for tls_fingerprint: "))
            .unwrap()
            .trim()
            .to_string()
    }
}

/// Keep tests away from the user's config, cache and colour settings.
pub fn isolate(cmd: &mut Command, dir: &Path) {
    cmd.env_remove("SESSIONS_CONFIG")
        .env_remove("SESSIONS_PROFILE")
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_CONFIG_HOME", dir.join("config-home"))
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
}

#[cfg(unix)]
pub fn set_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// What a run printed, and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8(o.stdout).unwrap(),
            stderr: String::from_utf8(o.stderr).unwrap(),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "expected success; stderr: {}", self.stderr);
        self
    }
    #[track_caller]
    pub fn code(self, want: i32) -> Run {
        assert_eq!(
            self.code, want,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
    pub fn ndjson(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// Compare with a stored snapshot under tests/snapshots; `UPDATE_SNAPSHOTS=1` rewrites it.
#[track_caller]
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(
        actual, expected,
        "snapshot {name} differs (UPDATE_SNAPSHOTS=1 rewrites it)"
    );
}
