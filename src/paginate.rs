//! The one pagination loop. Each backend supplies how to fetch a page from a cursor; this
//! loop follows `next` until the end, hands every page to the sink as it arrives (so memory
//! does not grow with the session count), and refuses to go round in circles.

use std::collections::HashSet;
use std::future::Future;

use crate::error::{Error, Result};
use crate::record::Record;

/// Whether the sink wants more pages (`--limit` reached: stop fetching).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// One page: its records (parsed, or as finished JSON text for whole-record output), and the
/// cursor (or link) of the next page, `None` at the end.
#[derive(Debug)]
pub struct Page<T = Record> {
    pub records: Vec<T>,
    pub next: Option<String>,
}

/// Where a backend hands the sessions it reads, page by page (the output renders them).
pub trait Sink {
    /// True when finished single-line JSON text per session is welcome (see `page_text`):
    /// whole vendor records as JSON, without projection, sort or tag.
    fn accepts_text(&self) -> bool;
    /// The columns the output will read, or `None` for whole records. APIs that return only
    /// the fields asked for (ONTAP) ask for exactly these.
    fn needed_columns(&self) -> Option<Vec<&'static str>>;
    /// One page of parsed sessions.
    fn page(&mut self, records: Vec<Record>) -> Result<Flow>;
    /// One page of sessions as finished single-line JSON objects.
    fn page_text(&mut self, records: Vec<String>) -> Result<Flow>;
}

/// A cheap likeness of a page's sessions: its count, first and last. A server whose cursor
/// does not advance sends the same sessions again under a new link; without this, they would
/// be printed twice and the listing would look longer than it is.
pub trait Fingerprint {
    fn fingerprint(&self, into: &mut std::collections::hash_map::DefaultHasher);
}

impl Fingerprint for String {
    fn fingerprint(&self, into: &mut std::collections::hash_map::DefaultHasher) {
        std::hash::Hash::hash(self.as_bytes(), into);
    }
}

impl Fingerprint for Record {
    fn fingerprint(&self, into: &mut std::collections::hash_map::DefaultHasher) {
        std::hash::Hash::hash(&serde_json::to_string(self).unwrap_or_default(), into);
    }
}

fn likeness<T: Fingerprint>(records: &[T]) -> Option<u64> {
    use std::hash::Hasher;
    let (first, last) = (records.first()?, records.last()?);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write_usize(records.len());
    first.fingerprint(&mut h);
    last.fingerprint(&mut h);
    Some(h.finish())
}

/// How many pages in a row may be empty yet still carry `next` (ONTAP does this when
/// `return_timeout` hits; see docs/apis/ontap-cifs.md) before we call it a server fault.
pub const MAX_EMPTY_PAGES_IN_A_ROW: usize = 1000;

