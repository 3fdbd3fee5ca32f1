//! How `all` puts several profiles in one output: a heading per profile in tables, one JSON
//! object keyed by profile, or a leading `profile` field in the streaming formats.

use serde_json::Value;

use super::{Format, Stdout};
use crate::error::Result;

pub struct Sections {
    format: Format,
    json_keys: usize,
}

impl Sections {
    pub fn begin(format: Format, out: &mut Stdout) -> Result<Sections> {
        if format == Format::Json {
            out.raw(b"{")?;
        }
        Ok(Sections {
            format,
            json_keys: 0,
        })
    }

    /// Open the section of profile `name` (the `index`th named); `heading` says what it is.
    /// Returns the tag that streaming formats put on each row.
    pub fn section(
        &mut self,
        out: &mut Stdout,
        index: usize,
        name: &str,
        heading: &str,
    ) -> Result<Option<String>> {
        match self.format {
            Format::Table | Format::Wide => {
                if index > 0 {
                    out.line("")?;
                }
                out.line(&format!("== {name} ({heading}) =="))?;
                Ok(None)
            }
            Format::Json => {
                out.raw(if self.json_keys > 0 { b",\n" } else { b"\n" })?;
                out.raw(format!("{}:", Value::String(name.to_string())).as_bytes())?;
                self.json_keys += 1;
                Ok(None)
            }
            _ => Ok(Some(name.to_string())),
        }
    }

    pub fn end(self, out: &mut Stdout) -> Result<()> {
        if self.format == Format::Json {
            out.raw(b"\n}\n")?;
            out.flush()?;
        }
        Ok(())
    }
}
