//! Turns parsed arguments into work: picks the profile(s), builds render options, and runs
//! the backend, the simulator, or one of the small commands.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::backends::{self, ontap, opal, qumulo, truenas, Query};
use crate::cli::{AuthAction, CifsAction, CifsArgs, Cli, Command, GlobalArgs, ListArgs};
use crate::close;
use crate::config::{self, BackendKind, Config, Overrides, Target};
use crate::error::{Error, ErrorKind, Result};
use crate::output::{self, Format, RenderOptions, Renderer, Stdout};
use crate::record::{self, select_columns, Column, Record};
use crate::simulator;

pub async fn run(cli: Cli) -> Result<()> {
    let g = &cli.global;
    let mut out = Stdout::new();
    match &cli.command {
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut crate::cli_command(), "sessions", &mut buf);
            out.raw(&buf)?;
            out.flush()
        }
        Command::Simulate(args) => simulator::run_cli(args).await,
        Command::Trust { yes } => {
            if g.demo {
                return Err(Error::usage(
                    "--demo trusts its own simulator already; run `sessions trust` on a profile",
                ));
            }
            let env = Env::open(g).await?;
            let name = env.one_profile(g)?;
            crate::trust::run(&env.config, &name, &Env::overrides(g), *yes).await
        }
        Command::Profiles => {
            let env = Env::open(g).await?;
            profiles(&env.config, g, &mut out)
        }
        Command::Smb(args) => {
            if args.list.list_columns {
                return list_columns(qumulo::COLUMNS, g, &mut out);
            }
            let env = Env::open(g).await?;
            let target = env.target_for(BackendKind::Smb, g)?;
            match &args.action {
                Some(crate::cli::SmbAction::Close(c)) => {
                    close::smb(&target, args.page_size, c, g, &mut out).await
                }
                None => {
                    let query = Query::Smb {
                        identity: args.identity.clone(),
                        page_size: args.page_size,
                    };
                    list_one(&target, &query, &args.list, g, &mut out).await
                }
            }
        }
        Command::Cifs(args) => {
            if args.list.list_columns {
                return list_columns(ontap::COLUMNS, g, &mut out);
            }
            let env = Env::open(g).await?;
            let target = env.target_for(BackendKind::Cifs, g)?;
            match &args.action {
                None => {
                    list_one(
                        &target,
                        &Query::Cifs(cifs_query(args)),
                        &args.list,
                        g,
                        &mut out,
                    )
                    .await
                }
                Some(CifsAction::Show { key }) => {
                    show_cifs(&target, key, &args.list, g, &mut out).await
                }
                Some(CifsAction::Close { key, dry_run, yes }) => {
                    close::cifs(&target, key, *dry_run, *yes, g, &mut out).await
                }
            }
        }
        Command::Auth(args) => {
            if args.list.list_columns {
                return list_columns(truenas::COLUMNS, g, &mut out);
            }
            let env = Env::open(g).await?;
            let target = env.target_for(BackendKind::Auth, g)?;
            let query = truenas::AuthQuery {
                exclude_internal: args.exclude_internal,
                credentials: args.credentials.clone(),
                user: args.user.clone(),
                origin: args.origin.clone(),
                raw_filters: args.filter.clone(),
                order_by: args.order_by.clone(),
            };
            match &args.action {
                None => list_one(&target, &Query::Auth(query), &args.list, g, &mut out).await,
                Some(AuthAction::Close {
                    ids,
                    others,
                    dry_run,
                    yes,
                }) => close::auth(&target, ids, *others, *dry_run, *yes, g, &mut out).await,
            }
        }
        Command::Opal(args) => {
            if args.list.list_columns {
                return list_columns(opal::COLUMNS, g, &mut out);
            }
            let env = Env::open(g).await?;
            let target = env.target_for(BackendKind::Opal, g)?;
            let query = opal::OpalQuery {
                resource_ids: args.resource_ids.clone(),
                user_id: args.user_id.clone(),
                all_resources: args.all_resources,
                resource_type: args.resource_type.clone(),
                enrich: !args.no_enrich,
                expiring_within: args.expiring_within,
            };
            list_one(&target, &Query::Opal(query), &args.list, g, &mut out).await
        }
        Command::All => {
            let env = Env::open(g).await?;
            all(&env, g, &mut out).await
        }
    }
}

