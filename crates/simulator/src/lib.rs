//! `sessions simulate`: a faithful local stand-in for every vendor API, over real TLS.
//! One folder per vendor; `server.rs`, `certs.rs`, `files.rs`, `faults.rs` and `rng.rs` are
//! what they share. This file is the registry: adding a vendor means a folder here and one
//! line in [`start`]. Nothing here borrows the client's parsers or formatters, so that a bug
//! in one can show up in the other: this crate depends on no client code. The client
//! (`sessions`, at the workspace root) includes it behind its default feature `simulator`.
//! Its API is what the client and the tests use: [`start`] (or [`start_demo`]) with
//! [`SimOptions`] (made from `simulate`'s [`Args`]) gives a [`Running`] simulator;
//! [`process`] detaches and stops one; [`Error`] says what failed.

#![deny(missing_docs)]

mod api;
mod args;
mod backend;
mod certs;
mod changes;
mod churn;
mod config;
mod duration;
mod error;
mod fault_answers;
mod faults;
mod files;
mod onefs;
mod ontap;
mod opal;
mod options;
mod page_faults;
pub mod process;
mod qumulo;
mod requests;
mod rng;
mod run_log;
mod server;
mod tcp;
mod truenas;
mod vendors;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use config::{ConfigFile, Profile};
pub use error::{Error, ErrorKind, Result};

pub use args::Args;
pub(crate) use backend::Backend;
pub(crate) use files::RunFiles;
pub use options::SimOptions;
pub use vendors::VendorFlags;

/// A running simulator. Dropping it stops every listener.
pub struct Running {
    config_path: PathBuf,
    /// The run's directory and the files in it (certificates, secrets, the change log).
    pub files: RunFiles,
    /// Each backend's name and the URL it listens on, in the registry's order.
    pub urls: Vec<(String, String)>,
    /// The server certificate's SHA-256, as a profile's `tls_fingerprint` takes it.
    pub cert_fingerprint: String,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

impl Running {
    /// The config file it wrote: a profile per backend.
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
        backend: "",
        requests: opts.requests.clone(),
    };
    let backends = vec![
        qumulo::backend(opts, faults.clone()),
        ontap::backend(opts, faults.clone(), cert.client_der.clone()),
        truenas::backend(opts, faults.clone()),
        opal::backend(opts, faults.clone()),
        onefs::backend(opts, faults.clone()),
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
    if opts.request_log {
        opts.requests.open(&files.dir)?;
    }
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
                backend: b.name,
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
