//! `sessions cifs close KEY...`: list what each key selects (identifier 0 and connection id 0
//! widen it, see the API note), then one DELETE per key; or, when `--limit` leaves out some
//! of what a key selects, one DELETE per chosen session, so that nothing else goes.

use super::args::DEFAULT_MAX_RECORDS;
use super::connection::{CifsQuery, Connection};
use super::key::SessionKey;
use super::pages;
use crate::args::ConfirmArgs;
use crate::backends::closing::{Closing, Ended, Ending, Selection};
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::Result;
use crate::paginate::Flow;
use crate::record::Record;

pub(super) struct Close {
    keys: Vec<SessionKey>,
    confirm: ConfirmArgs,
}

impl Close {
    pub(super) fn new(keys: Vec<SessionKey>, confirm: ConfirmArgs) -> Close {
        Close { keys, confirm }
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
        self.confirm
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        needed: Option<Vec<&'static str>>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let cluster = Connection::connect(target)?;
            let mut chosen: Vec<Record> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut selected = Vec::with_capacity(self.keys.len());
            for key in &self.keys {
                let query = CifsQuery {
                    filters: key.as_filters(),
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
                            chosen.extend(
                                records
                                    .into_iter()
                                    .filter(|r| seen.insert(key_of(r).map(|k| k.to_string()))),
                            );
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
    fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            let cluster = &self.cluster;
            let all_chosen = chosen.len() == self.selected.iter().sum::<usize>();
            let mut results = Vec::with_capacity(chosen.len());
            if all_chosen && self.keys.len() == 1 {
                // One DELETE ends every session the key selects, or none of them.
                let outcome = cluster.close(&self.keys[0]).await.err();
                results.extend(chosen.iter().map(|_| outcome.clone()));
            } else {
                for r in chosen {
                    results.push(match key_of(r) {
                        Some(key) => cluster.close(&key).await.err(),
                        None => Some(crate::error::Error::server("ONTAP sent no key for it")),
                    });
                }
            }
            Ok(Ended {
                verb: "closed",
                results,
                other: None,
            })
        })
    }
}
