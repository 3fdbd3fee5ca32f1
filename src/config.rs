//! Profiles from the TOML config file, secret sources, and the precedence rules
//! (flag > environment > profile) that turn them into a resolved [`Target`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::transport::tls::TlsOptions;

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

/// A secret value. Its `Debug` and `Display` never show the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Which secret of a profile is asked for.
#[derive(Debug, Clone, Copy)]
pub enum SecretName {
    Password,
    Token,
    ApiKey,
}

impl SecretName {
    fn key(self) -> &'static str {
        match self {
            SecretName::Password => "password",
            SecretName::Token => "token",
            SecretName::ApiKey => "api_key",
        }
    }
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

    /// Resolve one secret of a profile from whichever source it names.
    pub fn secret(&self, profile_name: &str, which: SecretName) -> Result<Option<Secret>> {
        let p = self.profile(profile_name)?;
        let (inline, env, command, file) = match which {
            SecretName::Password => (
                &p.password,
                &p.password_env,
                &p.password_command,
                &p.password_file,
            ),
            SecretName::Token => (&p.token, &p.token_env, &p.token_command, &p.token_file),
            SecretName::ApiKey => (
                &p.api_key,
                &p.api_key_env,
                &p.api_key_command,
                &p.api_key_file,
            ),
        };
        let key = which.key();
        let here = || format!("config {}: profile '{profile_name}'", self.path.display());
        if let Some(var) = env {
            return match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(Some(Secret(v))),
                _ => Err(Error::usage(format!(
                    "{}: {key}_env names ${var}, which is not set",
                    here()
                ))),
            };
        }
        if let Some(argv) = command {
            return run_secret_command(argv)
                .map(|s| Some(Secret(s)))
                .map_err(|e| Error::usage(format!("{}: {key}_command: {e}", here())));
        }
        if let Some(path) = file {
            return std::fs::read_to_string(path)
                .map(|s| Some(Secret(s.trim_end_matches(['\n', '\r']).to_string())))
                .map_err(|e| {
                    Error::usage(format!("{}: {key}_file {}: {e}", here(), path.display()))
                });
        }
        if let Some(v) = inline {
            if self.readable_by_others {
                crate::output::warn(&format!(
                    "{} holds an inline {key} for profile '{profile_name}' and is readable by group \
                     or others; run `chmod 600 {}` or use {key}_command",
                    self.path.display(),
                    self.path.display()
                ));
            }
            return Ok(Some(Secret(v.clone())));
        }
        Ok(None)
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

fn run_secret_command(argv: &[String]) -> std::result::Result<String, String> {
    let (program, args) = argv.split_first().ok_or("is empty")?;
    let out = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run '{program}': {e}"))?;
    if !out.status.success() {
        return Err(format!("'{program}' failed ({})", out.status));
    }
    let text =
        String::from_utf8(out.stdout).map_err(|_| format!("'{program}' printed non-UTF-8"))?;
    // `pass` and friends print the secret on the first line.
    let first = text.lines().next().unwrap_or("").to_string();
    if first.is_empty() {
        return Err(format!("'{program}' printed nothing"));
    }
    Ok(first)
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

/// Everything a backend needs to talk to one system, after precedence is applied.
#[derive(Debug, Clone)]
pub struct Target {
    pub profile: String,
    pub backend: BackendKind,
    pub url: url::Url,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub token: Option<Secret>,
    pub api_key: Option<Secret>,
    pub tls: TlsOptions,
    pub timeout: Duration,
    /// Where transport code reports (`-v` lines, warnings).
    pub log: crate::transport::Log,
    /// `allow_plaintext = true`: credentials may go over http:// to a host that is not loopback.
    pub allow_plaintext: bool,
    /// Whether login tokens may be kept in the user's cache.
    pub cache_tokens: bool,
    /// Stop a listing whose next links go on past this many pages (exit 5).
    pub max_pages: usize,
    /// TrueNAS only: which API to use (`None`: WebSocket, falling back to REST on a 404).
    pub api: Option<ApiFlavour>,
    /// Opal only: the default resources, and the request rate.
    pub resource_ids: Vec<String>,
    pub rate_limit: Option<f64>,
}

impl Target {
    /// `smb profile 'prod' at https://q:8000`: the prefix every error about this target carries.
    pub fn label(&self) -> String {
        format!(
            "{} profile '{}' at {}",
            self.backend,
            self.profile,
            crate::transport::http::redact_url(&self.url)
        )
    }

    /// Where this target's credentials may go; refuses plain http to a host that is not
    /// loopback unless the profile allows it.
    pub fn origin(&self) -> Result<crate::transport::origin::Origin> {
        crate::transport::origin::Origin::of(
            &self.url,
            self.allow_plaintext,
            &self.profile,
            self.log,
        )
    }
}

/// Overrides from the command line that beat the profile.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub url: Option<String>,
    pub timeout: Option<Duration>,
    pub ca_cert: Option<PathBuf>,
    pub insecure: bool,
    /// Where transport code reports (`-v` lines, warnings).
    pub log: crate::transport::Log,
    /// `--max-pages`; `None` is [`DEFAULT_MAX_PAGES`].
    pub max_pages: Option<usize>,
}

