//! Secret sources, for `password`, `token` and `api_key` alike: an environment variable
//! (`*_env`), a program's stdout (`*_command`), a file (`*_file`), or inline.

use super::file::Config;
use crate::error::{Error, Result};

use crate::transport::{Limits, Log, Secret};

/// Which secret of a profile is asked for.
#[derive(Debug, Clone, Copy)]
pub enum SecretName {
    Password,
    Token,
    ApiKey,
}

impl SecretName {
    fn key(self) -> &'static str {
        match self {
            SecretName::Password => "password",
            SecretName::Token => "token",
            SecretName::ApiKey => "api_key",
        }
    }
}

impl Config {
    /// Resolve one secret of a profile from whichever source it names.
    pub fn secret(
        &self,
        profile_name: &str,
        which: SecretName,
        limits: &Limits,
        log: Log,
    ) -> Result<Option<Secret>> {
        let p = self.profile(profile_name)?;
        let (inline, env, command, file) = match which {
            SecretName::Password => (
                &p.password,
                &p.password_env,
                &p.password_command,
                &p.password_file,
            ),
            SecretName::Token => (&p.token, &p.token_env, &p.token_command, &p.token_file),
            SecretName::ApiKey => (
                &p.api_key,
                &p.api_key_env,
                &p.api_key_command,
                &p.api_key_file,
            ),
        };
        let key = which.key();
        let here = || format!("config {}: profile '{profile_name}'", self.path.display());
        if let Some(var) = env {
            return match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(Some(Secret::new(v))),
                _ => Err(Error::usage(format!(
                    "{}: {key}_env names ${var}, which is not set",
                    here()
                ))),
            };
        }
        if let Some(argv) = command {
            return super::helper::run(argv, limits)
                .map(|s| Some(Secret::new(s)))
                .map_err(|e| Error::usage(format!("{}: {key}_command: {e}", here())));
        }
        let exposed = |what: &str, path: &std::path::Path| {
            log.warn(&format!(
                "{what} for profile '{profile_name}' is readable by group or others; run \
                 `chmod 600 {}` or use {key}_command",
                path.display()
            ))
        };
        if let Some(path) = file {
            let secret = crate::transport::local_file::read(path, super::helper::MAX_SECRET)
                .map(|s| Some(Secret::new(s.trim_end_matches(['\n', '\r']))))
                .map_err(|e| {
                    Error::usage(format!("{}: {key}_file {}: {e}", here(), path.display()))
                })?;
            if super::file::is_readable_by_others(path) {
                exposed(&format!("{key}_file {}", path.display()), path);
            }
            return Ok(secret);
        }
        if let Some(v) = inline {
            if self.readable_by_others {
                exposed(
                    &format!("the inline {key} in {}", self.path.display()),
                    &self.path,
                );
            }
            return Ok(Some(Secret::new(v.clone())));
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_hides_value() {
        assert_eq!(format!("{:?}", Secret::new("hunter2")), "<redacted>");
    }
}
