//! The one close driver: select what the backend's selectors match, show it as a listing,
//! ask, end it, and say how many ended. How each vendor selects and ends is in its folder.

use crate::backends::Closing;
use crate::config::Target;
use crate::error::Result;
use crate::output::{self, Renderer, Stdout};
use crate::record::Column;
use crate::settings::Settings;

pub async fn run(
    target: &Target,
    columns: &'static [Column],
    mut closing: Box<dyn Closing>,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let label = target.label();
    let mut opts = settings.render_options(columns, &[], out.is_terminal())?;
    // Everything that would go is shown, whatever --limit says.
    opts.limit = None;
    let mut render = Renderer::new(opts, out);
    let chosen = target
        .within_deadline(closing.select(target, render.needed_columns()))
        .await
        .map_err(|e| e.context(&label))?;
    let count = chosen.len();
    render.page(chosen.clone())?;
    render.finish()?;

    let flags = closing.confirm();
    if !confirm(count, &label, flags.dry_run, flags.yes)? {
        closing.disconnect().await;
        return Ok(());
    }
    let ended = closing.end(&chosen).await;
    closing.disconnect().await;
    let ended = ended.map_err(|e| e.context(&label))?;
    output::note(&format!(
        "{} {} of {count} session(s)",
        ended.verb, ended.done
    ));
    match ended.failure {
        None => Ok(()),
        Some(e) => Err(e.context(label)),
    }
}

/// Ask before closing. False when there is nothing to do, on a dry run, or when the user
/// says no; an error when there is no terminal to ask on and no --yes.
fn confirm(count: usize, label: &str, dry_run: bool, yes: bool) -> Result<bool> {
    if count == 0 {
        output::note("no session matches; nothing to close");
        return Ok(false);
    }
    if dry_run {
        output::note(&format!(
            "dry run: would close {count} session(s) on {label}"
        ));
        return Ok(false);
    }
    let question = format!("Close {count} session(s) on {label}?");
    let refusal = "refusing to close sessions without --yes when stdin is not a terminal";
    if output::confirm(&question, yes, refusal)? {
        Ok(true)
    } else {
        output::note("nothing closed");
        Ok(false)
    }
}
