//! The config file the simulator writes (`--write-config`, `--demo`): the keys of the
//! client's `[profiles.NAME]` tables that the simulator's profiles set, in the client's order.
//! Its own structs, not the client's, so that the simulator depends on no client code; the
//! client's tests load what this writes (tests/it/simulator.rs), which is the contract.

use std::path::PathBuf;

use serde::Serialize;

/// The whole file.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ConfigFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    /// In the order the backends were registered; `toml` keeps a Vec's order.
    #[serde(serialize_with = "as_table")]
    pub profiles: Vec<(String, Profile)>,
}

/// One `[profiles.NAME]` table.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Profile {
    pub backend: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_cache: Option<bool>,
    /// The backend's own keys (e.g. Opal's `resource_ids`).
    #[serde(flatten)]
    pub options: toml::Table,
}

fn as_table<S: serde::Serializer>(
    profiles: &[(String, Profile)],
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_map(profiles.iter().map(|(name, p)| (name, p)))
}
