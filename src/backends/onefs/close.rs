//! `sessions onefs close`: OneFS closes the sessions of a computer and user together (DELETE
//! /platform/1/protocols/smb/sessions/COMPUTER/USER, in every version; see
//! docs/vendors/onefs.md). So sessions are listed and chosen here, by key, computer or user;
//! every listed session of a chosen pair is shown too, since the DELETE ends it; and each pair
//! is closed with one DELETE. `--limit` never splits a pair (`Ending::together`), so what is
//! shown is what ends, and no more than the limit. `--where lnn=N` is not sent as the
//! listing sends it: the pair's sessions on other nodes must be listed to be shown.

use std::collections::{HashMap, HashSet};

use super::args::CloseArgs;
use super::connection::{close, Connection, Query};
use super::key::{Pair, SessionKey};
use super::list::{connect, Filter};
use super::pages;
use super::settings::Settings;
use crate::args::ConfirmArgs;
use crate::backends::closing::{
    each, in_batches, picks, Closing, Ended, Ending, Outcome, Pick, Progress, Selection, IN_FLIGHT,
};
use crate::backends::future::BoxFuture;
use crate::config::{Keep, Target};
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::Record;

pub(super) struct Close {
    settings: Settings,
    keys: Vec<SessionKey>,
    filter: Filter,
    confirm: ConfirmArgs,
    page_size: u32,
}

impl Close {
    /// `keys` are the checked `args.keys`.
    pub(super) fn new(
        settings: Settings,
        args: CloseArgs,
        keys: Vec<SessionKey>,
        page_size: u32,
    ) -> Result<Close> {
        if keys.is_empty()
            && args.computer.is_empty()
            && args.user.is_empty()
            && args.confirm.selectors.is_empty()
        {
            return Err(Error::usage(
                "say which sessions to close: a KEY (LNN/ID, see `sessions onefs key`), --where, --computer or --user",
            ));
        }
        Ok(Close {
            settings,
            keys,
            filter: Filter {
                computers: args.computer,
                users: args.user,
            },
            confirm: args.confirm,
            page_size,
        })
    }

    fn chooses(&self, r: &Record) -> bool {
        let keyed =
            self.keys.is_empty() || SessionKey::of(r).is_some_and(|k| self.keys.contains(&k));
        keyed && self.filter.matches(r)
    }
}

/// The sessions a close ends: those chosen, and every other listed session of their pairs,
/// each pair's together (where its first session stands), so that `--limit` cuts between
/// pairs where it can.
fn widen(listed: Vec<Record>, chosen: &[bool]) -> Vec<Record> {
    let pairs: Vec<Option<Pair>> = listed.iter().map(Pair::of).collect();
    let wanted: HashSet<&Pair> = pairs
        .iter()
        .zip(chosen)
        .filter(|(_, c)| **c)
        .filter_map(|(p, _)| p.as_ref())
        .collect();
    let mut order = Vec::new();
    let mut placed: HashSet<&Pair> = HashSet::new();
    for (i, p) in pairs.iter().enumerate() {
        match p.as_ref().filter(|p| wanted.contains(p)) {
            Some(p) if placed.insert(p) => {
                order.extend((i..pairs.len()).filter(|j| pairs[*j].as_ref() == Some(p)));
            }
            Some(_) => {}
            // Chosen, but without a pair: shown, and refused when ended.
            None if chosen[i] => order.push(i),
            None => {}
        }
    }
    let mut slots: Vec<Option<Record>> = listed.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

impl Closing for Close {
    fn confirm(&self) -> ConfirmArgs {
        self.confirm.clone()
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        _needed: Option<Vec<&'static str>>,
        pick: Pick<'a>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let mut cluster = connect(target, self.settings, None).await?;
            let query = Query {
                page_size: self.page_size,
                ..Query::default()
            };
            let mut listed = Vec::new();
            cluster
                .for_each_page(&query, pages::parse_page, |records| {
                    listed.extend(records);
                    Ok(Flow::Continue)
                })
                .await?;
            // A key --where leaves out was found all the same.
            let found: HashSet<SessionKey> = listed
                .iter()
                .filter(|r| self.chooses(r))
                .filter_map(SessionKey::of)
                .collect();
            let chosen: Vec<bool> = listed
                .iter()
                .map(|r| self.chooses(r) && picks(pick, r))
                .collect();
            let missing = self
                .keys
                .iter()
                .filter(|k| !found.contains(k))
                .map(SessionKey::to_string)
                .collect();
            let direct = chosen.iter().filter(|c| **c).count();
            let records = widen(listed, &chosen);
            if records.len() > direct {
                target.log.verbose(format_args!(
                    "OneFS closes a computer and user's sessions together: {} more session(s) of the chosen pairs are part of this close",
                    records.len() - direct
                ));
            }
            let mut selected: HashMap<Pair, usize> = HashMap::new();
            for p in records.iter().filter_map(Pair::of) {
                *selected.entry(p).or_default() += 1;
            }
            let end = End { cluster, selected };
            Ok(Selection::new(records, missing, Box::new(end)))
        })
    }
}

