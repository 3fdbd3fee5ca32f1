//! URLs as users paste them (the README's table of accepted URLs): each form, pointed at the
//! simulator's listener with `--url`, reaches the API with a `-v` note naming the base URL;
//! the forms that are refused say in one line which URL to write (exit 2).

use session_inspector::backends::ALL;

use crate::common::{Run, Sim};

/// `127.0.0.1:PORT` of a profile's URL.
pub fn host_port(sim: &Sim, profile: &str) -> String {
    let url = sim.value(profile, "url");
    let rest = url.split_once("://").unwrap().1;
    rest.split('/').next().unwrap().to_string()
}

/// `-v --url FORM BACKEND -o json` with `{hp}` in `form` as the backend's listener.
pub fn pasted(sim: &Sim, backend: &str, form: &str, extra: &[&str]) -> (Run, String) {
    let hp = host_port(sim, backend);
    let url = form.replace("{hp}", &hp);
    let mut args = vec!["-v", "--url", &url, backend, "-o", "json"];
    args.extend(extra);
    (sim.run(&args), hp)
}

/// The form is reduced to `base` (with `{hp}`), says so under `-v` (a trailing slash goes
/// without a word), and lists the sessions.
#[track_caller]
pub fn reduces(sim: &Sim, backend: &str, form: &str, base: &str) -> Run {
    let (run, hp) = pasted(sim, backend, form, &[]);
    let run = run.ok();
    let base = base.replace("{hp}", &hp);
    let form = form.replace("{hp}", &hp);
    if form.trim_end_matches('/') == base {
        assert!(
            !run.stderr.contains("url: "),
            "a trailing slash is not worth a note"
        );
    } else {
        let note = format!("url: {form} → {base} (");
        assert!(run.stderr.contains(&note), "no `{note}`: {}", run.stderr);
    }
    assert!(
        !run.json().as_array().unwrap().is_empty(),
        "{backend} listed nothing from {form}"
    );
    run
}

/// The form is refused in one line that names the URL to write (with `{hp}`).
#[track_caller]
pub fn refused(sim: &Sim, backend: &str, form: &str, write: &str) {
    let (run, hp) = pasted(sim, backend, form, &[]);
    let run = run.code(2);
    let write = write.replace("{hp}", &hp);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("write {write}")),
        "names {write}: {}",
        run.stderr
    );
}

/// `name: backend form => base`: a test per form, in the backend's own file.
macro_rules! reduced {
    ($( $name:ident: $backend:literal $form:literal => $base:literal ),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::urls::reduces(&$crate::common::Sim::with_sessions(3, 1), $backend, $form, $base);
            }
        )*
    };
}

pub(crate) use reduced;

/// Every backend takes its base URL with a trailing slash, without a word.
#[test]
fn a_trailing_slash_is_dropped_in_every_backend() {
    let sim = Sim::with_sessions(3, 1);
    for b in ALL {
        let base = format!("https://{{hp}}{}", b.about().url_forms.base_path);
        reduces(&sim, b.name(), &format!("{base}/"), &base);
    }
}

/// A WebSocket scheme on a backend that speaks only HTTP is refused, naming the URL to write.
#[test]
fn a_websocket_scheme_on_an_http_backend_is_refused() {
    let sim = Sim::with_sessions(3, 1);
    for b in ALL
        .iter()
        .filter(|b| b.about().url_forms.schemes.is_empty())
    {
        let base = format!("https://{{hp}}{}", b.about().url_forms.base_path);
        refused(&sim, b.name(), "wss://{hp}", &base);
    }
}

/// A pasted form in the config is reduced as one from `--url` is: each backend's first form.
#[test]
fn a_form_in_the_config_is_reduced_too() {
    let sim = Sim::with_sessions(3, 1);
    for b in ALL {
        let forms = b.about().url_forms;
        let Some(form) = forms
            .paths
            .iter()
            .find(|f| !f.path.contains('*') && f.implies.is_none())
        else {
            continue;
        };
        let name = b.name();
        let hp = host_port(&sim, name);
        let url = format!("https://{hp}{}", form.path);
        let config = sim.config_with("form.toml", |c| c.set(name, "url", url.as_str()));
        let run = sim.run(&["-c", &config, "-p", name, "-v", name]).ok();
        let base = format!("https://{hp}{}", forms.base_path);
        assert!(
            run.stderr.contains(&format!("url: {url} → {base} (")),
            "{name}: {}",
            run.stderr
        );
    }
}
