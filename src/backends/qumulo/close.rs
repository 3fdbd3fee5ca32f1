//! `sessions smb close`: the cluster has no server-side selector but `identity`, so sessions
//! are listed and chosen here, as the vendor CLI does, then sent back as they came.

use serde_json::Value;

use super::args::CloseArgs;
use super::connection::Connection;
use super::pages;
use crate::args::ConfirmArgs;
use crate::backends::closing::{keys_not_found, Closing, Ended, Ending, Selection};
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
            || args.guest;
        if !has_selector && !args.all {
            return Err(Error::usage(
                "say which sessions to close: a KEY, --originator, --location, --share, --guest (with or without --identity), or --all",
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
        self.args.confirm
    }

    fn select<'a>(
        self: Box<Self>,
        target: &'a Target,
        _needed: Option<Vec<&'static str>>,
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
                        chosen.extend(records.into_iter().filter(|r| self.matches(r)));
                        Ok(Flow::Continue)
                    },
                )
                .await?;
            let missing = keys_not_found(&self.args.location, &chosen, |r| Some(location(r)));
            Ok(Selection::new(chosen, missing, Box::new(End(cluster))))
        })
    }
}

/// Ending on the cluster the sessions were listed from.
struct End(Connection);

impl Ending for End {
    fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            // The cluster answers with error messages only (no session field): each is the
            // session's whose location it names, if any.
            let failures = self.0.close(chosen).await?;
            let names = |r: &Record, m: &String| !location(r).is_empty() && m.contains(location(r));
            let results = chosen
                .iter()
                .map(|r| {
                    failures
                        .iter()
                        .find(|m| names(r, m))
                        .map(|m| Error::server(m.clone()))
                })
                .collect();
            let unnamed: Vec<&String> = failures
                .iter()
                .filter(|m| !chosen.iter().any(|r| names(r, m)))
                .collect();
            Ok(Ended {
                verb: "closed",
                results,
                other: (!unnamed.is_empty()).then(|| {
                    Error::server(format!(
                        "{} session(s) did not close: {}",
                        unnamed.len(),
                        unnamed
                            .iter()
                            .map(|m| m.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ))
                }),
            })
        })
    }
}

fn location(r: &Record) -> &str {
    r.get("location").and_then(Value::as_str).unwrap_or("")
}
