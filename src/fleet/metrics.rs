//! `-o prometheus` and the exporter's probes: the text exposition format (HELP and TYPE
//! lines, one family at a time), gauges per profile and no per-session labels.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::Outcome;
use crate::record::Record;

/// A breakdown's gauge and one combination of its labels' values.
type Series = (&'static str, Vec<(&'static str, String)>);

/// The sessions of one profile, counted as they arrive (no record is kept).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    pub active: u64,
    pub idle_max: Option<f64>,
    /// (metric, label names, label values) → count, from the backend's breakdowns.
    by: BTreeMap<Series, u64>,
}

impl Tally {
    /// Count common records of `backend`.
    pub(crate) fn add(&mut self, backend: &dyn crate::backends::Backend, records: &[Record]) {
        for r in records {
            self.active += 1;
            if let Some(idle) = r.get("idle_seconds").and_then(Value::as_f64) {
                self.idle_max = Some(self.idle_max.map_or(idle, |m: f64| m.max(idle)));
            }
            let Some(Value::Object(raw)) = r.get("raw") else {
                continue;
            };
            for b in backend.breakdowns() {
                let labels = b.labels.iter().copied().zip((b.values)(raw)).collect();
                *self.by.entry((b.metric, labels)).or_default() += 1;
            }
        }
    }
}

/// One profile's part of an exposition.
pub(crate) struct Probe<'a> {
    pub profile: &'a str,
    pub backend: &'a dyn crate::backends::Backend,
    /// `None` when the profile failed.
    pub tally: Option<&'a Tally>,
    pub seconds: f64,
}

impl<'a> Probe<'a> {
    pub(crate) fn of(outcome: &'a Outcome, tally: &'a Tally) -> Probe<'a> {
        Probe {
            profile: &outcome.profile,
            backend: outcome.backend,
            tally: outcome.error.is_none().then_some(tally),
            seconds: outcome.took.as_secs_f64(),
        }
    }
}

/// The gauges every profile has, and what they say.
const ACTIVE: (&str, &str) = (
    "sessions_active",
    "Sessions open now, by backend and profile.",
);
const IDLE: (&str, &str) = (
    "sessions_idle_seconds_max",
    "The largest idle time of a session, in seconds (backends that report idle time).",
);
const UP: (&str, &str) = (
    "sessions_up",
    "1 when the profile's sessions were read, 0 when that failed.",
);
const DURATION: (&str, &str) = (
    "sessions_scrape_duration_seconds",
    "How long reading the profile's sessions took, in seconds.",
);

/// The exposition of these profiles: each family once, with its HELP and TYPE.
pub(crate) fn exposition(probes: &[Probe<'_>]) -> String {
    let mut families: BTreeMap<&str, (&str, Vec<String>)> = BTreeMap::new();
    let mut add = |metric: &'static str, help: &'static str, labels: String, value: String| {
        families
            .entry(metric)
            .or_insert_with(|| (help, Vec::new()))
            .1
            .push(format!("{metric}{{{labels}}} {value}"));
    };
    for p in probes {
        let base = labels(&[("backend", p.backend.name()), ("profile", p.profile)]);
        let up = if p.tally.is_some() { 1.0 } else { 0.0 };
        add(UP.0, UP.1, base.clone(), number(up));
        add(DURATION.0, DURATION.1, base.clone(), number(p.seconds));
        let Some(tally) = p.tally else {
            continue;
        };
        add(ACTIVE.0, ACTIVE.1, base.clone(), tally.active.to_string());
        if let Some(idle) = tally.idle_max {
            add(IDLE.0, IDLE.1, base.clone(), number(idle));
        }
        // A label combination appears once a session has it: no made-up zeros.
        for ((metric, values), n) in &tally.by {
            let help = p
                .backend
                .breakdowns()
                .iter()
                .find(|b| b.metric == *metric)
                .map_or("", |b| b.help);
            let mut all = vec![("backend", p.backend.name()), ("profile", p.profile)];
            all.extend(values.iter().map(|(k, v)| (*k, v.as_str())));
            add(metric, help, labels(&all), n.to_string());
        }
    }
    let mut text = String::new();
    for (name, (help, samples)) in families {
        if samples.is_empty() {
            continue;
        }
        let _ = writeln!(text, "# HELP {name} {help}");
        let _ = writeln!(text, "# TYPE {name} gauge");
        for s in samples {
            text.push_str(&s);
            text.push('\n');
        }
    }
    text
}

/// `a="x",b="y"`, with values escaped as the format says (`\\`, `\"`, `\n`).
pub(crate) fn labels(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"", escape(v)))
        .collect::<Vec<_>>()
        .join(",")
}

fn escape(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Integers without a fraction (`3`, not `3.0`).
pub(crate) use crate::record::trim_float as number;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(
            labels(&[("user", "CORP\\al\"ice\n")]),
            r#"user="CORP\\al\"ice\n""#
        );
        assert_eq!(number(3.0), "3");
        assert_eq!(number(0.25), "0.25");
    }
}
