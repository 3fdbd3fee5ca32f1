//! `sessions auth close`: by id, or `--others`; the connection's own session is refused, as
//! the web UI does (TrueNAS would just drop the socket).

use serde_json::Value;

use super::connection::{Api, Connection};
use super::query::AuthQuery;
use crate::args::ConfirmArgs;
use crate::backends::closing::{keys_not_found, Closing, Ended, Ending, Selection};
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
        }
    }
}

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
        self.confirm
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        _needed: Option<Vec<&'static str>>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let mut nas = Connection::connect(target, self.api).await?;
            let mut chosen: Vec<Record> = Vec::new();
            let (ids, others) = (&self.ids, self.others);
            nas.sessions(&AuthQuery::default(), |records| {
                chosen.extend(records.into_iter().filter(|r| {
                    if others {
                        !flag(r, "current") && !flag(r, "internal")
                    } else {
                        ids.iter().any(|w| Some(w.as_str()) == id_of(r))
                    }
                }));
                Ok(Flow::Continue)
            })
            .await?;
            if let Some(own) = chosen.iter().find(|r| flag(r, "current")) {
                return Err(Error::usage(format!(
                    "{} is this connection's own session; TrueNAS would just drop the socket",
                    id_of(own).unwrap_or("?")
                )));
            }
            let missing = keys_not_found(ids, &chosen, id_of);
            let end = End {
                nas,
                others,
                selected: chosen.len(),
            };
            Ok(Selection::new(chosen, missing, Box::new(end)))
        })
    }
}

impl Ending for End {
    fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            let nas = &mut self.nas;
            // terminate_other_sessions ends them all: only when all were chosen.
            let unknown = if self.others && chosen.len() == self.selected {
                nas.terminate_others().await?;
                Vec::new()
            } else {
                let ids: Vec<String> = chosen
                    .iter()
                    .filter_map(id_of)
                    .map(str::to_string)
                    .collect();
                nas.terminate(&ids).await?
            };
            let results = chosen
                .iter()
                .map(|r| {
                    let id = id_of(r).unwrap_or_default();
                    unknown
                        .iter()
                        .any(|u| u == id)
                        .then(|| Error::server("TrueNAS did not know this session"))
                })
                .collect();
            Ok(Ended {
                verb: "ended",
                results,
                other: None,
            })
        })
    }

    fn leave(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(self.nas.close())
    }
}
