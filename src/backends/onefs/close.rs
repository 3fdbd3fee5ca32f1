//! `sessions onefs close`: OneFS closes the sessions of a computer and user together
//! (DELETE /platform/1/protocols/smb/sessions/COMPUTER/USER, in every version; see
//! docs/vendors/onefs.md). So sessions are listed and chosen here, by key (a pair), computer
//! or user, and each pair chosen is closed with one DELETE. A pair that `--limit` cut in two
//! is not closed: its DELETE would end sessions the user was not shown.

use std::collections::HashMap;

use super::args::CloseArgs;
use super::connection::{Connection, Query};
use super::key::Pair;
use super::list::{connect, Filter};
use super::pages;
use super::settings::Settings;
use crate::args::ConfirmArgs;
use crate::backends::closing::{Closing, Ended, Ending, Selection};
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::Record;

pub(super) struct Close {
    settings: Settings,
    keys: Vec<Pair>,
    filter: Filter,
    confirm: ConfirmArgs,
    page_size: u32,
}

impl Close {
    /// `keys` are the checked `args.keys`.
    pub(super) fn new(
        settings: Settings,
        args: CloseArgs,
        keys: Vec<Pair>,
        page_size: u32,
    ) -> Result<Close> {
        if keys.is_empty() && args.computer.is_empty() && args.user.is_empty() {
            return Err(Error::usage(
                "say which sessions to close: a KEY (COMPUTER/USER, see `sessions onefs key`), --computer or --user",
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
        let keyed = self.keys.is_empty() || Pair::of(r).is_some_and(|p| self.keys.contains(&p));
        keyed && self.filter.matches(r)
    }
}

impl Closing for Close {
    fn confirm(&self) -> ConfirmArgs {
        self.confirm
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        _needed: Option<Vec<&'static str>>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let mut cluster = connect(target, self.settings, None).await?;
            let query = Query {
                page_size: self.page_size,
                ..Query::default()
            };
            let mut chosen = Vec::new();
            cluster
                .for_each_page(&query, pages::parse_page, |records| {
                    chosen.extend(records.into_iter().filter(|r| self.chooses(r)));
                    Ok(Flow::Continue)
                })
                .await?;
            let mut selected: HashMap<Pair, usize> = HashMap::new();
            for p in chosen.iter().filter_map(Pair::of) {
                *selected.entry(p).or_default() += 1;
            }
            let missing = self
                .keys
                .iter()
                .filter(|k| !selected.contains_key(k))
                .map(Pair::to_string)
                .collect();
            let end = End { cluster, selected };
            Ok(Selection::new(chosen, missing, Box::new(end)))
        })
    }
}

/// Ending the chosen pairs on the cluster they were listed from.
struct End {
    cluster: Connection,
    /// How many sessions of each pair the selectors chose, before `--limit`.
    selected: HashMap<Pair, usize>,
}

impl Ending for End {
    fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            let pairs: Vec<Option<Pair>> = chosen.iter().map(Pair::of).collect();
            let mut kept: HashMap<&Pair, usize> = HashMap::new();
            for p in pairs.iter().flatten() {
                *kept.entry(p).or_default() += 1;
            }
            // One DELETE per pair, in the order the pairs first appear.
            let mut outcome: HashMap<&Pair, Option<Error>> = HashMap::new();
            for p in pairs.iter().flatten() {
                if outcome.contains_key(p) {
                    continue;
                }
                let (kept, all) = (kept[p], self.selected.get(p).copied().unwrap_or(0));
                let result = if kept < all {
                    Some(Error::usage(format!(
                        "not closed: OneFS closes the {all} sessions of {p} together, and --limit kept {kept}"
                    )))
                } else {
                    self.cluster.close(p).await.err()
                };
                outcome.insert(p, result);
            }
            let results = pairs
                .iter()
                .map(|p| match p {
                    Some(p) => outcome.get(p).cloned().flatten(),
                    None => Some(Error::server(
                        "OneFS sent this session without a computer or user, so it cannot be closed",
                    )),
                })
                .collect();
            Ok(Ended {
                verb: "closed",
                results,
                other: None,
            })
        })
    }
}
