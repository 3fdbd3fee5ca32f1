//! A top-level member of a JSON body read from the body's end, without reading what comes
//! before it: how the pagination loop learns the next link before a page is decoded.

/// The raw value of the top-level member `key`, found by reading the body from its end: cheap
/// when the member comes last, as ONTAP's `_links` and Qumulo's `paging` do, after the records.
/// Gives up (`None`) rather than walk back over more than `TAIL_BUDGET` bytes. It trusts the
/// body to be JSON: the answer is a hint, which the full decoding confirms.
pub(crate) fn tail_member<'a>(body: &'a [u8], key: &str) -> Option<&'a str> {
    let mut end = body.len();
    let floor = body.len().saturating_sub(TAIL_BUDGET);
    let back_ws = |mut i: usize| {
        while i > 0 && matches!(body[i - 1], b' ' | b'\n' | b'\r' | b'\t') {
            i -= 1;
        }
        i
    };
    end = back_ws(end);
    if end == 0 || body[end - 1] != b'}' {
        return None;
    }
    end -= 1;
    loop {
        // One member, from its end: the value, ':', the key, then ',' or the opening '{'.
        let vend = back_ws(end);
        let vstart = value_start(body, vend, floor)?;
        let colon = back_ws(vstart);
        if colon == 0 || body[colon - 1] != b':' {
            return None;
        }
        let kend = back_ws(colon - 1);
        if kend == 0 || body[kend - 1] != b'"' {
            return None;
        }
        let kstart = string_start(body, kend - 1, floor)?;
        if &body[kstart + 1..kend - 1] == key.as_bytes() {
            return std::str::from_utf8(&body[vstart..vend]).ok();
        }
        let before = back_ws(kstart);
        if before == 0 || body[before - 1] != b',' {
            return None; // the first member: not there
        }
        end = before - 1;
    }
}

/// How far from the end `tail_member` looks.
pub(crate) const TAIL_BUDGET: usize = 64 << 10;

/// Where the value that ends at `end` (exclusive) starts.
fn value_start(body: &[u8], end: usize, floor: usize) -> Option<usize> {
    let last = *body.get(end.checked_sub(1)?)?;
    match last {
        b'"' => string_start(body, end - 1, floor),
        b'}' | b']' => {
            let mut depth = 0usize;
            let mut i = end;
            while i > floor {
                i -= 1;
                match body[i] {
                    b'"' => i = string_start(body, i, floor)?,
                    b'}' | b']' => depth += 1,
                    b'{' | b'[' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => {
            let mut i = end;
            while i > floor && !matches!(body[i - 1], b':' | b' ' | b'\n' | b'\r' | b'\t') {
                i -= 1;
            }
            (i > floor).then_some(i)
        }
    }
}

/// The opening quote of the string whose closing quote is at `close`.
fn string_start(body: &[u8], close: usize, floor: usize) -> Option<usize> {
    let mut i = close;
    while i > floor {
        i -= 1;
        if body[i] == b'"' {
            let backslashes = body[..i].iter().rev().take_while(|&&b| b == b'\\').count();
            if backslashes % 2 == 0 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_member_reads_from_the_end() {
        let body = br#"{"records":[{"_links":{"next":{"href":"/fake"}}}],"num_records":1,"_links":{"next":{"href":"/a?b=\"}{\\"}}}  "#;
        assert_eq!(
            tail_member(body, "_links"),
            Some(r#"{"next":{"href":"/a?b=\"}{\\"}}"#)
        );
        assert_eq!(tail_member(body, "num_records"), Some("1"));
        assert!(tail_member(body, "records").is_some());
        assert_eq!(tail_member(body, "paging"), None);
        assert_eq!(
            tail_member(
                br#"{"session_infos":[],"paging":{"next":null,"prev":"x"}}"#,
                "paging"
            ),
            Some(r#"{"next":null,"prev":"x"}"#)
        );
        // Only top-level members: the last record's links are not the page's.
        assert_eq!(
            tail_member(br#"{"records":[{"_links":{}}]}"#, "_links"),
            None
        );
        for bad in [&b""[..], b"[]", b"{", b"}", b"{\"a\"}", b"\"}"] {
            assert_eq!(tail_member(bad, "a"), None);
        }
    }
}
