//! `sessions auth close`: by id, or `--others`; the connection's own session is refused, as
//! the web UI does (TrueNAS would just drop the socket).

use serde_json::Value;

use super::connection::{Api, Connection};
use super::query::AuthQuery;
use crate::args::ConfirmArgs;
use crate::backends::closing::{
    in_batches, keys_not_found, picks, Closing, Ended, Ending, Outcome, Pick, Progress, Selection,
};
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::Record;

pub(super) struct Close {
    ids: Vec<String>,
    others: bool,
    confirm: ConfirmArgs,
    api: Option<Api>,
    /// The listing's query: what `--where` sends with it (see `push_down`).
    query: AuthQuery,
}

impl Close {
    pub(super) fn new(
        ids: Vec<String>,
        others: bool,
        confirm: ConfirmArgs,
        api: Option<Api>,
    ) -> Close {
        Close {
            ids,
            others,
            confirm,
            api,
            query: AuthQuery::default(),
        }
    }
}

/// Sessions a batch ends, one call each: what the progress bar counts.
const BATCH: usize = 20;

/// Ending sessions on the connection that listed them.
struct End {
    nas: Connection,
    others: bool,
    /// How many sessions `select` found: `--limit` may leave some out.
    selected: usize,
}

fn flag(r: &Record, key: &str) -> bool {
    r.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn id_of(r: &Record) -> Option<&str> {
    r.get("id").and_then(Value::as_str)
}

impl Closing for Close {
    fn confirm(&self) -> ConfirmArgs {
        self.confirm.clone()
    }

    /// `auth.sessions`' filters, as `sessions auth --where` sends them, when --where alone
    /// chooses: with ids, an id --where leaves out must still be found (it is not missing).
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        match self.ids.is_empty() {
            true => super::push::push(&mut self.query, selector),
            false => Vec::new(),
        }
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        _needed: Option<Vec<&'static str>>,
        pick: Pick<'a>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let mut nas = Connection::connect(target, self.api).await?;
            let mut chosen: Vec<Record> = Vec::new();
            let mut found: Vec<Record> = Vec::new();
            let (ids, others) = (&self.ids, self.others);
            nas.sessions(&self.query, |records| {
                for r in records {
                    // --where alone chooses among the others, as --others does.
                    if ids.is_empty() {
                        if !flag(&r, "current") && !flag(&r, "internal") && picks(pick, &r) {
                            chosen.push(r);
                        }
                    } else if ids.iter().any(|w| Some(w.as_str()) == id_of(&r)) {
                        match picks(pick, &r) {
                            true => chosen.push(r),
                            false => found.push(r),
                        }
                    }
                }
                Ok(Flow::Continue)
            })
            .await?;
            if let Some(own) = chosen.iter().find(|r| flag(r, "current")) {
                return Err(Error::usage(format!(
                    "{} is this connection's own session; TrueNAS would just drop the socket",
                    id_of(own).unwrap_or("?")
                )));
            }
            found.extend(chosen.iter().cloned());
            let missing = keys_not_found(ids, &found, id_of);
            let end = End {
                nas,
                // terminate_other_sessions ends every other: not when --where picks some.
                others: others && pick.is_none(),
                selected: chosen.len(),
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
            let nas = tokio::sync::Mutex::new(&mut self.nas);
            let nas = &nas;
            // terminate_other_sessions ends them all: only when all were chosen.
            let results = if self.others && chosen.len() == self.selected {
                in_batches(chosen, chosen.len(), 1, progress, |batch| async move {
                    nas.lock().await.terminate_others().await?;
                    Ok(vec![Outcome::Ended; batch.len()])
                })
                .await
            } else {
                // One call per id, on the one socket; a batch is what the bar counts.
                in_batches(chosen, BATCH, 1, progress, |batch| async move {
                    let ids: Vec<String> =
                        batch.iter().filter_map(id_of).map(str::to_string).collect();
                    let unknown = nas.lock().await.terminate(&ids).await?;
                    // `false`: TrueNAS did not know the id, so it had gone.
                    Ok(batch
                        .iter()
                        .map(|r| match id_of(r) {
                            Some(id) if unknown.iter().any(|u| u == id) => Outcome::Gone,
                            Some(_) => Outcome::Ended,
                            None => Outcome::Failed(Error::server("TrueNAS sent no id for it")),
                        })
                        .collect())
                })
                .await
            };
            Ok(Ended::new("ended", results))
        })
    }

    fn leave(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(self.nas.close())
    }
}
