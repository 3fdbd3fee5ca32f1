//! What one simulator run is given: its flags, as `simulate` parsed them or `--demo` sets them.

use std::time::Duration;

use crate::args::Args;
use crate::certs::TlsShape;
use crate::changes::Changes;
use crate::requests::Requests;
use crate::vendors::VendorFlags;

/// Options of one simulator run.
#[derive(Debug, Clone)]
pub struct SimOptions {
    /// `--sessions`: sessions per backend.
    pub sessions: usize,
    /// `--seed`: what the generated sessions are made from.
    pub seed: u64,
    /// `--latency`: for every backend (`None`), or for the one named.
    pub latency: Vec<(Option<String>, Duration)>,
    /// `--churn`: changes a second per backend.
    pub churn: Option<f64>,
    /// `--copies`: profiles written per backend.
    pub copies: u16,
    /// `--fault`: the faults to inject, as the flag takes them.
    pub faults: Vec<String>,
    /// `--quirks`: the vendors' documented oddities in the answers.
    pub quirks: bool,
    /// Each vendor's own flags (`--truenas-version`, `--opal-resources`, ...).
    pub vendors: VendorFlags,
    /// `--bind`: the address every listener binds.
    pub bind: std::net::IpAddr,
    /// `--port`: the first backend's port (the others follow); 0: ephemeral ports.
    pub port: u16,
    /// `--tls`: the shape of the server certificate.
    pub tls: TlsShape,
    /// `--plain-http`: no TLS.
    pub plain_http: bool,
    /// `--next-link`: served verbatim as every list page's next link or cursor.
    pub next_link: Option<String>,
    /// The run's change log, which the vendor modules write their closes to.
    pub changes: Changes,
    /// `--request-log`: write `requests.log` in the run's directory.
    pub request_log: bool,
    /// The run's request log.
    pub requests: Requests,
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
            vendors: a.vendors.clone(),
            bind: a.bind,
            port: a.port,
            tls: a.tls,
            plain_http: a.plain_http,
            next_link: a.next_link.clone(),
            changes: Changes::default(),
            request_log: a.request_log,
            requests: Requests::default(),
        }
    }
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
            vendors: VendorFlags::default(),
            bind: std::net::Ipv4Addr::LOCALHOST.into(),
            port: 0,
            tls: TlsShape::CaSigned,
            plain_http: false,
            next_link: None,
            changes: Changes::default(),
            request_log: false,
            requests: Requests::default(),
        }
    }
}
