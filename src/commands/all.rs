//! `sessions all`: every profile (or each -p), one after another. Some failing while others
//! print is exit 6.

use super::env::Env;
use crate::backends;
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Format, Renderer, Sections, Stdout};
use crate::settings::Settings;

pub async fn run(env: &Env, settings: &Settings, out: &mut Stdout) -> Result<()> {
    let names: Vec<String> = if settings.profiles.is_empty() {
        env.config.profile_names()
    } else {
        settings.profiles.clone()
    };
    if names.is_empty() {
        return Err(Error::usage(format!(
            "no profiles in {}",
            env.config.path.display()
        )));
    }
    let format = settings.render.format.unwrap_or(Format::Table);
    let mut failures: Vec<Error> = Vec::new();
    let mut sections = Sections::begin(format, out)?;
    for (i, name) in names.iter().enumerate() {
        let target = match env.config.target(name, &settings.overrides) {
            Ok(t) => t,
            Err(e)
                if e.kind() == ErrorKind::Usage && !env.config.file.profiles.contains_key(name) =>
            {
                return Err(e)
            }
            Err(e) => {
                crate::error::report(&e);
                failures.push(e);
                continue;
            }
        };
        let backend = backends::find(&target.backend).expect("checked when the config loaded");
        let mut opts = settings.render_options(backend.columns(), &[], out.is_terminal())?;
        let heading = format!("{} {}", backend.vendor(), backend.name());
        opts.tag = sections.section(out, i, name, &heading)?;
        let mut render = Renderer::new(opts, out);
        let everything = backend.everything();
        let result = target
            .within_deadline(everything.list(&target, &mut render))
            .await;
        let finished = if result.is_ok() {
            render.finish()
        } else {
            render.abandon()
        };
        if let Err(e) = result {
            let e = e.context(target.label());
            if e.kind() == ErrorKind::BrokenPipe {
                return Err(e);
            }
            crate::error::report(&e);
            failures.push(e);
        }
        finished?;
    }
    // JSON that parses holds every profile's every session: with a failure, it stays open.
    if failures.is_empty() || format != Format::Json {
        sections.end(out)?;
    } else {
        out.flush()?;
    }
    match failures.len() {
        0 => Ok(()),
        n if n == names.len() => {
            let first = failures.remove(0);
            Err(Error::new(
                first.kind(),
                format!("every profile failed ({n})"),
            ))
        }
        n => Err(Error::new(
            ErrorKind::Partial,
            format!("{n} of {} profiles failed; the others printed", names.len()),
        )),
    }
}
