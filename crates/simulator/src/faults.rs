//! Fault injection (`sessions simulate --fault KIND[:COUNT][@NTH]`), so tests and users can see
//! how the client copes with what real appliances and proxies do. Each kind has a scope: where
//! the simulator bends the exchange (`server.rs` for answers, bodies and pages, the vendor
//! modules for paging, TrueNAS's framings for frames). `page.rs` bends a page's JSON.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// 429 with `Retry-After: 1`.
    RateLimit,
    /// 429 with the vendor's error body and no `Retry-After`.
    RateLimitBare,
    /// 500 with a vendor error body.
    ServerError,
    /// 502 with a vendor error body (a gateway in front of the API).
    BadGateway,
    /// 503 with a vendor error body.
    Unavailable,
    /// 504 with a vendor error body.
    GatewayTimeout,
    /// 502 with a proxy's HTML page.
    Html,
    /// 200 with an HTML page (a portal or maintenance page in front of the API).
    Html200,
    /// 500 whose vendor error text carries ESC, BEL and CR.
    ControlError,
    /// 200 with a body that is not JSON.
    InvalidJson,
    /// 200 whose body stops halfway (Content-Length promises more), then the connection closes.
    Truncated,
    /// Headers and part of the body, then the connection is reset (TCP RST).
    Reset,
    /// No answer for an hour.
    Slow,
    /// Headers and part of the body, then nothing for an hour.
    SlowBody,
    /// Valid JSON of the wrong shape: the session list is a string.
    WrongShape,
    /// The vendor's page without its session list.
    MissingList,
    /// The first record gets a field nested 100,000 levels deep.
    Deep,
    /// The first record gets 99999999999999999999999 in a field the vendor sends as a number
    /// (where it has one) and in an unknown field.
    HugeNumber,
    /// A session string with bytes that are not UTF-8.
    BadUtf8,
    /// The first record gets a 2 MiB string field.
    Oversized,
    /// ESC, BEL and CR inside a session's user or name field.
    ControlChars,
    /// Empty pages that still carry a next link (vendor-shaped, handled by the vendor module).
    EmptyPages,
    /// A next link that points back at the same page (vendor module).
    Loop,
    /// Pages that never end: a new, distinct next link every time, and (Qumulo, ONTAP) the
    /// next page round the collection, so no page repeats the one before (vendor module).
    Endless,
    /// A page that repeats the previous page's records under a new, distinct next link.
    Repeat,
    /// WebSocket: a close frame in the middle of a call.
    WsClose,
    /// WebSocket: a text frame that is not JSON at all.
    NonJsonFrame,
    /// WebSocket: a response whose id matches no request.
    WrongId,
    /// WebSocket: the response in a binary frame.
    BinaryFrame,
}

/// The `control-error` fault's vendor error text: a window-title escape (ESC ] 0 ; … BEL), a
/// carriage return and a clear-screen escape.
pub(crate) const CONTROL_ERROR: &str =
    "Internal error \u{1b}]0;owned\u{7}\r\u{1b}[2J(injected fault)";

/// Where a fault bends the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// An HTTP answer of its own instead of the page (on a WebSocket API: at the upgrade).
    Status,
    /// The vendor's error (on a WebSocket API: the call's error).
    VendorError,
    /// A broken body or connection.
    Body,
    /// The page's JSON, bent (`page.rs`).
    Page,
    /// Paging: the vendor module's links.
    Paging,
    /// WebSocket frames (TrueNAS).
    Frame,
}

/// Every kind: its name, itself, and what it does (for `--help` and errors).
pub(crate) const KINDS: [(&str, FaultKind); 29] = [
    ("429", FaultKind::RateLimit),
    ("429-bare", FaultKind::RateLimitBare),
    ("500", FaultKind::ServerError),
    ("502", FaultKind::BadGateway),
    ("503", FaultKind::Unavailable),
    ("504", FaultKind::GatewayTimeout),
    ("html", FaultKind::Html),
    ("html-200", FaultKind::Html200),
    ("control-error", FaultKind::ControlError),
    ("invalid-json", FaultKind::InvalidJson),
    ("truncated", FaultKind::Truncated),
    ("reset", FaultKind::Reset),
    ("slow", FaultKind::Slow),
    ("slow-body", FaultKind::SlowBody),
    ("wrong-shape", FaultKind::WrongShape),
    ("missing-list", FaultKind::MissingList),
    ("deep", FaultKind::Deep),
    ("huge-number", FaultKind::HugeNumber),
    ("bad-utf8", FaultKind::BadUtf8),
    ("oversized", FaultKind::Oversized),
    ("control-chars", FaultKind::ControlChars),
    ("empty-pages", FaultKind::EmptyPages),
    ("loop", FaultKind::Loop),
    ("endless", FaultKind::Endless),
    ("repeat", FaultKind::Repeat),
    ("ws-close", FaultKind::WsClose),
    ("non-json-frame", FaultKind::NonJsonFrame),
    ("wrong-id", FaultKind::WrongId),
    ("binary-frame", FaultKind::BinaryFrame),
];

impl FaultKind {
    pub(crate) fn scope(self) -> Scope {
        use FaultKind::*;
        match self {
            RateLimit | RateLimitBare | BadGateway | Unavailable | GatewayTimeout | Html
            | Html200 => Scope::Status,
            ServerError | ControlError => Scope::VendorError,
            InvalidJson | Truncated | Reset | Slow | SlowBody => Scope::Body,
            WrongShape | MissingList | Deep | HugeNumber | BadUtf8 | Oversized | ControlChars => {
                Scope::Page
            }
            EmptyPages | Loop | Endless | Repeat => Scope::Paging,
            WsClose | NonJsonFrame | WrongId | BinaryFrame => Scope::Frame,
        }
    }

