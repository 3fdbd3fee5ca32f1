//! `sessions simulate` as a child process, the credentials it accepts (from its
//! `secrets.json`), variants of its config, and raw requests to its APIs.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::run::{isolate, set_private, Run, BIN};

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

    pub fn with_sessions(n: usize, seed: u64) -> Sim {
        Sim::start(&["--sessions", &n.to_string(), "--seed", &seed.to_string()])
    }

    /// The run's own files (`ca.pem`, `server.pem`, `client.pem`, `client.key`,
    /// `secrets.json`).
    pub fn files(&self) -> PathBuf {
        self.dir.path().join("sim.d")
    }

    /// The simulator's profiles keep login tokens out of the cache; tests of the cache turn it
    /// back on in the written config.
    pub fn with_token_cache(self) -> Sim {
        edit_config(&self.config, &self.config, |c| {
            for name in c.names() {
                c.set(&name, "token_cache", true);
            }
        });
        self
    }

    /// The token cache's files (one per profile that kept a login), sorted.
    pub fn token_cache_files(&self) -> Vec<std::path::PathBuf> {
        let dir = self
            .dir
            .path()
            .join("cache")
            .join("sessions")
            .join("tokens");
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        files
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

    /// A private copy of the config as `<dir>/<file>`, edited as TOML (comments and layout
    /// stay); its path, for `-c`.
    pub fn config_with(&self, file: &str, edit: impl FnOnce(&mut ConfigDoc)) -> String {
        let path = self.dir.path().join(file);
        edit_config(&self.config, &path, edit);
        path.to_str().unwrap().to_string()
    }

    /// The profiles of the written config, in its order (the simulator's registry's).
    pub fn profiles(&self) -> Vec<String> {
        let doc: toml::Table = toml::from_str(&self.config_text()).unwrap();
        doc["profiles"]
            .as_table()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    }

    /// A string setting of one profile of the written config.
    pub fn value(&self, profile: &str, key: &str) -> String {
        let doc: toml::Value = toml::from_str(&self.config_text()).unwrap();
        doc["profiles"][profile][key]
            .as_str()
            .unwrap_or_else(|| panic!("no {key} in profile {profile}"))
            .to_string()
    }

    /// The run's `secrets.json`: every credential the simulator accepts.
    pub fn secrets(&self) -> Value {
        let text = std::fs::read_to_string(self.files().join("secrets.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    /// One credential of one profile from `secrets.json`, e.g. `("cifs", "token")`.
    pub fn secret(&self, profile: &str, key: &str) -> String {
        self.secrets()[profile][key]
            .as_str()
            .unwrap_or_else(|| panic!("no {profile}.{key} in secrets.json"))
            .to_string()
    }

    /// The keys a backend lists, without the session of the run's own login where it lists
    /// one (each run is a new connection with a session of its own).
    pub fn keys(&self, backend: &str) -> Vec<String> {
        let own = super::facts(backend).lists_own_login;
        let columns = if own { "key,current" } else { "key" };
        let run = self.run(&[backend, columns]).ok();
        run.lines()
            .iter()
            .filter_map(|l| {
                if own {
                    l.strip_suffix("\tfalse")
                } else {
                    Some(l)
                }
            })
            .map(|s| s.to_string())
            .collect()
    }

    /// The server certificate's SHA-256, as `tls_fingerprint` takes it.
    pub fn fingerprint(&self) -> String {
        self.secrets()["fingerprint"].as_str().unwrap().to_string()
    }

    /// One request straight to a profile's API, bypassing the client's record handling:
    /// the status and the vendor's JSON as sent.
    pub fn api(
        &self,
        profile: &str,
        method: reqwest::Method,
        path: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> (reqwest::StatusCode, Value) {
        let base = self.value(profile, "url");
        let ca = std::fs::read(self.value(profile, "ca_cert")).unwrap();
        let client = https_client(&ca, None);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut req = client.request(method, format!("{base}{path}"));
            if let Some(token) = bearer {
                req = req.bearer_auth(token);
            }
            if let Some(body) = body {
                req = req.json(&body);
            }
            let resp = req.send().await.unwrap();
            let status = resp.status();
            let bytes = resp.bytes().await.unwrap();
            let json =
                serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: not JSON ({e})"));
            (status, json)
        })
    }
}

/// An HTTPS client of the tests' own (reqwest and rustls, not the product's transport) that
/// trusts the PEM certificates `ca`, presenting `identity` (certificate and key, PEM) if given.
pub fn https_client(ca: &[u8], identity: Option<(&[u8], &[u8])>) -> reqwest::Client {
    use rustls_pki_types::pem::PemObject;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_pki_types::CertificateDer::pem_slice_iter(ca) {
        roots.add(cert.unwrap()).unwrap();
    }
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots);
    let tls = match identity {
        None => builder.with_no_client_auth(),
        Some((cert, key)) => {
            let certs = rustls_pki_types::CertificateDer::pem_slice_iter(cert)
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            let key = rustls_pki_types::PrivateKeyDer::from_pem_slice(key).unwrap();
            builder.with_client_auth_cert(certs, key).unwrap()
        }
    };
    reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// Read the config at `from`, edit it, and write it privately to `to`.
fn edit_config(from: &Path, to: &Path, edit: impl FnOnce(&mut ConfigDoc)) {
    let text = std::fs::read_to_string(from).unwrap();
    let mut doc = ConfigDoc(text.parse().unwrap());
    edit(&mut doc);
    std::fs::write(to, doc.0.to_string()).unwrap();
    set_private(to);
}

/// A config being edited: its profiles' settings, and the comments on top.
pub struct ConfigDoc(toml_edit::DocumentMut);

impl ConfigDoc {
    /// The profiles' names, in the file's order.
    pub fn names(&self) -> Vec<String> {
        self.0["profiles"]
            .as_table()
            .unwrap()
            .iter()
            .map(|(k, _)| k.to_string())
            .collect()
    }

    pub fn profile(&mut self, name: &str) -> &mut toml_edit::Table {
        self.0["profiles"][name]
            .as_table_mut()
            .unwrap_or_else(|| panic!("no profile {name}"))
    }

    /// Set (or add) one setting of a profile.
    pub fn set(&mut self, profile: &str, key: &str, value: impl Into<toml_edit::Value>) {
        self.profile(profile)[key] = toml_edit::value(value);
    }

    /// Drop one setting of a profile (a multi-line array goes whole).
    pub fn remove(&mut self, profile: &str, key: &str) {
        self.profile(profile).remove(key);
    }

    /// Add profile `to`, a copy of `from`.
    pub fn copy_profile(&mut self, from: &str, to: &str) {
        let copy = self.profile(from).clone();
        self.0["profiles"][to] = toml_edit::Item::Table(copy);
    }

    /// Drop a whole profile.
    pub fn remove_profile(&mut self, name: &str) {
        self.0["profiles"].as_table_mut().unwrap().remove(name);
    }

    /// The same edit on every profile.
    pub fn each(&mut self, mut edit: impl FnMut(&mut ConfigDoc, &str)) {
        for name in self.names() {
            edit(self, &name);
        }
    }

    /// A comment line above everything else, as a user keeps notes in a config.
    pub fn comment_on_top(&mut self, line: &str) {
        let mut key = self.0.as_table_mut().key_mut("default_profile").unwrap();
        let decor = key.leaf_decor_mut();
        let old = decor.prefix().and_then(|p| p.as_str()).unwrap_or("");
        let new = format!("{line}\n{old}");
        decor.set_prefix(new);
    }
}
