//! ONTAP's CIFS session API, as docs/vendors/ontap.md describes it: Basic, bearer
//! and certificate auth, the collection (`list.rs`: `fields`, `max_records`,
//! `return_records`, `order_by`, filters in the query language of `query.rs`,
//! `_links.next.href` with `start.*` tokens), the single-record endpoint, `DELETE`, and ONTAP
//! error bodies with string codes. `fields.rs` shapes records; `data.rs` makes them.

mod data;
mod duration;
mod fields;
mod list;
mod query;
mod wire;

use std::sync::{Arc, Mutex};

use hyper::Method;
use serde_json::{json, Value};

use super::faults::Faults;
use super::page_faults::PageShape;
use super::rng::decode_basic;
use super::server::{lock, SimRequest, SimResponse, VendorApi};
use crate::backend::Backend;
use crate::changes::Changes;
use crate::config::Profile;
use crate::options::SimOptions;
use crate::rng::Rng;
use fields::{render, Fields, Rendered};
use wire::{error, key_of, Key, COLLECTION};

const ADMIN: &str = "admin";
/// An account that exists but lacks the rest-role for CIFS sessions: it gets 403.
const NO_ROLE: &str = "monitor";

/// `client_der`: the certificate of the cert-auth account (`admin`), for mutual TLS.
pub(crate) fn backend(opts: &SimOptions, faults: Arc<Faults>, client_der: Vec<u8>) -> Backend {
    let api = Arc::new(OntapSim::new(opts, faults, client_der));
    Backend {
        name: "cifs",
        url_path: "",
        comment: format!("cifs bearer token (for token = \"...\"): {}", api.bearer),
        secrets: json!({ "username": ADMIN, "password": api.password, "token": api.bearer }),
        profile: Profile {
            backend: "cifs".to_string(),
            username: Some(ADMIN.to_string()),
            password: Some(api.password.clone()),
            ..Profile::default()
        },
        api,
    }
}

struct OntapSim {
    /// The certificate of the account that logs in with mutual TLS.
    client_der: Vec<u8>,
    password: String,
    bearer: String,
    quirks: bool,
    /// `--next-link`: served as `_links.next.href` on every page instead of the real link.
    next_link: Option<String>,
    faults: Arc<Faults>,
    fault_pages: Mutex<u64>,
    /// Sessions in key order (node.uuid, svm.uuid, identifier, connection_id), each with its
    /// `fields=**` JSON rendered once (and the pieces other projections are made of), so that
    /// big listings are not slowed by the simulator.
    sessions: Mutex<Vec<(Key, Value, Rendered)>>,
    changes: Changes,
}

impl OntapSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>, client_der: Vec<u8>) -> OntapSim {
        let mut rng = Rng::new(opts.seed ^ 0x0DA7A);
        let password = format!("sim-{}", rng.hex(12));
        let bearer = format!("sim-oauth-{}", rng.hex(24));
        let mut sessions: Vec<(Key, Value, Rendered)> =
            data::make_sessions(&mut rng, opts.sessions)
                .into_iter()
                .map(|v| {
                    let rendered = Rendered::new(&v, opts.quirks);
                    (key_of(&v), v, rendered)
                })
                .collect();
        sessions.sort_by(|a, b| a.0.cmp(&b.0));
        OntapSim {
            client_der,
            password,
            bearer,
            quirks: opts.quirks,
            next_link: opts.next_link.clone(),
            faults,
            changes: opts.changes.clone(),
            fault_pages: Mutex::new(0),
            sessions: Mutex::new(sessions),
        }
    }

    /// 401 for no or bad credentials, 403 for an account without the role, else `None`.
    fn check_auth(&self, req: &SimRequest) -> Option<SimResponse> {
        let auth = req
            .headers
            .get(hyper::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if auth.is_empty() && req.client_cert.as_deref() == Some(self.client_der.as_slice()) {
            return None; // certificate authentication: the certificate's CN is the account
        }
        if let Some(token) = auth.strip_prefix("Bearer ") {
            return (token != self.bearer).then(|| SimResponse::raw(401, "text/plain", ""));
        }
        let creds = auth.strip_prefix("Basic ").and_then(decode_basic);
        match creds {
            Some((u, p)) if p == self.password && u == ADMIN => None,
            Some((u, p)) if p == self.password && u == NO_ROLE => {
                Some(error(403, "6", "not authorized for that command", None))
            }
            // ONTAP may answer a failed login with no JSON body at all.
            _ => Some(SimResponse::raw(401, "text/plain", "")),
        }
    }
}

impl OntapSim {
    fn one(&self, req: &SimRequest, key: &[&str]) -> SimResponse {
        let fields = match Fields::from_request(req) {
            Ok(f) => f,
            Err(refusal) => return refusal,
        };
        let all = lock(&self.sessions);
        match all.iter().find(|(k, _, _)| key_matches(k, key, false)) {
            Some((_, v, _)) => SimResponse::json(200, &render(v, &fields, false, self.quirks)),
            None => error(404, "4", "entry doesn't exist", Some("identifier")),
        }
    }