/// A million sessions at the default page size of 1,000.
pub const DEFAULT_MAX_PAGES: usize = 1000;
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Opal's production API; self-hosted and sandbox instances set `url`.
pub const OPAL_DEFAULT_URL: &str = "https://api.opal.dev/v1";

impl Config {
    /// A profile's base URL: `--url`, else the profile's, else the backend's default.
    pub fn base_url(&self, name: &str, over: &Overrides) -> Result<url::Url> {
        let p = self.profile(name)?;
        let here = || format!("config {}: profile '{name}'", self.path.display());
        let url_text = over
            .url
            .clone()
            .or_else(|| p.url.clone())
            .or_else(|| {
                (p.backend == Some(BackendKind::Opal)).then(|| OPAL_DEFAULT_URL.to_string())
            })
            .ok_or_else(|| Error::usage(format!("{}: no `url` (and no --url)", here())))?;
        parse_base_url(&url_text).map_err(|e| Error::usage(format!("{}: {e}", here())))
    }

    /// A profile's TLS trust, with the command line's overrides.
    pub fn tls_options(&self, name: &str, over: &Overrides) -> Result<TlsOptions> {
        let p = self.profile(name)?;
        Ok(TlsOptions {
            ca_cert: over.ca_cert.clone().or_else(|| p.ca_cert.clone()),
            fingerprint: p.tls_fingerprint.clone(),
            insecure: over.insecure || p.insecure.unwrap_or(false),
            client_identity: p.client_cert.clone().zip(p.client_key.clone()),
            profile: name.to_string(),
        })
    }

    /// Build the [`Target`] for a profile, resolving its secrets.
    pub fn target(&self, name: &str, over: &Overrides) -> Result<Target> {
        let p = self.profile(name)?;
        let backend = p.backend.expect("validated at load");
        let url = self.base_url(name, over)?;
        let timeout = match (over.timeout, &p.timeout) {
            (Some(t), _) => t,
            (None, Some(t)) => humantime::parse_duration(t).expect("validated at load"),
            (None, None) => DEFAULT_TIMEOUT,
        };
        let tls = self.tls_options(name, over)?;
        Ok(Target {
            profile: name.to_string(),
            backend,
            url,
            username: p.username.clone(),
            password: self.secret(name, SecretName::Password)?,
            token: self.secret(name, SecretName::Token)?,
            api_key: self.secret(name, SecretName::ApiKey)?,
            resource_ids: p.resource_ids.clone().unwrap_or_default(),
            rate_limit: p.rate_limit,
            tls,
            timeout,
            log: over.log,
            allow_plaintext: p.allow_plaintext.unwrap_or(false),
            cache_tokens: p.token_cache.unwrap_or(true),
            max_pages: over.max_pages.unwrap_or(DEFAULT_MAX_PAGES),
            api: p.api,
        })
    }
}

/// Parse a profile URL. The path is kept (a cluster may serve its API under `/api`), without a
/// trailing slash, so that vendor paths can be appended.
pub fn parse_base_url(text: &str) -> std::result::Result<url::Url, String> {
    let mut url = url::Url::parse(text).map_err(|e| format!("url '{text}': {e}"))?;
    if url.host_str().is_none() {
        return Err(format!("url '{text}' has no host"));
    }
    let path = url.path().trim_end_matches('/').to_string();
    url.set_path(&path);
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
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

    #[test]
    fn base_url_keeps_prefix_without_trailing_slash() {
        assert_eq!(
            parse_base_url("https://h:8000/api/").unwrap().path(),
            "/api"
        );
        assert_eq!(parse_base_url("https://h:8000").unwrap().path(), "/");
        assert!(parse_base_url("not a url").is_err());
    }

    #[test]
    fn secret_debug_hides_value() {
        assert_eq!(format!("{:?}", Secret::new("hunter2")), "<redacted>");
    }
}
