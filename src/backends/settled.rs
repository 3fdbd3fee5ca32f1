//! Every profile's backend, and its keys of its own read into the backend's typed options,
//! once, when the config loads.

use indexmap::IndexMap;

use super::backend::{Backend, Options};
use crate::config::{Config, Overrides};
use crate::error::Result;

/// One profile, read: its backend and what the backend made of its keys.
pub(crate) struct Settled {
    pub backend: &'static dyn Backend,
    pub options: Box<dyn Options>,
}

/// Every profile of the config, read by its backend (with what `--url`'s path implies, if
/// given); a bad value of a backend's own key is refused here, naming the file, its line and
/// the profile (exit 2).
pub(crate) fn settle(config: &Config, over: &Overrides) -> Result<IndexMap<String, Settled>> {
    config
        .file
        .profiles
        .iter()
        .map(|(name, p)| {
            let backend = super::find(&p.backend).ok_or_else(|| {
                config.key_error(name, "backend", &format!("unknown backend `{}`", p.backend))
            })?;
            let options = backend
                .options(&config.own_keys(name, over)?)
                .map_err(|e| config.key_error(name, &e.key, &e.message))?;
            Ok((name.clone(), Settled { backend, options }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::backends::ALL;

    /// Each backend's options struct takes its `profile_keys` and nothing else, and names the
    /// key a bad value was given to.
    #[test]
    fn every_backend_reads_its_own_keys_and_no_other() {
        for b in ALL {
            assert!(b.options(&toml::Table::new()).is_ok(), "{}", b.name());
            let wrong = toml::Value::Table(toml::Table::from_iter([("x".into(), 1.into())]));
            for key in b.profile_keys().iter().chain(&["not_a_key"]) {
                let own = toml::Table::from_iter([(key.to_string(), wrong.clone())]);
                let Err(err) = b.options(&own) else {
                    panic!("{} took {key} = {{ x = 1 }}", b.name())
                };
                assert_eq!(err.key, *key, "{}", b.name());
            }
        }
    }
}
