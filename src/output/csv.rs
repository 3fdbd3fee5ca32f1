//! `-o csv`: RFC 4180, a header line (unless `--no-headers`), CRLF line ends. Piped, the
//! values as sent; on a terminal, their control characters shown escaped, as a table does.

use super::options::RenderOptions;
use super::sink::RecordSink;
use super::stdout::Stdout;
use crate::error::Result;
use crate::escape;
use crate::record::{plain_text, Column, Record};

pub(super) struct Csv {
    columns: Vec<&'static Column>,
    headers: bool,
    started: bool,
}

impl Csv {
    pub(super) fn new(opts: &RenderOptions) -> Csv {
        Csv {
            columns: opts.columns.clone(),
            headers: opts.headers,
            started: false,
        }
    }

    fn row<S: AsRef<str>>(out: &mut Stdout, fields: impl Iterator<Item = S>) -> Result<()> {
        let row = fields.map(|f| field(f.as_ref())).collect::<Vec<_>>();
        out.raw(row.join(",").as_bytes())?;
        out.raw(b"\r\n")
    }

    fn header(&self, out: &mut Stdout) -> Result<()> {
        Csv::row(out, self.columns.iter().map(|c| c.name))
    }
}

impl RecordSink for Csv {
    fn record(&mut self, out: &mut Stdout, rec: &Record) -> Result<()> {
        if !self.started && self.headers {
            self.header(out)?;
        }
        self.started = true;
        let shown = |v: String| match out.is_terminal() {
            true => escape::controls(&v).into_owned(),
            false => v,
        };
        let values = self.columns.iter().map(|c| plain_text(&c.value(rec)));
        let row: Vec<String> = values.map(shown).collect();
        Csv::row(out, row.iter())
    }

    /// No record: the header alone says that the list is empty.
    fn end(self: Box<Self>, out: &mut Stdout, _complete: bool) -> Result<()> {
        if !self.started && self.headers {
            self.header(out)?;
        }
        Ok(())
    }
}

/// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
