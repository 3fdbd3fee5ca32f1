//! The config a command runs on (the user's file, or the in-process simulator's under
//! `--demo`), and the choice of profile.

use indexmap::IndexMap;

use crate::backends::settled::{settle, Settled};
use crate::backends::{self, Backend};
use crate::config::{article, Config, Target};
use crate::error::{Error, Result};
use crate::settings::Settings;

/// The `--demo` simulator, kept running as long as the `Env`.
#[cfg(feature = "simulator")]
pub(super) type Demo = sessions_simulator::Running;
#[cfg(not(feature = "simulator"))]
pub(super) type Demo = std::convert::Infallible;

pub(super) struct Env {
    pub config: Config,
    /// Every profile read by its backend when the config loaded.
    profiles: IndexMap<String, Settled>,
    demo: bool,
    _simulator: Option<Demo>,
}

impl Env {
    pub(super) async fn open(settings: &Settings) -> Result<Env> {
        #[cfg(not(feature = "simulator"))]
        if settings.demo {
            return Err(super::simulate::absent("--demo"));
        }
        #[cfg(feature = "simulator")]
        if settings.demo {
            let sim = sessions_simulator::start_demo().await?;
            let config = Config::load(sim.config_path(), &backends::Registry)?;
            return Ok(Env {
                profiles: settle(&config, &settings.overrides)?,
                config,
                demo: true,
                _simulator: Some(sim),
            });
        }
        let config = Config::load(&settings.config_path, &backends::Registry)?;
        Ok(Env {
            profiles: settle(&config, &settings.overrides)?,
            config,
            demo: false,
            _simulator: None,
        })
    }

    /// The one profile a command that is not tied to a backend works on: `-p`, else
    /// `SESSIONS_PROFILE`, else `default_profile`, else the config's only profile.
    pub(super) fn one_profile(&self, settings: &Settings) -> Result<String> {
        let file = &self.config.file;
        match (settings.profiles.as_slice(), &file.default_profile) {
            ([one], _) => self.named(one, settings).map(|_| one.clone()),
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

    /// A profile the user named; when the name came from `SESSIONS_PROFILE`, the message
    /// says so, since nothing on the command line names it.
    pub(super) fn named(&self, name: &str, settings: &Settings) -> Result<&crate::config::Profile> {
        self.config.profile(name).map_err(|e| {
            if settings.profile_from_env {
                Error::usage(format!(
                    "SESSIONS_PROFILE={name}: {e}; unset SESSIONS_PROFILE or pick one with -p NAME"
                ))
            } else {
                e
            }
        })
    }

    /// The config, every profile as its backend read it, and the `--demo` simulator (to keep
    /// running as long as the caller needs it): what the exporter serves, and reloads.
    pub(super) fn into_parts(self) -> (Config, IndexMap<String, Settled>, Option<Demo>) {
        (self.config, self.profiles, self._simulator)
    }

    /// A profile as its backend read it when the config loaded.
    pub(super) fn settled(&self, name: &str) -> Result<&Settled> {
        self.config.profile(name)?;
        self.profiles
            .get(name)
            .ok_or_else(|| Error::usage(format!("no profile '{name}'")))
    }

    /// Each of these profiles with its backend's unfiltered listing.
    pub(super) fn members(
        &self,
        names: &[String],
        settings: &Settings,
        keep: bool,
    ) -> Result<Vec<crate::fleet::Member>> {
        names
            .iter()
            .map(|n| {
                let settled = self.settled(n)?;
                Ok(crate::fleet::Member::everything(
                    &self.config,
                    settled,
                    n,
                    &settings.overrides,
                    keep,
                ))
            })
            .collect()
    }

    /// The one profile a backend subcommand runs against: `-p`, else `SESSIONS_PROFILE`, else
    /// `default_profile` when it is of this backend, else the only profile of this backend.
    pub(super) fn target_for(&self, backend: &dyn Backend, settings: &Settings) -> Result<Target> {
        let kind = backend.name();
        let file = &self.config.file;
        let is_kind = |name: &str| file.profiles.get(name).is_some_and(|p| p.backend == kind);
        let name = match settings.profiles.as_slice() {
            [one] => one.clone(),
            [_, _, ..] => {
                return Err(Error::usage(format!(
                    "one profile at a time for `{kind}`; use `sessions all` for several"
                )))
            }
            [] if self.demo => kind.to_string(),
            [] => {
                let of_kind: Vec<&String> = file.profiles.keys().filter(|n| is_kind(n)).collect();
                match (&file.default_profile, of_kind.as_slice()) {
                    (Some(d), _) if is_kind(d) => d.clone(),
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
        let p = self.named(&name, settings)?;
        if !is_kind(&name) {
            let other = &p.backend;
            return Err(Error::usage(format!(
                "profile '{name}' is {} {other} profile; run `sessions -p {name} {other}`, not `{kind}`",
                article(other)
            )));
        }
        let mut target = self.config.target(&name, &settings.overrides)?;
        // The demo's tokens belong to a simulator that is gone when the run ends.
        target.cache_tokens &= !self.demo;
        Ok(target)
    }
}