/// Fetch `first`, then every `next`, handing each page's records to `sink`. The next page is
/// requested while the sink is still writing the current one. A server whose distinct next
/// links never end is stopped after `max_pages` pages.
pub async fn paginate<T, F, Fut, S>(
    first: String,
    max_pages: usize,
    mut fetch: F,
    mut sink: S,
) -> Result<()>
where
    T: Fingerprint,
    F: FnMut(String) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
    S: FnMut(Vec<T>) -> Result<Flow>,
{
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(first.clone());
    let mut page = fetch(first).await?;
    let mut pages = 1usize;
    let mut empty_in_a_row = 0usize;
    let mut previous: Option<u64> = None;
    loop {
        if page.records.is_empty() {
            empty_in_a_row += 1;
        } else {
            empty_in_a_row = 0;
        }
        // A page with the last page's sessions is never printed: the cursor did not advance.
        // When its link also goes back to an earlier page, the loop is the better diagnosis.
        let this = likeness(&page.records);
        let repeats = this.is_some() && this == previous;
        if this.is_some() {
            previous = this;
        }
        let next = page.next.take();
        if let Some(link) = next.as_ref().filter(|link| !seen.insert(link.to_string())) {
            if !repeats {
                sink(page.records)?;
            }
            return Err(Error::server(format!(
                "pagination loop: after page {pages} the server's next link '{link}' repeats an earlier page"
            )));
        }
        if repeats {
            return Err(Error::server(format!(
                "page {pages} repeats the sessions of page {} under a new link: the \
                 server's cursor did not advance",
                pages - 1
            )));
        }
        let Some(next) = next else {
            sink(page.records)?;
            return Ok(());
        };
        if pages >= max_pages {
            sink(page.records)?;
            return Err(Error::server(format!(
                "stopped after {pages} pages: the server's next links did not end \
                 (raise --max-pages if the collection really is that large)"
            )));
        }
        if empty_in_a_row >= MAX_EMPTY_PAGES_IN_A_ROW {
            return Err(Error::server(format!(
                "gave up after {empty_in_a_row} empty pages in a row that each still had a next link"
            )));
        }
        let records = std::mem::take(&mut page.records);
        let (fetched, flow) = tokio::join!(fetch(next), async { sink(records) });
        if flow? == Flow::Stop {
            return Ok(());
        }
        page = fetched?;
        pages += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rec(i: u64) -> Record {
        json!({ "i": i }).as_object().unwrap().clone()
    }

    fn run(pages: Vec<(Vec<u64>, Option<&'static str>)>) -> (Vec<u64>, Result<()>) {
        run_capped(pages, 1000)
    }

    fn run_capped(
        pages: Vec<(Vec<u64>, Option<&'static str>)>,
        max_pages: usize,
    ) -> (Vec<u64>, Result<()>) {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut got = Vec::new();
        let result = rt.block_on(paginate(
            "p0".to_string(),
            max_pages,
            |cursor: String| {
                let idx: usize = cursor[1..].parse().unwrap();
                let (ids, next) = pages[idx].clone();
                async move {
                    Ok(Page {
                        records: ids.into_iter().map(rec).collect(),
                        next: next.map(str::to_string),
                    })
                }
            },
            |records: Vec<Record>| {
                got.extend(records.iter().map(|r| r["i"].as_u64().unwrap()));
                Ok(Flow::Continue)
            },
        ));
        (got, result)
    }

    #[test]
    fn a_page_that_repeats_the_last_is_refused_before_it_is_printed() {
        let (got, r) = run(vec![
            (vec![1, 2], Some("p1")),
            (vec![1, 2], Some("p2")),
            (vec![3], None),
        ]);
        assert_eq!(got, vec![1, 2]);
        let e = r.unwrap_err();
        assert_eq!(e.exit_code(), 5);
        assert!(
            e.message()
                .contains("page 2 repeats the sessions of page 1"),
            "{e}"
        );
        // Equal sessions on pages apart, or an empty page between, are not a repeat.
        let (got, r) = run(vec![
            (vec![1], Some("p1")),
            (vec![], Some("p2")),
            (vec![2], Some("p3")),
            (vec![1], None),
        ]);
        assert!(r.is_ok());
        assert_eq!(got, vec![1, 2, 1]);
    }

    #[test]
    fn follows_empty_pages_with_next() {
        let (got, r) = run(vec![
            (vec![1, 2], Some("p1")),
            (vec![], Some("p2")),
            (vec![3], None),
        ]);
        assert!(r.is_ok());
        assert_eq!(got, vec![1, 2, 3]);
    }

    #[test]
    fn detects_a_loop_and_keeps_what_it_had() {
        let (got, r) = run(vec![(vec![1], Some("p1")), (vec![2], Some("p1"))]);
        assert_eq!(got, vec![1, 2]);
        let e = r.unwrap_err();
        assert_eq!(e.exit_code(), 5);
        assert!(e.message().contains("pagination loop"), "{e}");
    }

    #[test]
    fn stops_at_the_page_cap_after_printing_what_it_had() {
        let (got, r) = run_capped(
            vec![
                (vec![1], Some("p1")),
                (vec![2], Some("p2")),
                (vec![3], Some("p3")),
                (vec![4], None),
            ],
            2,
        );
        assert_eq!(got, vec![1, 2]);
        let e = r.unwrap_err();
        assert_eq!(e.exit_code(), 5);
        assert!(e.message().contains("stopped after 2 pages"), "{e}");
        assert!(e.message().contains("--max-pages"), "{e}");
        let (got, r) = run_capped(vec![(vec![1], Some("p1")), (vec![2], None)], 2);
        assert!(r.is_ok());
        assert_eq!(got, vec![1, 2]);
    }
}
