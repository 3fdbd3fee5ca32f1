//! `sessions simulate`: a faithful local stand-in for every vendor API, over real TLS.
//! One folder per vendor; `server.rs`, `certs.rs`, `files.rs`, `faults.rs` and `rng.rs` are
//! what they share. This file is the registry: adding a vendor means a folder here and one
//! line in [`start`]. Nothing here borrows the client's parsers or formatters, so that a bug
//! in one can show up in the other: this crate depends on no client code. The client
//! (`sessions`, at the workspace root) includes it behind its default feature `simulator`.

mod args;
pub mod certs;
mod changes;
mod churn;
pub mod config;
mod duration;
pub mod error;
mod fault_answers;
pub mod faults;
mod files;
mod ontap;
mod opal;
pub mod page_faults;
pub mod process;
mod qumulo;
mod rng;
pub mod server;
mod tcp;
mod truenas;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use config::{ConfigFile, Profile};
pub use error::{Error, ErrorKind, Result};

pub use args::{Args, TrueNasVersion};
pub use certs::TlsShape;
pub use changes::Changes;
pub use files::RunFiles;
pub use rng::Rng;

/// Options of one simulator run.
#[derive(Debug, Clone)]
pub struct SimOptions {
    pub sessions: usize,
    pub seed: u64,
    /// `--latency`: for every backend (`None`), or for the one named.
    pub latency: Vec<(Option<String>, Duration)>,
    /// `--churn`: changes a second per backend.
    pub churn: Option<f64>,
    /// `--copies`: profiles written per backend.
    pub copies: u16,
    pub faults: Vec<String>,
    pub quirks: bool,
    pub truenas_version: TrueNasVersion,
    pub opal_resources: u32,
    pub opal_rate_limit: f64,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub tls: TlsShape,
    pub plain_http: bool,
    /// `--next-link`: served verbatim as every list page's next link or cursor.
    pub next_link: Option<String>,
    /// The run's change log, which the vendor modules write their closes to.
    pub changes: Changes,
}

impl From<&Args> for SimOptions {
    fn from(a: &Args) -> Self {
        SimOptions {
            sessions: a.sessions,
            seed: a.seed,
            latency: a.latency.clone(),
            churn: a.churn,
            copies: a.copies,
            faults: a.fault.clone(),
            quirks: a.quirks,
            truenas_version: a.truenas_version,
            opal_resources: a.opal_resources,
            opal_rate_limit: a.opal_rate_limit,
            bind: a.bind,
            port: a.port,
            tls: a.tls,
            plain_http: a.plain_http,
            next_link: a.next_link.clone(),
            changes: Changes::default(),
        }
    }
}

/// What each vendor module contributes to a run: its API, a profile with its credentials
/// (`start` fills in the URL and the CA certificate), and every credential it accepts.
pub struct Backend {
    pub name: &'static str,
    /// A line for the written config's header (e.g. an alternative credential), or empty.
    pub comment: String,
    /// Where the API lives under the listener (Opal's is `/v1`).
    pub url_path: &'static str,
    pub api: Arc<dyn server::VendorApi>,
    pub profile: Profile,
    /// Its entry in `secrets.json`: a JSON object of the credentials it accepts.
    pub secrets: serde_json::Value,
}

