//! Sessions as finished single-line JSON without a copy per session: a [`Text`] is a slice of
//! the page body (the session as the vendor sent it, up to its closing brace) and a slice of
//! one buffer per page holding what is appended (the normalised fields and the brace). Both
//! share their page's memory by reference count, so a page of 1,000 sessions costs two
//! buffers, not 1,000 strings, and the body goes from the socket to the output buffer in one
//! copy. A session with fields to coerce (a number sent as a string) is the body's slices
//! around those values, with what replaces them in the page's buffer. See
//! docs/performance.md.

use std::borrow::Cow;
use std::ops::Range;

use bytes::Bytes;
use serde_json::Value;

use super::rawjson::{self, Edit};
use super::Record;
use crate::error::Result;

/// One session as single-line JSON: `head`, each of `middle`, then `tail`, all UTF-8.
/// `middle` is there only for a session with coerced fields (the others pay no more than a
/// null pointer for it: an empty `Vec` in its place cost 3 % of a listing's instructions).
#[derive(Debug, Clone)]
pub struct Text {
    head: Bytes,
    middle: Option<Box<[Bytes]>>,
    tail: Bytes,
}

impl Text {
    /// A session already written out in full (a backend that has no page body to share).
    pub(crate) fn owned(text: String) -> Text {
        Text {
            head: Bytes::from(text),
            middle: None,
            tail: Bytes::new(),
        }
    }

    /// The JSON text as written: the head, the middle's pieces, the tail.
    pub(crate) fn pieces(&self) -> (&[u8], &[Bytes], &[u8]) {
        (
            &self.head,
            self.middle.as_deref().unwrap_or_default(),
            &self.tail,
        )
    }

    /// The JSON text, in the order written.
    pub(crate) fn parts(&self) -> impl Iterator<Item = &[u8]> {
        let (head, middle, tail) = self.pieces();
        std::iter::once(head)
            .chain(middle.iter().map(|b| &b[..]))
            .chain(std::iter::once(tail))
    }

