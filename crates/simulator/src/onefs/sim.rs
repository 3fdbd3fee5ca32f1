//! The state of one simulated cluster: its release, nodes and sessions, the logins it gave
//! out, and what shapes its answers (faults, quirks, `--next-link`).

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use super::data::{Node, Session};
use super::flags::OneFsVersion;
use super::login::Logins;
use crate::changes::Changes;
use crate::faults::Faults;

/// The node the simulator's listener is: what `/platform/1` and `/platform/11/local` list.
pub(super) const LOCAL_LNN: u32 = 1;

pub(super) struct Cluster {
    pub nodes: Vec<Node>,
    /// Sorted by node and id.
    pub sessions: Vec<Session>,
    /// The id each node gives out next, in `nodes`' order.
    pub next_ids: Vec<u32>,
}

pub(super) struct OneFsSim {
    pub version: OneFsVersion,
    pub cluster: Mutex<Cluster>,
    pub logins: Logins,
    /// What `resume` tokens are checked with, so that only this run's are taken.
    pub secret: String,
    pub faults: Arc<Faults>,
    pub quirks: bool,
    pub next_link: Option<String>,
    /// Numbers the tokens the paging faults give out, so that each is new.
    pub serial: AtomicU64,
    pub changes: Changes,
}
