//! The exporter's own counters, and `/metrics` (which never carries a probe's series).

use std::cell::Cell;

use crate::fleet::metrics::number;

/// How a probe ended, as `sessions_exporter_probes_total{result}` counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ended {
    Success,
    Failure,
    /// The scraper hung up before the answer was ready.
    Abandoned,
    /// Refused: too many probes of that target were already waiting.
    Busy,
}

const ENDINGS: [(Ended, &str); 4] = [
    (Ended::Success, "success"),
    (Ended::Failure, "failure"),
    (Ended::Abandoned, "abandoned"),
    (Ended::Busy, "busy"),
];

/// Everything runs on one thread (a `LocalSet`): plain cells.
#[derive(Debug, Default)]
pub(super) struct Counters {
    ended: [Cell<u64>; 4],
    pub in_flight: Cell<u64>,
    pub seconds: Cell<f64>,
    pub bad_requests: Cell<u64>,
    pub fetches: Cell<u64>,
    pub connections_evicted: Cell<u64>,
    pub connections_refused: Cell<u64>,
    pub accept_errors: Cell<u64>,
}

pub(super) fn bump(c: &Cell<u64>) {
    c.set(c.get() + 1);
}

impl Counters {
    pub(super) fn ended(&self, how: Ended) {
        let i = ENDINGS.iter().position(|(e, _)| *e == how).unwrap_or(0);
        bump(&self.ended[i]);
    }

    /// The exposition of `/metrics`.
    pub(super) fn render(&self, profiles: usize, connections: usize, started: f64) -> String {
        let mut text = String::new();
        let mut family = |name: &str, kind: &str, help: &str, samples: &[(String, String)]| {
            text.push_str(&format!("# HELP {name} {help}\n# TYPE {name} {kind}\n"));
            for (labels, value) in samples {
                text.push_str(&format!("{name}{labels} {value}\n"));
            }
        };
        let one = |v: String| [(String::new(), v)];
        let probes: Vec<(String, String)> = ENDINGS
            .iter()
            .zip(&self.ended)
            .map(|((_, label), n)| (format!("{{result=\"{label}\"}}"), n.get().to_string()))
            .collect();
        family(
            "sessions_exporter_probes_total",
            "counter",
            "Probes answered (or given up on), by result.",
            &probes,
        );
        family(
            "sessions_exporter_probe_seconds_total",
            "counter",
            "Time spent answering probes, in seconds.",
            &one(number(self.seconds.get())),
        );
        family(
            "sessions_exporter_probes_in_flight",
            "gauge",
            "Probes being answered now.",
            &one(self.in_flight.get().to_string()),
        );
        family(
            "sessions_exporter_fetches_total",
            "counter",
            "Listings of a profile's sessions; concurrent probes of one profile share one.",
            &one(self.fetches.get().to_string()),
        );
        family(
            "sessions_exporter_bad_requests_total",
            "counter",
            "Probes refused: no target, or an unknown one.",
            &one(self.bad_requests.get().to_string()),
        );
        family(
            "sessions_exporter_connections_open",
            "gauge",
            "HTTP connections open now.",
            &one(connections.to_string()),
        );
        family(
            "sessions_exporter_connections_dropped_total",
            "counter",
            "Connections closed at the cap: idle ones evicted, new ones refused when none was idle.",
            &[
                (
                    "{reason=\"evicted\"}".to_string(),
                    self.connections_evicted.get().to_string(),
                ),
                (
                    "{reason=\"refused\"}".to_string(),
                    self.connections_refused.get().to_string(),
                ),
            ],
        );
        family(
            "sessions_exporter_accept_errors_total",
            "counter",
            "Failed accepts (such as running out of file descriptors); each backs off.",
            &one(self.accept_errors.get().to_string()),
        );
        family(
            "sessions_exporter_profiles",
            "gauge",
            "Profiles the exporter can probe.",
            &one(profiles.to_string()),
        );
        family(
            "sessions_exporter_start_time_seconds",
            "gauge",
            "When the exporter started, in Unix seconds.",
            &one(number(started)),
        );
        family(
            "sessions_exporter_build_info",
            "gauge",
            "The exporter's version, as labels; always 1.",
            &[(
                format!("{{version=\"{}\"}}", env!("CARGO_PKG_VERSION")),
                "1".to_string(),
            )],
        );
        text
    }
}
