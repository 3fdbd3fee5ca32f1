//! Secret sources, for `password`, `token` and `api_key` alike: an environment variable
//! (`*_env`), a program's stdout (`*_command`), a file (`*_file`), or inline.

use super::file::Config;
use crate::error::{Error, Result};
use std::time::{Duration, Instant};

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
            return run_secret_command(argv, limits)
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
            let secret = std::fs::read_to_string(path)
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

/// Run a secret helper (`pass show ...`) within the run's deadline, and take the first line it prints.
/// What it says on stderr is summarised in the error, never passed through: it may be long,
/// or hold what it was asked for.
fn run_secret_command(argv: &[String], limits: &Limits) -> std::result::Result<String, String> {
    use std::io::Read;
    let (program, args) = argv.split_first().ok_or("is empty")?;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run '{program}': {e}"))?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(p) = pipe {
                let _ = p.take(1 << 20).read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = reader(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = reader(child.stderr.take().map(|p| Box::new(p) as _));
    let until = Instant::now() + limits.remaining();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < until => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "'{program}' did not finish within {} (the run's timeout); stopped it",
                    humantime::format_duration(limits.timeout)
                ));
            }
            Err(e) => return Err(format!("waiting for '{program}': {e}")),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        let said = String::from_utf8_lossy(&stderr);
        let said = said
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        return Err(match said {
            "" => format!("'{program}' failed ({status})"),
            said => format!(
                "'{program}' failed ({status}): {}",
                said.chars().take(160).collect::<String>()
            ),
        });
    }
    let text = String::from_utf8(stdout).map_err(|_| format!("'{program}' printed non-UTF-8"))?;
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
