//! `sessions cifs close KEY...`: list what each key selects (identifier 0 and connection id 0
//! widen it, see the API note), then one DELETE per key; or, when `--limit` leaves out some
//! of what a key selects, one DELETE per chosen session, so that nothing else goes.

use super::args::DEFAULT_MAX_RECORDS;
use super::connection::{CifsQuery, Connection};
use super::key::SessionKey;
use super::pages;
use crate::args::ConfirmArgs;
use crate::backends::closing::{
    each, in_batches, picks, Closing, Ended, Ending, Outcome, Pick, Progress, Selection, IN_FLIGHT,
};
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::Record;

pub(super) struct Close {
    keys: Vec<SessionKey>,
    confirm: ConfirmArgs,
    /// What `--where` sends with the listing, when there is no key (see `push_down`).
    pushed: CifsQuery,
}

impl Close {
    pub(super) fn new(keys: Vec<SessionKey>, confirm: ConfirmArgs) -> Close {
        Close {
            keys,
            confirm,
            pushed: CifsQuery::default(),
        }
    }
}

/// Ending what the keys selected, on the cluster they were listed from.
struct End {
    cluster: Connection,
    keys: Vec<SessionKey>,
    /// How many sessions each key selected, in `keys` order.
    selected: Vec<usize>,
}

/// The exact key of a listed session.
fn key_of(r: &Record) -> Option<SessionKey> {
    let text = |k: &str| crate::record::path(r, k).and_then(|v| v.as_str().map(str::to_string));
    // Numbers sent as strings are a documented quirk.
    let int = |k: &str| {
        crate::record::path(r, k).and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
    };
    Some(SessionKey {
        node_uuid: text("node.uuid")?,
        svm_uuid: text("svm.uuid")?,
        identifier: int("identifier")?,
        connection_id: u32::try_from(int("connection_id")?).ok()?,
    })
}

impl Closing for Close {
    fn confirm(&self) -> ConfirmArgs {
        self.confirm.clone()
    }

    /// The listing's query terms, as `sessions cifs --where` sends them, when --where alone
    /// chooses: a key's query counts what it selects before --where (which says which keys
    /// found nothing, and whether one DELETE of the key ends exactly what was chosen).
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        match self.keys.is_empty() {
            true => super::push::push(&mut self.pushed, selector),
            false => Vec::new(),
        }
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        needed: Option<Vec<&'static str>>,
        pick: Pick<'a>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let cluster = Connection::connect(target)?;
            // --where may read any field: ONTAP then sends them all.
            let needed = needed.filter(|_| pick.is_none());
            // Without keys (--where alone), every session is listed, and --where picks.
            let every = [None];
            let keyed: Vec<Option<&SessionKey>> = self.keys.iter().map(Some).collect();
            let queries = if self.keys.is_empty() {
                &every[..]
            } else {
                &keyed[..]
            };
            let mut chosen: Vec<Record> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut selected = Vec::with_capacity(self.keys.len());
            for &key in queries {
                let query = CifsQuery {
                    filters: match key {
                        Some(key) => key.as_filters(),
                        None => self.pushed.filters.clone(),
                    },
                    max_records: DEFAULT_MAX_RECORDS,
                    ..Default::default()
                };
                let mut count = 0;
                cluster
                    .for_each_page(
                        &query,
                        needed.as_deref(),
                        |b| pages::parse_page(b),
                        |records| {
                            count += records.len();
                            // Two keys may select the same session (a wildcard and an exact one).
                            chosen.extend(records.into_iter().filter(|r| {
                                picks(pick, r) && seen.insert(key_of(r).map(|k| k.to_string()))
                            }));
                            Ok(Flow::Continue)
                        },
                    )
                    .await?;
                selected.push(count);
            }
            let missing = self
                .keys
                .iter()
                .zip(&selected)
                .filter(|(_, n)| **n == 0)
                .map(|(k, _)| k.to_string())
                .collect();
            let end = End {
                cluster,
                keys: self.keys,
                selected,
            };
            Ok(Selection::new(chosen, missing, Box::new(end)))
        })
    }
}

impl Ending for End {
    fn end<'a>(
        &'a mut self,
        chosen: &'a [Record],
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            let cluster = &self.cluster;
            let all_chosen = chosen.len() == self.selected.iter().sum::<usize>();
            let results = if all_chosen && self.keys.len() == 1 {
                // One DELETE ends every session the key selects, or none of them.
                let key = &self.keys[0];
                in_batches(chosen, chosen.len(), 1, progress, |batch| async move {
                    Ok(vec![each(cluster.close(key).await, gone)?; batch.len()])
                })
                .await
            } else {
                in_batches(chosen, 1, IN_FLIGHT, progress, |batch| async move {
                    Ok(vec![match key_of(&batch[0]) {
                        Some(key) => each(cluster.close(&key).await, gone)?,
                        None => Outcome::Failed(Error::server("ONTAP sent no key for it")),
                    }])
                })
                .await
            };
            Ok(Ended::new("closed", results))
        })
    }
}

/// ONTAP's "no such entry" (docs/vendors/ontap.md): the session had gone.
fn gone(e: &Error) -> bool {
    e.code() == Some("4")
}
