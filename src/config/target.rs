//! The precedence rules (flag > environment > profile) that turn a profile into a resolved
//! [`Target`]: everything a backend needs to talk to one system.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::file::Config;
use super::keep::Keep;
use super::secret::SecretName;
use super::url::{parse_base_url, BaseUrl};
use crate::error::{Error, Result};
use crate::transport::http::{Client, Pool};
use crate::transport::limits::DEFAULT_MAX_BODY;
use crate::transport::tls::TlsOptions;
use crate::transport::token_cache::CacheKey;
use crate::transport::Limits;
use crate::transport::Secret;

/// Everything a backend needs to talk to one system, after precedence is applied.
#[derive(Debug, Clone)]
pub struct Target {
    pub profile: String,
    /// The backend's name, as `backend = "..."` gives it.
    pub backend: String,
    pub url: url::Url,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub token: Option<Secret>,
    pub api_key: Option<Secret>,
    pub tls: TlsOptions,
    /// The run's deadline, each request's timeout, and the largest body accepted.
    pub limits: Limits,
    /// Where transport code reports (`-v` lines, warnings).
    pub log: crate::transport::Log,
    /// `allow_plaintext = true`: credentials may go over http:// to a host that is not loopback.
    pub allow_plaintext: bool,
    /// Whether login tokens may be kept in the user's cache.
    pub cache_tokens: bool,
    /// Stop a listing whose next links go on past this many pages (exit 5).
    pub max_pages: usize,
    /// Listed again and again (`--watch`, the exporter): its listing keeps its login between
    /// runs (see `keep.rs`).
    pub repeats: bool,
    /// How to tell another vendor's error answers (see `backends::recognise`).
    pub recognise: Option<crate::transport::mistakes::Recognise>,
    /// The connection pool a repeated target keeps between runs (shared by the clones
    /// [`again`](Target::again) makes).
    pub(crate) pool: KeptPool,
}

/// What [`Target::client`] keeps when the target repeats: see `http::Pool`.
#[derive(Clone, Default)]
pub(crate) struct KeptPool(Arc<Keep<Pool>>);

impl std::fmt::Debug for KeptPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeptPool")
    }
}

impl Target {
    /// The profile's user and password, for a backend that logs in with them; `why` ends the
    /// message when either is missing (what else the backend takes, or why it needs both).
    pub(crate) fn user_and_password(&self, why: &str) -> Result<(&str, &Secret)> {
        match (&self.username, &self.password) {
            (Some(u), Some(p)) => Ok((u, p)),
            _ => Err(Error::usage(format!(
                "the profile needs `username` with a password source (password_command, \
                 password_env, password_file or password){why}"
            ))),
        }
    }

    /// The token cache's entry for a login with the profile's user and password, unless the
    /// profile keeps tokens out of the cache.
    pub(crate) fn password_cache_key(&self, why: &str) -> Result<Option<CacheKey>> {
        if !self.cache_tokens {
            return Ok(None);
        }
        let (user, password) = self.user_and_password(why)?;
        Ok(Some(CacheKey::new(self.url.as_str(), user, password)))
    }

    /// `smb profile 'prod' at https://q:8000`: the prefix every error about this target carries.
    pub fn label(&self) -> String {
        format!(
            "{} profile '{}' at {}",
            self.backend,
            self.profile,
            crate::transport::http::redact_url(&self.url)
        )
    }

    /// An HTTP client for this target: its origin, trust, limits and `-v` setting. A target
    /// that repeats keeps its connections for the next run (see `http::Pool`).
    pub fn client(&self) -> Result<Client> {
        let origin = Arc::new(self.origin()?);
        let pool = match self.pool.0.take() {
            Some(pool) => {
                crate::transport::tls::warn_if_insecure(&self.tls, self.log);
                pool
            }
            None => Pool::new(&origin, &self.tls, self.limits.request_timeout, self.log)?,
        };
        let _ = self.pool.0.put(self.repeats, pool.clone());
        Ok(Client::on(pool, origin, &self.tls, self.limits, self.log)
            .recognising(self.recognise, &self.backend))
    }

    /// Run `work` within the run's deadline (`--timeout`, retries included).
    pub async fn within_deadline<T>(
        &self,
        work: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        tokio::time::timeout_at(self.limits.deadline, work)
            .await
            .unwrap_or_else(|_| Err(self.limits.expired()))
    }

    /// The same target for one more run of a repeated listing (`--watch`, the exporter):
    /// a fresh deadline, and what the last run kept.
    pub fn again(&self) -> Target {
        let mut t = self.clone();
        t.limits = Limits::starting_now(
            self.limits.timeout,
            self.limits.request_timeout,
            self.limits.max_body,
        );
        t
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
    pub request_timeout: Option<Duration>,
    pub ca_cert: Option<PathBuf>,
    pub insecure: bool,
    /// Where transport code reports (`-v` lines, warnings).
    pub log: crate::transport::Log,
    /// `--max-pages`; `None` is [`DEFAULT_MAX_PAGES`].
    pub max_pages: Option<usize>,
}

/// A million sessions at the default page size of 1,000.
pub(crate) const DEFAULT_MAX_PAGES: usize = 1000;
/// The whole run of one profile, retries included.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// One request.
pub(super) const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

impl Config {
    /// A profile's base URL: `--url`, else the profile's, else the backend's default, reduced
    /// to the base by the backend's [`UrlForms`](super::UrlForms).
    pub fn base_url(&self, name: &str, over: &Overrides) -> Result<url::Url> {
        Ok(self.base(name, over)?.url)
    }

