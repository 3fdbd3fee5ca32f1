//! Profiles from the TOML config file: loading, validation and the choice of profile.
//! Secret sources are in `secret.rs`; the precedence rules (flag > environment > profile)
//! that turn a profile into a resolved [`Target`] are in `target.rs`.

mod secret;
mod target;

pub use secret::{Secret, SecretName};
pub use target::{
    parse_base_url, Overrides, Target, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT, OPAL_DEFAULT_URL,
};

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The backends a profile can name. The string forms are what `backend = "..."` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    /// Qumulo SMB sessions.
    Smb,
    /// NetApp ONTAP CIFS sessions.
    Cifs,
    /// TrueNAS login sessions.
    Auth,
    /// Opal access sessions.
    Opal,
}

/// Which TrueNAS API a profile uses (`api = "..."`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiFlavour {
    /// JSON-RPC 2.0 over WebSocket (SCALE, 25.04 and later): the default.
    Websocket,
    /// The REST API of TrueNAS CORE 12/13.
    Rest,
}

impl BackendKind {
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Smb => "smb",
            BackendKind::Cifs => "cifs",
            BackendKind::Auth => "auth",
            BackendKind::Opal => "opal",
        }
    }
    pub fn vendor(self) -> &'static str {
        match self {
            BackendKind::Smb => "Qumulo",
            BackendKind::Cifs => "ONTAP",
            BackendKind::Auth => "TrueNAS",
            BackendKind::Opal => "Opal",
        }
    }
}

impl fmt::Display for BackendKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The whole config file.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One `[profiles.NAME]` table. Every secret (`password`, `token`, `api_key`) can come inline,
/// from an environment variable (`*_env`), a command's stdout (`*_command`) or a file (`*_file`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub backend: Option<BackendKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,

    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_env: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_command: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_file: Option<PathBuf>,

    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_env: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_command: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,

    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key_env: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key_command: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key_file: Option<PathBuf>,

    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_fingerprint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,

    /// Client certificate (PEM) for mutual TLS, e.g. an ONTAP cert-auth account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_cert: Option<PathBuf>,
    /// The client certificate's private key (PEM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_key: Option<PathBuf>,

    /// Send credentials over plain http:// or ws:// to a host that is not loopback (warns on
    /// every run). Off by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_plaintext: Option<bool>,
    /// Keep login tokens in the user's cache (default true; the simulator's profiles say false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_cache: Option<bool>,

    /// TrueNAS: `websocket` (default) or `rest` for TrueNAS CORE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<ApiFlavour>,

    /// Opal: the resources listed when no --resource-id is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_ids: Option<Vec<String>>,
    /// Opal: requests per second for the whole run (default 50, under Opal's 100/s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<f64>,
}

/// The config file as loaded, with where it came from.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    pub file: ConfigFile,
    /// True when group or others may read the file (inline secrets then earn a warning).
    pub readable_by_others: bool,
}

/// The default config path: `<platform config dir>/sessions/config.toml`.
pub fn default_path() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("sessions")
        .join("config.toml")
}

impl Config {
    /// Read and validate a config file. Every failure is a usage error (exit 2) naming the file.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::usage(format!(
                    "no config file at {}: create one (see config.example.toml), pass -c PATH, \
                     or try --demo to use the built-in simulator",
                    path.display()
                ))
            } else {
                Error::usage(format!("cannot read config {}: {e}", path.display()))
            }
        })?;
        let file = parse(&text)
            .map_err(|msg| Error::usage(format!("config {}: {msg}", path.display())))?;
        let readable_by_others = is_readable_by_others(path);
        let config = Config {
            path: path.to_path_buf(),
            file,
            readable_by_others,
        };
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<()> {
        for (name, p) in &self.file.profiles {
            if p.backend.is_none() {
                return Err(Error::usage(format!(
                    "config {}: profile '{name}' has no `backend` (one of: smb, cifs, auth, opal)",
                    self.path.display()
                )));
            }
            if p.rate_limit.is_some_and(|r| !(r > 0.0 && r.is_finite())) {
                return Err(Error::usage(format!(
                    "config {}: profile '{name}': rate_limit must be a positive number of requests per second",
                    self.path.display()
                )));
            }
            if p.client_cert.is_some() != p.client_key.is_some() {
                return Err(Error::usage(format!(
                    "config {}: profile '{name}': client_cert and client_key go together",
                    self.path.display()
                )));
            }
            if let Some(t) = &p.timeout {
                humantime::parse_duration(t).map_err(|e| {
                    Error::usage(format!(
                        "config {}: profile '{name}': timeout '{t}': {e} (write e.g. \"30s\")",
                        self.path.display()
                    ))
                })?;
            }
        }
        if let Some(d) = &self.file.default_profile {
            if !self.file.profiles.contains_key(d) {
                return Err(Error::usage(format!(
                    "config {}: default_profile '{d}' is not a profile (have: {})",
                    self.path.display(),
                    self.profile_names().join(", ")
                )));
            }
        }
        Ok(())
    }

    pub fn profile_names(&self) -> Vec<String> {
        self.file.profiles.keys().cloned().collect()
    }

    pub fn profile(&self, name: &str) -> Result<&Profile> {
        self.file.profiles.get(name).ok_or_else(|| {
            let have = self.profile_names();
            Error::usage(format!(
                "no profile '{name}' in {} (have: {})",
                self.path.display(),
                if have.is_empty() {
                    "none".to_string()
                } else {
                    have.join(", ")
                }
            ))
        })
    }
}

/// Parse config text; the error is one line with the line number and the key.
pub fn parse(text: &str) -> std::result::Result<ConfigFile, String> {
    toml::from_str::<ConfigFile>(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let msg = e.message().trim().to_string();
        match line {
            Some(l) => format!("line {l}: {msg}"),
            None => msg,
        }
    })
}

#[cfg(unix)]
fn is_readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o044 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_readable_by_others(_path: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let err = parse("[profiles.a]\nbackend = \"smb\"\npasword = \"x\"\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("pasword"), "{err}");
    }
}