/// The config in use: the user's file, or the in-process simulator's under `--demo`.
struct Env {
    config: Config,
    demo: bool,
    _simulator: Option<simulator::Running>,
}

impl Env {
    async fn open(g: &GlobalArgs) -> Result<Env> {
        if g.demo {
            let sim = simulator::start_demo().await?;
            let config = Config::load(sim.config_path())?;
            return Ok(Env {
                config,
                demo: true,
                _simulator: Some(sim),
            });
        }
        let path: PathBuf = g.config.clone().unwrap_or_else(config::default_path);
        Ok(Env {
            config: Config::load(&path)?,
            demo: false,
            _simulator: None,
        })
    }

    fn overrides(g: &GlobalArgs) -> Overrides {
        Overrides {
            url: g.url.clone(),
            timeout: g.timeout,
            ca_cert: g.ca_cert.clone(),
            insecure: g.insecure,
            log: crate::transport::Log::new(g.verbose, output::log_line),
            max_pages: g.max_pages,
        }
    }

    /// The one profile a command that is not tied to a backend works on: `-p`, else
    /// `SESSIONS_PROFILE`, else `default_profile`, else the config's only profile.
    fn one_profile(&self, g: &GlobalArgs) -> Result<String> {
        let file = &self.config.file;
        match (g.profiles.as_slice(), &file.default_profile) {
            ([one], _) => self.config.profile(one).map(|_| one.clone()),
            ([_, _, ..], _) => Err(Error::usage("one profile at a time: give one -p NAME")),
            ([], Some(d)) => Ok(d.clone()),
            ([], None) => match self.config.profile_names().as_slice() {
                [only] => Ok(only.clone()),
                names => Err(Error::usage(format!(
                    "which profile? pick one with -p NAME (have: {})",
                    names.join(", ")
                ))),
            },
        }
    }

    /// The one profile a backend subcommand runs against: `-p`, else `SESSIONS_PROFILE`, else
    /// `default_profile` when it is of this backend, else the only profile of this backend.
    fn target_for(&self, kind: BackendKind, g: &GlobalArgs) -> Result<Target> {
        let file = &self.config.file;
        let name = match g.profiles.as_slice() {
            [one] => one.clone(),
            [_, _, ..] => {
                return Err(Error::usage(format!(
                    "one profile at a time for `{kind}`; use `sessions all` for several"
                )))
            }
            [] if self.demo => kind.name().to_string(),
            [] => {
                let of_kind: Vec<&String> = file
                    .profiles
                    .iter()
                    .filter(|(_, p)| p.backend == Some(kind))
                    .map(|(n, _)| n)
                    .collect();
                match (&file.default_profile, of_kind.as_slice()) {
                    (Some(d), _) if file.profiles.get(d).and_then(|p| p.backend) == Some(kind) => d.clone(),
                    (_, [only]) => (*only).clone(),
                    (_, []) => {
                        return Err(Error::usage(format!(
                            "no {kind} profile in {} (add one with backend = \"{kind}\", or try --demo)",
                            self.config.path.display()
                        )))
                    }
                    (_, many) => {
                        return Err(Error::usage(format!(
                            "several {kind} profiles ({}); pick one with -p NAME",
                            many.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                        )))
                    }
                }
            }
        };
        let p = self.config.profile(&name)?;
        if p.backend != Some(kind) {
            let other = p.backend.map(|b| b.name()).unwrap_or("?");
            return Err(Error::usage(format!(
                "profile '{name}' is a {other} profile; run `sessions -p {name} {other}`, not `{kind}`"
            )));
        }
        let mut target = self.config.target(&name, &Self::overrides(g))?;
        // The demo's tokens belong to a simulator that is gone when the run ends.
        target.cache_tokens &= !self.demo;
        Ok(target)
    }
}

