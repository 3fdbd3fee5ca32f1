//! `sessions exporter`: serve `/probe?target=PROFILE` and `/metrics` until SIGINT/SIGTERM;
//! SIGHUP and `POST /-/reload` read the config again.

use super::env::Env;
use crate::args::ExporterArgs;
use crate::backends::{self, settled::settle};
use crate::config::Config;
use crate::error::Result;
use crate::fleet::exporter::{self, Catalog, Serving};
use crate::settings::Settings;

pub(super) async fn run(env: Env, settings: &Settings, args: &ExporterArgs) -> Result<()> {
    // The --demo simulator (`_demo`) serves as long as the exporter does.
    let (config, profiles, _demo) = env.into_parts();
    let over = settings.overrides.clone();
    let path = config.path.clone();
    let catalog = Catalog {
        config,
        profiles,
        over: over.clone(),
    };
    let reload = Box::new(move || {
        let config = Config::load(&path, &backends::Registry)?;
        let profiles = settle(&config, &over)?;
        Ok(Catalog {
            config,
            profiles,
            over: over.clone(),
        })
    });
    let serving = Serving {
        listen: args.listen.clone(),
        max_connections: args.max_connections,
        telemetry_path: args.telemetry_path.clone(),
        web: args.web_config.clone(),
        reload,
    };
    exporter::serve(serving, catalog).await
}
