//! `sessions profiles`: the config's profiles, and where each takes its credentials from.
//! Secrets are never shown.

use serde_json::json;

use super::list::{render_records, to_record};
use crate::config::Config;
use crate::error::Result;
use crate::output::Stdout;
use crate::record::{self, Column, Fit, Json, Record};
use crate::settings::Settings;

pub(super) fn run(config: &Config, settings: &Settings, out: &mut Stdout) -> Result<()> {
    #[rustfmt::skip]
    static META: &[Column] = &[
        Column { name: "name", header: "PROFILE", about: "", default: true, fit: Fit::Key, get: |r| record::text(r, "name"), json: Json::Field },
        Column { name: "backend", header: "BACKEND", about: "", default: true, fit: Fit::Whole(5), get: |r| record::text(r, "backend"), json: Json::Field },
        Column { name: "url", header: "URL", about: "", default: true, fit: Fit::Whole(4), get: |r| record::text(r, "url"), json: Json::Field },
        Column { name: "username", header: "USER", about: "", default: true, fit: Fit::Text(3), get: |r| record::text(r, "username"), json: Json::Field },
        Column { name: "auth", header: "CREDENTIALS FROM", about: "", default: true, fit: Fit::Text(2), get: |r| record::text(r, "auth"), json: Json::Field },
        Column { name: "default", header: "DEFAULT", about: "", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "default"), json: Json::Field },
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
                ("client_cert", p.client_cert.is_some()),
            ]
            .into_iter()
            .filter_map(|(k, set)| set.then_some(k))
            .collect();
            to_record(json!({
                "name": name,
                "backend": p.backend,
                "url": p.url,
                "username": p.username,
                "auth": if sources.is_empty() { "none".to_string() } else { sources.join(", ") },
                "default": config.file.default_profile.as_deref() == Some(name.as_str()),
            }))
        })
        .collect();
    render_records(META, records, settings, out)
}

/// `sessions profiles --names`: the names alone, one a line, in the config's order.
pub(super) fn names(config: &Config, out: &mut Stdout) -> Result<()> {
    for name in config.file.profiles.keys() {
        out.line(name)?;
    }
    out.flush()
}
