//! What each subcommand's help offers: only the global options that apply to it, and
//! examples in its own columns. The command built here is the one that parses argv, and the
//! one completions and the man pages (tests/it/generated/man.rs) are generated from, so all
//! three agree.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, ValueEnum};

use crate::backends::{self, Backend};
use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::output::Format;

/// The global options each of the tool's own subcommands takes, by clap id. Backend
/// subcommands and `all` take every one.
const TOOL_OPTIONS: &[(&str, &[&str])] = &[
    (
        "profiles",
        &["config", "output", "no_headers", "color", "verbose", "demo"],
    ),
    (
        "trust",
        &["profiles", "config", "url", "timeout", "ca_cert", "verbose"],
    ),
    (
        "exporter",
        &[
            "profiles",
            "config",
            "url",
            "max_pages",
            "timeout",
            "request_timeout",
            "ca_cert",
            "insecure",
            "verbose",
            "demo",
        ],
    ),
    ("simulate", &[]),
    ("completions", &[]),
];

/// Formats that `close` does not take: it shows sessions, it does not count them.
const CLOSE_REFUSES: &[Format] = &[Format::Prometheus];

/// The command line, with each subcommand's help tailored to it.
pub(crate) fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let output = cmd
        .get_arguments()
        .find(|a| a.get_id() == "output")
        .cloned();
    if let Some(output) = output {
        for backend in backends::ALL {
            cmd = cmd.mut_subcommand(backend.name(), |sub| close_formats(sub, &output));
        }
    }
    #[cfg(not(feature = "simulator"))]
    {
        cmd = without_simulator(cmd);
    }
    // Global options are copied into every subcommand when the command is built; only then
    // can a subcommand hide the ones that do not apply to it.
    cmd.build();
    for (name, takes) in TOOL_OPTIONS {
        cmd = cmd.mut_subcommand(name, |sub| {
            sub.mut_args(|a| {
                let applies = !a.is_global_set() || takes.contains(&a.get_id().as_str());
                let hidden = a.is_hide_set();
                a.hide(hidden || !applies)
            })
        });
    }
    for backend in backends::ALL {
        cmd = cmd.mut_subcommand(backend.name(), |sub| own_examples(sub, *backend));
    }
    cmd
}

/// A build without the `simulator` feature says so where `--demo` and `simulate` are offered.
#[cfg(not(feature = "simulator"))]
fn without_simulator(cmd: clap::Command) -> clap::Command {
    const ABSENT: &str = "not in this build, which has no simulator (built without the \
                          `simulator` feature)";
    cmd.mut_arg("demo", |a| {
        a.help(format!(
            "Run against the built-in simulator instead of a configured profile: {ABSENT}"
        ))
    })
    .mut_subcommand("simulate", |s| {
        s.about(format!(
            "Run a local simulator of the vendor APIs: {ABSENT}"
        ))
        .long_about(None)
        .override_usage("sessions simulate")
    })
}

/// A backend's `close` gets its own copy of the global `-o`, which offers and accepts only
/// the formats a close can show (a global option is not copied where one of its id exists).
fn close_formats(backend: clap::Command, output: &clap::Arg) -> clap::Command {
    if backend.find_subcommand("close").is_none() {
        return backend;
    }
    let names = Format::value_variants()
        .iter()
        .filter(|f| !CLOSE_REFUSES.contains(f))
        .filter_map(|f| f.to_possible_value());
    let own = output
        .clone()
        .value_parser(PossibleValuesParser::new(names).try_map(|s| Format::from_str(&s, true)));
    backend.mut_subcommand("close", |close| close.arg(own))
}

/// `--columns` and `--sort` examples in the backend's own column names.
fn own_examples(sub: clap::Command, backend: &dyn Backend) -> clap::Command {
    let (first, second) = backend.example_columns();
    let sort = backend
        .columns()
        .iter()
        .find(|c| {
            c.default
                && ["idle", "expires", "created"]
                    .iter()
                    .any(|w| c.name.contains(w))
        })
        .map_or(first, |c| c.name);
    // `mut_args` edits in place: a built command must keep its arguments' order.
    sub.mut_args(|a| match a.get_id().as_str() {
        "columns" => a.help(format!(
            "Columns to show, comma-separated, e.g. --columns {first},{second} (see --list-columns)"
        )),
        "sort" => a.help(format!(
            "Sort by a column; a leading '-' sorts descending, e.g. --sort -{sort}"
        )),
        _ => a,
    })
}

