//! Sessions as finished single-line JSON without a copy per session: a [`Text`] is a slice of
//! the page body (the session as the vendor sent it, up to its closing brace) and a slice of
//! one buffer per page holding what is appended (the normalised fields and the brace). Both
//! share their page's memory by reference count, so a page of 1,000 sessions costs two
//! buffers, not 1,000 strings, and the body goes from the socket to the output buffer in one
//! copy. See docs/performance.md.

use std::borrow::Cow;
use std::ops::Range;

use bytes::Bytes;
use serde_json::Value;

use super::rawjson;
use super::Record;
use crate::error::Result;

/// One session as single-line JSON: `head` then `tail`, both UTF-8.
#[derive(Debug, Clone)]
pub struct Text {
    head: Bytes,
    tail: Bytes,
}

impl Text {
    /// A session already written out in full (a backend that has no page body to share).
    pub(crate) fn owned(text: String) -> Text {
        Text {
            head: Bytes::from(text),
            tail: Bytes::new(),
        }
    }

    /// The JSON text, in the order written.
    pub(crate) fn parts(&self) -> [&[u8]; 2] {
        [&self.head, &self.tail]
    }

    /// The JSON text in one piece (borrowed when it is already one).
    pub(crate) fn joined(&self) -> Cow<'_, [u8]> {
        match self.tail.is_empty() {
            true => Cow::Borrowed(&self.head),
            false => Cow::Owned([&self.head[..], &self.tail[..]].concat()),
        }
    }
}

/// The normalised fields appended to a session: two at most, so they stay on the stack (an
/// allocation per session showed in the profile).
#[derive(Default)]
pub(crate) struct Added {
    fields: [(&'static str, Value); 2],
    len: usize,
}

impl Added {
    pub(crate) fn push(&mut self, key: &'static str, value: Value) {
        self.fields[self.len] = (key, value);
        self.len += 1;
    }

    pub(crate) fn fields(&self) -> &[(&'static str, Value)] {
        &self.fields[..self.len]
    }
}

/// A session of a page being read, whose tail is still a range of the page's buffer.
pub(crate) struct Pending {
    head: Bytes,
    tail: Range<usize>,
}

/// Builds a page's [`Text`]s from its body: the body is shared, never copied.
pub(crate) struct Page<'b> {
    body: &'b Bytes,
    tails: String,
}

impl<'b> Page<'b> {
    pub(crate) fn new(body: &'b Bytes) -> Page<'b> {
        Page {
            body,
            // What is appended is a few dozen bytes a session of hundreds: one allocation a page.
            tails: String::with_capacity(body.len() / 8),
        }
    }

    /// A session that `record::scan` found in the body, as [`rawjson::finish`] would write
    /// it: when `typed` and on one line, the body's own text with `extra` appended; otherwise
    /// parsed, normalised and written into the page's buffer. The scanner already refused
    /// nesting past [`rawjson::MAX_DEPTH`] (where serde_json does) and saw whether the text
    /// has a line break, so neither is looked for again on this hot path.
    pub(crate) fn scanned(
        &mut self,
        text: &str,
        one_line: bool,
        typed: bool,
        extra: &[(&str, Value)],
        normalize: fn(Record) -> Record,
    ) -> Result<Pending> {
        let start = self.tails.len();
        if typed && one_line && text.ends_with('}') {
            let head = text[..text.len() - 1].trim_end();
            rawjson::append_fields(&mut self.tails, head.ends_with('{'), extra);
            return Ok(Pending {
                head: self.body.slice_ref(head.as_bytes()),
                tail: start..self.tails.len(),
            });
        }
        self.owned(rawjson::finish(text, typed, extra, normalize)?)
    }

    /// A session written out in full.
    pub(crate) fn owned(&mut self, text: String) -> Result<Pending> {
        let start = self.tails.len();
        self.tails.push_str(&text);
        Ok(Pending {
            head: Bytes::new(),
            tail: start..self.tails.len(),
        })
    }

    /// The page's sessions, in the order found.
    pub(crate) fn finish(self, pending: Vec<Pending>) -> Vec<Text> {
        let tails = Bytes::from(self.tails);
        pending
            .into_iter()
            .map(|p| Text {
                head: p.head,
                tail: tails.slice(p.tail),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session that needs no coercion is a slice of the body itself plus what is added; one
    /// that does is written out in the page's buffer.
    #[test]
    fn a_typed_session_shares_the_body() {
        let body = Bytes::from_static(br#"{"records":[{"a":1, "b":"2" }]}"#);
        let all = std::str::from_utf8(&body).unwrap();
        let session = &all[all.find(r#"{"a"#).unwrap()..all.find("}]").unwrap() + 1];
        let mut page = Page::new(&body);
        let mut added = Added::default();
        added.push("c_seconds", Value::from(3));
        let kept = page.scanned(session, true, true, added.fields(), |r| r);
        let parsed = page.scanned(session, true, false, &[], |r| r);
        let texts = page.finish(vec![kept.unwrap(), parsed.unwrap()]);
        let [head, tail] = texts[0].parts();
        assert!(body.as_ptr_range().contains(&head.as_ptr()), "not a copy");
        assert_eq!(tail, br#","c_seconds":3}"#);
        assert_eq!(&*texts[0].joined(), br#"{"a":1, "b":"2","c_seconds":3}"#);
        assert_eq!(&*texts[1].joined(), br#"{"a":1,"b":"2"}"#);
        assert_eq!(texts[1].parts()[0], b"", "written out whole");
    }
}
