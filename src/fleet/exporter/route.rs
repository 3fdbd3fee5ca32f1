//! What each path answers: `/probe`, `/metrics`, and the plain pages.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response, StatusCode};

use super::conns::Conns;
use super::own::{Counters, Ended};
use super::probe::Target;
use crate::fleet::metrics::number;
use crate::output;

pub(super) type Reply = Response<Full<Bytes>>;

/// Taken off the scrape's timeout, so that the answer reaches Prometheus in time
/// (blackbox_exporter's default offset).
const TIMEOUT_OFFSET: Duration = Duration::from_millis(500);
/// The probe's deadline when Prometheus sends no usable timeout header.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// The shortest deadline a probe gets, however short the scrape's timeout.
const MIN_TIMEOUT: Duration = Duration::from_millis(100);
/// The longest: a header may say anything (`1e20`), a probe must end.
const MAX_TIMEOUT: Duration = Duration::from_secs(600);

pub(super) const EXPOSITION: &str = "text/plain; version=0.0.4; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

pub(super) fn reply(status: StatusCode, content_type: &'static str, body: String) -> Reply {
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(content_type),
    );
    resp
}

/// A probe's deadline from `X-Prometheus-Scrape-Timeout-Seconds`: the scrape's timeout less
/// the offset, within [`MIN_TIMEOUT`, `MAX_TIMEOUT`]; the default when the header is absent,
/// not a number, zero, negative, or not finite.
pub(super) fn probe_timeout(header: Option<&str>) -> Duration {
    let Some(seconds) = header
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
    else {
        return DEFAULT_TIMEOUT;
    };
    let capped = seconds.min(MAX_TIMEOUT.as_secs_f64());
    Duration::try_from_secs_f64(capped)
        .unwrap_or(DEFAULT_TIMEOUT)
        .saturating_sub(TIMEOUT_OFFSET)
        .clamp(MIN_TIMEOUT, MAX_TIMEOUT)
}

/// The exporter's state: what every request may look at.
pub(super) struct Exporter {
    pub targets: HashMap<String, Rc<Target>>,
    pub started: f64,
    pub counters: Rc<Counters>,
    pub conns: Rc<Conns>,
}

impl Exporter {
    pub(super) async fn answer<B>(self: Rc<Self>, req: Request<B>) -> Reply {
        let query = req.uri().query().unwrap_or("");
        let target = url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "target")
            .map(|(_, v)| v.into_owned());
        let header = req
            .headers()
            .get("x-prometheus-scrape-timeout-seconds")
            .and_then(|v| v.to_str().ok());
        let timeout = probe_timeout(header);
        match req.uri().path() {
            "/probe" => self.probe(target, timeout).await,
            "/metrics" => reply(
                StatusCode::OK,
                EXPOSITION,
                self.counters
                    .render(self.targets.len(), self.conns.len(), self.started),
            ),
            "/" => reply(
                StatusCode::OK,
                TEXT,
                "sessions exporter: GET /probe?target=PROFILE for a profile's gauges, /metrics for the exporter's own\n".to_string(),
            ),
            _ => reply(
                StatusCode::NOT_FOUND,
                TEXT,
                "not found: try /probe?target=PROFILE or /metrics\n".to_string(),
            ),
        }
    }

    async fn probe(&self, target: Option<String>, timeout: Duration) -> Reply {
        let Some(name) = target else {
            super::own::bump(&self.counters.bad_requests);
            return reply(
                StatusCode::BAD_REQUEST,
                TEXT,
                "the target parameter is missing: /probe?target=PROFILE\n".to_string(),
            );
        };
        // Which profiles exist is the config's business, not a scraper's.
        let Some(target) = self.targets.get(&name) else {
            super::own::bump(&self.counters.bad_requests);
            return reply(
                StatusCode::BAD_REQUEST,
                TEXT,
                "unknown target\n".to_string(),
            );
        };
        let mut in_flight = InFlight::new(&self.counters);
        let Some(fetched) = target.probe(timeout, &self.counters).await else {
            in_flight.ended = Some(Ended::Busy);
            return reply(
                StatusCode::SERVICE_UNAVAILABLE,
                TEXT,
                "too many probes of this target are waiting; try again later\n".to_string(),
            );
        };
        let took = in_flight.started.elapsed().as_secs_f64();
        let success = match &fetched.error {
            None => 1,
            Some(why) => {
                output::note_from("exporter", &format!("probe of {name} failed: {why}"));
                0
            }
        };
        in_flight.ended = Some(if success == 1 {
            Ended::Success
        } else {
            Ended::Failure
        });
        let text = format!(
            "# HELP probe_success Whether the probe succeeded.\n# TYPE probe_success gauge\n\
             probe_success {success}\n\
             # HELP probe_duration_seconds How long the probe took, in seconds.\n\
             # TYPE probe_duration_seconds gauge\n\
             probe_duration_seconds {}\n{}",
            number(took),
            fetched.gauges
        );
        reply(StatusCode::OK, EXPOSITION, text)
    }
}

/// Counts a probe in flight while it lives, and how it ended once it is dropped: a scraper
/// that hangs up drops the probe before it ends, which counts as abandoned.
struct InFlight<'a> {
    counters: &'a Counters,
    started: Instant,
    ended: Option<Ended>,
}

impl<'a> InFlight<'a> {
    fn new(counters: &'a Counters) -> Self {
        super::own::bump(&counters.in_flight);
        InFlight {
            counters,
            started: Instant::now(),
            ended: None,
        }
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let c = self.counters;
        c.in_flight.set(c.in_flight.get() - 1);
        c.seconds
            .set(c.seconds.get() + self.started.elapsed().as_secs_f64());
        // Busy was counted where it was refused.
        match self.ended {
            Some(Ended::Busy) => {}
            Some(how) => c.ended(how),
            None => c.ended(Ended::Abandoned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_timeout_header_gives_a_bounded_deadline() {
        let t = |h: &str| probe_timeout(Some(h));
        assert_eq!(t("1.5"), Duration::from_millis(1000));
        assert_eq!(t(" 30 "), Duration::from_millis(29_500));
        for bad in [
            "0", "-1", "-0", "NaN", "nan", "inf", "-inf", "", "ten", "1e400",
        ] {
            assert_eq!(t(bad), DEFAULT_TIMEOUT, "{bad:?}");
        }
        assert_eq!(probe_timeout(None), DEFAULT_TIMEOUT);
        for huge in ["1e20", "1e300", "18446744073709551616", "600.1"] {
            assert_eq!(t(huge), MAX_TIMEOUT - TIMEOUT_OFFSET, "{huge}");
        }
        assert_eq!(t("0.2"), MIN_TIMEOUT);
        assert_eq!(t("1e-300"), MIN_TIMEOUT);
    }
}
