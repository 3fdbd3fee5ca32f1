//! `simulate`'s OneFS flags: which release to be, and how many nodes the cluster has.

use clap::ValueEnum;

/// The OneFS releases the simulator can be, oldest first (so they compare by age). Each serves
/// the platform API up to its own `latest` version (docs/vendors/onefs.md, "Versions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub(crate) enum OneFsVersion {
    /// OneFS 8.2.2: PAPI 9, sessions at /platform/1 only
    #[value(name = "8.2")]
    V8_2,
    /// OneFS 9.0: PAPI 10, sessions at /platform/1 only
    #[value(name = "9.0")]
    V9_0,
    /// OneFS 9.1: PAPI 11, sessions at /platform/1 only
    #[value(name = "9.1")]
    V9_1,
    /// OneFS 9.2: PAPI 12, sessions grouped per node at /platform/11
    #[value(name = "9.2")]
    V9_2,
    /// OneFS 9.3: PAPI 14, and replacement session cookies
    #[value(name = "9.3")]
    V9_3,
    /// OneFS 9.4: PAPI 15
    #[value(name = "9.4")]
    V9_4,
    /// OneFS 9.5: PAPI 16
    #[value(name = "9.5")]
    V9_5,
}

impl OneFsVersion {
    /// What `GET /platform/latest` answers.
    pub(crate) fn latest(self) -> u32 {
        match self {
            OneFsVersion::V8_2 => 9,
            OneFsVersion::V9_0 => 10,
            OneFsVersion::V9_1 => 11,
            OneFsVersion::V9_2 => 12,
            OneFsVersion::V9_3 => 14,
            OneFsVersion::V9_4 => 15,
            OneFsVersion::V9_5 => 16,
        }
    }

    /// Whether the sessions list has its version-11 form (grouped per node, 9.2 on).
    pub(crate) fn grouped(self) -> bool {
        self >= OneFsVersion::V9_2
    }

    /// Whether calls leave the inactive timer alone and a session nearing it gets a
    /// replacement cookie (9.3 on).
    pub(crate) fn replaces_cookies(self) -> bool {
        self >= OneFsVersion::V9_3
    }
}

/// The OneFS flags of `sessions simulate`.
#[derive(Debug, Clone, clap::Args)]
#[group(skip)]
pub(crate) struct Flags {
    /// Which OneFS to serve. 9.2 and later: the sessions list grouped per node at
    /// /platform/11 (and the flat node-local one at /platform/1); 9.1 and earlier:
    /// /platform/1 only. GET /platform/latest answers the release's PAPI version
    #[arg(
        long = "onefs-version",
        value_name = "VERSION",
        value_enum,
        default_value = "9.5"
    )]
    pub(crate) onefs_version: OneFsVersion,

    /// OneFS: how many nodes the cluster has (sessions are spread over them)
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=252))]
    pub(crate) onefs_nodes: u32,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            onefs_version: OneFsVersion::V9_5,
            onefs_nodes: 4,
        }
    }
}