    /// Whether the shared HTTP layer (`server.rs`) bends a data request for it.
    fn is_http(self) -> bool {
        matches!(
            self.scope(),
            Scope::Status | Scope::VendorError | Scope::Body | Scope::Page
        )
    }
}

#[derive(Debug)]
struct Armed {
    kind: FaultKind,
    /// Chances to let pass before it first fires (`@NTH` is NTH - 1).
    skip: u64,
    /// How many more times it fires; `None` is always.
    remaining: Option<u64>,
}

/// The faults of one simulator run, shared by every listener.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    armed: Mutex<Vec<Armed>>,
    /// Pages served by the `endless` and `repeat` faults so far, so each links somewhere new.
    endless_pages: AtomicU64,
}

fn kind_named(name: &str) -> Option<FaultKind> {
    KINDS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}

impl Faults {
    /// Parse `KIND[:COUNT][@NTH]` specs: NTH is the first request (counted among those the
    /// fault could bend) it fires on.
    pub(crate) fn parse(specs: &[String]) -> Result<Faults, String> {
        let mut armed = Vec::new();
        for spec in specs {
            let (rest, nth) = match spec.split_once('@') {
                Some((r, n)) => match n.parse::<u64>() {
                    Ok(n) if n >= 1 => (r, n),
                    _ => return Err(format!("--fault {spec}: NTH must be a whole number from 1")),
                },
                None => (spec.as_str(), 1),
            };
            let (name, count) = match rest.split_once(':') {
                Some((n, c)) => (
                    n,
                    Some(
                        c.parse::<u64>()
                            .map_err(|_| format!("--fault {spec}: COUNT must be a whole number"))?,
                    ),
                ),
                None => (rest, None),
            };
            let kind = kind_named(name).ok_or_else(|| {
                let names: Vec<&str> = KINDS.iter().map(|(n, _)| *n).collect();
                format!("--fault {spec}: unknown kind; one of {}", names.join(", "))
            })?;
            armed.push(Armed {
                kind,
                skip: nth - 1,
                remaining: count,
            });
        }
        Ok(Faults {
            armed: Mutex::new(armed),
            endless_pages: AtomicU64::new(0),
        })
    }

    /// The first armed fault `want` accepts that is due now (and use it up).
    pub(crate) fn take_where(&self, want: impl Fn(FaultKind) -> bool) -> Option<FaultKind> {
        let mut armed = self.armed.lock().unwrap_or_else(|p| p.into_inner());
        for a in armed.iter_mut() {
            if !want(a.kind) || a.remaining == Some(0) {
                continue;
            }
            if a.skip > 0 {
                a.skip -= 1;
                continue;
            }
            if let Some(n) = &mut a.remaining {
                *n -= 1;
            }
            return Some(a.kind);
        }
        None
    }

    /// The next fault the shared HTTP layer bends a data request with, if any.
    pub(crate) fn take_generic(&self) -> Option<FaultKind> {
        self.take_where(FaultKind::is_http)
    }

    /// Whether a vendor-shaped fault is due now (and use it up).
    pub(crate) fn take(&self, kind: FaultKind) -> bool {
        self.take_where(|k| k == kind).is_some()
    }

    /// When the `endless` or `repeat` fault is due: a number no earlier such page had, for
    /// its link. The vendor serves its first page again under that link, so the page after
    /// repeats its records.
    pub(crate) fn take_endless(&self) -> Option<u64> {
        self.take_where(|k| matches!(k, FaultKind::Endless | FaultKind::Repeat))
            .map(|_| self.endless_pages.fetch_add(1, Ordering::Relaxed) + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_run_out() {
        let f = Faults::parse(&["503:2".into()]).unwrap();
        assert_eq!(f.take_generic(), Some(FaultKind::Unavailable));
        assert_eq!(f.take_generic(), Some(FaultKind::Unavailable));
        assert_eq!(f.take_generic(), None);
        assert!(Faults::parse(&["nope".into()]).is_err());
    }

    #[test]
    fn nth_lets_the_first_requests_pass() {
        let f = Faults::parse(&["500:1@3".into()]).unwrap();
        assert_eq!(f.take_generic(), None);
        assert_eq!(f.take_generic(), None);
        assert_eq!(f.take_generic(), Some(FaultKind::ServerError));
        assert_eq!(f.take_generic(), None);
        assert!(Faults::parse(&["500@0".into()]).is_err());
    }

    #[test]
    fn endless_pages_are_numbered_and_not_generic() {
        let f = Faults::parse(&["endless:2".into(), "repeat:1".into()]).unwrap();
        assert_eq!(f.take_generic(), None);
        assert_eq!(f.take_endless(), Some(1));
        assert_eq!(f.take_endless(), Some(2));
        assert_eq!(f.take_endless(), Some(3));
        assert_eq!(f.take_endless(), None);
    }

    #[test]
    fn every_kind_has_one_name() {
        for (name, kind) in KINDS {
            assert_eq!(kind_named(name), Some(kind));
            assert_eq!(KINDS.iter().filter(|(_, k)| *k == kind).count(), 1);
        }
    }
}
