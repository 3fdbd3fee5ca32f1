//! `sessions simulate`: start the simulator, say where it listens, and serve until SIGINT or
//! SIGTERM. `--detach` runs it in the background and returns once it serves; `--stop` ends
//! such a run. Without the `simulator` feature, it says that this build has none.

#[cfg(feature = "simulator")]
pub(super) use with::run;
#[cfg(not(feature = "simulator"))]
pub(crate) use without::{absent, run};

#[cfg(feature = "simulator")]
mod with {
    use sessions_simulator::process::{self, Stopped};
    use sessions_simulator::SimOptions;

    use crate::cli::SimulateArgs as Args;
    use crate::error::{Error, ErrorKind, Result};
    use crate::output::{self, Stdout};

    impl From<sessions_simulator::Error> for Error {
        fn from(e: sessions_simulator::Error) -> Error {
            let kind = match e.kind() {
                sessions_simulator::ErrorKind::Usage => ErrorKind::Usage,
                sessions_simulator::ErrorKind::Other => ErrorKind::Other,
            };
            Error::new(kind, e.message())
        }
    }

    /// `sessions simulate`: start, say where, and serve until SIGINT or SIGTERM.
    pub(crate) async fn run(args: &Args, out: &mut Stdout) -> Result<()> {
        if let Some(path) = &args.stop {
            let say = match process::stop(path)? {
                Stopped::Stopped(pid) => format!("stopped pid {pid}"),
                Stopped::NotRunning(pid) => format!("pid {pid} was not running"),
            };
            output::note_from("simulate", &say);
            return Ok(());
        }
        if args.detach {
            let config = args
                .write_config
                .as_deref()
                .ok_or_else(|| Error::usage("--detach needs --write-config PATH"))?;
            let pid = process::detach(config)?;
            out.line(&pid.to_string())?;
            out.flush()?;
            output::note_from(
                "simulate",
                &format!(
                    "serving in the background (pid {pid}); config {}; stop it with `sessions simulate --stop {}`",
                    config.display(),
                    config.display()
                ),
            );
            return Ok(());
        }
        let running =
            sessions_simulator::start(&SimOptions::from(args), args.write_config.as_deref())
                .await?;
        let say = |line: String| output::note_from("simulate", &line);
        for (name, url) in &running.urls {
            say(format!("{name:<5} {url}"));
        }
        say(format!("certificate SHA-256 {}", running.cert_fingerprint));
        say(format!(
            "files in {} (ca.pem to trust, server.pem as served)",
            running.files.dir.display()
        ));
        let config = running.config_path().display();
        say(format!(
            "config {config} (try: sessions -c {config} smb); Ctrl-C stops"
        ));
        process::wait_for_shutdown().await;
        Ok(())
    }
}

#[cfg(not(feature = "simulator"))]
mod without {
    use crate::cli::SimulateArgs as Args;
    use crate::error::{Error, Result};
    use crate::output::Stdout;

    /// What `simulate` and `--demo` answer in a build without the simulator (exit 2).
    pub(crate) fn absent(what: &str) -> Error {
        Error::usage(format!(
            "{what}: this build of sessions has no simulator (it was built without the \
             `simulator` feature); use a config file, or a build with default features"
        ))
    }

    pub(crate) async fn run(_args: &Args, _out: &mut Stdout) -> Result<()> {
        Err(absent("simulate"))
    }
}
