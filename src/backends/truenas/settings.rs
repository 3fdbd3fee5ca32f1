//! An `auth` profile's keys of its own, read once when the config loads.

use serde::{Deserialize, Deserializer};

use super::connection::Api;

/// `api` in an `auth` profile.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    /// Which API to use; left out, the client finds out.
    #[serde(default, deserialize_with = "api")]
    pub api: Option<Api>,
}

fn api<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Api>, D::Error> {
    Api::deserialize(d).map(Some).map_err(|_| {
        serde::de::Error::custom("write \"jsonrpc\", \"ddp\" or \"rest\" (or leave it out)")
    })
}
