//! The global flags resolved once: how to render, what overrides the profiles, which
//! profiles and config to use. Commands read these and never the clap structs.

use std::path::PathBuf;

use crate::cli::GlobalArgs;
use crate::config::{self, Overrides};
use crate::error::{Error, Result};
use crate::output::{self, ColorChoice, Format, RecordFormat, RenderOptions};
use crate::record::{select_columns, Column};

/// Everything the global flags decide.
#[derive(Debug)]
pub(crate) struct Settings {
    /// `-p`, repeatable (or `SESSIONS_PROFILE`).
    pub profiles: Vec<String>,
    /// The profile came from `SESSIONS_PROFILE`, not `-p`: messages name the variable.
    pub profile_from_env: bool,
    /// `-c`, else the platform's default path.
    pub config_path: PathBuf,
    /// `--demo`: the built-in simulator instead of a config file.
    pub demo: bool,
    /// `--output-file`: replaced atomically when the run succeeds.
    pub output_file: Option<PathBuf>,
    /// What beats the profile: `--url`, `--timeout`, `--ca-cert`, `--insecure`, `-v`, `--max-pages`.
    pub overrides: Overrides,
    pub render: RenderFlags,
    /// `--quiet`: no progress indicator.
    pub quiet: bool,
}

/// The output flags, before a backend's columns give them meaning.
#[derive(Debug, Clone)]
pub(crate) struct RenderFlags {
    pub format: Option<Format>,
    pub columns: Vec<String>,
    pub headers: bool,
    /// `--sort [-]COLUMN`: the column's name and whether descending.
    pub sort: Option<(String, bool)>,
    pub limit: Option<usize>,
    pub color: ColorChoice,
}

impl Settings {
    pub(crate) fn from_args(g: &GlobalArgs) -> Settings {
        let sort = g.sort.as_deref().map(|s| match s.strip_prefix('-') {
            Some(rest) => (rest.to_string(), true),
            None => (s.strip_prefix('+').unwrap_or(s).to_string(), false),
        });
        Settings {
            profiles: g.profiles.clone(),
            profile_from_env: false,
            config_path: g.config.clone().unwrap_or_else(config::default_path),
            demo: g.demo,
            output_file: g.output_file.clone(),
            overrides: Overrides {
                url: g.url.clone(),
                timeout: g.timeout,
                request_timeout: g.request_timeout,
                ca_cert: g.ca_cert.clone(),
                insecure: g.insecure,
                log: crate::transport::Log::new(g.verbose, output::log_line),
                max_pages: g.max_pages,
            },
            render: RenderFlags {
                format: g.output,
                columns: g.columns.clone(),
                headers: !g.no_headers,
                sort,
                limit: g.limit,
                color: g.color,
            },
            quiet: g.quiet,
        }
    }

    /// Format, columns, sort and limit for records with these columns. A `projection` (the
    /// positional column list) stands in for `--columns`, and defaults piped output to plain.
    pub(crate) fn render_options(
        &self,
        all: &'static [Column],
        projection: &[String],
        to_terminal: bool,
    ) -> Result<RenderOptions> {
        let r = &self.render;
        let positional = !projection.is_empty();
        if positional && !r.columns.is_empty() {
            return Err(Error::usage(
                "give columns either as a projection or with --columns, not both",
            ));
        }
        let names = if positional { projection } else { &r.columns };
        let format = r.format.unwrap_or(if positional && !to_terminal {
            Format::Plain
        } else {
            Format::Table
        });
        let Some(format) = format.records() else {
            return Err(Error::usage(
                "-o prometheus is for listings: a backend's, `all`'s, or the exporter's",
            ));
        };
        let columns: Vec<&'static Column> = if !names.is_empty() {
            select_columns(all, names).map_err(Error::usage)?
        } else if format == RecordFormat::Table {
            all.iter().filter(|c| c.default).collect()
        } else {
            all.iter().collect()
        };
        let sort = match &r.sort {
            None => None,
            Some((name, desc)) => {
                let col = select_columns(all, std::slice::from_ref(name))
                    .map_err(|e| Error::usage(format!("--sort: {e}")))?[0];
                Some((col, *desc))
            }
        };
        Ok(RenderOptions {
            format,
            columns,
            projected: !names.is_empty(),
            headers: r.headers,
            sort,
            limit: r.limit,
            color: output::use_color(r.color, to_terminal),
            width: output::table_width(to_terminal),
            height: None,
        })
    }
}
