//! The `close` subcommands: list what the selectors match, show it, ask, then end it with
//! the vendor's own call. Each vendor selects and ends sessions differently; the showing and
//! asking are shared.

use serde_json::Value;

use crate::app::render_options;
use crate::backends::{ontap, qumulo, truenas};
use crate::cli::{GlobalArgs, SmbCloseArgs};
use crate::config::Target;
use crate::error::{Error, Result};
use crate::output::{Renderer, Stdout};
use crate::paginate::Flow;
use crate::record::{self, Column, Record};

/// Print the sessions about to be closed, as a normal listing.
fn show(
    columns: &'static [Column],
    chosen: Vec<Record>,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let mut opts = render_options(columns, None, g, out.is_terminal())?;
    opts.limit = None;
    let mut render = Renderer::new(opts, out);
    render.page(chosen)?;
    render.finish()
}

/// `sessions smb close`: list, select on the client as the vendor CLI does, confirm, close.
pub async fn smb(
    target: &Target,
    page_size: u32,
    c: &SmbCloseArgs,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let has_selector =
        !c.originator.is_empty() || !c.location.is_empty() || !c.share.is_empty() || c.guest;
    if !has_selector && !c.all {
        return Err(Error::usage(
            "say which sessions to close: --originator, --location, --share, --guest (with or without --identity), or --all",
        ));
    }
    let label = target.label();
    let mut q = qumulo::Qumulo::connect(target)
        .await
        .map_err(|e| e.context(&label))?;
    let mut chosen: Vec<Record> = Vec::new();
    q.for_each_page(
        c.identity.as_deref(),
        page_size,
        qumulo::vendor_page,
        |records| {
            chosen.extend(records.into_iter().filter(|r| {
                let text = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                (c.originator.is_empty() || c.originator.contains(&text("originator")))
                    && (c.location.is_empty() || c.location.contains(&text("location")))
                    && (c.share.is_empty()
                        || r.get("share_names")
                            .and_then(Value::as_array)
                            .is_some_and(|s| {
                                s.iter().any(|n| {
                                    n.as_str().is_some_and(|n| c.share.iter().any(|w| w == n))
                                })
                            }))
                    && (!c.guest || r.get("is_guest").and_then(record::as_bool).unwrap_or(false))
            }));
            Ok(Flow::Continue)
        },
    )
    .await
    .map_err(|e| e.context(&label))?;

    // Show what is selected, so the user sees exactly what goes.
    show(qumulo::COLUMNS, chosen.clone(), g, out)?;

    if !confirm(chosen.len(), &label, c.dry_run, c.yes)? {
        return Ok(());
    }
    let failures = q.close(&chosen).await.map_err(|e| e.context(&label))?;
    let closed = chosen.len() - failures.len().min(chosen.len());
    crate::output::note(&format!("closed {closed} of {} session(s)", chosen.len()));
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Error::server(format!(
            "{} session(s) did not close: {}",
            failures.len(),
            failures.join("; ")
        ))
        .context(label))
    }
}

/// Ask before closing. False when there is nothing to do, on a dry run, or when the user
/// says no; an error when there is no terminal to ask on and no --yes.
fn confirm(count: usize, label: &str, dry_run: bool, yes: bool) -> Result<bool> {
    if count == 0 {
        crate::output::note("no session matches; nothing to close");
        return Ok(false);
    }
    if dry_run {
        crate::output::note(&format!(
            "dry run: would close {count} session(s) on {label}"
        ));
        return Ok(false);
    }
    let question = format!("Close {count} session(s) on {label}?");
    let refusal = "refusing to close sessions without --yes when stdin is not a terminal";
    if crate::output::confirm(&question, yes, refusal)? {
        Ok(true)
    } else {
        crate::output::note("nothing closed");
        Ok(false)
    }
}

/// `sessions cifs close KEY`: list what the key selects, confirm, DELETE.
pub async fn cifs(
    target: &Target,
    key: &ontap::SessionKey,
    dry_run: bool,
    yes: bool,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let label = target.label();
    let ontap = ontap::Ontap::connect(target).map_err(|e| e.context(&label))?;
    let query = ontap::CifsQuery {
        filters: key.as_filters(),
        max_records: ontap::DEFAULT_MAX_RECORDS,
        ..Default::default()
    };
    let mut opts = render_options(ontap::COLUMNS, None, g, out.is_terminal())?;
    opts.limit = None;
    let mut render = Renderer::new(opts, out);
    let columns = render.needed_columns();
    let mut count = 0usize;
    ontap
        .for_each_page(&query, columns.as_deref(), ontap::parse_page, |records| {
            count += records.len();
            render.page(records)
        })
        .await
        .map_err(|e| e.context(&label))?;
    render.finish()?;
    if !confirm(count, &label, dry_run, yes)? {
        return Ok(());
    }
    ontap.close(key).await.map_err(|e| e.context(&label))?;
    crate::output::note(&format!("closed {count} session(s)"));
    Ok(())
}

/// `sessions auth close`: show the sessions, refuse our own, confirm, terminate.
pub async fn auth(
    target: &Target,
    ids: &[String],
    others: bool,
    dry_run: bool,
    yes: bool,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let label = target.label();
    let mut nas = truenas::TrueNas::connect(target)
        .await
        .map_err(|e| e.context(&label))?;
    let mut chosen: Vec<Record> = Vec::new();
    nas.sessions(&truenas::AuthQuery::default(), |records| {
        chosen.extend(records.into_iter().filter(|r| {
            let id = r.get("id").and_then(Value::as_str).unwrap_or("");
            let current = r.get("current").and_then(Value::as_bool).unwrap_or(false);
            let internal = r.get("internal").and_then(Value::as_bool).unwrap_or(false);
            if others {
                !current && !internal
            } else {
                ids.iter().any(|w| w == id)
            }
        }));
        Ok(Flow::Continue)
    })
    .await
    .map_err(|e| e.context(&label))?;
    if let Some(own) = chosen
        .iter()
        .find(|r| r.get("current").and_then(Value::as_bool) == Some(true))
    {
        let id = own.get("id").and_then(Value::as_str).unwrap_or("?");
        return Err(Error::usage(format!(
            "{id} is this connection's own session; TrueNAS would just drop the socket"
        ))
        .context(&label));
    }
    let known: Vec<&str> = chosen
        .iter()
        .filter_map(|r| r.get("id").and_then(Value::as_str))
        .collect();
    let missing: Vec<&String> = ids
        .iter()
        .filter(|i| !known.contains(&i.as_str()))
        .collect();
    if !missing.is_empty() {
        crate::output::warn(&format!(
            "no such session: {}",
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    show(truenas::COLUMNS, chosen.clone(), g, out)?;
    if !confirm(chosen.len(), &label, dry_run, yes)? {
        nas.close().await;
        return Ok(());
    }
    let result = if others {
        nas.terminate_others().await.map(|_| Vec::new())
    } else {
        let ids: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        nas.terminate(&ids).await
    };
    nas.close().await;
    let unknown = result.map_err(|e| e.context(&label))?;
    crate::output::note(&format!(
        "ended {} of {} session(s)",
        chosen.len() - unknown.len(),
        chosen.len()
    ));
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Error::server(format!("TrueNAS did not know: {}", unknown.join(", "))).context(label))
    }
}
