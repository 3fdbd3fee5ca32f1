//! ONTAP's collection GET: query checks, filters, order, `max_records`, pages with
//! `start.*` tokens in `_links.next.href`, HAL, and the paging faults.

use std::borrow::Cow;

use serde_json::{json, Map, Value};

use super::fields::{is_field, render, Fields, Rendered, FIELDS};
use super::query::{compare_by, matches_filter, parse_order};
use super::wire::{error, Key, COLLECTION};
use super::OntapSim;
use crate::faults::FaultKind;
use crate::server::{lock, SimRequest, SimResponse};

const MAX_RECORDS_CAP: usize = 10_000;
/// The query parameters that are not filters (ONTAP also takes `ignore_unknown_fields` from
/// 9.11.1 on, and `query` over `query_fields`; see the API note's "verified later").
const CONTROL: [&str; 8] = [
    "fields",
    "max_records",
    "return_records",
    "return_timeout",
    "order_by",
    "ignore_unknown_fields",
    "query",
    "query_fields",
];

impl OntapSim {
    pub(super) fn list(&self, req: &SimRequest) -> SimResponse {
        for (k, _) in &req.query {
            if !CONTROL.contains(&k.as_str()) && !k.starts_with("start.") && !is_field(k) {
                return error(
                    400,
                    "262179",
                    &format!("Unexpected argument \"{k}\"."),
                    Some(k),
                );
            }
        }
        let fields = match Fields::from_request(req) {
            Ok(f) => f,
            Err(refusal) => return refusal,
        };
        let max = match req.param("max_records").map(str::parse::<usize>) {
            None => MAX_RECORDS_CAP,
            Some(Ok(n)) => n.min(MAX_RECORDS_CAP),
            Some(Err(_)) => {
                return error(
                    400,
                    "2",
                    "Invalid value for field \"max_records\".",
                    Some("max_records"),
                )
            }
        };
        if let Some(t) = req.param("return_timeout") {
            if !t.parse::<u32>().is_ok_and(|t| t <= 120) {
                return error(
                    400,
                    "2",
                    "Field \"return_timeout\" must be between 0 and 120.",
                    Some("return_timeout"),
                );
            }
        }
        let filters: Vec<(&str, &str)> = req
            .query
            .iter()
            .filter(|(k, _)| is_field(k))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        // `query=V&query_fields=a,b`: records where any of those fields matches V.
        let searched: Vec<&str> = match req.param("query_fields") {
            Some(list) => list.split(',').map(str::trim).collect(),
            None => FIELDS
                .iter()
                .map(|(f, _)| *f)
                .filter(|f| *f != "_links")
                .collect(),
        };
        let query = req.param("query");
        let found =
            |v: &Value| query.is_none_or(|q| searched.iter().any(|f| matches_filter(v, f, q)));
        let keep = |v: &Value| found(v) && filters.iter().all(|(k, f)| matches_filter(v, k, f));
        let order = match req.param("order_by").map(parse_order).transpose() {
            Ok(o) => o,
            Err(bad) => {
                return error(
                    400,
                    "2",
                    &format!("Invalid field \"{bad}\" in order_by."),
                    Some("order_by"),
                )
            }
        };
        let hal = req
            .headers
            .get(hyper::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("hal+json"));

        let all = lock(&self.sessions);
        if req.param("return_records") == Some("false") {
            let n = all.iter().filter(|(_, v, _)| keep(v)).count();
            return SimResponse::json(200, &json!({ "num_records": n }));
        }
        // The `endless` fault walks round the collection for ever, a page further each time,
        // under links no page had before: distinct pages that never end.
        let endless = self.faults.take_endless();
        let start = match endless {
            Some(n) => {
                let from = ((n as usize - 1) * max) % all.len().max(1);
                from.checked_sub(1).map(|j| all[j].0.clone())
            }
            None => start_key(req),
        };
        // Fast path: no filter, key order: binary-search the start.
        let page: Vec<&(Key, Value, Rendered)>;
        let more: bool;
        if filters.is_empty() && query.is_none() && order.is_none() {
            let from = match &start {
                Some(k) => all.partition_point(|(key, _, _)| key <= k),
                None => 0,
            };
            let end = (from + max).min(all.len());
            page = all[from..end].iter().collect();
            more = end < all.len();
        } else {
            let mut matching: Vec<&(Key, Value, Rendered)> =
                all.iter().filter(|(_, v, _)| keep(v)).collect();
            if let Some(order) = &order {
                matching.sort_by(|a, b| compare_by(&a.1, &b.1, order).then_with(|| a.0.cmp(&b.0)));
            }
            let from = match &start {
                Some(k) => matching
                    .iter()
                    .position(|(key, _, _)| key == k)
                    .map(|i| i + 1)
                    .unwrap_or(0),
                None => 0,
            };
            let end = (from + max).min(matching.len());
            more = end < matching.len();
            matching.truncate(end);
            matching.drain(..from);
            page = matching;
        }

        // The `empty-pages` fault: what ONTAP does when return_timeout hits mid-page.
        let (page, extra) = if let Some(n) = endless {
            (page, Some(format!("start.endless={n}")))
        } else if more && self.faults.take(FaultKind::EmptyPages) {
            let mut n = lock(&self.fault_pages);
            *n += 1;
            let keep = if *n % 2 == 1 { 0 } else { page.len() / 2 };
            (
                page[..keep].to_vec(),
                Some(format!("start.timeout_round={n}")),
            )
        } else {
            (page, None)
        };
        let plain_all = matches!(fields, Fields::All) && !hal;
        let records: Vec<Cow<'_, str>> = page
            .iter()
            .map(|(_, v, rendered)| {
                if plain_all {
                    return Cow::Borrowed(rendered.all.as_str());
                }
                Cow::Owned(
                    rendered
                        .project(v, &fields, hal, self.quirks)
                        .unwrap_or_else(|| render(v, &fields, hal, self.quirks).to_string()),
                )
            })
            .collect();
        let mut links = Map::new();
        if hal {
            links.insert(
                "self".into(),
                json!({ "href": format!("{COLLECTION}?{}", req.raw_query) }),
            );
        }
        let cursor = match (&extra, page.last()) {
            _ if endless.is_some() => None,
            (Some(_), Some((k, _, _))) => Some(k.clone()),
            (Some(_), None) => start.clone(),
            (None, Some((k, _, _))) if more => Some(k.clone()),
            _ => None,
        };
        if more || extra.is_some() {
            let loops = self.faults.take(FaultKind::Loop);
            links.insert(
                "next".into(),
                json!({ "href": next_href(req, cursor.as_ref(), extra.as_deref(), loops) }),
            );
        }
        if let Some(text) = &self.next_link {
            links.insert("next".into(), json!({ "href": text }));
        }
        // The body is assembled from the records' JSON text (pre-rendered for fields=**).
        let mut body =
            String::with_capacity(records.iter().map(|r| r.len() + 1).sum::<usize>() + 256);
        body.push_str("{\"records\":[");
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(r);
        }
        body.push_str(&format!("],\"num_records\":{}", records.len()));
        if !links.is_empty() {
            body.push_str(&format!(",\"_links\":{}", Value::Object(links)));
        }
        body.push('}');
        let ctype = if hal {
            "application/hal+json"
        } else {
            "application/json"
        };
        SimResponse::raw(200, ctype, body)
    }
}

/// `start.*` tokens of the request, if any.
fn start_key(req: &SimRequest) -> Option<Key> {
    Some((
        req.param("start.node.uuid")?.to_string(),
        req.param("start.svm.uuid")?.to_string(),
        req.param("start.identifier")?.parse().ok()?,
        req.param("start.connection_id")?.parse().ok()?,
    ))
}

/// The next link: the request's own query (as the client sent it) without old `start.*`
/// tokens, plus new ones. The `loop` fault sends the request's own link back.
fn next_href(req: &SimRequest, cursor: Option<&Key>, extra: Option<&str>, loops: bool) -> String {
    if loops {
        return format!("{COLLECTION}?{}", req.raw_query);
    }
    let mut parts: Vec<String> = req
        .raw_query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("start."))
        .map(str::to_string)
        .collect();
    if let Some((n, s, i, c)) = cursor {
        parts.push(format!("start.node.uuid={n}"));
        parts.push(format!("start.svm.uuid={s}"));
        parts.push(format!("start.identifier={i}"));
        parts.push(format!("start.connection_id={c}"));
    }
    if let Some(e) = extra {
        parts.push(e.to_string());
    }
    format!("{COLLECTION}?{}", parts.join("&"))
}
