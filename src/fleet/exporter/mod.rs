//! The exporter: blackbox_exporter's multi-target pattern. Prometheus scrapes
//! `/probe?target=PROFILE`; each probe lists that profile's sessions (its login kept between
//! scrapes) within the scrape's timeout and answers with its gauges. `/metrics` has the
//! exporter's own. Probes of different profiles run concurrently; concurrent probes of one
//! profile share one listing.
//!
//! `conns.rs` accepts and keeps the connections, `route.rs` answers each request, `probe.rs`
//! keeps each profile, `own.rs` counts.

mod conns;
mod own;
mod probe;
mod route;

use std::net::SocketAddr;
use std::rc::Rc;
use std::sync::Arc;

use futures_util::FutureExt;
use indexmap::IndexMap;

use crate::backends::settled::Settled;
use crate::config::{Config, Overrides};
use crate::error::{Error, Result};
use crate::output;

/// How the exporter serves.
#[derive(Debug, Clone)]
pub(crate) struct Serving {
    pub listen: Vec<SocketAddr>,
    pub max_connections: usize,
}

/// What the exporter probes: the config, and each profile as its backend read it.
pub(crate) struct Catalog {
    pub config: Config,
    pub profiles: IndexMap<String, Settled>,
    pub over: Overrides,
}

/// Serve until the process is stopped. Everything runs on this thread (a `LocalSet`): the
/// backends' listings need not be `Send`, and the HTTP work underneath runs on the runtime.
/// No profile's secrets are read here: each profile's are on its first probe.
pub(crate) async fn serve(serving: Serving, catalog: Catalog) -> Result<()> {
    let mut listeners = Vec::new();
    for addr in &serving.listen {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::usage(format!("cannot listen on {addr}: {e}")))?;
        listeners.push(listener);
    }
    let config = Arc::new(catalog.config);
    let names: Vec<String> = catalog.profiles.keys().cloned().collect();
    let targets = catalog
        .profiles
        .into_iter()
        .map(|(name, settled)| {
            let target =
                probe::Target::new(name.clone(), settled, config.clone(), catalog.over.clone());
            (name, Rc::new(target))
        })
        .collect();
    let exporter = Rc::new(route::Exporter {
        targets,
        started: time::OffsetDateTime::now_utc().unix_timestamp() as f64,
        counters: Rc::default(),
        conns: Rc::default(),
    });
    let accepting = Rc::new(conns::Accepting {
        conns: exporter.conns.clone(),
        counters: exporter.counters.clone(),
        max_connections: serving.max_connections.max(1),
        handler: Rc::new(move |req| exporter.clone().answer(req).boxed_local()),
    });
    for listener in &listeners {
        let bound = listener
            .local_addr()
            .map_or_else(|_| "?".to_string(), |a| a.to_string());
        output::note_from(
            "exporter",
            &format!(
                "serving http://{bound}/probe?target=PROFILE for {} profile{} ({}) and /metrics",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        );
    }
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            for listener in listeners {
                tokio::task::spawn_local(conns::accept_loop(listener, accepting.clone()));
            }
            std::future::pending::<()>().await;
        })
        .await;
    Ok(())
}
