//! `sessions onefs`: the listing, with what the API cannot do done here. OneFS filters by
//! nothing but the node (v11's `lnn`) and sorts only on v1 (`sort`/`dir`): the computer and
//! user filters, and v11's order, are applied to the pages as they come, and `-v` says so.

use serde_json::Value;

use super::args::{Args, OrderBy};
use super::connection::{Connection, Kept, Query};
use super::pages;
use super::settings::{Api, Settings};
use crate::backends::backend::Listing;
use crate::backends::future::BoxFuture;
use crate::config::{Keep, Target};
use crate::error::Result;
use crate::paginate::{Flow, Sink};
use crate::record::Record;

/// Sessions chosen by exact computer and user, here: the API has no such filter.
#[derive(Debug, Clone, Default)]
pub(super) struct Filter {
    pub computers: Vec<String>,
    pub users: Vec<String>,
}

impl Filter {
    pub(super) fn is_empty(&self) -> bool {
        self.computers.is_empty() && self.users.is_empty()
    }

    /// Each list that is given holds the session's value exactly.
    pub(super) fn matches(&self, r: &Record) -> bool {
        let holds = |list: &[String], field: &str| {
            list.is_empty()
                || r.get(field)
                    .and_then(Value::as_str)
                    .is_some_and(|v| list.iter().any(|w| w == v))
        };
        holds(&self.computers, "computer") && holds(&self.users, "user")
    }
}

/// A listing: the API's options, the filter and order done here, the profile's login.
pub(super) struct List {
    settings: Settings,
    node: Option<u16>,
    /// `--where lnn=N`: sent as v11's `lnn` (v1 lists every node and takes none).
    pushed_node: Option<u16>,
    order: Option<OrderBy>,
    filter: Filter,
    page_size: u32,
    /// The web session and API shape of the last run, when runs repeat.
    kept: Keep<Kept>,
}

impl List {
    pub(super) fn new(settings: Settings, args: &Args) -> List {
        List {
            settings,
            node: args.node,
            pushed_node: None,
            order: args.order_by.clone(),
            filter: Filter {
                computers: args.computer.iter().cloned().collect(),
                users: args.user.iter().cloned().collect(),
            },
            page_size: args.page_size,
            kept: Keep::default(),
        }
    }

    /// Every session, for `all` and the exporter.
    pub(super) fn everything(settings: Settings, page_size: u32) -> List {
        List {
            settings,
            node: None,
            pushed_node: None,
            order: None,
            filter: Filter::default(),
            page_size,
            kept: Keep::default(),
        }
    }
}

/// Log in and settle the API shape as the profile says.
pub(super) async fn connect(
    target: &Target,
    settings: Settings,
    kept: Option<Kept>,
) -> Result<Connection> {
    Connection::connect(
        target,
        settings.login.unwrap_or_default(),
        settings.api,
        kept,
    )
    .await
}

impl Listing for List {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            let mut cluster = connect(target, self.settings, self.kept.take()).await?;
            let on_cluster = cluster.api == Api::V1;
            let pushed = self.pushed_node.filter(|_| !on_cluster);
            if self.pushed_node.is_some() && pushed.is_none() {
                target.log.verbose(format_args!(
                    "--where lnn: applied here only: v1 lists every node and takes no lnn"
                ));
            }
            let query = Query {
                node: self.node.or(pushed),
                sort: self
                    .order
                    .as_ref()
                    .filter(|_| on_cluster)
                    .map(|o| (o.field, o.descending)),
                page_size: self.page_size,
            };
            if !self.filter.is_empty() {
                target.log.verbose(format_args!(
                    "filtering by computer and user here: OneFS's API has no such filter"
                ));
            }
            if let Some(o) = &self.order {
                target.log.verbose(format_args!(
                    "ordering by {}: {}",
                    o.field,
                    match on_cluster {
                        true => "on the cluster (v1's sort and dir)",
                        false => "here, once every page is in (v11 has no sort)",
                    }
                ));
            }
            let filter = &self.filter;
            let result = match self.order.as_ref().filter(|_| !on_cluster) {
                None => {
                    cluster
                        .for_each_page(&query, pages::parse_page, |records| {
                            sink.page(records.into_iter().filter(|r| filter.matches(r)).collect())
                        })
                        .await
                }
                Some(order) => {
                    let mut all = Vec::new();
                    let read = cluster
                        .for_each_page(&query, pages::parse_page, |records| {
                            all.extend(records.into_iter().filter(|r| filter.matches(r)));
                            Ok(Flow::Continue)
                        })
                        .await;
                    match read {
                        Ok(()) => {
                            sort(&mut all, order);
                            sink.page(all).map(|_| ())
                        }
                        Err(e) => Err(e),
                    }
                }
            };
            cluster.finish(&self.kept).await;
            result
        })
    }
    /// OneFS filters by the node alone (v11's `lnn`); a `--node` given wins.
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        let lnn = selector.terms().iter().find_map(|t| {
            let n = crate::select::push::number(t).filter(|(op, _)| *op == crate::select::Op::Eq);
            n.filter(|_| t.field == "lnn")
                .and_then(|(_, n)| n.parse::<u16>().ok())
        });
        match (self.node, lnn) {
            (None, Some(n)) => {
                self.pushed_node = Some(n);
                vec![format!("lnn={n}")]
            }
            _ => Vec::new(),
        }
    }
}

/// v11's order, here, as v1's `sort` would give it.
fn sort(records: &mut Vec<Record>, order: &OrderBy) {
    if let Some(column) = super::columns::COLUMNS
        .iter()
        .find(|c| c.name == order.field)
    {
        crate::record::sort_records(records, column, order.descending);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// A filter keeps exactly the sessions whose computer and user it names, whatever
        /// else the sessions hold.
        #[test]
        fn filters_keep_exactly_what_they_name(
            sessions in proptest::collection::vec(
                (proptest::sample::select(vec!["10.0.0.1", "10.0.0.2", "\\\\host"]),
                 proptest::sample::select(vec!["CORP\\alice", "CORP\\bob", "alice"])),
                0..12),
            computers in proptest::collection::vec(proptest::sample::select(vec!["10.0.0.1", "\\\\host", "x"]), 0..3),
            users in proptest::collection::vec(proptest::sample::select(vec!["CORP\\alice", "alice", "y"]), 0..3),
        ) {
            let filter = Filter { computers: computers.into_iter().map(String::from).collect(), users: users.into_iter().map(String::from).collect() };
            for (c, u) in sessions {
                let r = json!({"computer": c, "user": u, "id": 1}).as_object().unwrap().clone();
                let want = (filter.computers.is_empty() || filter.computers.iter().any(|w| w == c))
                    && (filter.users.is_empty() || filter.users.iter().any(|w| w == u));
                prop_assert_eq!(filter.matches(&r), want);
            }
        }
    }

    #[test]
    fn a_session_without_the_field_is_not_chosen() {
        let f = Filter {
            computers: vec!["10.0.0.1".into()],
            users: vec![],
        };
        assert!(!f.matches(&Record::new()));
        assert!(Filter::default().matches(&Record::new()));
    }
}