/// Refuse a global option given on the command line to a subcommand it does not apply to
/// (`sessions simulate --sort user`), instead of ignoring it. Values from the environment
/// (`SESSIONS_PROFILE`, `SESSIONS_CONFIG`) are not the user's words here, and pass.
pub(crate) fn check_applicable(cmd: &clap::Command, matches: &ArgMatches) -> Result<()> {
    let Some((name, sub)) = matches.subcommand() else {
        return Ok(());
    };
    // A format given before the subcommand was parsed by the top level, which takes them all.
    if let (Some(("close", _)), Some(format)) =
        (sub.subcommand(), matches.get_one::<Format>("output"))
    {
        if CLOSE_REFUSES.contains(format) {
            let value = format
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_string());
            return Err(Error::usage(format!(
                "-o {value} does not apply to `sessions {name} close` (see `sessions {name} close --help`)"
            )));
        }
    }
    let Some((_, takes)) = TOOL_OPTIONS.iter().find(|(n, _)| *n == name) else {
        return Ok(());
    };
    for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
        let id = arg.get_id().as_str();
        if takes.contains(&id) || matches.value_source(id) != Some(ValueSource::CommandLine) {
            continue;
        }
        let flag = arg
            .get_long()
            .map_or_else(|| id.to_string(), |l| format!("--{l}"));
        return Err(Error::usage(format!(
            "{flag} does not apply to `sessions {name}` (see `sessions {name} --help`)"
        )));
    }
    Ok(())
}

/// `sessions smb --where is_guest=true close`: after a listing's flags, clap reads `close` as
/// a column of the projection (or refuses the subcommand's flags after it). Say instead
/// (exit 2) that the subcommand's flags go after it, with the command line as it would be.
pub(crate) fn check_subcommand_order(
    cmd: &clap::Command,
    matches: &ArgMatches,
    argv: &[std::ffi::OsString],
) -> Result<()> {
    let Some((name, sub)) = matches.subcommand() else {
        return Ok(());
    };
    let Ok(Some(mut projection)) = sub.try_get_many::<String>("projection") else {
        return Ok(());
    };
    let parent = cmd.find_subcommand(name);
    let subs: Vec<&str> = parent
        .into_iter()
        .flat_map(|p| p.get_subcommands())
        .flat_map(|s| std::iter::once(s.get_name()).chain(s.get_all_aliases()))
        .collect();
    // A column of the same name (`key`) is what it says.
    let columns = backends::find(name).map_or(crate::record::common::COLUMNS, |b| b.columns());
    let column = |p: &str| columns.iter().any(|c| c.name == p);
    let Some(word) = projection.find(|p| subs.contains(&p.as_str()) && !column(p)) else {
        return Ok(());
    };
    // The line that would parse, or, where none would, where to read its flags.
    Err(misplaced_subcommand(cmd, argv).unwrap_or_else(|| {
        Error::usage(format!(
            "`{word}` is a subcommand: put its flags after it (see `sessions {name} {word} --help`)"
        ))
    }))
}

/// When `argv` (the program's name first) names a subcommand of a backend or `all` after
/// other words, and would parse with it right after its parent's name: the error that says
/// so, with that command line.
pub(crate) fn misplaced_subcommand(
    cmd: &clap::Command,
    argv: &[std::ffi::OsString],
) -> Option<Error> {
    let names = |c: &clap::Command| {
        std::iter::once(c.get_name().to_string())
            .chain(c.get_all_aliases().map(str::to_string))
            .collect::<Vec<_>>()
    };
    let words: Vec<String> = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (at, w) in words.iter().enumerate() {
        let Some(parent) = cmd.get_subcommands().find(|c| names(c).contains(w)) else {
            continue;
        };
        for moved in at + 2..words.len() {
            let word = &words[moved];
            if !parent.get_subcommands().any(|s| names(s).contains(word)) {
                continue;
            }
            let mut again = words.clone();
            let sub = again.remove(moved);
            again.insert(at + 1, sub);
            let program = std::iter::once("sessions".to_string());
            if cmd
                .clone()
                .try_get_matches_from(program.chain(again.iter().cloned()))
                .is_ok()
            {
                let line: Vec<String> = again
                    .iter()
                    .map(|w| shell_word(&without_user_info(w)))
                    .collect();
                return Some(Error::usage(format!(
                    "`{word}` is a subcommand: put its flags after it: sessions {}",
                    line.join(" ")
                )));
            }
        }
    }
    None
}

/// A word with any URL in it (`--url=https://admin:pw@nas`) printed without its user info,
/// which could hold a password.
fn without_user_info(w: &str) -> String {
    let (flag, value) = match w.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => (format!("{flag}="), value),
        _ => (String::new(), w),
    };
    match url::Url::parse(value) {
        Ok(u) if !u.username().is_empty() || u.password().is_some() => {
            format!("{flag}{}", crate::transport::http::redact_url(&u))
        }
        _ => w.to_string(),
    }
}

/// A word as a shell reads it back: quoted when it holds anything but plain characters.
fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_=.,:/@%+-".contains(c));
    match plain {
        true => w.to_string(),
        false => format!("'{}'", w.replace('\'', "'\\''")),
    }
}
