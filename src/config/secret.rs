//! Secret sources, for `password`, `token` and `api_key` alike: an environment variable
//! (`*_env`), a program's stdout (`*_command`), a file (`*_file`), or inline.

use super::Config;
use crate::error::{Error, Result};
use crate::transport::{Log, Secret};

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
            return run_secret_command(argv)
                .map(|s| Some(Secret::new(s)))
                .map_err(|e| Error::usage(format!("{}: {key}_command: {e}", here())));
        }
        if let Some(path) = file {
            return std::fs::read_to_string(path)
                .map(|s| Some(Secret::new(s.trim_end_matches(['\n', '\r']))))
                .map_err(|e| {
                    Error::usage(format!("{}: {key}_file {}: {e}", here(), path.display()))
                });
        }
        if let Some(v) = inline {
            if self.readable_by_others {
                log.warn(&format!(
                    "{} holds an inline {key} for profile '{profile_name}' and is readable by group \
                     or others; run `chmod 600 {}` or use {key}_command",
                    self.path.display(),
                    self.path.display()
                ));
            }
            return Ok(Some(Secret::new(v.clone())));
        }
        Ok(None)
    }
}

fn run_secret_command(argv: &[String]) -> std::result::Result<String, String> {
    let (program, args) = argv.split_first().ok_or("is empty")?;
    let out = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run '{program}': {e}"))?;
    if !out.status.success() {
        return Err(format!("'{program}' failed ({})", out.status));
    }
    let text =
        String::from_utf8(out.stdout).map_err(|_| format!("'{program}' printed non-UTF-8"))?;
    // `pass` and friends print the secret on the first line.
    let first = text.lines().next().unwrap_or("").to_string();
    if first.is_empty() {
        return Err(format!("'{program}' printed nothing"));
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_hides_value() {
        assert_eq!(format!("{:?}", Secret::new("hunter2")), "<redacted>");
    }
}
