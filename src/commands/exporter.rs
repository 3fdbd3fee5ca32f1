//! `sessions exporter`: serve `/probe?target=PROFILE` and `/metrics` until SIGINT/SIGTERM.

use super::env::Env;
use crate::args::ExporterArgs;
use crate::error::Result;
use crate::fleet::exporter::{self, Catalog, Serving};
use crate::settings::Settings;

pub(super) async fn run(env: Env, settings: &Settings, args: &ExporterArgs) -> Result<()> {
    // The --demo simulator (`_demo`) serves as long as the exporter does.
    let (config, profiles, _demo) = env.into_parts();
    let catalog = Catalog {
        config,
        profiles,
        over: settings.overrides.clone(),
    };
    let serving = Serving {
        listen: vec![args.listen],
        max_connections: args.max_connections,
    };
    exporter::serve(serving, catalog).await
}