/// Work out format, columns, sort and limit from the flags.
pub(crate) fn render_options(
    all: &'static [Column],
    list: Option<&ListArgs>,
    g: &GlobalArgs,
    to_terminal: bool,
) -> Result<RenderOptions> {
    let projection = list.map(|l| l.projection.clone()).unwrap_or_default();
    let projected_positional = !projection.is_empty();
    if projected_positional && !g.columns.is_empty() {
        return Err(Error::usage(
            "give columns either as a projection or with --columns, not both",
        ));
    }
    let names = if projected_positional {
        projection
    } else {
        g.columns.clone()
    };
    let format = g.output.unwrap_or(if projected_positional && !to_terminal {
        Format::Plain
    } else {
        Format::Table
    });
    let columns: Vec<&'static Column> = if !names.is_empty() {
        select_columns(all, &names).map_err(Error::usage)?
    } else if format == Format::Table {
        all.iter().filter(|c| c.default).collect()
    } else {
        all.iter().collect()
    };
    let sort = match &g.sort {
        None => None,
        Some(s) => {
            let (desc, name) = match s.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, s.strip_prefix('+').unwrap_or(s)),
            };
            let col = select_columns(all, &[name.to_string()])
                .map_err(|e| Error::usage(format!("--sort: {e}")))?[0];
            Some((col, desc))
        }
    };
    Ok(RenderOptions {
        format,
        columns,
        projected: !names.is_empty(),
        headers: !g.no_headers,
        sort,
        limit: g.limit,
        color: output::use_color(g.color, to_terminal),
        tag: None,
    })
}

async fn list_one(
    target: &Target,
    query: &Query,
    list: &ListArgs,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let opts = render_options(
        backends::columns(target.backend),
        Some(list),
        g,
        out.is_terminal(),
    )?;
    let mut render = Renderer::new(opts, out);
    let result = backends::list(target, query, &mut render).await;
    // Print what arrived before a failure: nothing fetched is lost. But a run that failed
    // before any session arrived prints nothing: a header or `[]` would look like an empty
    // result to a script that reads stdout.
    if result.is_err() && render.is_untouched() {
        return result.map_err(|e| e.context(target.label()));
    }
    let finished = render.finish();
    result.map_err(|e| e.context(target.label()))?;
    finished
}

