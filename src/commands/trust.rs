//! `sessions trust`: like ssh's first connection. Connect to a profile's server, show the
//! certificate it presents and why the profile does not trust it yet, ask, and pin it
//! (`tls_fingerprint`) in the profile. It sends no credentials.

use std::sync::Arc;
use std::time::Duration;

use crate::config::{Config, Overrides};
use crate::error::{Error, Result};
use crate::transport::certinfo::CertInfo;
use crate::transport::failure;
use crate::transport::tls::{Rejection, TlsOptions};
use crate::transport::Log;

/// Trust the certificate that profile `name`'s server presents.
pub(super) async fn run(config: &Config, name: &str, over: &Overrides, yes: bool) -> Result<()> {
    let url = config.base_url(name, over)?;
    // The config is replaced at the end: refuse one that cannot be before connecting.
    crate::atomic_file::check(&config.path).map_err(|e| {
        Error::usage(format!(
            "config {}: cannot write: {e}",
            config.path.display()
        ))
    })?;
    if !matches!(url.scheme(), "https" | "wss") {
        return Err(Error::usage(format!(
            "profile '{name}' uses {}://, which has no certificate to trust; use https:// (or wss://)",
            url.scheme()
        )));
    }
    let host = url
        .host_str()
        .ok_or_else(|| Error::usage(format!("url {url} has no host")))?
        .trim_matches(['[', ']'])
        .to_string();
    let port = url.port_or_known_default().unwrap_or(443);
    let timeout = over.timeout.unwrap_or(Duration::from_secs(10));
    let shown = crate::transport::http::redact_url(&url);

    let here = |e: Error| e.context(format!("profile '{name}' at {shown}"));
    let presented = present(&host, port, timeout).await.map_err(here)?;
    let info = CertInfo::parse(&presented);
    let mut tls = config.tls_options(name, over)?;
    let insecure = std::mem::take(&mut tls.insecure);
    let refusal = judge(&host, port, timeout, &tls).await.map_err(here)?;

    crate::output::note(&format!(
        "{shown} (profile '{name}') presents this certificate:"
    ));
    for line in describe(&info) {
        crate::output::detail(&line);
    }
    match &refusal {
        None if !insecure => {
            crate::output::note(&format!(
                "profile '{name}' already trusts this certificate; nothing to change"
            ));
            return Ok(());
        }
        None => crate::output::note(&format!(
            "profile '{name}' would trust it without `insecure`, which turns all checks off"
        )),
        Some(r) => {
            crate::output::note(&format!("profile '{name}' does not trust it now:"));
            for why in r.reasons() {
                crate::output::detail(&format!("- {why}"));
            }
        }
    }
    let question = format!(
        "Pin this certificate (SHA-256 {}) in profile '{name}' of {}?",
        info.sha256,
        config.path.display()
    );
    let no_terminal = "not asking without a terminal: compare the SHA-256 above with the \
                       appliance's own, then run again with --yes";
    if !crate::output::confirm(&question, yes, no_terminal)? {
        crate::output::note("nothing changed");
        return Ok(());
    }
    let edit = crate::config::edit::pin(&config.path, name, &info.sha256)?;
    crate::output::note(&format!(
        "wrote tls_fingerprint = \"{}\" to profile '{name}' in {}",
        info.sha256,
        config.path.display()
    ));
    if edit.removed_insecure {
        crate::output::note("removed `insecure = true` from the profile: the pin now applies");
    }
    Ok(())
}

/// The lines a person compares before trusting.
fn describe(info: &CertInfo) -> Vec<String> {
    vec![
        format!("subject:  {}", info.subject),
        format!("names:    {}", info.names_text()),
        format!("issuer:   {}", info.issuer_text()),
        format!(
            "valid:    {} to {}",
            crate::transport::certinfo::date(info.not_before),
            crate::transport::certinfo::date(info.not_after)
        ),
        format!("SHA-256:  {}", info.sha256),
    ]
}

/// Whether the profile's own trust settings accept the server: `None`, or why not.
async fn judge(
    host: &str,
    port: u16,
    timeout: Duration,
    tls: &TlsOptions,
) -> Result<Option<Rejection>> {
    let (config, rejections) = crate::transport::tls::client_config(tls, Log::quiet())?;
    match handshake(host, port, timeout, config).await {
        Ok(()) => Ok(None),
        Err(e) => rejections.take().map(Some).ok_or(e),
    }
}

/// The certificate the server presents, read with a verifier that only records it.
async fn present(host: &str, port: u16, timeout: Duration) -> Result<Vec<u8>> {
    let (config, seen) = crate::transport::tls::capture_config()?;
    handshake(host, port, timeout, config).await?;
    let der = seen.lock().ok().and_then(|mut s| s.take());
    der.ok_or_else(|| Error::network(format!("{host}:{port} presented no certificate")))
}

async fn handshake(
    host: &str,
    port: u16,
    timeout: Duration,
    config: rustls::ClientConfig,
) -> Result<()> {
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| Error::usage(format!("bad host name {host}: {e}")))?;
    let host_port = format!("{host}:{port}");
    let connect = async {
        let tcp = failure::tcp(host, port, None).await?;
        tokio_rustls::TlsConnector::from(Arc::new(config))
            .connect(name, tcp)
            .await
            .map_err(|e| failure::io_failure(&e, &host_port))
    };
    tokio::time::timeout(timeout, connect).await.map_err(|_| {
        Error::network(format!(
            "timed out: connecting to {host_port} took longer than {} (raise --timeout)",
            humantime::format_duration(timeout)
        ))
    })??;
    Ok(())
}
