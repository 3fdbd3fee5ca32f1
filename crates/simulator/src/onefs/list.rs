//! `GET …/protocols/smb/sessions`: the version-1 list (flat, the answering node's sessions,
//! `sort`/`dir`), the version-11 list (grouped per node, `lnn`/`lnn_skip`) and its `local`
//! twin, with `limit`, `resume` tokens and the paging faults (docs/vendors/onefs.md, "Paging").

use std::cmp::Ordering;
use std::sync::atomic::Ordering as AtomicOrdering;

use serde_json::{json, Value};

use super::data::{Node, Session};
use super::sim::{Cluster, OneFsSim, LOCAL_LNN};
use super::token::{self, Cursor, Kind, Query};
use super::wire::{bad_request, error, field_error, not_found};
use crate::faults::FaultKind;
use crate::server::{lock, SimRequest, SimResponse};

/// The fields version 1 sorts by.
const SORTS: [&str; 8] = [
    "computer",
    "user",
    "client_type",
    "openfiles",
    "active_time",
    "idle_time",
    "guest_login",
    "encryption",
];
const FLAT_ARGS: [&str; 4] = ["sort", "dir", "limit", "resume"];
const NODE_ARGS: [&str; 4] = ["limit", "lnn", "lnn_skip", "resume"];

/// Where a session stands in a listing's order: its sort value, node and id.
type Position = (Value, u32, u32);

pub(super) fn list(sim: &OneFsSim, req: &SimRequest, kind: Kind) -> SimResponse {
    let cursor = match read_request(sim, req, kind) {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    let q = &cursor.query;
    let cluster = lock(&sim.cluster);
    for lnn in q.lnn.iter().flatten() {
        if !cluster.nodes.iter().any(|n| n.lnn == *lnn) {
            return not_found(&format!("Node {lnn} does not exist"));
        }
    }
    let limit = q.limit.map_or(usize::MAX, |l| l as usize).max(1);
    // The `endless` and `repeat` faults go round the list for ever, a page further each time,
    // each under a new token back to its own first session: the page after repeats it.
    let endless = sim.faults.take_endless();
    let (mut page, total, more, before) = match endless {
        None if q.sort.is_none() => in_key_order(&cluster, q, cursor.after.as_ref(), limit),
        _ => sorted(&cluster, q, cursor.after.as_ref(), limit, endless),
    };
    let next_serial = || sim.serial.fetch_add(1, AtomicOrdering::Relaxed) + 1;
    let resume_after = |after: Option<Position>, serial: u64| {
        let c = Cursor {
            query: q.clone(),
            after,
            serial,
        };
        token::encode(&c, &sim.secret)
    };
    let mut resume = if endless.is_some() {
        Some(resume_after(before, next_serial()))
    } else if more && sim.faults.take(FaultKind::EmptyPages) {
        // An empty page that still goes on, from the same place under a new token.
        page.clear();
        Some(resume_after(cursor.after.clone(), next_serial()))
    } else if more {
        page.last().map(|(p, _)| resume_after(Some(p.clone()), 0))
    } else {
        None
    };
    if resume.is_some() && sim.faults.take(FaultKind::Loop) {
        // A token back to the page just served.
        resume = Some(token::encode(&cursor, &sim.secret));
    }
    if let Some(text) = &sim.next_link {
        resume = Some(text.clone());
    }
    let resume = match resume {
        Some(t) => Value::String(t),
        None if sim.quirks => Value::String(String::new()),
        None => Value::Null,
    };
    let body = match kind {
        Kind::Grouped => {
            json!({ "nodes": grouped(&page, &cluster.nodes), "resume": resume, "total": total })
        }
        Kind::Flat | Kind::Local => {
            let sessions: Vec<Value> = page.iter().map(|(_, s)| s.json()).collect();
            json!({ "sessions": sessions, "resume": resume, "total": total })
        }
    };
    SimResponse::json(200, &body)
}

/// A page, the number of sessions the query selects, whether more follow, and the position
/// of the session just before the page.
type Selected<'a> = (Vec<(Position, &'a Session)>, usize, bool, Option<Position>);

/// Without `sort`, the sessions' own order (node, id): the page starts where a binary search
/// finds the token's session, and the total is counted per node, so a page of a big cluster
/// costs its own length.
fn in_key_order<'a>(
    cluster: &'a Cluster,
    q: &Query,
    after: Option<&Position>,
    limit: usize,
) -> Selected<'a> {
    let all = &cluster.sessions;
    let from = after.map_or(0, |(_, lnn, id)| {
        all.partition_point(|s| (s.lnn, s.id) <= (*lnn, *id))
    });
    let mut page: Vec<(Position, &Session)> = all[from..]
        .iter()
        .filter(|s| selects(q, s.lnn))
        .take(limit.saturating_add(1))
        .map(|s| (position(s, q), s))
        .collect();
    let more = page.len() > limit;
    page.truncate(limit);
    let total = cluster
        .nodes
        .iter()
        .filter(|n| selects(q, n.lnn))
        .map(|n| all.partition_point(|s| s.lnn <= n.lnn) - all.partition_point(|s| s.lnn < n.lnn))
        .sum();
    (page, total, more, after.cloned())
}

