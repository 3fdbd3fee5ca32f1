//! `DELETE …/protocols/smb/sessions/{computer}[/{user}]`: every session of that computer (and
//! user) ends, on every node; 204, or 404 `AEC_NOT_FOUND` when none matched
//! (docs/vendors/onefs.md, "Closing").

use super::sim::OneFsSim;
use super::wire::not_found;
use crate::server::{lock, SimRequest, SimResponse};

pub(super) fn close(sim: &OneFsSim, computer: &str, user: Option<&str>) -> SimResponse {
    let mut closed = Vec::new();
    lock(&sim.cluster).sessions.retain(|s| {
        let hit = s.computer == computer && user.is_none_or(|u| s.user == u);
        if hit {
            closed.push(s.key());
        }
        !hit
    });
    if closed.is_empty() {
        return not_found(&match user {
            Some(u) => format!("No SMB session of user '{u}' from computer '{computer}'"),
            None => format!("No SMB session from computer '{computer}'"),
        });
    }
    for key in &closed {
        sim.changes.record("onefs", "closed", key, "client");
    }
    SimResponse::raw(204, "application/json", "")
}

/// The path's segments, split while still percent-encoded and then decoded one by one, so
/// that an encoded `/` (`%2F`) stays inside its segment; a trailing `/` adds none. `None`
/// when a segment is not UTF-8 once decoded.
pub(super) fn segments(req: &SimRequest) -> Option<Vec<String>> {
    let raw = req.raw_path.strip_prefix('/').unwrap_or(&req.raw_path);
    let raw = raw.strip_suffix('/').unwrap_or(raw);
    raw.split('/')
        .map(|s| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .ok()
                .map(|s| s.into_owned())
        })
        .collect()
}
