//! One module per vendor. Registering a backend means: a `BackendKind` variant, a CLI
//! subcommand, its columns here, and its `list` arm below. Renderers never change.

pub mod ontap;
pub mod opal;
pub mod qumulo;
pub mod truenas;

use crate::config::{BackendKind, Target};
use crate::error::Result;
use crate::output::Renderer;
use crate::record::Column;

/// The columns a backend offers, in table order.
pub fn columns(kind: BackendKind) -> &'static [Column] {
    match kind {
        BackendKind::Smb => qumulo::COLUMNS,
        BackendKind::Cifs => ontap::COLUMNS,
        BackendKind::Auth => truenas::COLUMNS,
        BackendKind::Opal => opal::COLUMNS,
    }
}

/// What to list, per backend: the vendor filters from the command line.
#[derive(Debug, Clone)]
pub enum Query {
    Smb {
        identity: Option<String>,
        page_size: u32,
    },
    Cifs(ontap::CifsQuery),
    Auth(truenas::AuthQuery),
    Opal(opal::OpalQuery),
}

impl Query {
    /// The unfiltered listing, as `all` runs it.
    pub fn default_for(kind: BackendKind) -> Query {
        match kind {
            BackendKind::Smb => Query::Smb {
                identity: None,
                page_size: 1000,
            },
            BackendKind::Cifs => Query::Cifs(ontap::CifsQuery {
                max_records: ontap::DEFAULT_MAX_RECORDS,
                ..Default::default()
            }),
            BackendKind::Auth => Query::Auth(truenas::AuthQuery::default()),
            BackendKind::Opal => Query::Opal(opal::OpalQuery {
                enrich: true,
                ..Default::default()
            }),
        }
    }
}

/// Fetch every matching session of one target and render it page by page.
pub async fn list(target: &Target, query: &Query, render: &mut Renderer<'_>) -> Result<()> {
    match query {
        Query::Smb {
            identity,
            page_size,
        } => {
            let mut q = qumulo::Qumulo::connect(target).await?;
            let identity = identity.as_deref();
            if render.accepts_text() {
                q.for_each_page(identity, *page_size, qumulo::text_page, |texts| {
                    render.page_text(texts)
                })
                .await
            } else {
                q.for_each_page(identity, *page_size, qumulo::parse_page, |records| {
                    render.page(records)
                })
                .await
            }
        }
        Query::Cifs(q) => {
            let ontap = ontap::Ontap::connect(target)?;
            let columns = render.needed_columns();
            if render.accepts_text() {
                ontap
                    .for_each_page(q, None, ontap::text_page, |texts| render.page_text(texts))
                    .await
            } else {
                ontap
                    .for_each_page(q, columns.as_deref(), ontap::parse_page, |records| {
                        render.page(records)
                    })
                    .await
            }
        }
        Query::Auth(q) => {
            let mut nas = truenas::TrueNas::connect(target).await?;
            let result = if render.accepts_text() {
                nas.sessions_text(q, |texts| render.page_text(texts)).await
            } else {
                nas.sessions(q, |records| render.page(records)).await
            };
            nas.close().await;
            result
        }
        Query::Opal(q) => {
            opal::Opal::connect(target)?
                .list(q, |records| render.page(records))
                .await
        }
    }
}
