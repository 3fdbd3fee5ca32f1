//! `all`'s document: every profile's records in the chosen format, then the profiles that
//! failed, where the format can say so: JSON frames both as `{"sessions":[...],"errors":[...]}`,
//! NDJSON adds one line per failure after the sessions. In the other formats failures are
//! stderr's alone.

use serde_json::Value;

use super::options::{RecordFormat, RenderOptions};
use super::render::Renderer;
use super::stdout::Stdout;
use crate::error::Result;
use crate::paginate::Flow;
use crate::record::text::Text;
use crate::record::Record;

/// Where `all` says which profiles failed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Failed {
    /// The `errors` member of the JSON document.
    JsonMember,
    /// NDJSON lines after the sessions.
    NdjsonLines,
    /// Only on stderr: a line beside a table or CSV would be taken for data.
    Stderr,
}

/// `all`'s records, in the chosen format and framed for `all`.
pub(crate) struct AllOutput<'o> {
    render: Renderer<'o>,
    failed: Failed,
}

impl<'o> AllOutput<'o> {
    /// Start the document.
    pub(crate) fn begin(opts: RenderOptions, out: &'o mut Stdout) -> Result<AllOutput<'o>> {
        let failed = match opts.format {
            RecordFormat::Json => Failed::JsonMember,
            RecordFormat::Ndjson => Failed::NdjsonLines,
            _ => Failed::Stderr,
        };
        if failed == Failed::JsonMember {
            out.raw(b"{\"sessions\":")?;
        }
        Ok(AllOutput {
            render: Renderer::new(opts, out),
            failed,
        })
    }

    /// See [`Renderer::holds_rows`].
    pub(crate) fn holds_rows(&self) -> bool {
        self.render.holds_rows()
    }

    /// See [`Renderer::accepts_text`].
    pub(crate) fn accepts_text(&self) -> bool {
        self.render.accepts_text()
    }

    /// Take one page of records already written as JSON (see [`Renderer::page_text`]).
    pub(crate) fn page_text(&mut self, records: Vec<Text>) -> Result<Flow> {
        self.render.page_text(records)
    }

    /// Take one page of common records (see [`Renderer::page`]).
    pub(crate) fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        self.render.page(records)
    }

    /// Every page has arrived: write the records out. What is left is the failures.
    pub(crate) fn finish(self) -> Result<Failures<'o>> {
        Ok(Failures {
            out: self.render.end(true)?,
            failed: self.failed,
        })
    }
}

/// The end of `all`'s document: the profiles that failed.
pub(crate) struct Failures<'o> {
    out: &'o mut Stdout,
    failed: Failed,
}

impl Failures<'_> {
    /// Write the failed profiles' `entries` and end the document. When the document says
    /// itself which profiles failed, an `--output-file` takes it despite the failures.
    pub(crate) fn write(self, entries: Vec<Value>) -> Result<()> {
        match self.failed {
            Failed::JsonMember => {
                let member = format!(",\"errors\":{}}}\n", Value::Array(entries));
                self.out.json(&member)?;
            }
            Failed::NdjsonLines => {
                for e in &entries {
                    self.out.json(&format!("{e}\n"))?;
                }
            }
            Failed::Stderr => {}
        }
        self.out.flush()?;
        if self.failed != Failed::Stderr {
            self.out.complete_despite_error();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{self, Column, Fit, Json};
    use serde_json::json;

    #[rustfmt::skip]
    static PROFILE: Column = Column { name: "profile", header: "PROFILE", about: "", default: true, fit: Fit::Key, get: |r| record::text(r, "profile"), json: Json::Field };

    /// What `all` prints for one record and one failed profile, in `format`.
    fn document(format: RecordFormat) -> String {
        let (mut out, kept) = Stdout::capture();
        let mut all =
            AllOutput::begin(RenderOptions::of(format, vec![&PROFILE]), &mut out).unwrap();
        let record = json!({"profile": "a"}).as_object().unwrap().clone();
        all.page(vec![record]).unwrap();
        let failures = all.finish().unwrap();
        failures.write(vec![json!({"profile": "b"})]).unwrap();
        kept.text()
    }

    #[test]
    fn json_and_ndjson_say_which_profiles_failed() {
        let doc: Value = serde_json::from_str(&document(RecordFormat::Json)).unwrap();
        assert_eq!(
            doc,
            json!({"sessions": [{"profile": "a"}], "errors": [{"profile": "b"}]})
        );
        assert_eq!(
            document(RecordFormat::Ndjson),
            "{\"profile\":\"a\"}\n{\"profile\":\"b\"}\n"
        );
    }

    #[test]
    fn other_formats_leave_failures_to_stderr() {
        assert_eq!(document(RecordFormat::Plain), "a\n");
        assert_eq!(document(RecordFormat::Csv), "profile\r\na\r\n");
    }
}
