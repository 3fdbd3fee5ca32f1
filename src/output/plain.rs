//! `-o plain`: values only, tab-separated, one record per line, no header: for `xargs`,
//! `sort`, `grep`.

use super::options::RenderOptions;
use super::sink::RecordSink;
use super::stdout::Stdout;
use crate::error::Result;
use crate::escape;
use crate::record::{plain_text, Column, Record};

pub(super) struct Plain {
    columns: Vec<&'static Column>,
}

impl Plain {
    pub(super) fn new(opts: &RenderOptions) -> Plain {
        Plain {
            columns: opts.columns.clone(),
        }
    }
}

impl RecordSink for Plain {
    fn record(&mut self, out: &mut Stdout, rec: &Record) -> Result<()> {
        let to_terminal = out.is_terminal();
        let row = self
            .columns
            .iter()
            .map(|c| plain_text(&c.value(rec)))
            .map(|v| match to_terminal {
                true => escape::controls(&v).into_owned(),
                false => one_line(&v),
            })
            .collect::<Vec<_>>();
        out.line(&row.join("\t"))
    }

    fn end(self: Box<Self>, _out: &mut Stdout, _complete: bool) -> Result<()> {
        Ok(())
    }
}

/// Keep one record on one line: tabs and line breaks inside a value become spaces.
fn one_line(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_stays_one_line() {
        assert_eq!(one_line("a\tb\nc"), "a b c");
    }
}
