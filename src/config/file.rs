//! The config file: its profiles, loading them, checking them and choosing one.

use indexmap::IndexMap;
use std::path::{Path, PathBuf};

use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::url::{UrlForms, BASE_ONLY};
use super::words::article;
use crate::error::{Error, Result};

/// What the config needs to know about the backends, without naming any: the registry in
/// `backends/` implements it.
pub trait ProfileRules: Sync {
    /// The names `backend = "..."` takes.
    fn backends(&self) -> Vec<&'static str>;
    /// The keys a profile of this backend may set beyond the common ones.
    fn own_keys(&self, backend: &str) -> &'static [&'static str];
    /// The URL a profile of this backend without `url` uses.
    fn default_url(&self, backend: &str) -> Option<&'static str>;
    /// The forms of its URL that users paste, and what they reduce to.
    fn url_forms(&self, _backend: &str) -> &'static UrlForms {
        &BASE_ONLY
    }
    /// How to tell an error answer from another vendor's API (a profile with the wrong
    /// `backend`).
    fn recognise(&self) -> Option<crate::transport::mistakes::Recognise> {
        None
    }
}

/// The whole config file.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: IndexMap<String, Profile>,
}

/// One `[profiles.NAME]` table. Every secret (`password`, `token`, `api_key`) can come inline,
/// from an environment variable (`*_env`), a command's stdout (`*_command`) or a file (`*_file`).
// Not `deny_unknown_fields`: keys beyond the common ones land in `options`, and `validate`
// refuses those the profile's backend does not take (serde cannot deny with `flatten`); the
// backend reads them into its own typed struct when the config loads (`Backend::options`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Profile {
    /// Left out, it is empty, and loading refuses the profile.
    #[serde(default)]
    pub backend: String,
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
    /// The whole run's deadline, retries included, e.g. "60s".
    #[serde(
        default,
        deserialize_with = "timeout",
        serialize_with = "write_duration"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
    /// One request's timeout, e.g. "30s".
    #[serde(
        default,
        deserialize_with = "request_timeout",
        serialize_with = "write_duration"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout: Option<Duration>,
    /// The largest response accepted: bytes, or e.g. "64MiB".
    #[serde(default, deserialize_with = "max_body")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_body: Option<usize>,

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

    /// The keys of the profile's own backend (e.g. TrueNAS `api`, Opal `resource_ids`).
    #[serde(flatten)]
    pub options: toml::Table,
}

/// `timeout = "60s"`, read when the config loads: a bad value is refused with its line.
fn timeout<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Duration>, D::Error> {
    duration("timeout", d)
}

fn request_timeout<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Duration>, D::Error> {
    duration("request_timeout", d)
}

fn duration<'de, D: Deserializer<'de>>(
    key: &str,
    d: D,
) -> std::result::Result<Option<Duration>, D::Error> {
    let text = String::deserialize(d)
        .map_err(|e| serde::de::Error::custom(format!("{key}: {e} (write e.g. \"30s\")")))?;
    humantime::parse_duration(&text)
        .map(Some)
        .map_err(|e| serde::de::Error::custom(format!("{key}: '{text}': {e} (write e.g. \"30s\")")))
}

/// A duration as the config writes it (`"30s"`).
fn write_duration<S: Serializer>(
    d: &Option<Duration>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&humantime::format_duration(*d).to_string()),
        None => s.serialize_none(),
    }
}

/// `max_body`: a number of bytes, or text with a unit (`"64MiB"`).
fn max_body<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<usize>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    let size = Size::deserialize(d).map_err(|_| {
        serde::de::Error::custom("max_body: write a number of bytes, or e.g. \"64MiB\"")
    })?;
    let bytes = match size {
        Size::Bytes(0) => Err("0 is not a usable size".to_string()),
        Size::Bytes(n) => usize::try_from(n).map_err(|_| format!("{n} is too large")),
        Size::Text(t) => crate::transport::limits::parse_size(&t),
    };
    bytes
        .map(Some)
        .map_err(|e| serde::de::Error::custom(format!("max_body: {e}")))
}

