//! `sessions cifs close KEY`: list what the key selects (identifier 0 and connection id 0
//! widen it, see the API note), then one DELETE.

use super::args::DEFAULT_MAX_RECORDS;
use super::connection::{CifsQuery, Connection};
use super::key::SessionKey;
use super::pages;
use crate::args::ConfirmArgs;
use crate::backends::{BoxFuture, Closing, Ended};
use crate::config::Target;
use crate::error::Result;
use crate::paginate::Flow;
use crate::record::Record;

pub struct Close {
    key: SessionKey,
    confirm: ConfirmArgs,
    cluster: Option<Connection>,
    found: bool,
}

impl Close {
    pub fn new(key: SessionKey, confirm: ConfirmArgs) -> Close {
        Close {
            key,
            confirm,
            cluster: None,
            found: true,
        }
    }
}

impl Closing for Close {
    fn confirm(&self) -> ConfirmArgs {
        self.confirm
    }

    fn select<'a>(
        &'a mut self,
        target: &'a Target,
        needed: Option<Vec<&'static str>>,
    ) -> BoxFuture<'a, Result<Vec<Record>>> {
        Box::pin(async move {
            let cluster = Connection::connect(target)?;
            let query = CifsQuery {
                filters: self.key.as_filters(),
                max_records: DEFAULT_MAX_RECORDS,
                ..Default::default()
            };
            let mut chosen = Vec::new();
            cluster
                .for_each_page(&query, needed.as_deref(), pages::parse_page, |records| {
                    chosen.extend(records);
                    Ok(Flow::Continue)
                })
                .await?;
            self.cluster = Some(cluster);
            self.found = !chosen.is_empty();
            Ok(chosen)
        })
    }

    fn missing(&self) -> Vec<String> {
        if self.found {
            Vec::new()
        } else {
            vec![self.key.to_string()]
        }
    }

    fn end<'a>(&'a mut self, chosen: &'a [Record]) -> BoxFuture<'a, Result<Ended>> {
        Box::pin(async move {
            let Some(cluster) = self.cluster.as_ref() else {
                return Err(crate::error::Error::other("close: nothing was selected"));
            };
            // One DELETE ends every session the key selects, or none of them.
            Ok(match cluster.close(&self.key).await {
                Ok(()) => Ended::all("closed", chosen.len()),
                Err(e) => Ended {
                    verb: "closed",
                    results: chosen.iter().map(|_| Some(e.clone())).collect(),
                    other: None,
                },
            })
        })
    }
}