    /// The JSON text in one piece (borrowed when it is already one).
    pub(crate) fn joined(&self) -> Cow<'_, [u8]> {
        match self.tail.is_empty() && self.middle.is_none() {
            true => Cow::Borrowed(&self.head),
            false => Cow::Owned(self.parts().collect::<Vec<_>>().concat()),
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

/// A session of a page being read, whose tail (and coerced values) are still ranges of the
/// page's buffer.
pub(crate) struct Pending {
    head: Bytes,
    middle: Option<Vec<Piece>>,
    tail: Range<usize>,
}

/// A part of a coerced session: the body's own text, or a range of the page's buffer.
enum Piece {
    Body(Bytes),
    Written(Range<usize>),
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
    /// it after `normalize`: when `edits` are known and the text is on one line, the body's
    /// own text with each edited value replaced and `extra` appended; otherwise (`None`)
    /// parsed, normalised and written into the page's buffer. Edits are values of distinct
    /// fields (slices of `text`), so they do not overlap. The scanner already refused nesting
    /// past [`rawjson::MAX_DEPTH`] (where serde_json does) and saw whether the text has a line
    /// break, so neither is looked for again on this hot path.
    pub(crate) fn scanned(
        &mut self,
        text: &str,
        one_line: bool,
        edits: Option<&mut [Edit<'_>]>,
        extra: &[(&str, Value)],
        normalize: fn(Record) -> Record,
    ) -> Result<Pending> {
        let Some(edits) = edits.filter(|_| one_line && text.ends_with('}')) else {
            return self.owned(rawjson::finish(text, false, extra, normalize)?);
        };
        let head = text[..text.len() - 1].trim_end();
        let (first, middle) = match edits.is_empty() {
            true => (head, None),
            false => {
                let (first, middle) = self.edited(head, edits);
                (first, Some(middle))
            }
        };
        let start = self.tails.len();
        rawjson::append_fields(&mut self.tails, head.ends_with('{'), extra);
        Ok(Pending {
            head: self.body.slice_ref(first.as_bytes()),
            middle,
            tail: start..self.tails.len(),
        })
    }

    /// The body up to the first edit (the session's head), and the rest up to `head`'s end
    /// (its middle): each value's replacement, written in the page's buffer, then the body up
    /// to the next one. Out of line: most sessions have nothing to edit.
    #[cold]
    #[inline(never)]
    fn edited<'t>(&mut self, head: &'t str, edits: &mut [Edit<'_>]) -> (&'t str, Vec<Piece>) {
        edits.sort_unstable_by_key(|(value, _)| value.as_ptr());
        let mut middle = Vec::with_capacity(2 * edits.len());
        let mut first = head;
        let mut at = None;
        for (value, with) in edits.iter() {
            let start = value.as_ptr() as usize - head.as_ptr() as usize;
            match at {
                None => first = &head[..start],
                Some(at) => middle.push(Piece::Body(
                    self.body.slice_ref(&head.as_bytes()[at..start]),
                )),
            }
            let written = self.tails.len();
            self.tails.push_str(with);
            middle.push(Piece::Written(written..self.tails.len()));
            at = Some(start + value.len());
        }
        let rest = &head.as_bytes()[at.unwrap_or(0)..];
        middle.push(Piece::Body(self.body.slice_ref(rest)));
        (first, middle)
    }

    /// A session written out in full.
    pub(crate) fn owned(&mut self, text: String) -> Result<Pending> {
        let start = self.tails.len();
        self.tails.push_str(&text);
        Ok(Pending {
            head: Bytes::new(),
            middle: None,
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
                middle: p.middle.map(|middle| {
                    middle
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Body(b) => b,
                            Piece::Written(r) => tails.slice(r),
                        })
                        .collect()
                }),
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
        let kept = page.scanned(session, true, Some(&mut []), added.fields(), |r| r);
        let parsed = page.scanned(session, true, None, &[], |r| r);
        let texts = page.finish(vec![kept.unwrap(), parsed.unwrap()]);
        let [head, tail] = texts[0].parts().collect::<Vec<_>>()[..] else {
            panic!("two parts");
        };
        assert!(body.as_ptr_range().contains(&head.as_ptr()), "not a copy");
        assert_eq!(tail, br#","c_seconds":3}"#);
        assert_eq!(&*texts[0].joined(), br#"{"a":1, "b":"2","c_seconds":3}"#);
        assert_eq!(&*texts[1].joined(), br#"{"a":1,"b":"2"}"#);
        assert_eq!(texts[1].parts().next(), Some(&b""[..]), "written out whole");
    }

    /// A session with values to coerce is the body around them, with only the values
    /// written: the same JSON as the parsed path, in as many pieces.
    #[test]
    fn a_coerced_session_rewrites_only_its_values() {
        let body = Bytes::from_static(br#"[{"a":"7","b":"x","c":1 ,"d":"2" }]"#);
        let all = std::str::from_utf8(&body).unwrap();
        let session = &all[1..all.len() - 1];
        let value = |v: &str| &session[session.find(v).unwrap()..][..v.len()];
        let mut page = Page::new(&body);
        let mut added = Added::default();
        added.push("e_seconds", Value::from(3));
        // Given out of order: they are put in the text's order.
        let mut edits = [
            (value(r#""2""#), "2".to_string()),
            (value(r#""7""#), "7".to_string()),
        ];
        let pending = page.scanned(session, true, Some(&mut edits), added.fields(), |r| r);
        let text = &page.finish(vec![pending.unwrap()])[0];
        let parts: Vec<&[u8]> = text.parts().collect();
        assert_eq!(
            parts,
            [
                &b"{\"a\":"[..],
                b"7",
                br#","b":"x","c":1 ,"d":"#,
                b"2",
                b"",
                br#","e_seconds":3}"#
            ]
        );
        let from_body = |p: &[u8]| body.as_ptr_range().contains(&p.as_ptr());
        assert!(from_body(parts[0]) && from_body(parts[2]), "not copies");
        assert_eq!(
            &*text.joined(),
            br#"{"a":7,"b":"x","c":1 ,"d":2,"e_seconds":3}"#
        );
    }
}
