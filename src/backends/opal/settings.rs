//! An `opal` profile's keys of its own, read once when the config loads.

use serde::{Deserialize, Deserializer};

/// `resource_ids` and `rate_limit` in an `opal` profile.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    /// The resources listed when the command line names none.
    #[serde(default, deserialize_with = "resource_ids")]
    pub resource_ids: Vec<String>,
    /// Requests per second for the whole run; left out, [`DEFAULT_RATE`](super::connection::DEFAULT_RATE).
    #[serde(default, deserialize_with = "rate_limit")]
    pub rate_limit: Option<f64>,
}

fn resource_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::<String>::deserialize(d)
        .map_err(|_| serde::de::Error::custom("must be a list of resource UUIDs"))
}

fn rate_limit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match f64::deserialize(d) {
        Ok(r) if r > 0.0 && r.is_finite() => Ok(Some(r)),
        _ => Err(serde::de::Error::custom(
            "must be a positive number of requests per second",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::{keys_of, read_options};

    #[test]
    fn each_key_is_read_or_refused_by_name() {
        assert_eq!(keys_of::<Settings>(), ["resource_ids", "rate_limit"]);
        let own: toml::Table = toml::from_str("resource_ids = [\"r1\"]\nrate_limit = 5").unwrap();
        let s: Settings = read_options(&own).unwrap();
        assert_eq!(
            (s.resource_ids, s.rate_limit),
            (vec!["r1".to_string()], Some(5.0))
        );
        for (text, key) in [
            ("rate_limit = 0", "rate_limit"),
            ("rate_limit = \"fast\"", "rate_limit"),
            ("resource_ids = \"r1\"", "resource_ids"),
            ("resource_ids = [\"r1\"]\nrate_limit = -1", "rate_limit"),
        ] {
            let own: toml::Table = toml::from_str(text).unwrap();
            let err = read_options::<Settings>(&own).unwrap_err();
            assert_eq!(err.key, key, "{text}");
        }
    }
}