    fn delete(&self, key: &[&str]) -> SimResponse {
        let mut all = lock(&self.sessions);
        let before = all.len();
        all.retain(|(k, _, _)| {
            let closing = key_matches(k, key, true);
            if closing {
                let text = format!("{}/{}/{}/{}", k.0, k.1, k.2, k.3);
                self.changes.record("cifs", "closed", &text, "client");
            }
            !closing
        });
        if all.len() == before {
            return error(404, "4", "entry doesn't exist", Some("identifier"));
        }
        SimResponse::json(200, &json!({}))
    }
}

/// Does a stored key match a path key? For DELETE, identifier 0 (and connection id 0) mean
/// "all" (see the API note); GET needs the exact session.
fn key_matches(k: &Key, path: &[&str], wildcards: bool) -> bool {
    let (Some(id), Some(conn)) = (path[2].parse::<u64>().ok(), path[3].parse::<u64>().ok()) else {
        return false;
    };
    if k.0 != path[0] || k.1 != path[1] {
        return false;
    }
    match (wildcards, id, conn) {
        (true, 0, 0) => true,
        (true, 0, c) => k.3 == c,
        (_, i, c) => k.2 == i && k.3 == c,
    }
}

impl VendorApi for OntapSim {
    fn churn(&self, open: bool, rng: &mut Rng) -> Option<String> {
        let mut all = lock(&self.sessions);
        let text = |k: &Key| format!("{}/{}/{}/{}", k.0, k.1, k.2, k.3);
        if open {
            let v = data::make_sessions(rng, 1).pop()?;
            let rendered = Rendered::new(&v, self.quirks);
            let key = key_of(&v);
            let at = all.partition_point(|(k, _, _)| *k < key);
            all.insert(at, (key.clone(), v, rendered));
            return Some(text(&key));
        }
        if all.is_empty() {
            return None;
        }
        let (key, _, _) = {
            let at = rng.below(all.len() as u64) as usize;
            all.remove(at)
        };
        Some(text(&key))
    }

    fn handle(&self, req: &SimRequest) -> SimResponse {
        // ONTAP's web server names itself on every answer, errors included.
        let mut resp = self.answer(req);
        resp.headers.push(("server", "libzapid-httpd".to_string()));
        resp
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        req.method == Method::GET && req.path.trim_end_matches('/') == COLLECTION
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        error(status, &status.to_string(), message, None)
    }

    fn page_shape(&self) -> PageShape {
        PageShape {
            list: "/records",
            text: "/user",
            number: Some("/identifier"),
        }
    }
}

impl OntapSim {
    fn answer(&self, req: &SimRequest) -> SimResponse {
        if let Some(refused) = self.check_auth(req) {
            return refused;
        }
        let path = req.path.trim_end_matches('/');
        let rest: Vec<&str> = path
            .strip_prefix(COLLECTION)
            .unwrap_or("-")
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        match (&req.method, path.starts_with(COLLECTION), rest.len()) {
            (&Method::GET, true, 0) if path == COLLECTION => self.list(req),
            (&Method::GET, true, 4) => self.one(req, &rest),
            (&Method::DELETE, true, 4) => self.delete(&rest),
            (_, true, 0 | 4) => error(405, "3", "not supported", None),
            _ => error(404, "4", &format!("API not found: {}", req.path), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (connected, idle) of the first sessions in key order, as `fields=**` renders them.
    fn durations(quirks: bool) -> Vec<(String, String)> {
        let opts = SimOptions {
            seed: 5,
            sessions: 30,
            quirks,
            ..SimOptions::demo()
        };
        let sim = OntapSim::new(&opts, Arc::default(), Vec::new());
        let all = lock(&sim.sessions);
        all.iter()
            .map(|(_, v, _)| render(v, &Fields::All, false, quirks))
            .map(|r| {
                (
                    r["connected_duration"].to_string(),
                    r["idle_duration"].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn durations_are_the_ones_the_simulator_always_served() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(c, i)| (format!("\"{c}\""), format!("\"{i}\"")))
                .collect()
        };
        let plain = durations(false);
        assert_eq!(
            plain[..4],
            pairs(&[
                ("PT9H36M13S", "PT1H45M28S"),
                ("PT8H7M43S", "PT7H42M11S"),
                ("P2DT3H23M33S", "PT19H41M37S"),
                ("PT1S", "PT0S"),
            ])
        );
        let quirked = durations(true);
        assert_eq!(quirked[0], pairs(&[("PT34573.250S", "PT6328.250S")])[0]);
        // One day spelled as 24 hours, as ONTAP does.
        assert_eq!(plain[15].0, "\"P36DT1H29M52S\"");
        assert_eq!(quirked[15].0, "\"P35DT25H29M52S\"");
        assert_eq!(plain[22].0, "\"P1DT5H51M49S\"");
        assert_eq!(quirked[22].0, "\"P0DT29H51M49S\"");
    }
}
