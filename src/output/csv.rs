//! `-o csv`: RFC 4180, a header line (unless `--no-headers`), CRLF line ends.

use super::options::RenderOptions;
use super::sink::RecordSink;
use super::stdout::Stdout;
use crate::error::Result;
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
        Csv::row(out, self.columns.iter().map(|c| plain_text(&c.value(rec))))
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
