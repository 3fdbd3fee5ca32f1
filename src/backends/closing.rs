//! `close` as types: a [`Closing`] (the selectors) is consumed by [`select`](Closing::select),
//! which returns a [`Selection`]: the sessions found, the keys that found nothing, and the
//! backend's [`Ending`] (its connection and whatever ending needs). The driver in
//! `commands/close.rs` sorts and cuts the selection (`--sort`, `--limit`), shows it, asks, and
//! then either ends it or leaves it: both consume it, so nothing can be ended twice or ended
//! without having been selected.

use std::collections::{HashMap, HashSet};

pub(crate) use super::batches::{each, in_batches, Outcome, Progress, IN_FLIGHT};
use super::future::BoxFuture;
use crate::args::ConfirmArgs;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::record::{Column, Record};

/// A close, with its selectors.
pub trait Closing {
    /// `--dry-run` and `--yes`.
    fn confirm(&self) -> ConfirmArgs;
    /// The sessions the selectors match, read with the columns the output needs; with
    /// `--where`, only those of them `pick` picks (a session as `-o json` prints it).
    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        needed: Option<Vec<&'static str>>,
        pick: Pick<'a>,
    ) -> BoxFuture<'a, Result<Selection>>;
    /// Send with its listing the terms of `selector` its API filters so that nothing they
    /// select is left out, and so that the same sessions are chosen (the client still picks
    /// with every term); returns what it sends, as the API writes it, for `-v`.
    fn push_down(&mut self, _selector: &crate::select::Selector) -> Vec<String> {
        Vec::new()
    }
}

/// `--where`, as a test of one session (as `-o json` prints it); `None` without it.
pub(crate) type Pick<'a> = Option<&'a dyn Fn(&Record) -> bool>;

/// Whether `pick` picks `r` (everything, without `--where`).
pub(crate) fn picks(pick: Pick<'_>, r: &Record) -> bool {
    pick.is_none_or(|p| p(r))
}

/// What a backend needs, after selecting, to end sessions: its connection, what each key
/// selected. It exists only inside a [`Selection`].
pub trait Ending {
    /// End `chosen`: the selection as the driver kept it (sorted, and cut by `--limit`), in
    /// batches (see [`in_batches`]) that advance `progress` and stop when it says so.
    fn end<'a>(
        &'a mut self,
        chosen: &'a [Record],
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<Ended>>;
    /// The group a session ends with, where the vendor ends sessions only in groups (OneFS
    /// closes a computer and user pair at once): `--limit` then never splits a group, so what
    /// is shown is what ends. `None`: it ends alone.
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

    /// `--limit`: keep at most `n`, in order, never splitting a group the vendor ends
    /// together (see [`Ending::together`]): the first group that would pass `n` is left out,
    /// and everything after it but the rest of groups already kept. A limit is a promise to
    /// the user, so it is never exceeded, even if that leaves nothing. Returns the size of
    /// the group left out (0 when none was).
    pub fn truncate(&mut self, n: usize) -> usize {
        let groups: Vec<Option<String>> = self
            .records
            .iter()
            .map(|r| self.ending.together(r))
            .collect();
        let mut sizes: HashMap<&String, usize> = HashMap::new();
        for g in groups.iter().flatten() {
            *sizes.entry(g).or_default() += 1;
        }
        // Past the first session or group that does not fit, only the rest of kept groups.
        let (mut kept, mut full, mut cut) = (0, false, 0);
        let mut whole: HashSet<&String> = HashSet::new();
        let keep: Vec<bool> = groups
            .iter()
            .map(|g| match g {
                Some(g) if whole.contains(g) => true,
                _ if full => false,
                None if kept < n => {
                    kept += 1;
                    true
                }
                Some(g) if kept + sizes[g] <= n => {
                    kept += sizes[g];
                    whole.insert(g);
                    true
                }
                // Said only when the limit had room left: the group, not the limit, stopped it.
                Some(g) => {
                    (full, cut) = (true, if kept < n { sizes[g] } else { 0 });
                    false
                }
                None => {
                    full = true;
                    false
                }
            })
            .collect();
        let mut i = 0;
        self.records.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        cut
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
    pub async fn end(mut self, progress: &Progress) -> (Vec<Record>, Result<Ended>) {
        let ended = self.ending.end(&self.records, progress).await;
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
    /// One per chosen session, in order.
    pub results: Vec<Outcome>,
    /// A failure the vendor tied to no session, if any.
    pub other: Option<Error>,
}

impl Ended {
    /// Every one of `results` as the vendor ended it, and nothing else went wrong.
    pub(crate) fn new(verb: &'static str, results: Vec<Outcome>) -> Ended {
        Ended {
            verb,
            results,
            other: None,
        }
    }
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
        fn end<'a>(
            &'a mut self,
            chosen: &'a [Record],
            _: &'a Progress,
        ) -> BoxFuture<'a, Result<Ended>> {
            Box::pin(async move { Ok(Ended::new("closed", vec![Outcome::Ended; chosen.len()])) })
        }
        fn together(&self, r: &Record) -> Option<String> {
            r.get("g").and_then(|g| g.as_str()).map(str::to_string)
        }
    }

    #[test]
    fn limit_never_splits_a_group_nor_passes_n() {
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
        let kept = |n: usize| {
            let mut s = Selection::new(all.clone(), vec![], Box::new(ByG));
            let cut = s.truncate(n);
            assert_eq!(s.matched(), 5);
            let keys: Vec<u64> = s
                .records()
                .iter()
                .map(|r| r["k"].as_u64().unwrap())
                .collect();
            (keys, cut)
        };
        // Group "a" has two sessions: a limit of 1 would split it, so nothing is kept.
        assert_eq!(kept(1), (vec![], 2));
        assert_eq!(kept(2), (vec![1, 4], 0));
        // 1 and 4 (group a), then 2 fill the limit: nothing more, and no group was split.
        assert_eq!(kept(3), (vec![1, 2, 4], 0));
        assert_eq!(kept(4), (vec![1, 2, 3, 4], 0));
        assert_eq!(kept(9), (vec![1, 2, 3, 4, 5], 0));
    }
}