    fn base(&self, name: &str, over: &Overrides) -> Result<BaseUrl> {
        let p = self.profile(name)?;
        let backend = p.backend.as_str();
        let here = || format!("config {}: profile '{name}'", self.path.display());
        let url_text = self
            .url_text(name, over)
            .ok_or_else(|| Error::usage(format!("{}: no `url` (and no --url)", here())))?;
        let from_flag = over.url.is_some();
        let base =
            parse_base_url(&url_text, self.rules.url_forms(backend)).map_err(
                |e| match from_flag {
                    true => Error::usage(format!("--url: {e}")),
                    false => Error::usage(format!("{}: {e}", here())),
                },
            )?;
        if let Some(note) = &base.note {
            over.log.verbose(format_args!("{note}"));
        }
        Ok(base)
    }

    /// The URL a profile uses, as written: `--url`, else the profile's, else the backend's
    /// default.
    fn url_text(&self, name: &str, over: &Overrides) -> Option<String> {
        let p = self.file.profiles.get(name)?;
        over.url
            .clone()
            .or_else(|| p.url.clone())
            .or_else(|| self.rules.default_url(&p.backend).map(str::to_string))
    }

    /// A profile's keys of its own, as its backend reads them when the config loads: with
    /// what the pasted URL's path stands for (`api = "ddp"` for TrueNAS's `/websocket`) where
    /// the profile does not say. A URL that does not parse adds nothing: building the target
    /// refuses it.
    pub fn own_keys(&self, name: &str, over: &Overrides) -> Result<toml::Table> {
        let p = self.profile(name)?;
        let mut own = p.options.clone();
        let implies = self
            .url_text(name, over)
            .and_then(|t| parse_base_url(&t, self.rules.url_forms(&p.backend)).ok())
            .and_then(|base| base.implies);
        if let Some((key, value)) = implies {
            own.entry(key).or_insert_with(|| value.into());
        }
        Ok(own)
    }

    /// A profile whose key says otherwise than its URL's path is refused, naming the URL to
    /// write.
    fn check_implied(&self, name: &str, base: &BaseUrl) -> Result<()> {
        let options = &self.profile(name)?.options;
        let Some((key, value)) = base.implies else {
            return Ok(());
        };
        match options.get(key).and_then(toml::Value::as_str) {
            None => Ok(()),
            Some(set) if set == value => Ok(()),
            Some(set) => Err(Error::usage(format!(
                "profile '{name}': its url's path means {key} = \"{value}\", but the profile says {key} = \"{set}\": write {} as the url, or set {key} = \"{value}\"",
                crate::transport::http::redact_url(&base.url)
            ))),
        }
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
        let base = self.base(name, over)?;
        self.check_implied(name, &base)?;
        let url = base.url;
        let timeout = over.timeout.or(p.timeout).unwrap_or(DEFAULT_TIMEOUT);
        let request_timeout = over
            .request_timeout
            .or(p.request_timeout)
            .unwrap_or(DEFAULT_REQUEST_TIMEOUT);
        let max_body = p.max_body.unwrap_or(DEFAULT_MAX_BODY);
        let tls = self.tls_options(name, over)?;
        // The secrets' helpers run first, within the same deadline.
        let limits = Limits::starting_now(timeout, request_timeout, max_body);
        Ok(Target {
            profile: name.to_string(),
            backend: p.backend.clone(),
            url,
            username: p.username.clone(),
            password: self.secret(name, SecretName::Password, &limits, over.log)?,
            token: self.secret(name, SecretName::Token, &limits, over.log)?,
            api_key: self.secret(name, SecretName::ApiKey, &limits, over.log)?,
            tls,
            limits,
            log: over.log,
            allow_plaintext: p.allow_plaintext.unwrap_or(false),
            cache_tokens: p.token_cache.unwrap_or(true),
            max_pages: over.max_pages.unwrap_or(DEFAULT_MAX_PAGES),
            repeats: false,
            recognise: self.rules.recognise(),
            pool: KeptPool::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::{Config, Overrides};

    /// A loopback HTTP/1.1 server that answers `{}` to every request and keeps connections
    /// open; returns its port and how many connections it accepted.
    async fn server() -> (u16, Arc<AtomicUsize>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let count = accepted.clone();
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                count.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    while let Ok(n) = sock.read(&mut chunk).await {
                        if n == 0 {
                            return;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                        while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            buf.drain(..end + 4);
                            let answer = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}";
                            if sock.write_all(answer.as_bytes()).await.is_err() {
                                return;
                            }
                        }
                    }
                });
            }
        });
        (port, accepted)
    }

    /// Two runs of the target (each with its own client, as each run makes one), one GET
    /// each; how many connections the server saw.
    async fn connections_for_two_runs(repeats: bool) -> usize {
        let (port, accepted) = server().await;
        // Any backend: the client is the same for all.
        let backend = crate::backends::ALL[0].name();
        let text = format!(
            "[profiles.p]\nbackend = \"{backend}\"\nurl = \"http://127.0.0.1:{port}\"\ntoken = \"t\"\n"
        );
        let config = Config::from_text(
            Path::new("c.toml"),
            &text,
            &crate::backends::Registry,
            false,
        )
        .unwrap();
        let mut target = config.target("p", &Overrides::default()).unwrap();
        target.repeats = repeats;
        for _ in 0..2 {
            let run = target.again();
            let client = run.client().unwrap();
            let url = run.url.join("/x").unwrap();
            let resp = client
                .send(client.request(reqwest::Method::GET, url))
                .await
                .unwrap();
            assert_eq!(resp.status.as_u16(), 200);
        }
        accepted.load(Ordering::SeqCst)
    }

    #[tokio::test]
    async fn a_repeated_target_keeps_its_connection_between_runs() {
        assert_eq!(connections_for_two_runs(true).await, 1);
        assert_eq!(
            connections_for_two_runs(false).await,
            2,
            "a one-shot target keeps nothing"
        );
    }
}