/// `sessions all`: every profile (or each -p), one after another. Some failing while others
/// print is exit 6.
async fn all(env: &Env, g: &GlobalArgs, out: &mut Stdout) -> Result<()> {
    let names: Vec<String> = if g.profiles.is_empty() {
        env.config.profile_names()
    } else {
        g.profiles.clone()
    };
    if names.is_empty() {
        return Err(Error::usage(format!(
            "no profiles in {}",
            env.config.path.display()
        )));
    }
    let format = g.output.unwrap_or(Format::Table);
    let mut failures: Vec<Error> = Vec::new();
    let mut printed_json_key = false;
    if format == Format::Json {
        out.raw(b"{")?;
    }
    for (i, name) in names.iter().enumerate() {
        let target = match env.config.target(name, &Env::overrides(g)) {
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
        let mut opts = render_options(
            backends::columns(target.backend),
            None,
            g,
            out.is_terminal(),
        )?;
        match format {
            Format::Table | Format::Wide => {
                if i > 0 {
                    out.line("")?;
                }
                out.line(&format!(
                    "== {name} ({} {}) ==",
                    target.backend.vendor(),
                    target.backend
                ))?;
            }
            Format::Json => {
                out.raw(if printed_json_key { b",\n" } else { b"\n" })?;
                out.raw(format!("{}:", Value::String(name.clone())).as_bytes())?;
                printed_json_key = true;
            }
            _ => opts.tag = Some(name.clone()),
        }
        let mut render = Renderer::new(opts, out);
        let result =
            backends::list(&target, &Query::default_for(target.backend), &mut render).await;
        let finished = render.finish();
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
    if format == Format::Json {
        out.raw(b"\n}\n")?;
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

/// Print a backend's columns as a small table (or JSON with -o json).
fn list_columns(all: &'static [Column], g: &GlobalArgs, out: &mut Stdout) -> Result<()> {
    #[rustfmt::skip]
    static META: &[Column] = &[
        Column { name: "name", header: "COLUMN", about: "", default: true, get: |r| record::text(r, "name") },
        Column { name: "header", header: "HEADER", about: "", default: true, get: |r| record::text(r, "header") },
        Column { name: "default", header: "IN TABLE", about: "", default: true, get: |r| record::boolean(r, "default") },
        Column { name: "about", header: "WHAT", about: "", default: true, get: |r| record::text(r, "about") },
    ];
    let records: Vec<Record> = all
        .iter()
        .map(|c| {
            to_record(
                json!({"name": c.name, "header": c.header, "default": c.default, "about": c.about}),
            )
        })
        .collect();
    render_records(META, records, g, out)
}

fn profiles(config: &Config, g: &GlobalArgs, out: &mut Stdout) -> Result<()> {
    #[rustfmt::skip]
    static META: &[Column] = &[
        Column { name: "name", header: "PROFILE", about: "", default: true, get: |r| record::text(r, "name") },
        Column { name: "backend", header: "BACKEND", about: "", default: true, get: |r| record::text(r, "backend") },
        Column { name: "url", header: "URL", about: "", default: true, get: |r| record::text(r, "url") },
        Column { name: "username", header: "USER", about: "", default: true, get: |r| record::text(r, "username") },
        Column { name: "auth", header: "CREDENTIALS FROM", about: "", default: true, get: |r| record::text(r, "auth") },
        Column { name: "default", header: "DEFAULT", about: "", default: true, get: |r| record::boolean(r, "default") },
    ];
    let records: Vec<Record> = config
        .file
        .profiles
        .iter()
        .map(|(name, p)| {
            let sources: Vec<&str> = [
                ("password", p.password.is_some()),
                ("password_env", p.password_env.is_some()),
                ("password_command", p.password_command.is_some()),
                ("password_file", p.password_file.is_some()),
                ("token", p.token.is_some()),
                ("token_env", p.token_env.is_some()),
                ("token_command", p.token_command.is_some()),
                ("token_file", p.token_file.is_some()),
                ("api_key", p.api_key.is_some()),
                ("api_key_env", p.api_key_env.is_some()),
                ("api_key_command", p.api_key_command.is_some()),
                ("api_key_file", p.api_key_file.is_some()),
            ]
            .into_iter()
            .filter_map(|(k, set)| set.then_some(k))
            .collect();
            to_record(json!({
                "name": name,
                "backend": p.backend.map(|b| b.name()),
                "url": p.url,
                "username": p.username,
                "auth": sources.join(", "),
                "default": config.file.default_profile.as_deref() == Some(name.as_str()),
            }))
        })
        .collect();
    render_records(META, records, g, out)
}

fn render_records(
    columns: &'static [Column],
    records: Vec<Record>,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let opts = render_options(columns, None, g, out.is_terminal())?;
    let mut render = Renderer::new(opts, out);
    render.page(records)?;
    render.finish()
}

fn to_record(v: Value) -> Record {
    match v {
        Value::Object(m) => m,
        _ => Record::new(),
    }
}

fn cifs_query(args: &CifsArgs) -> ontap::CifsQuery {
    let named = [
        ("svm.name", &args.svm),
        ("node.name", &args.node),
        ("user", &args.user),
        ("client_ip", &args.client_ip),
        ("protocol", &args.protocol),
    ];
    let mut filters: Vec<(String, String)> = named
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
        .collect();
    filters.extend(args.filter.iter().cloned());
    ontap::CifsQuery {
        filters,
        max_records: args.max_records,
        return_timeout: args.return_timeout,
        order_by: args.order_by.clone(),
    }
}

async fn show_cifs(
    target: &Target,
    key: &ontap::SessionKey,
    list: &ListArgs,
    g: &GlobalArgs,
    out: &mut Stdout,
) -> Result<()> {
    let opts = render_options(ontap::COLUMNS, Some(list), g, out.is_terminal())?;
    let mut render = Renderer::new(opts, out);
    let columns = render.needed_columns();
    let ontap = ontap::Ontap::connect(target).map_err(|e| e.context(target.label()))?;
    let record = ontap
        .show(key, columns.as_deref())
        .await
        .map_err(|e| e.context(target.label()))?;
    render.page(vec![record])?;
    render.finish()
}