/// A running simulator. Dropping it stops every listener.
pub struct Running {
    config_path: PathBuf,
    pub files: RunFiles,
    pub urls: Vec<(String, String)>,
    pub cert_fingerprint: String,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

impl Running {
    pub fn config_path(&self) -> &Path {
        &self.config_path
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// Bind every listener, then write the run's files and the config, then serve.
pub async fn start(opts: &SimOptions, config_path: Option<&Path>) -> Result<Running> {
    let faults = Arc::new(server::faults_from(&opts.faults)?);
    let cert = certs::make(opts.tls, opts.bind)?;
    let shared = server::Shared {
        latency: None,
        faults: faults.clone(),
    };
    let backends = vec![
        qumulo::backend(opts, faults.clone()),
        ontap::backend(opts, faults.clone(), cert.client_der.clone()),
        truenas::backend(opts, faults.clone()),
        opal::backend(opts, faults.clone()),
    ];
    let bound = bind_all(opts, backends).await?;

    let (dir, config_path) = match config_path {
        Some(p) => (None, p.to_path_buf()),
        None => {
            let d = tempfile::Builder::new()
                .prefix("sessions-sim-")
                .tempdir()
                .map_err(|e| Error::other(format!("simulator temp dir: {e}")))?;
            let p = d.path().join("config.toml");
            (Some(d), p)
        }
    };
    let files = RunFiles::beside(&config_path)?;
    files.write(&cert)?;
    opts.changes.open(&files.dir)?;
    let fingerprint = certs::fingerprint(&cert.leaf_der);
    let mut secrets = serde_json::Map::new();

    let mut file = ConfigFile::default();
    let mut comments = String::new();
    let mut urls = Vec::new();
    let mut tasks = Vec::new();
    for (b, listener, addr) in bound {
        let scheme = if opts.plain_http { "http" } else { "https" };
        let url = format!("{scheme}://{addr}{}", b.url_path);
        if !b.comment.is_empty() {
            comments.push_str(&format!("# {}\n", b.comment));
        }
        // The simulator's tokens die with it: keep them out of the user's cache.
        let profile = Profile {
            url: Some(url.clone()),
            ca_cert: Some(files.ca.clone()),
            token_cache: Some(false),
            ..b.profile
        };
        file.profiles.push((b.name.to_string(), profile.clone()));
        for copy in 2..=opts.copies {
            let name = format!("{}-{copy}", b.name);
            file.profiles.push((name, profile.clone()));
        }
        secrets.insert(b.name.to_string(), b.secrets.clone());
        urls.push((b.name.to_string(), url));
        if let Some(rate) = opts.churn {
            let seed = opts.seed ^ (0xC0DE + tasks.len() as u64);
            let api = b.api.clone();
            tasks.push(tokio::spawn(churn::run(
                b.name,
                api,
                rate,
                seed,
                opts.sessions,
                opts.changes.clone(),
            )));
        }
        tasks.push(tokio::spawn(server::serve(
            listener,
            (!opts.plain_http).then(|| cert.server_config.clone()),
            b.api.clone(),
            server::Shared {
                latency: opts.latency_of(b.name),
                ..shared.clone()
            },
        )));
    }
    file.default_profile = urls.first().map(|(n, _)| n.clone());
    let text = toml::to_string_pretty(&file)
        .map_err(|e| Error::other(format!("simulator config: {e}")))?;
    files.write_secrets(secrets, &fingerprint)?;
    let header = config_header(&fingerprint, &files, &comments);
    files::write_private(&config_path, format!("{header}{text}").as_bytes())?;

    Ok(Running {
        config_path,
        files,
        urls,
        cert_fingerprint: fingerprint,
        tasks,
        _dir: dir,
    })
}

/// The config's comment lines: what to pin or trust, and the credentials profiles leave out.
fn config_header(fingerprint: &str, files: &RunFiles, comments: &str) -> String {
    format!(
        "# Written by `sessions simulate`; valid while that simulator runs.\n\
         # Server certificate SHA-256, for tls_fingerprint: {fingerprint}\n\
         # Server certificate (PEM): {}\n\
         # cifs certificate login (for client_cert/client_key): {} {}\n{comments}",
        files.server.display(),
        files.client_cert.display(),
        files.client_key.display()
    )
}

type Bound = (Backend, tokio::net::TcpListener, std::net::SocketAddr);

/// One listener per backend: on ports from `--port` on, or ephemeral ones.
async fn bind_all(opts: &SimOptions, backends: Vec<Backend>) -> Result<Vec<Bound>> {
    let mut bound = Vec::new();
    for (i, b) in backends.into_iter().enumerate() {
        let port = if opts.port == 0 {
            0
        } else {
            opts.port.saturating_add(i as u16)
        };
        let (listener, addr) = server::bind(opts.bind, port).await?;
        bound.push((b, listener, addr));
    }
    Ok(bound)
}

/// The simulator `--demo` runs in-process.
pub async fn start_demo() -> Result<Running> {
    start(&SimOptions::demo(), None).await
}

impl SimOptions {
    /// The latency of one backend: its own `--latency NAME=...`, else the general one.
    pub fn latency_of(&self, backend: &str) -> Option<Duration> {
        let own = self
            .latency
            .iter()
            .rev()
            .find(|(b, _)| b.as_deref() == Some(backend));
        let general = self.latency.iter().rev().find(|(b, _)| b.is_none());
        own.or(general).map(|(_, d)| *d)
    }

    /// What `--demo` runs: 40 sessions a backend from seed 1, no faults, no quirks.
    pub fn demo() -> SimOptions {
        SimOptions {
            sessions: 40,
            seed: 1,
            latency: Vec::new(),
            churn: None,
            copies: 1,
            faults: Vec::new(),
            quirks: false,
            truenas_version: TrueNasVersion::Scale25_10,
            opal_resources: 4,
            opal_rate_limit: 100.0,
            bind: std::net::Ipv4Addr::LOCALHOST.into(),
            port: 0,
            tls: TlsShape::CaSigned,
            plain_http: false,
            next_link: None,
            changes: Changes::default(),
        }
    }
}
