//! The exporter: blackbox_exporter's multi-target pattern. Prometheus scrapes
//! `/probe?target=PROFILE`; each probe lists that profile's sessions (its login kept between
//! scrapes) within the scrape's timeout and answers with its gauges. `/metrics` has the
//! exporter's own. Probes run concurrently; probes of one profile take turns, so that they
//! share its one login.

use std::cell::Cell;
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

use super::metrics::{self, Tally};
use super::Member;
use crate::error::{Error, Result};
use crate::output;

/// Taken off the scrape's timeout, so that the answer reaches Prometheus in time
/// (blackbox_exporter's default offset).
const TIMEOUT_OFFSET: Duration = Duration::from_millis(500);
/// The probe's deadline when Prometheus sends no timeout header.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

struct Exporter {
    members: HashMap<String, (Member, tokio::sync::Mutex<()>)>,
    started: f64,
    probes_ok: Cell<u64>,
    probes_failed: Cell<u64>,
    in_flight: Cell<u64>,
    seconds: Cell<f64>,
    bad_requests: Cell<u64>,
}

/// Serve until the process is stopped. Everything runs on this thread (a `LocalSet`): the
/// backends' listings need not be `Send`, and the HTTP work underneath runs on the runtime.
pub(crate) async fn serve(listen: SocketAddr, members: Vec<Member>) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| Error::usage(format!("cannot listen on {listen}: {e}")))?;
    let bound = listener.local_addr().unwrap_or(listen);
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    let exporter = Rc::new(Exporter {
        members: members
            .into_iter()
            .map(|m| (m.name.clone(), (m, tokio::sync::Mutex::new(()))))
            .collect(),
        started: time::OffsetDateTime::now_utc().unix_timestamp() as f64,
        probes_ok: Cell::new(0),
        probes_failed: Cell::new(0),
        in_flight: Cell::new(0),
        seconds: Cell::new(0.0),
        bad_requests: Cell::new(0),
    });
    output::note_from(
        "exporter",
        &format!(
            "serving http://{bound}/probe?target=PROFILE for {} profile{} ({}) and /metrics",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        ),
    );
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let _ = tcp.set_nodelay(true);
                let exporter = exporter.clone();
                tokio::task::spawn_local(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let exporter = exporter.clone();
                        async move { Ok::<_, Infallible>(exporter.answer(req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(tcp), service)
                        .await;
                });
            }
        })
        .await
}

