//! `sessions smb close`: the cluster has no server-side selector but `identity`, so sessions
//! are listed and chosen here, as the vendor CLI does, then sent back as they came.

use std::collections::HashSet;

use serde_json::Value;

use super::args::CloseArgs;
use super::columns;
use super::connection::{Connection, CLOSE_BATCH};
use super::pages;
use super::push;
use crate::args::ConfirmArgs;
use crate::backends::closing::{
    in_batches, keys_not_found, Closing, Ended, Ending, Outcome, Pick, Progress, Selection,
};
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::{self, Record};

pub(super) struct Close {
    args: CloseArgs,
    page_size: u32,
}

impl Close {
    /// `keys` are the checked `args.keys`.
    pub(super) fn new(mut args: CloseArgs, mut keys: Vec<String>, page_size: u32) -> Result<Close> {
        // A key is the session's location.
        args.location.append(&mut keys);
        let has_selector = !args.originator.is_empty()
            || !args.location.is_empty()
            || !args.share.is_empty()
            || args.guest
            || !args.confirm.selectors.is_empty();
        if !has_selector && !args.all {
            return Err(Error::usage(
                "say which sessions to close: a KEY, --where, --originator, --location, --share, --guest (with or without --identity), or --all",
            ));
        }
        Ok(Close { args, page_size })
    }

    fn matches(&self, r: &Record) -> bool {
        let c = &self.args;
        let text = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let has_share = || {
            r.get("share_names")
                .and_then(Value::as_array)
                .is_some_and(|s| {
                    s.iter()
                        .any(|n| n.as_str().is_some_and(|n| c.share.iter().any(|w| w == n)))
                })
        };
        (c.originator.is_empty() || c.originator.contains(&text("originator")))
            && (c.location.is_empty() || c.location.contains(&text("location")))
            && (c.share.is_empty() || has_share())
            && (!c.guest || r.get("is_guest").and_then(record::as_bool).unwrap_or(false))
    }
}

impl Closing for Close {
    fn confirm(&self) -> ConfirmArgs {
        self.args.confirm.clone()
    }

    /// The listing's identity, as `sessions smb --where` sends it: every session the client
    /// picks is that identity's, and keys are matched among what is picked.
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        push::push(&mut self.args.identity, selector)
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        _needed: Option<Vec<&'static str>>,
        pick: Pick<'a>,
    ) -> BoxFuture<'a, Result<Selection>> {
        Box::pin(async move {
            let mut cluster = Connection::connect(target, None).await?;
            let mut chosen = Vec::new();
            // The sessions exactly as sent: the close call takes them back verbatim.
            cluster
                .for_each_page(
                    self.args.identity.as_deref(),
                    self.page_size,
                    |b| pages::vendor_page(b),
                    |records| {
                        // --where reads the record as listings show it (normalised).
                        chosen.extend(records.into_iter().filter(|r| {
                            self.matches(r)
                                && pick.is_none_or(|p| p(&columns::normalize(r.clone())))
                        }));
                        Ok(Flow::Continue)
                    },
                )
                .await?;
            let missing = keys_not_found(&self.args.location, &chosen, |r| Some(location(r)));
            let end = End {
                cluster: tokio::sync::Mutex::new(cluster),
                identity: self.args.identity.clone(),
                page_size: self.page_size,
            };
            Ok(Selection::new(chosen, missing, Box::new(end)))
        })
    }
}

/// Ending on the cluster the sessions were listed from.
struct End {
    cluster: tokio::sync::Mutex<Connection>,
    identity: Option<String>,
    page_size: u32,
}

impl Ending for End {
    fn end<'a>(
        &'a mut self,
        chosen: &'a [Record],
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            // The vendor's batch call, one batch at a time, as qq sends it.
            let unnamed = std::sync::Mutex::new(Vec::new());
            let cluster = &self.cluster;
            let mut results = in_batches(chosen, CLOSE_BATCH, 1, progress, |batch| {
                let unnamed = &unnamed;
                async move {
                    let failures = cluster.lock().await.close(batch).await?;
                    Ok(attribute(batch, failures, &mut lock(unnamed)))
                }
            })
            .await;
            // The answer is a message, no code: a session it names counts as gone when the
            // cluster no longer lists it (docs/vendors/qumulo.md).
            let failed = results.iter().any(|o| matches!(o, Outcome::Failed(_)));
            // Without that listing (the cluster went away), the failures stay failures.
            let listed = match failed {
                true => self.listed().await.ok(),
                false => None,
            };
            if let Some(listed) = listed {
                for (r, o) in chosen.iter().zip(results.iter_mut()) {
                    if matches!(o, Outcome::Failed(_)) && !listed.contains(location(r)) {
                        *o = Outcome::Gone;
                    }
                }
            }
            let unnamed = unnamed.into_inner().unwrap_or_else(|p| p.into_inner());
            Ok(Ended {
                verb: "closed",
                results,
                other: (!unnamed.is_empty()).then(|| {
                    Error::server(format!(
                        "{} session(s) did not close: {}",
                        unnamed.len(),
                        unnamed.join("; ")
                    ))
                }),
            })
        })
    }
}

impl End {
    /// The locations the cluster lists now.
    async fn listed(&self) -> Result<HashSet<String>> {
        let mut listed = HashSet::new();
        self.cluster
            .lock()
            .await
            .for_each_page(
                self.identity.as_deref(),
                self.page_size,
                |b| pages::vendor_page(b),
                |records| {
                    listed.extend(records.iter().map(|r| location(r).to_string()));
                    Ok(Flow::Continue)
                },
            )
            .await?;
        Ok(listed)
    }
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The cluster answers with error messages only (no session field): each is the session's
/// whose location it names, if any; the rest go to `unnamed`.
fn attribute(batch: &[Record], failures: Vec<String>, unnamed: &mut Vec<String>) -> Vec<Outcome> {
    let names = |r: &Record, m: &String| !location(r).is_empty() && m.contains(location(r));
    let outcomes = batch
        .iter()
        .map(|r| match failures.iter().find(|m| names(r, m)) {
            Some(m) => Outcome::Failed(Error::server(m.clone())),
            None => Outcome::Ended,
        })
        .collect();
    unnamed.extend(
        failures
            .into_iter()
            .filter(|m| !batch.iter().any(|r| names(r, m))),
    );
    outcomes
}

fn location(r: &Record) -> &str {
    r.get("location").and_then(Value::as_str).unwrap_or("")
}
