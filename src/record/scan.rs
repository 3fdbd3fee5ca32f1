//! A page of sessions read in one pass: a small validating JSON scanner that finds each record
//! of a page's list and, in the same pass, the raw text of the record's fields that may need
//! coercion. serde_json needed two passes for that (one to find each record as a `RawValue`,
//! one to peek at its fields), which was half of the CPU of a large listing: see
//! docs/performance.md. It accepts exactly the JSON serde_json accepts (RFC 8259: no trailing
//! commas, no comments, no control characters in strings, no lone value after the body), and
//! it never decodes strings or numbers: callers parse the few raw values they look at.

use std::fmt;

use crate::error::{Error, Result};

/// Why a body is not JSON, with the byte offset where the scanner gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScanError {
    pub what: &'static str,
    pub at: usize,
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

impl super::rawjson::Complaint for ScanError {
    fn complaint(&self, _body: &[u8]) -> String {
        self.to_string()
    }
}

type Scan<T> = std::result::Result<T, ScanError>;

/// How deep a body may nest (serde_json's limit).
pub(crate) const MAX_DEPTH: usize = super::rawjson::MAX_DEPTH;

/// One record of a page: its text as sent and the raw values of the fields asked for.
pub(crate) struct Found<'a, const N: usize> {
    pub text: &'a str,
    pub fields: [Option<&'a str>; N],
    /// A field asked for came twice, or a key was spelled with escapes: the record's fields
    /// cannot be trusted from the raw text, and the caller should take the parsed path.
    pub doubtful: bool,
    /// The text has no line break (between tokens; strings cannot hold one), so it can go out
    /// as one NDJSON line as it is.
    pub one_line: bool,
}

/// What a page held besides its records.
pub(crate) struct PageScan<'a> {
    /// The body is an object with the list member, and it is not `null`.
    pub has_list: bool,
    /// ... and it is an array (its elements went to `each`).
    pub list_is_array: bool,
    /// Top-level members other than the list, as (raw key, raw value).
    pub others: Vec<(&'a str, &'a str)>,
}

/// Read a page body once: each element of the top-level array `list` goes to `each` with the
/// raw values of the fields `wanted` (top-level keys of the element); the other top-level
/// members come back as raw text. The whole body is validated on the way.
#[inline]
pub(crate) fn scan_page<'a, const N: usize>(
    body: &'a [u8],
    list: &str,
    wanted: &[&str; N],
    mut each: impl FnMut(Found<'a, N>) -> Scan<()>,
) -> Scan<PageScan<'a>> {
    let text = std::str::from_utf8(body).map_err(|e| ScanError {
        what: "invalid UTF-8",
        at: e.valid_up_to(),
    })?;
    let mut s = Scanner {
        b: text.as_bytes(),
        t: text,
        i: 0,
        lines: false,
    };
    let mut out = PageScan {
        has_list: false,
        list_is_array: false,
        others: Vec::new(),
    };
    s.ws();
    if s.peek() != Some(b'{') {
        // Not an object: validate it all the same, for the right error.
        s.value(MAX_DEPTH - 1)?;
        s.end()?;
        return Ok(out);
    }
    s.i += 1;
    s.members(|s, key, _| {
        if key == list {
            // A second list after one whose records went out already: serde_json's map would
            // keep only the last, so refuse the page rather than print both.
            if out.list_is_array {
                return s.err("the session list comes twice");
            }
            out.has_list = true;
            if s.peek() == Some(b'[') {
                out.list_is_array = true;
                s.i += 1;
                s.elements(|s| {
                    let start = s.i;
                    if s.peek() != Some(b'{') {
                        s.value(MAX_DEPTH - 3)?;
                        return each(Found {
                            text: &s.t[start..s.i],
                            fields: [None; N],
                            doubtful: true,
                            one_line: false,
                        });
                    }
                    let found = s.object(wanted, MAX_DEPTH - 4)?;
                    each(found)
                })
            } else {
                let vstart = s.i;
                s.value(MAX_DEPTH - 2)?;
                out.has_list = &s.t[vstart..s.i] != "null";
                Ok(())
            }
        } else {
            let vstart = s.i;
            s.value(MAX_DEPTH - 2)?;
            out.others.push((key, &s.t[vstart..s.i]));
            Ok(())
        }
    })?;
    s.end()?;
    Ok(out)
}

