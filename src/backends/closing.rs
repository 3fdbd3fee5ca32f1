//! `close` as types: a [`Closing`] (the selectors) is consumed by [`select`](Closing::select),
//! which returns a [`Selection`]: the sessions found, the keys that found nothing, and the
//! backend's [`Ending`] (its connection and whatever ending needs). The driver in
//! `commands/close.rs` sorts and cuts the selection (`--sort`, `--limit`), shows it, asks, and
//! then either ends it or leaves it: both consume it, so nothing can be ended twice or ended
//! without having been selected.

use super::future::BoxFuture;
use crate::args::ConfirmArgs;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::record::{Column, Record};

/// A close, with its selectors.
pub trait Closing {
    /// `--dry-run` and `--yes`.
    fn confirm(&self) -> ConfirmArgs;
    /// The sessions the selectors match, read with the columns the output needs.
    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        needed: Option<Vec<&'static str>>,
    ) -> BoxFuture<'a, Result<Selection>>;
}

/// What a backend needs, after selecting, to end sessions: its connection, what each key
/// selected. It exists only inside a [`Selection`].
pub trait Ending {
    /// End `chosen`: the selection as the driver kept it (sorted, and cut by `--limit`).
    fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>>;
    /// The group a session ends with, where the vendor ends sessions only in groups (OneFS
    /// closes a computer and user pair at once): `--limit` then keeps the rest of a group it
    /// cut, so what is shown is what ends. `None`: it ends alone.
    fn together(&self, _session: &Record) -> Option<String> {
        None
    }
    /// Leave the connection politely, whatever happened.
    fn leave(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(async {})
    }
}

/// The sessions a close selected, and what ending them takes.
pub struct Selection {
    records: Vec<Record>,
    /// How many the selectors matched, before `--limit`.
    matched: usize,
    missing: Vec<String>,
    ending: Box<dyn Ending>,
}

impl Selection {
    /// `records` the selectors matched; `missing`, the keys the user named that found none.
    pub fn new(records: Vec<Record>, missing: Vec<String>, ending: Box<dyn Ending>) -> Selection {
        Selection {
            matched: records.len(),
            records,
            missing,
            ending,
        }
    }

    /// `--sort`: the order they are shown and ended in.
    pub fn sort(&mut self, column: &Column, descending: bool) {
        crate::record::sort_records(&mut self.records, column, descending);
    }

    /// `--limit`: keep the first `n`, and the rest of any group they end together with (see
    /// [`Ending::together`]), in order. Returns how many the groups added beyond `n`.
    pub fn truncate(&mut self, n: usize) -> usize {
        let groups: Vec<Option<String>> = self
            .records
            .iter()
            .map(|r| self.ending.together(r))
            .collect();
        let head: std::collections::HashSet<&String> = groups.iter().take(n).flatten().collect();
        let mut i = 0;
        self.records.retain(|_| {
            let keep = i < n || groups[i].as_ref().is_some_and(|g| head.contains(g));
            i += 1;
            keep
        });
        self.records.len().saturating_sub(n)
    }

    /// The sessions kept, in order.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// How many the selectors matched, before `--limit`.
    pub fn matched(&self) -> usize {
        self.matched
    }

    /// The keys the user named that no session carries.
    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// End the sessions kept, then leave. The sessions come back with what happened to each.
    pub async fn end(mut self) -> (Vec<Record>, Result<Ended>) {
        let ended = self.ending.end(&self.records).await;
        self.ending.leave().await;
        (self.records, ended)
    }

    /// End nothing (a dry run, a refusal, nothing matched) and leave.
    pub async fn leave(self) {
        self.ending.leave().await;
    }
}

/// What a close achieved, session by session.
pub struct Ended {
    /// `closed` or `ended`, as the vendor says it.
    pub verb: &'static str,
    /// One per chosen session, in order: `None` when it ended, else why it did not.
    pub results: Vec<Option<Error>>,
    /// A failure the vendor tied to no session, if any.
    pub other: Option<Error>,
}

/// The keys the user named that none of `chosen` carries, for [`Selection::new`].
pub(crate) fn keys_not_found<'r>(
    named: &[String],
    chosen: &'r [Record],
    key_of: impl Fn(&'r Record) -> Option<&'r str>,
) -> Vec<String> {
    named
        .iter()
        .filter(|k| !chosen.iter().any(|r| key_of(r) == Some(k.as_str())))
        .cloned()
        .collect()
}

/// The error for keys that name no session: exit 5, as a failed lookup on the server is.
pub(crate) fn no_such_session(keys: &[String]) -> Error {
    Error::server(format!("no such session: {}", keys.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Ends sessions in groups named by their `g` field.
    struct ByG;
    impl Ending for ByG {
        fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>> {
            Box::pin(async move {
                Ok(Ended {
                    verb: "closed",
                    results: vec![None; chosen.len()],
                    other: None,
                })
            })
        }
        fn together(&self, r: &Record) -> Option<String> {
            r.get("g").and_then(|g| g.as_str()).map(str::to_string)
        }
    }

    #[test]
    fn limit_keeps_the_rest_of_a_group_it_cuts() {
        let r = |k: u64, g: Option<&str>| {
            let mut v = json!({ "k": k });
            if let Some(g) = g {
                v["g"] = g.into();
            }
            v.as_object().unwrap().clone()
        };
        let all = vec![
            r(1, Some("a")),
            r(2, None),
            r(3, Some("b")),
            r(4, Some("a")),
            r(5, None),
        ];
        let mut s = Selection::new(all.clone(), vec![], Box::new(ByG));
        assert_eq!(s.truncate(2), 1);
        let kept: Vec<u64> = s
            .records()
            .iter()
            .map(|r| r["k"].as_u64().unwrap())
            .collect();
        assert_eq!(kept, [1, 2, 4]);
        let mut s = Selection::new(all, vec![], Box::new(ByG));
        assert_eq!(s.truncate(1), 1);
        assert_eq!(s.matched(), 5);
        assert_eq!(s.records().len(), 2);
    }
}