/// Sorted by `sort` (and `dir`), or a page further round for the `endless` fault's `n`th page.
fn sorted<'a>(
    cluster: &'a Cluster,
    q: &Query,
    after: Option<&Position>,
    limit: usize,
    endless: Option<u64>,
) -> Selected<'a> {
    let mut matching: Vec<(Position, &Session)> = cluster
        .sessions
        .iter()
        .filter(|s| selects(q, s.lnn))
        .map(|s| (position(s, q), s))
        .collect();
    matching.sort_by(|a, b| compare(&a.0, &b.0, q.desc));
    let total = matching.len();
    let mut from = after.map_or(0, |after| {
        matching.partition_point(|(p, _)| compare(p, after, q.desc) != Ordering::Greater)
    });
    if let Some(n) = endless {
        from = ((n as usize - 1).saturating_mul(limit.min(total.max(1)))) % total.max(1);
    }
    let end = from.saturating_add(limit).min(total);
    let more = end < total;
    let before = from
        .checked_sub(1)
        .and_then(|i| matching.get(i))
        .map(|(p, _)| p.clone());
    matching.truncate(end);
    matching.drain(..from.min(end));
    (matching, total, more, before)
}

/// The page's sessions under their nodes, in node order; a node with none on this page is
/// left out.
fn grouped(page: &[(Position, &Session)], nodes: &[Node]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for chunk in page.chunk_by(|a, b| a.1.lnn == b.1.lnn) {
        let lnn = chunk[0].1.lnn;
        let id = nodes.iter().find(|n| n.lnn == lnn).map_or(lnn, |n| n.id);
        let sessions: Vec<Value> = chunk.iter().map(|(_, s)| s.json()).collect();
        out.push(json!({ "id": id, "lnn": lnn, "sessions": sessions, "total": chunk.len() }));
    }
    out
}

/// The listing a request asks for: from its own arguments, or from its `resume` token alone.
fn read_request(sim: &OneFsSim, req: &SimRequest, kind: Kind) -> Result<Cursor, SimResponse> {
    let allowed: &[&str] = match kind {
        Kind::Flat => &FLAT_ARGS,
        Kind::Grouped | Kind::Local => &NODE_ARGS,
    };
    for (i, (k, _)) in req.query.iter().enumerate() {
        if !allowed.contains(&k.as_str()) {
            return Err(field_error(
                400,
                "AEC_BAD_REQUEST",
                k,
                &format!(
                    "Unknown argument '{k}'; this resource takes {}",
                    allowed.join(", ")
                ),
            ));
        }
        if req.query[..i].iter().any(|(seen, _)| seen == k) {
            return Err(field_error(
                400,
                "AEC_ARG_SINGLE_ONLY",
                k,
                &format!("Argument '{k}' may be given only once"),
            ));
        }
    }
    if let Some(t) = req.param("resume") {
        if req.query.len() > 1 {
            return Err(bad_request(
                "Argument 'resume' cannot be used with other options",
            ));
        }
        return token::decode(t, &sim.secret)
            .filter(|c| c.query.kind == kind)
            .ok_or_else(|| bad_request("Invalid resume token"));
    }
    let max_limit: u64 = match kind {
        Kind::Flat => i32::MAX as u64,
        Kind::Grouped | Kind::Local => u32::MAX as u64,
    };
    let limit = match req.param("limit") {
        None => None,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if (1..=max_limit).contains(&n) => Some(n),
            _ => {
                return Err(field_error(
                    400,
                    "AEC_BAD_REQUEST",
                    "limit",
                    &format!("Field: limit must be an integer from 1 to {max_limit}, not '{v}'"),
                ))
            }
        },
    };
    let sort = req.param("sort").map(String::from);
    if let Some(s) = sort.as_deref().filter(|s| !SORTS.contains(s)) {
        return Err(field_error(
            400,
            "AEC_BAD_REQUEST",
            "sort",
            &format!("Field: sort must be one of {}, not '{s}'", SORTS.join(", ")),
        ));
    }
    let desc = match req.param("dir") {
        None | Some("ASC") => false,
        Some("DESC") => true,
        Some(d) => {
            return Err(field_error(
                400,
                "AEC_BAD_REQUEST",
                "dir",
                &format!("Field: dir must be ASC or DESC, not '{d}'"),
            ))
        }
    };
    let lnn = match req.param("lnn") {
        None | Some("all") => None,
        Some(v) => Some(lnns(v, "lnn")?),
    };
    let skip = match req.param("lnn_skip") {
        None => Vec::new(),
        Some(v) => lnns(v, "lnn_skip")?,
    };
    Ok(Cursor {
        query: Query {
            kind,
            limit,
            sort,
            desc,
            lnn,
            skip,
        },
        after: None,
        serial: 0,
    })
}

/// `lnn` and `lnn_skip`: one logical node number, or several joined by commas.
fn lnns(v: &str, field: &str) -> Result<Vec<u32>, SimResponse> {
    v.split(',')
        .map(|n| n.trim().parse::<u32>().ok().filter(|n| (1..=65535).contains(n)))
        .collect::<Option<Vec<u32>>>()
        .ok_or_else(|| {
            error(
                400,
                "AEC_BAD_REQUEST",
                &format!("Field: {field} must be 'all' or node numbers from 1 to 65535 joined by commas, not '{v}'"),
            )
        })
}

fn selects(q: &Query, lnn: u32) -> bool {
    let here = q.kind == Kind::Grouped || lnn == LOCAL_LNN;
    here && q.lnn.as_ref().is_none_or(|l| l.contains(&lnn)) && !q.skip.contains(&lnn)
}

fn position(s: &Session, q: &Query) -> Position {
    let value = q
        .sort
        .as_deref()
        .map_or(Value::Null, |f| s.json()[f].clone());
    (value, s.lnn, s.id)
}

/// Sort value first (reversed for DESC), then node and id.
fn compare(a: &Position, b: &Position, desc: bool) -> Ordering {
    let by_value = match (&a.0, &b.0) {
        (Value::Number(x), Value::Number(y)) => x.as_u64().cmp(&y.as_u64()),
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => Ordering::Equal,
    };
    let by_value = if desc { by_value.reverse() } else { by_value };
    by_value.then((a.1, a.2).cmp(&(b.1, b.2)))
}
