//! Selectors: `--where 'user~*admin*,idle>1h'`, one grammar for every backend, `all`,
//! `--watch`, `-o prometheus` and `close`. [`parse`] reads one `--where` (a repeated
//! `--where` means *and*: [`parse_all`]); [`Selector::check`] refuses a field no backend in
//! play has; [`Selector::matches`] tests a backend's own record (its columns by name, and
//! the common record's fields made from it), [`Selector::matches_common`] a record of the
//! common record (`all`). [`Filter`] is the client-side filter in front of a listing's
//! renderer. Backends read [`Selector::terms`] to push what their API filters exactly to
//! the server (the client still applies every term).

mod fields;
mod filter;
mod parse;
pub(crate) mod push;
mod term;
#[cfg(test)]
mod tests;

pub(crate) use fields::{cell_in_common, check_field, common_name};
pub(crate) use filter::Filter;
#[cfg(test)]
use term::glob;
pub(crate) use term::{Op, Term};

use crate::error::{Error, Result};
use crate::record::{Column, Record};

/// A parsed `--where` selector: every term must hold (*and*).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selector {
    terms: Vec<Term>,
}

/// One `--where` (exit 2 on a syntax error, naming the offset and what was expected).
pub(crate) fn parse(text: &str) -> Result<Selector> {
    match parse::terms(text) {
        Ok(terms) => Ok(Selector { terms }),
        Err(e) => Err(Error::usage(format!(
            "--where '{}': at offset {}: expected {}",
            text.escape_default(),
            e.offset,
            e.expected
        ))),
    }
}

/// Every `--where` given, joined with *and*; `None` when there is none.
pub(crate) fn parse_all(texts: &[String]) -> Result<Option<Selector>> {
    let mut terms = Vec::new();
    for t in texts {
        terms.extend(parse(t)?.terms);
    }
    Ok((!terms.is_empty()).then_some(Selector { terms }))
}

impl Selector {
    /// Its terms, for push-down.
    pub(crate) fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Refuse (exit 2) a field that is neither the common record's nor a column of one of
    /// `backends` (each backend's columns), naming the fields it could be.
    pub(crate) fn check(&self, backends: &[&[Column]]) -> Result<()> {
        for t in &self.terms {
            let at = format!("--where (at offset {})", t.offset);
            check_field(&t.field, &at, backends)?;
        }
        Ok(())
    }

    /// Whether a backend's own record (as `-o json` prints it) is selected: `own` are its
    /// columns; `common` makes its common record, called at most once and only when a term
    /// names a field of it.
    pub(crate) fn matches(
        &self,
        own: &[Column],
        vendor: &Record,
        common: impl FnOnce() -> Record,
    ) -> bool {
        let mut common = Some(common);
        let mut made: Option<Record> = None;
        self.terms.iter().all(|t| {
            let cell = match common_name(&t.field) {
                Some(name) => {
                    if let Some(make) = common.take() {
                        made = Some(make());
                    }
                    fields::common_cell(name, made.as_ref().unwrap_or(&Record::new()))
                }
                None => fields::own_cell(own, &t.field, vendor),
            };
            t.test(&cell)
        })
    }

    /// Whether a record of the common record (`all`, `--watch`) is selected: `own` are the
    /// columns of its backend, read from its `raw`.
    pub(crate) fn matches_common(&self, common: &Record, own: &[Column]) -> bool {
        self.terms
            .iter()
            .all(|t| t.test(&cell_in_common(&t.field, common, own)))
    }
}

impl std::fmt::Display for Term {
    /// The term as it could be written again: `user='a,b'`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = &self.value.text;
        let plain = !v.is_empty()
            && !v.contains(|c: char| {
                c == ',' || c == '\'' || c == '"' || c == '\\' || "=!<>~".contains(c)
            })
            && v.trim() == v;
        if plain {
            write!(f, "{}{}{}", self.field, self.op.text(), v)
        } else {
            write!(
                f,
                "{}{}'{}'",
                self.field,
                self.op.text(),
                v.replace('\'', "'\\''")
            )
        }
    }
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let terms: Vec<String> = self.terms().iter().map(ToString::to_string).collect();
        f.write_str(&terms.join(","))
    }
}
