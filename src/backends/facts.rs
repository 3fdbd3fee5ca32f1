//! What a backend's tests need to know of it, said once in its folder: the cross-backend
//! tests (tests/it: the fault matrix, boundary, fit, secrets, ...) build their cells from the
//! registry and these, so a backend added to [`ALL`](super::ALL) gets its cells without a
//! test file naming it.

/// How a listing comes in pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// One answer holds every session.
    OneCall,
    /// Pages of a size the client asks for with `flag N`, at `path` under the base URL.
    Sized {
        /// The flag that sets the page size.
        flag: &'static str,
        /// The listing's path.
        path: &'static str,
    },
    /// Pages of a size the client asks for with `flag N`, at `path`, each after the first
    /// asked for with the opaque token the last one gave (sent back as a query value, never
    /// followed as a link): so a next "link" cannot lead anywhere else.
    Resumed {
        /// The flag that sets the page size.
        flag: &'static str,
        /// The listing's path.
        path: &'static str,
    },
    /// One page per resource (or other grouping), of a size the server chooses.
    PerResource,
}

/// The facts of a backend that its cells differ on.
#[derive(Debug, Clone, Copy)]
pub struct TestFacts {
    /// How its listing comes in pages.
    pub pages: Pages,
    /// A listing includes the session of the run's own login (the `current` column says which).
    pub lists_own_login: bool,
    /// The listing holds its rows until every page is in (to look names up), so a failure
    /// on a later page prints nothing rather than part of the JSON.
    pub holds_rows: bool,
    /// Its calls go over one WebSocket: a call cut off is not retried (it is not a GET), the
    /// failure is that the socket closed, and frames can go wrong.
    pub one_socket: bool,
    /// `close`, and the verb its lines use ("closed N of M"); `None`: no `close`.
    pub close_verb: Option<&'static str>,
    /// Its `close --where` sends the terms its listing sends to the server (where `close`
    /// must see more than `--where` picks, it sends none: its vendor notes say why).
    pub close_pushes_down: bool,
    /// A key of its shape that names no session.
    pub absent_key: &'static str,
    /// It logs in and keeps the login token in the token cache.
    pub caches_login: bool,
}

impl TestFacts {
    /// The flags that make pages of `n` sessions, where the client chooses the size.
    pub fn page_flags(&self, n: &'static str) -> Vec<&'static str> {
        match self.pages {
            Pages::Sized { flag, .. } | Pages::Resumed { flag, .. } => vec![flag, n],
            _ => Vec::new(),
        }
    }
    /// The listing's path, where the client sizes its pages.
    pub fn sized_path(&self) -> Option<&'static str> {
        match self.pages {
            Pages::Sized { path, .. } | Pages::Resumed { path, .. } => Some(path),
            _ => None,
        }
    }
    /// Whether its listing comes in more than one answer.
    pub fn pages(&self) -> bool {
        self.pages != Pages::OneCall
    }
}