/// A page's records, each made into a `T`, and the raw value of the member that holds the
/// next link (the last, if it came twice).
pub(crate) struct Records<'a, T> {
    pub records: Vec<T>,
    pub links: Option<&'a str>,
}

/// Every element of the page's array `list` made into a `T` by `each`, and the top-level
/// member `links`, in one pass over the body. A body that is not JSON gives `invalid`'s error; a page without its list, or with
/// something else than an array there, is a server error, never an empty page.
// Inlined into each page decoder, so that the keys `wanted`, constants there, are matched
// without a call to memcmp per key (7 M instructions in 20,000 ONTAP sessions otherwise).
#[inline]
pub(crate) fn records<'a, T, const N: usize>(
    body: &'a [u8],
    (list, links): (&str, &str),
    wanted: &[&str; N],
    invalid: impl FnOnce(ScanError) -> Error,
    mut each: impl FnMut(&Found<'a, N>) -> Result<T>,
) -> Result<Records<'a, T>> {
    let mut records = Vec::new();
    let mut failed = None;
    let page = scan_page(body, list, wanted, |found| {
        match each(&found) {
            Ok(t) => records.push(t),
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
        Ok(())
    })
    .map_err(invalid)?;
    if let Some(e) = failed {
        return Err(e);
    }
    if !page.has_list {
        return Err(Error::server(format!(
            "no session list: the page has no `{list}`"
        )));
    }
    if !page.list_is_array {
        return Err(Error::server(format!(
            "no session list: `{list}` is not a list"
        )));
    }
    Ok(Records {
        records,
        links: page
            .others
            .iter()
            .rev()
            .find(|(k, _)| *k == links)
            .map(|(_, v)| *v),
    })
}

struct Scanner<'a> {
    b: &'a [u8],
    t: &'a str,
    i: usize,
    /// A line break was skipped as whitespace (since `object` started reading a record).
    lines: bool,
}

/// Bytes that end the fast part of a string: the quote, a backslash, a control character.
static STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Which of eight bytes (little-endian) is a quote, a backslash or a control character, as the
/// high bit of its lane (SWAR: the lane of `x - c` borrows where the byte equals `c`, or is
/// below 0x20). Lanes above a hit may be set falsely; the lowest set lane is always right.
#[inline]
fn stops(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let quote = zero(w ^ (LO * b'"' as u64));
    let backslash = zero(w ^ (LO * b'\\' as u64));
    let control = w.wrapping_sub(LO * 0x20) & !w & HI;
    quote | backslash | control
}

/// The raw values of the fields `wanted` of a small JSON object (a session's `user`, say),
/// read the same way as a page's records; `None` when the text is not one JSON object.
pub(crate) fn object_fields<'a, const N: usize>(
    text: &'a str,
    wanted: &[&str; N],
) -> Option<Found<'a, N>> {
    let mut s = Scanner {
        b: text.as_bytes(),
        t: text,
        i: 0,
        lines: false,
    };
    s.ws();
    if s.peek() != Some(b'{') {
        return None;
    }
    let found = s.object(wanted, MAX_DEPTH - 1).ok()?;
    s.end().ok()?;
    Some(found)
}

