//! `sessions exporter`: serve `/probe?target=PROFILE` and `/metrics` until SIGINT/SIGTERM.

use super::env::Env;
use crate::args::ExporterArgs;
use crate::error::Result;
use crate::fleet::{exporter, Member};
use crate::settings::Settings;

pub(super) async fn run(env: Env, settings: &Settings, args: &ExporterArgs) -> Result<()> {
    let members: Vec<Member> = env
        .config
        .profile_names()
        .iter()
        .map(|n| Member::everything(&env.config, n, &settings.overrides, true))
        .collect();
    // The --demo simulator lives as long as `env`.
    let result = exporter::serve(args.listen, members).await;
    drop(env);
    result
}