/// Ending the chosen pairs on the cluster they were listed from.
struct End {
    cluster: Connection,
    /// How many sessions of each pair the close selected, before `--limit`.
    selected: HashMap<Pair, usize>,
}

impl Ending for End {
    /// One DELETE ends every session of a pair: `--limit` keeps a pair whole.
    fn together(&self, r: &Record) -> Option<String> {
        Pair::of(r).map(|p| format!("{}\n{}", p.computer, p.user))
    }

    fn leave(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(async move { self.cluster.finish(&Keep::default()).await })
    }

    fn end<'a>(
        &'a mut self,
        chosen: &'a [Record],
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            let pairs: Vec<Option<Pair>> = chosen.iter().map(Pair::of).collect();
            let mut kept: HashMap<&Pair, usize> = HashMap::new();
            for p in pairs.iter().flatten() {
                *kept.entry(p).or_default() += 1;
            }
            // One DELETE per pair, in the order the pairs first appear, IN_FLIGHT at once.
            let mut outcome: HashMap<&Pair, Outcome> = HashMap::new();
            let mut whole: Vec<(&Pair, Record)> = Vec::new();
            for (p, r) in pairs.iter().zip(chosen) {
                let Some(p) = p else { continue };
                if outcome.contains_key(p) || whole.iter().any(|(w, _)| *w == p) {
                    continue;
                }
                let (kept, all) = (kept[p], self.selected.get(p).copied().unwrap_or(0));
                if kept < all {
                    // `together` keeps pairs whole; a pair cut all the same is left open.
                    let e = Error::usage(format!(
                        "OneFS closes the {all} sessions of {p} together, and only {kept} were kept"
                    ));
                    outcome.insert(p, Outcome::Failed(e));
                } else {
                    whole.push((p, r.clone()));
                }
            }
            // A pair stands in the batches as its first session; the bar counts them all.
            let firsts: Vec<Record> = whole.iter().map(|(_, r)| r.clone()).collect();
            let cluster = tokio::sync::Mutex::new(&mut self.cluster);
            let (cluster, kept) = (&cluster, &kept);
            let ended = in_batches(&firsts, 1, IN_FLIGHT, progress, |first| async move {
                let Some(p) = Pair::of(&first[0]) else {
                    return Ok(vec![Outcome::NotTried]);
                };
                let done = each(close(cluster, &p).await, gone)?;
                progress.advance(kept[&p] - 1);
                Ok(vec![done])
            })
            .await;
            outcome.extend(whole.iter().map(|(p, _)| *p).zip(ended));
            let results = pairs
                .iter()
                .map(|p| match p {
                    Some(p) => outcome.get(p).cloned().unwrap_or(Outcome::NotTried),
                    None => Outcome::Failed(Error::server(
                        "OneFS sent this session without a computer or user, so it cannot be closed",
                    )),
                })
                .collect();
            Ok(Ended::new("closed", results))
        })
    }
}

/// OneFS's not-found (docs/vendors/onefs.md): the pair's sessions had gone.
fn gone(e: &Error) -> bool {
    e.code() == Some("AEC_NOT_FOUND")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_close_shows_every_session_of_the_pairs_it_ends() {
        let r = |lnn: u16, id: u32, c: &str, u: &str| {
            json!({"lnn": lnn, "id": id, "computer": c, "user": u})
                .as_object()
                .unwrap()
                .clone()
        };
        let listed = vec![
            r(1, 1, "10.0.0.1", "CORP\\alice"),
            r(2, 7, "10.0.0.1", "CORP\\alice"),
            r(2, 8, "10.0.0.1", "CORP\\bob"),
            r(3, 1, "10.0.0.2", "CORP\\alice"),
            r(3, 2, "10.0.0.1", "CORP\\bob"),
            r(4, 1, "10.0.0.1", "CORP\\alice"),
        ];
        let kept = widen(listed, &[false, true, true, false, false, false]);
        let keys: Vec<String> = kept
            .iter()
            .filter_map(SessionKey::of)
            .map(|k| k.to_string())
            .collect();
        // Each pair's sessions together, where its first one stands.
        assert_eq!(keys, ["1/1", "2/7", "4/1", "2/8", "3/2"]);
    }
}
