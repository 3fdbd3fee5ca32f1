//! What each path answers: `/probe`, `/metrics`, and the plain pages.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderValue, AUTHORIZATION, WWW_AUTHENTICATE};
use hyper::{Method, Request, Response, StatusCode};

use super::auth::Auth;
use super::conns::Conns;
use super::own::{Counters, Ended};
use super::probe::{Catalog, Target};
use super::web::Web;
use crate::error::Result;
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

/// The paths `--web.telemetry-path` cannot take.
pub(super) const FIXED: [&str; 5] = ["/", "/probe", "/-/healthy", "/-/ready", "/-/reload"];

pub(super) fn reply(status: StatusCode, content_type: &'static str, body: String) -> Reply {
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type),
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
    /// Replaced whole by a reload; a probe under way keeps the map it started with.
    pub targets: RefCell<Rc<HashMap<String, Rc<Target>>>>,
    pub started: f64,
    pub counters: Rc<Counters>,
    pub conns: Rc<Conns>,
    pub auth: Auth,
    pub telemetry_path: String,
    pub reload: Box<dyn Fn() -> Result<Catalog>>,
}

impl Exporter {
    /// Answer one request under its connection's web config: basic auth first, then the path,
    /// and the config's headers on every answer.
    pub(super) async fn answer<B>(self: Rc<Self>, req: Request<B>, web: Rc<Web>) -> Reply {
        let mut resp = if self
            .auth
            .allows(&web, req.headers().get(AUTHORIZATION))
            .await
        {
            self.route(req).await
        } else {
            let mut r = reply(StatusCode::UNAUTHORIZED, TEXT, "Unauthorized\n".to_string());
            r.headers_mut().insert(
                WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"sessions exporter\""),
            );
            r
        };
        for (name, value) in &web.headers {
            resp.headers_mut().insert(name.clone(), value.clone());
        }
        resp
    }

    async fn route<B>(&self, req: Request<B>) -> Reply {
        let query: HashMap<String, String> =
            url::form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        let header = req
            .headers()
            .get("x-prometheus-scrape-timeout-seconds")
            .and_then(|v| v.to_str().ok());
        let timeout = probe_timeout(header);
        let path = req.uri().path();
        if path == self.telemetry_path {
            let text =
                self.counters
                    .render(self.targets.borrow().len(), self.conns.len(), self.started);
            return reply(StatusCode::OK, EXPOSITION, text);
        }
        match path {
            "/probe" => {
                let debug = query.get("debug").is_some_and(|d| d == "true");
                self.probe(query.get("target").cloned(), timeout, debug)
                    .await
            }
            "/" => reply(StatusCode::OK, "text/html; charset=utf-8", self.landing()),
            "/-/healthy" => reply(StatusCode::OK, TEXT, "Healthy\n".to_string()),
            "/-/ready" => reply(StatusCode::OK, TEXT, "Ready\n".to_string()),
            "/-/reload" if matches!(*req.method(), Method::POST | Method::PUT) => {
                match self.reload_now() {
                    Ok(n) => reply(StatusCode::OK, TEXT, format!("reloaded: {n} profiles\n")),
                    Err(e) => reply(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        TEXT,
                        format!("failed to reload config: {e}\n"),
                    ),
                }
            }
            "/-/reload" => reply(
                StatusCode::METHOD_NOT_ALLOWED,
                TEXT,
                "use POST to reload the config\n".to_string(),
            ),
            _ => reply(
                StatusCode::NOT_FOUND,
                TEXT,
                format!(
                    "not found: try /probe?target=PROFILE or {}\n",
                    self.telemetry_path
                ),
            ),
        }
    }

    /// Read the config again; only a config that loads whole replaces the one in use (whose
    /// logins are then dropped: a profile may have changed). Said on stderr either way.
    pub(super) fn reload_now(&self) -> std::result::Result<usize, String> {
        match (self.reload)() {
            Ok(catalog) => {
                let targets = super::probe::targets(catalog);
                let n = targets.len();
                *self.targets.borrow_mut() = Rc::new(targets);
                output::note_from("exporter", &format!("config reloaded: {n} profiles"));
                Ok(n)
            }
            Err(e) => {
                let said = format!("{}; the config in use is kept", e.message());
                output::note_from("exporter", &format!("reload failed: {said}"));
                Err(said)
            }
        }
    }

    fn landing(&self) -> String {
        let metrics = html(&self.telemetry_path);
        format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sessions exporter</title></head>\n\
             <body><h1>sessions exporter</h1>\n\
             <p>Who is connected to each appliance, for Prometheus: each profile of the config is a probe target.</p>\n\
             <form action=\"/probe\" method=\"get\">\n\
             <label>Target (a profile): <input type=\"text\" name=\"target\" required></label>\n\
             <label><input type=\"checkbox\" name=\"debug\" value=\"true\"> debug</label>\n\
             <input type=\"submit\" value=\"Probe\"></form>\n\
             <ul><li><a href=\"{metrics}\">Metrics</a> (the exporter's own)</li>\n\
             <li><a href=\"/-/healthy\">Health</a></li></ul>\n\
             <p>Version {}</p></body></html>\n",
            env!("CARGO_PKG_VERSION")
        )
    }

    async fn probe(&self, target: Option<String>, timeout: Duration, debug: bool) -> Reply {
        let Some(name) = target else {
            super::own::bump(&self.counters.bad_requests);
            return reply(
                StatusCode::BAD_REQUEST,
                TEXT,
                "the target parameter is missing: /probe?target=PROFILE\n".to_string(),
            );
        };
        // Which profiles exist is the config's business, not a scraper's.
        let target = self.targets.borrow().get(&name).cloned();
        let Some(target) = target else {
            super::own::bump(&self.counters.bad_requests);
            return reply(
                StatusCode::BAD_REQUEST,
                TEXT,
                "unknown target\n".to_string(),
            );
        };
        let mut in_flight = InFlight::new(&self.counters);
        let (fetched, lines) = if debug {
            let (fetched, lines) = target.debug(timeout).await;
            (Some(Rc::new(fetched)), Some(lines))
        } else {
            (target.probe(timeout, &self.counters).await, None)
        };
        let Some(fetched) = fetched else {
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
        match lines {
            None => reply(StatusCode::OK, EXPOSITION, text),
            // As blackbox_exporter's debug page: the log, then what a scrape would have got.
            Some(lines) => {
                // blackbox_exporter's headings, which tools that read this page look for.
                let mut page = format!("Logs for the probe:\nprobe of {name}\n");
                for l in lines {
                    page.push_str(&l);
                    page.push('\n');
                }
                if let Some(why) = &fetched.error {
                    page.push_str(&format!("failed: {why}\n"));
                }
                page.push_str("\n\n\nMetrics that would have been returned:\n");
                page.push_str(&text);
                reply(StatusCode::OK, TEXT, page)
            }
        }
    }
}

/// Text for an HTML page.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