/// The config file as loaded, with where it came from.
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// What the backends allow in a profile.
    pub rules: &'static dyn ProfileRules,
    /// What the file says.
    pub file: ConfigFile,
    /// True when group or others may read the file (inline secrets then earn a warning).
    pub readable_by_others: bool,
    /// The file's text, for the line of a key a later check refuses.
    text: String,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("path", &self.path)
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// The largest config file read: far beyond any real one.
const MAX_CONFIG: usize = 4 << 20;

/// The default config path: `<platform config dir>/sessions/config.toml`.
pub(crate) fn default_path() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("sessions")
        .join("config.toml")
}

impl Config {
    /// Read and validate a config file. Every failure is a usage error (exit 2) naming the file.
    pub fn load(path: &Path, rules: &'static dyn ProfileRules) -> Result<Config> {
        let text = crate::transport::local_file::read(path, MAX_CONFIG).map_err(|e| {
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
        let config = Config::from_text(path, &text, rules, is_readable_by_others(path))?;
        config.check_writers()?;
        Ok(config)
    }

    /// As ssh does of its config: a file others can change (or replace) may not run
    /// commands, since whoever writes it would run them as this user; anything else it says
    /// earns a warning.
    fn check_writers(&self) -> Result<()> {
        let Some((why, fix)) = crate::transport::local_file::writable_by_others(&self.path) else {
            return Ok(());
        };
        let runs = self.file.profiles.iter().find_map(|(name, p)| {
            let keys = [
                ("password_command", &p.password_command),
                ("token_command", &p.token_command),
                ("api_key_command", &p.api_key_command),
            ];
            keys.into_iter()
                .find(|(_, v)| v.is_some())
                .map(|(key, _)| (name, key))
        });
        match runs {
            Some((name, key)) => Err(Error::usage(format!(
                "config {why}: whoever can write it could run commands as you, so profile \
                 '{name}''s {key} is refused; run `{fix}`"
            ))),
            None => {
                crate::output::warn(&format!(
                    "config {why}: whoever can write it can change where credentials go; \
                     run `{fix}`"
                ));
                Ok(())
            }
        }
    }

    /// Parse and validate config text read from `path` (public for the fuzz target).
    pub fn from_text(
        path: &Path,
        text: &str,
        rules: &'static dyn ProfileRules,
        readable_by_others: bool,
    ) -> Result<Config> {
        let file =
            parse(text).map_err(|msg| Error::usage(format!("config {}: {msg}", path.display())))?;
        let config = Config {
            path: path.to_path_buf(),
            rules,
            file,
            readable_by_others,
            text: text.to_string(),
        };
        config.validate(text)?;
        Ok(config)
    }

    fn validate(&self, text: &str) -> Result<()> {
        let known = self.rules.backends().join(", ");
        for (name, p) in &self.file.profiles {
            let backend = p.backend.as_str();
            if backend.is_empty() {
                return Err(Error::usage(format!(
                    "config {}: profile '{name}' has no `backend` (one of: {known})",
                    self.path.display()
                )));
            }
            if !self.rules.backends().contains(&backend) {
                return Err(Error::usage(format!(
                    "config {}: {}profile '{name}': unknown backend `{backend}`, expected one of: {known}",
                    self.path.display(),
                    line_of(text, name, "backend").map(|l| format!("line {l}: ")).unwrap_or_default()
                )));
            }
            let own = self.rules.own_keys(backend);
            if let Some(key) = p.options.keys().find(|k| !own.contains(&k.as_str())) {
                let takes = if own.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} {backend} profile also takes: {}",
                        article(backend),
                        own.join(", ")
                    )
                };
                return Err(Error::usage(format!(
                    "config {}: {}profile '{name}': unknown key `{key}`{takes} (see config.example.toml)",
                    self.path.display(),
                    line_of(text, name, key).map(|l| format!("line {l}: ")).unwrap_or_default()
                )));
            }
            if p.client_cert.is_some() != p.client_key.is_some() {
                return Err(Error::usage(format!(
                    "config {}: profile '{name}': client_cert and client_key go together",
                    self.path.display()
                )));
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

    /// A bad value of a profile's key, found after the file parsed (a backend's own keys):
    /// the file, the key's line and the profile, as the parser's own errors say.
    pub fn key_error(&self, profile: &str, key: &str, message: &str) -> Error {
        let line = line_of(&self.text, profile, key);
        Error::usage(format!(
            "config {}: {}profile '{profile}': {key}: {message}",
            self.path.display(),
            line.map(|l| format!("line {l}: ")).unwrap_or_default()
        ))
    }

    /// The profiles' names, in the file's order.
    pub fn profile_names(&self) -> Vec<String> {
        self.file.profiles.keys().cloned().collect()
    }

    /// The profile called `name`, or a usage error that lists the ones there are.
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

/// The line of `key` in `[profiles.NAME]`, for error messages.
fn line_of(text: &str, profile: &str, key: &str) -> Option<usize> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let table = doc
        .get("profiles")?
        .as_table_like()?
        .get(profile)?
        .as_table_like()?;
    let start = table.key(key)?.span()?.start;
    Some(text[..start.min(text.len())].matches('\n').count() + 1)
}

/// Parse config text; the error is one line with the line number and the key.
pub(crate) fn parse(text: &str) -> std::result::Result<ConfigFile, String> {
    toml::from_str::<ConfigFile>(text).map_err(|e| {
        let start = e.span().map(|s| s.start.min(text.len()));
        let line = start.map(|s| text[..s].matches('\n').count() + 1);
        let msg = e.message().trim().to_string();
        let profile = start
            .and_then(|s| profile_at(text, s))
            .map(|p| format!("profile '{p}': "))
            .unwrap_or_default();
        match line {
            Some(l) => format!("line {l}: {profile}{msg}"),
            None => msg,
        }
    })
}

/// The profile whose key or value is at byte `offset` of well-formed TOML, for the errors of
/// values that parse but are not the key's type (`timeout = "5 parsecs"`).
fn profile_at(text: &str, offset: usize) -> Option<String> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let profiles = doc.get("profiles")?.as_table_like()?;
    let within = |span: Option<std::ops::Range<usize>>| span.is_some_and(|r| r.contains(&offset));
    let found = profiles.iter().find_map(|(name, item)| {
        let table = item.as_table_like()?;
        table
            .iter()
            .any(|(key, value)| {
                within(value.span()) || within(table.key(key).and_then(|k| k.span()))
            })
            .then(|| name.to_string())
    });
    found
}

#[cfg(unix)]
pub(crate) fn is_readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o044 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
pub(crate) fn is_readable_by_others(_path: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One backend, `b`, that takes one key of its own, `extra`.
    struct Rules;

    impl ProfileRules for Rules {
        fn backends(&self) -> Vec<&'static str> {
            vec!["b"]
        }
        fn own_keys(&self, _backend: &str) -> &'static [&'static str] {
            &["extra"]
        }
        fn default_url(&self, _backend: &str) -> Option<&'static str> {
            None
        }
    }

    fn load(text: &str) -> Result<Config> {
        Config::from_text(Path::new("c.toml"), text, &Rules, false)
    }

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let err = load("[profiles.a]\nbackend = \"b\"\npasword = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("pasword"), "{err}");
        assert!(err.contains("also takes: extra"), "{err}");
        let err = parse("pasword = 1\n").unwrap_err();
        assert!(err.contains("line 1") && err.contains("pasword"), "{err}");
    }

    #[test]
    fn a_backends_own_keys_and_names_are_checked() {
        let ok = load("[profiles.a]\nbackend = \"b\"\nextra = [\"x\"]\n").unwrap();
        assert_eq!(
            ok.file.profiles["a"].options["extra"][0].as_str(),
            Some("x")
        );
        let err = load("[profiles.a]\nurl = \"https://h\"\nbackend = \"nope\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 3") && err.contains("unknown backend `nope`"),
            "{err}"
        );
        assert!(err.contains("expected one of: b"), "{err}");
    }
}
