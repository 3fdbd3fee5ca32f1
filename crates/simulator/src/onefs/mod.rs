//! Dell PowerScale OneFS's SMB sessions, as docs/vendors/onefs.md describes them, as each
//! release serves them (`--onefs-version`): the platform API on one node of a cluster
//! (`GET /platform/latest`, the version-1 and version-11 session lists, closing by computer
//! and user), HTTP Basic or a session cookie with its CSRF checks (`login.rs`), and OneFS's
//! `AEC_*` error bodies (`wire.rs`). `data.rs` makes the nodes and sessions, `list.rs` serves
//! the lists and their `resume` tokens (`token.rs`), `close.rs` ends sessions.

mod close;
mod data;
pub(crate) mod flags;
mod list;
mod login;
mod sim;
mod token;
mod wire;

#[cfg(test)]
mod login_tests;
#[cfg(test)]
mod tests;

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use hyper::Method;
use serde_json::json;

use crate::backend::Backend;
use crate::config::Profile;
use crate::faults::Faults;
use crate::options::SimOptions;
use crate::page_faults::PageShape;
use crate::rng::Rng;
use crate::server::{lock, SimRequest, SimResponse, VendorApi};
use close::{close, segments};
use list::list;
use login::{Logins, USERNAME};
use sim::{Cluster, OneFsSim};
use token::Kind;
use wire::{bad_request, code_for, error, not_found};

pub(crate) fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let (api, password) = make(opts, faults);
    Backend {
        name: "onefs",
        url_path: "",
        comment: String::new(),
        api: Arc::new(api),
        profile: Profile {
            backend: "onefs".to_string(),
            username: Some(USERNAME.to_string()),
            password: Some(password.clone()),
            ..Profile::default()
        },
        secrets: json!({ "username": USERNAME, "password": password }),
    }
}

/// The cluster a run serves, and the administrator's password.
fn make(opts: &SimOptions, faults: Arc<Faults>) -> (OneFsSim, String) {
    let flags = &opts.vendors.onefs;
    let mut rng = Rng::new(opts.seed ^ 0x0EF5);
    let password = format!("sim-{}", rng.hex(12));
    let secret = rng.hex(32);
    let nodes = data::nodes(flags.onefs_nodes);
    let (sessions, next_ids) = data::make_sessions(&mut rng, opts.sessions, &nodes);
    let logins = Logins::new(
        password.clone(),
        flags.onefs_version.replaces_cookies(),
        Rng::new(opts.seed ^ 0x15E5),
    );
    let sim = OneFsSim {
        version: flags.onefs_version,
        cluster: Mutex::new(Cluster {
            nodes,
            sessions,
            next_ids,
        }),
        logins,
        secret,
        faults,
        quirks: opts.quirks,
        next_link: opts.next_link.clone(),
        serial: AtomicU64::new(0),
        changes: opts.changes.clone(),
    };
    (sim, password)
}

fn method_not_allowed(req: &SimRequest) -> SimResponse {
    error(
        405,
        "AEC_METHOD_NOT_ALLOWED",
        &format!("Method {} not allowed on {}", req.method, req.path),
    )
}

impl OneFsSim {
    /// Everything under `/platform`, once the caller is known.
    fn platform(&self, req: &SimRequest, segs: &[&str]) -> SimResponse {
        let latest = self.version.latest();
        let (version, rest) = match segs {
            ["platform", "latest"] if req.method == Method::GET => {
                return SimResponse::json(200, &json!({ "latest": latest.to_string() }))
            }
            ["platform", "latest"] => return method_not_allowed(req),
            ["platform", v, rest @ ..]
                if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) =>
            {
                (v.parse::<u32>().unwrap_or(u32::MAX), rest)
            }
            // Without a version, the latest.
            ["platform", rest @ ..] => (latest, rest),
            _ => return not_found(&format!("Path not found: {}", req.path)),
        };
        if version == 0 || version > latest {
            return not_found(&format!("Path not found: {}", req.path));
        }
        // A path's newest version at or below the one asked for answers (docs/vendors/onefs.md,
        // "Transport, versions").
        let grouped = self.version.grouped() && version >= 11;
        let get = req.method == Method::GET;
        let delete = req.method == Method::DELETE;
        match rest {
            ["protocols", "smb", "sessions"] if get => {
                list(self, req, if grouped { Kind::Grouped } else { Kind::Flat })
            }
            ["local", "protocols", "smb", "sessions"] if grouped && get => {
                list(self, req, Kind::Local)
            }
            ["protocols", "smb", "sessions", computer] if delete => close(self, computer, None),
            ["protocols", "smb", "sessions", computer, user] if delete => {
                close(self, computer, Some(user))
            }
            ["protocols", "smb", "sessions", ..] if rest.len() <= 5 => method_not_allowed(req),
            ["local", "protocols", "smb", "sessions"] if grouped => method_not_allowed(req),
            _ => not_found(&format!("Path not found: {}", req.path)),
        }
    }
}

impl VendorApi for OneFsSim {
    fn handle(&self, req: &SimRequest) -> SimResponse {
        let Some(segs) = segments(req) else {
            return bad_request("The path is not UTF-8 once decoded");
        };
        let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
        if segs == ["session", "1", "session"] {
            return match req.method {
                Method::POST => self.logins.login(req),
                Method::GET => self.logins.current(req),
                Method::DELETE => self.logins.logout(req),
                _ => method_not_allowed(req),
            };
        }
        let granted = match self.logins.authorise(req) {
            Ok(g) => g,
            Err(refused) => return refused,
        };
        let mut resp = self.platform(req, &segs);
        resp.headers.extend(granted);
        resp
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        req.method == Method::GET
            && req.path.starts_with("/platform/")
            && req
                .path
                .trim_end_matches('/')
                .ends_with("/protocols/smb/sessions")
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        error(status, code_for(status), message)
    }

    fn page_shape(&self) -> PageShape {
        let list = if self.version.grouped() {
            "/nodes/0/sessions"
        } else {
            "/sessions"
        };
        PageShape {
            list,
            text: "/user",
            number: Some("/openfiles"),
        }
    }

    fn churn(&self, open: bool, rng: &mut Rng) -> Option<String> {
        let mut cluster = lock(&self.cluster);
        let c = &mut *cluster;
        if open {
            let at = rng.below(c.nodes.len() as u64) as usize;
            let id = data::take_id(&mut c.next_ids[at], rng);
            let s = data::make_session(rng, c.nodes[at].lnn, id);
            let key = s.key();
            let to = c
                .sessions
                .partition_point(|o| (o.lnn, o.id) < (s.lnn, s.id));
            c.sessions.insert(to, s);
            return Some(key);
        }
        if c.sessions.is_empty() {
            return None;
        }
        let at = rng.below(c.sessions.len() as u64) as usize;
        Some(c.sessions.remove(at).key())
    }
}