impl<'a> Scanner<'a> {
    /// At `{`: the object, with the raw values of its members `wanted`, `room` levels below.
    #[inline]
    fn object<const N: usize>(&mut self, wanted: &[&str; N], room: usize) -> Scan<Found<'a, N>> {
        let start = self.i;
        self.i += 1;
        let outer = std::mem::replace(&mut self.lines, false);
        let mut fields = [None; N];
        let mut doubtful = false;
        self.members(|s, key, escaped| {
            doubtful |= escaped;
            let vstart = s.i;
            s.value(room)?;
            if let Some(k) = wanted.iter().position(|w| *w == key) {
                doubtful |= fields[k].is_some();
                fields[k] = Some(&s.t[vstart..s.i]);
            }
            Ok(())
        })?;
        let one_line = !self.lines;
        self.lines |= outer;
        Ok(Found {
            text: &self.t[start..self.i],
            fields,
            doubtful,
            one_line,
        })
    }

    fn err<T>(&self, what: &'static str) -> Scan<T> {
        Err(ScanError { what, at: self.i })
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(c @ (b' ' | b'\n' | b'\r' | b'\t')) = self.peek() {
            self.lines |= c == b'\n' || c == b'\r';
            self.i += 1;
        }
    }

    fn end(&mut self) -> Scan<()> {
        self.ws();
        if self.i != self.b.len() {
            return self.err("trailing characters");
        }
        Ok(())
    }

    /// After `{`: each member's key (raw, and whether it has escapes) to `f`, positioned at its
    /// value, which `f` must consume. Ends after the `}`.
    #[inline]
    fn members(&mut self, mut f: impl FnMut(&mut Self, &'a str, bool) -> Scan<()>) -> Scan<()> {
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return self.err("expected a key");
            }
            let (key, escaped) = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return self.err("expected ':'");
            }
            self.i += 1;
            self.ws();
            f(self, key, escaped)?;
            if self.closes(b'}', "expected ',' or '}'")? {
                return Ok(());
            }
        }
    }

    /// After a member or element: `,` (false: more follow) or the `close` bracket (true).
    #[inline(always)]
    fn closes(&mut self, close: u8, what: &'static str) -> Scan<bool> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                self.ws();
                Ok(false)
            }
            Some(c) if c == close => {
                self.i += 1;
                Ok(true)
            }
            _ => self.err(what),
        }
    }

    /// After `[`: `f` consumes each element (positioned at it). Ends after the `]`.
    #[inline]
    fn elements(&mut self, mut f: impl FnMut(&mut Self) -> Scan<()>) -> Scan<()> {
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            f(self)?;
            if self.closes(b']', "expected ',' or ']'")? {
                return Ok(());
            }
        }
    }

    /// At `"`: the raw contents, and whether they hold an escape. Ends after the closing quote.
    #[inline]
    fn string(&mut self) -> Scan<(&'a str, bool)> {
        self.i += 1;
        let start = self.i;
        let mut escaped = false;
        loop {
            // The fast part: ordinary characters, eight at a time (straight to the first byte
            // that stops it), then one by one near the end of the body.
            let mut hit = false;
            while let Some(chunk) = self.b.get(self.i..self.i + 8) {
                let hits = stops(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
                if hits != 0 {
                    self.i += (hits.trailing_zeros() / 8) as usize;
                    hit = true;
                    break;
                }
                self.i += 8;
            }
            // A word that stopped already says where: the byte-by-byte look is only for the
            // last few bytes of the body (2 % fewer instructions in a run, from callgrind).
            while !hit && self.i < self.b.len() && !STOP[self.b[self.i] as usize] {
                self.i += 1;
            }
            match self.peek() {
                Some(b'"') => {
                    let s = &self.t[start..self.i];
                    self.i += 1;
                    return Ok((s, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.i += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 1,
                        Some(b'u') => {
                            let hex = self.b.get(self.i + 1..self.i + 5);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                return self.err("invalid escape");
                            }
                            self.i += 5;
                        }
                        _ => return self.err("invalid escape"),
                    }
                }
                Some(_) => return self.err("control character in a string"),
                None => return self.err("EOF while parsing a string"),
            }
        }
    }

    /// Any value, validated, `room` levels of nesting allowed.
    fn value(&mut self, room: usize) -> Scan<()> {
        match self.peek() {
            Some(b'"') => self.string().map(|_| ()),
            Some(b'{') => {
                if room == 0 {
                    return self.err("nested deeper than 128 levels");
                }
                self.i += 1;
                self.members(|s, _, _| s.value(room - 1))
            }
            Some(b'[') => {
                if room == 0 {
                    return self.err("nested deeper than 128 levels");
                }
                self.i += 1;
                self.elements(|s| s.value(room - 1))
            }
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.err("expected a value"),
            None => self.err("EOF while parsing a value"),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Scan<()> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            self.err("expected a value")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Scan<()> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.err("invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return self.err("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return self.err("invalid number");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
