//! Fault injection (`sessions simulate --fault KIND[:COUNT]`), so tests and users can see
//! how the client copes with what real appliances and proxies do.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// 429 with `Retry-After: 1`.
    RateLimit,
    /// 500 with a vendor error body.
    ServerError,
    /// 503 with a vendor error body.
    Unavailable,
    /// 502 with a proxy's HTML page.
    Html,
    /// 200 with a body that is not JSON.
    InvalidJson,
    /// 200 whose body stops halfway (Content-Length promises more).
    Truncated,
    /// No answer for an hour.
    Slow,
    /// Empty pages that still carry a next link (vendor-shaped, handled by the vendor module).
    EmptyPages,
    /// A next link that points back at the same page (vendor module).
    Loop,
    /// Pages that never end: records and a new, distinct next link every time (vendor module).
    Endless,
}

impl FaultKind {
    pub const ALL: [(&'static str, FaultKind); 10] = [
        ("429", FaultKind::RateLimit),
        ("500", FaultKind::ServerError),
        ("503", FaultKind::Unavailable),
        ("html", FaultKind::Html),
        ("invalid-json", FaultKind::InvalidJson),
        ("truncated", FaultKind::Truncated),
        ("slow", FaultKind::Slow),
        ("empty-pages", FaultKind::EmptyPages),
        ("loop", FaultKind::Loop),
        ("endless", FaultKind::Endless),
    ];

    fn is_generic(self) -> bool {
        !matches!(
            self,
            FaultKind::EmptyPages | FaultKind::Loop | FaultKind::Endless
        )
    }
}

#[derive(Debug)]
struct Armed {
    kind: FaultKind,
    /// How many more times it fires; `None` is always.
    remaining: Option<u64>,
}

/// The faults of one simulator run, shared by every listener.
#[derive(Debug, Default)]
pub struct Faults {
    armed: Mutex<Vec<Armed>>,
    /// Pages served by the `endless` fault so far, so each one links somewhere new.
    endless_pages: AtomicU64,
}

impl Faults {
    /// Parse `KIND[:COUNT]` specs.
    pub fn parse(specs: &[String]) -> Result<Faults, String> {
        let mut armed = Vec::new();
        for spec in specs {
            let (name, count) = match spec.split_once(':') {
                Some((n, c)) => (
                    n,
                    Some(
                        c.parse::<u64>()
                            .map_err(|_| format!("--fault {spec}: COUNT must be a whole number"))?,
                    ),
                ),
                None => (spec.as_str(), None),
            };
            let kind = FaultKind::ALL
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, k)| *k)
                .ok_or_else(|| {
                    format!(
                        "--fault {spec}: unknown kind; one of {}",
                        FaultKind::ALL
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?;
            armed.push(Armed {
                kind,
                remaining: count,
            });
        }
        Ok(Faults {
            armed: Mutex::new(armed),
            endless_pages: AtomicU64::new(0),
        })
    }

    fn take_where(&self, want: impl Fn(FaultKind) -> bool) -> Option<FaultKind> {
        let mut armed = self.armed.lock().unwrap_or_else(|p| p.into_inner());
        for a in armed.iter_mut() {
            if !want(a.kind) {
                continue;
            }
            match &mut a.remaining {
                None => return Some(a.kind),
                Some(0) => continue,
                Some(n) => {
                    *n -= 1;
                    return Some(a.kind);
                }
            }
        }
        None
    }

    /// The next generic fault due for a data request, if any.
    pub fn take_generic(&self) -> Option<FaultKind> {
        self.take_where(FaultKind::is_generic)
    }

    /// Whether a vendor-shaped fault is due now (and use it up).
    pub fn take(&self, kind: FaultKind) -> bool {
        self.take_where(|k| k == kind).is_some()
    }

    /// When the `endless` fault is due: a number no earlier endless page had, for its link.
    pub fn take_endless(&self) -> Option<u64> {
        self.take(FaultKind::Endless)
            .then(|| self.endless_pages.fetch_add(1, Ordering::Relaxed) + 1)
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
    fn endless_pages_are_numbered_and_not_generic() {
        let f = Faults::parse(&["endless:2".into()]).unwrap();
        assert_eq!(f.take_generic(), None);
        assert_eq!(f.take_endless(), Some(1));
        assert_eq!(f.take_endless(), Some(2));
        assert_eq!(f.take_endless(), None);
    }
}
