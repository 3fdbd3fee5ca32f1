//! The exporter: blackbox_exporter's multi-target pattern. Prometheus scrapes
//! `/probe?target=PROFILE`; each probe lists that profile's sessions (its login kept between
//! scrapes) within the scrape's timeout and answers with its gauges. `/metrics` has the
//! exporter's own. Probes of different profiles run concurrently; concurrent probes of one
//! profile share one listing.
//!
//! `conns.rs` accepts and keeps the connections, `route.rs` answers each request, `probe.rs`
//! keeps each profile, `own.rs` counts.

mod auth;
mod conns;
mod own;
mod probe;
mod route;
mod web;
mod yaml;

pub(crate) use probe::Catalog;

use std::cell::RefCell;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::rc::Rc;

use futures_util::FutureExt;

use crate::error::{Error, Result};
use crate::output;

/// How the exporter serves.
pub(crate) struct Serving {
    pub listen: Vec<SocketAddr>,
    pub max_connections: usize,
    pub telemetry_path: String,
    /// `--web.config.file`: checked now, read again for each connection.
    pub web: Option<PathBuf>,
    /// Reads the config again (`POST /-/reload`, SIGHUP).
    pub reload: Box<dyn Fn() -> Result<Catalog>>,
}

/// Serve until the process is stopped. Everything runs on this thread (a `LocalSet`): the
/// backends' listings need not be `Send`, and the HTTP work underneath runs on the runtime.
/// No profile's secrets are read here: each profile's are on its first probe.
pub(crate) async fn serve(serving: Serving, catalog: Catalog) -> Result<()> {
    if let Some(path) = &serving.web {
        web::load(path).map_err(Error::usage)?;
    }
    if !serving.telemetry_path.starts_with('/')
        || route::FIXED.contains(&serving.telemetry_path.as_str())
    {
        return Err(Error::usage(format!(
            "--web.telemetry-path {}: a path of its own, starting with /",
            serving.telemetry_path
        )));
    }
    crate::fleet::allow_open_files();
    let mut listeners = Vec::new();
    for addr in &serving.listen {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::usage(format!("cannot listen on {addr}: {e}")))?;
        listeners.push(listener);
    }
    let profiles = catalog.profiles.len();
    let exporter = Rc::new(route::Exporter {
        targets: RefCell::new(Rc::new(probe::targets(catalog))),
        started: time::OffsetDateTime::now_utc().unix_timestamp() as f64,
        counters: Rc::default(),
        conns: Rc::default(),
        auth: auth::Auth::default(),
        telemetry_path: serving.telemetry_path.clone(),
        reload: serving.reload,
    });
    let handler = {
        let exporter = exporter.clone();
        Rc::new(move |req, web| exporter.clone().answer(req, web).boxed_local())
    };
    let accepting = Rc::new(conns::Accepting {
        conns: exporter.conns.clone(),
        counters: exporter.counters.clone(),
        max_connections: serving.max_connections.max(1),
        handler,
        web: serving.web.clone(),
    });
    if serving.web.is_none() && serving.listen.iter().any(|a| !a.ip().is_loopback()) {
        output::warn(
            "the exporter listens beyond this host without --web.config.file: anyone who can \
             reach it can probe every profile (see docs/monitoring.md for TLS and basic auth)",
        );
    }
    for listener in &listeners {
        let bound = listener
            .local_addr()
            .map_or_else(|_| "?".to_string(), |a| a.to_string());
        let scheme = if serving.web.is_some() {
            "http(s)"
        } else {
            "http"
        };
        output::note_from(
            "exporter",
            &format!(
                "serving {scheme}://{bound}/probe?target=PROFILE for {profiles} profile{}, and {}",
                if profiles == 1 { "" } else { "s" },
                serving.telemetry_path
            ),
        );
    }
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            for listener in listeners {
                tokio::task::spawn_local(conns::accept_loop(listener, accepting.clone()));
            }
            reload_on_hangup(exporter).await;
        })
        .await;
    Ok(())
}

/// SIGHUP reads the config again, as `POST /-/reload` does; then wait for the next.
async fn reload_on_hangup(exporter: Rc<route::Exporter>) {
    #[cfg(unix)]
    if let Ok(mut hangups) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
    {
        while hangups.recv().await.is_some() {
            let _ = exporter.reload_now();
        }
    }
    std::future::pending::<()>().await;
}