fn reply(status: StatusCode, content_type: &'static str, body: String) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = status;
    if let Ok(v) = hyper::header::HeaderValue::from_str(content_type) {
        resp.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    resp
}

const EXPOSITION: &str = "text/plain; version=0.0.4; charset=utf-8";

impl Exporter {
    async fn answer<B>(&self, req: Request<B>) -> Response<Full<Bytes>> {
        let query = req.uri().query().unwrap_or("");
        let target = url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "target")
            .map(|(_, v)| v.into_owned());
        let timeout = req
            .headers()
            .get("x-prometheus-scrape-timeout-seconds")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(|s| {
                Duration::from_secs_f64(s)
                    .saturating_sub(TIMEOUT_OFFSET)
                    .max(Duration::from_millis(100))
            })
            .unwrap_or(DEFAULT_TIMEOUT);
        match req.uri().path() {
            "/probe" => self.probe(target, timeout).await,
            "/metrics" => reply(StatusCode::OK, EXPOSITION, self.own_metrics()),
            "/" => reply(
                StatusCode::OK,
                "text/plain; charset=utf-8",
                "sessions exporter: GET /probe?target=PROFILE for a profile's gauges, /metrics for the exporter's own\n".to_string(),
            ),
            _ => reply(
                StatusCode::NOT_FOUND,
                "text/plain; charset=utf-8",
                "not found: try /probe?target=PROFILE or /metrics\n".to_string(),
            ),
        }
    }

    async fn probe(&self, target: Option<String>, timeout: Duration) -> Response<Full<Bytes>> {
        let Some(name) = target else {
            self.bad_requests.set(self.bad_requests.get() + 1);
            return reply(
                StatusCode::BAD_REQUEST,
                "text/plain; charset=utf-8",
                "the target parameter is missing: /probe?target=PROFILE\n".to_string(),
            );
        };
        let Some((member, turn)) = self.members.get(&name) else {
            self.bad_requests.set(self.bad_requests.get() + 1);
            let mut known: Vec<&str> = self.members.keys().map(String::as_str).collect();
            known.sort_unstable();
            return reply(
                StatusCode::BAD_REQUEST,
                "text/plain; charset=utf-8",
                format!(
                    "unknown target '{}': the profiles are {}\n",
                    crate::escape::controls(&name),
                    known.join(", ")
                ),
            );
        };
        self.in_flight.set(self.in_flight.get() + 1);
        let started = Instant::now();
        // Waiting for another probe of the same profile counts against this one's deadline.
        let outcome = match tokio::time::timeout(timeout, turn.lock()).await {
            Ok(_turn) => {
                let left = timeout.saturating_sub(started.elapsed());
                let mut o = member.collect(Some(left)).await;
                o.took = started.elapsed();
                o
            }
            Err(_) => super::Outcome {
                profile: member.name.clone(),
                backend: member.backend,
                records: Vec::new(),
                error: Some(Error::network(
                    "timed out waiting for another probe of the same profile",
                )),
                took: started.elapsed(),
            },
        };
        self.in_flight.set(self.in_flight.get() - 1);
        self.seconds
            .set(self.seconds.get() + outcome.took.as_secs_f64());
        match &outcome.error {
            None => self.probes_ok.set(self.probes_ok.get() + 1),
            Some(e) => {
                self.probes_failed.set(self.probes_failed.get() + 1);
                output::note_from(
                    "exporter",
                    &format!("probe of {name} failed: {}", e.message()),
                );
            }
        }
        let mut tally = Tally::default();
        tally.add(outcome.backend, &outcome.records);
        let text = metrics::exposition(&[metrics::Probe::of(&outcome, &tally)]);
        reply(StatusCode::OK, EXPOSITION, text)
    }

    fn own_metrics(&self) -> String {
        let n = metrics::number;
        format!(
            "# HELP sessions_exporter_probes_total Probes answered, by result.\n\
             # TYPE sessions_exporter_probes_total counter\n\
             sessions_exporter_probes_total{{result=\"success\"}} {}\n\
             sessions_exporter_probes_total{{result=\"failure\"}} {}\n\
             # HELP sessions_exporter_probe_seconds_total Time spent in probes, in seconds.\n\
             # TYPE sessions_exporter_probe_seconds_total counter\n\
             sessions_exporter_probe_seconds_total {}\n\
             # HELP sessions_exporter_probes_in_flight Probes running now.\n\
             # TYPE sessions_exporter_probes_in_flight gauge\n\
             sessions_exporter_probes_in_flight {}\n\
             # HELP sessions_exporter_bad_requests_total Probes refused: no target, or an unknown one.\n\
             # TYPE sessions_exporter_bad_requests_total counter\n\
             sessions_exporter_bad_requests_total {}\n\
             # HELP sessions_exporter_profiles Profiles the exporter can probe.\n\
             # TYPE sessions_exporter_profiles gauge\n\
             sessions_exporter_profiles {}\n\
             # HELP sessions_exporter_start_time_seconds When the exporter started, in Unix seconds.\n\
             # TYPE sessions_exporter_start_time_seconds gauge\n\
             sessions_exporter_start_time_seconds {}\n\
             # HELP sessions_exporter_build_info The exporter's version.\n\
             # TYPE sessions_exporter_build_info gauge\n\
             sessions_exporter_build_info{{version=\"{}\"}} 1\n",
            self.probes_ok.get(),
            self.probes_failed.get(),
            n(self.seconds.get()),
            self.in_flight.get(),
            self.bad_requests.get(),
            self.members.len(),
            n(self.started),
            env!("CARGO_PKG_VERSION"),
        )
    }
}
