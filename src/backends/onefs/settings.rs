//! An `onefs` profile's keys of its own, read once when the config loads.

use serde::{Deserialize, Deserializer};

/// Which shape of the platform API lists the sessions (docs/vendors/onefs.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub(super) enum Api {
    /// `/platform/1/...`: one flat `sessions` list, `sort`/`dir` (OneFS up to 9.1).
    #[serde(rename = "v1")]
    V1,
    /// `/platform/11/...`: sessions grouped per node, `lnn` (OneFS 9.2 and later).
    #[serde(rename = "v11")]
    V11,
}

/// How the client logs in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Login {
    /// `POST /session/1/session` once, then the `isisessid` cookie and the CSRF token; the
    /// cookie is kept in the token cache, so the password crosses the network once per
    /// session rather than with every request.
    #[default]
    Session,
    /// HTTP Basic on every request.
    Basic,
}

/// `api` and `login` in an `onefs` profile.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    /// Which API shape to use; left out, `GET /platform/latest` decides.
    #[serde(default, deserialize_with = "api")]
    pub api: Option<Api>,
    /// How to log in; left out, the session login.
    #[serde(default, deserialize_with = "login")]
    pub login: Option<Login>,
}

fn api<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Api>, D::Error> {
    Api::deserialize(d).map(Some).map_err(|_| {
        serde::de::Error::custom(
            "write \"v1\" (OneFS up to 9.1) or \"v11\" (9.2 and later), or leave it out",
        )
    })
}

fn login<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Login>, D::Error> {
    Login::deserialize(d)
        .map(Some)
        .map_err(|_| serde::de::Error::custom("write \"session\" or \"basic\" (or leave it out)"))
}
