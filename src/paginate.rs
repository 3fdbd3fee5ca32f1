//! The one pagination loop. Each backend supplies how to fetch a page from a cursor; this
//! loop follows `next` until the end, hands every page to the sink as it arrives (so memory
//! does not grow with the session count), and refuses to go round in circles. It counts each
//! page and its sessions for the progress indicator (`progress::page`).

use std::collections::HashSet;
use std::future::Future;

use crate::error::{Error, Result};
use crate::record::text::Text;
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

impl<T> Page<T> {
    pub fn new(records: Vec<T>, next: Option<String>) -> Page<T> {
        Page { records, next }
    }
}

/// Where a backend hands the sessions it reads, page by page (the output renders them).
pub trait Sink {
    /// True when finished single-line JSON text per session is welcome (see `page_text`):
    /// whole vendor records as JSON, without projection or sort.
    fn accepts_text(&self) -> bool;
    /// The columns the output will read, or `None` for whole records. APIs that return only
    /// the fields asked for (ONTAP) ask for exactly these.
    fn needed_columns(&self) -> Option<Vec<&'static str>>;
    /// One page of parsed sessions.
    fn page(&mut self, records: Vec<Record>) -> Result<Flow>;
    /// One page of sessions as finished single-line JSON objects.
    fn page_text(&mut self, records: Vec<Text>) -> Result<Flow>;
}

/// A cheap likeness of a page's sessions: its count, first and last. A server whose cursor
/// does not advance sends the same sessions again under a new link; without this, they would
/// be printed twice and the listing would look longer than it is.
pub(crate) trait Fingerprint {
    fn fingerprint(&self, into: &mut std::collections::hash_map::DefaultHasher);
}

impl Fingerprint for Text {
    fn fingerprint(&self, into: &mut std::collections::hash_map::DefaultHasher) {
        self.parts()
            .for_each(|part| std::hash::Hash::hash(part, into));
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
/// `return_timeout` hits; see docs/vendors/ontap.md) before we call it a server fault.
pub(crate) const MAX_EMPTY_PAGES_IN_A_ROW: usize = 1000;

/// A page as it came off the wire, before it is decoded: the body, and the next link if a
/// cheap look (for ONTAP, a scan from the end of the body) already found it.
#[derive(Debug)]
pub(crate) struct Fetched<B> {
    pub body: B,
    /// A hint: the loop requests this page early, and keeps that answer only if the decoded
    /// page names the same link. `None` when the cheap look found nothing.
    pub next: Option<String>,
}

/// Fetch `first`, then every `next`, decoding each body with `decode` and handing its records
/// to `sink`. When a fetched body already shows its next link, the next page is requested
/// before this one is decoded, so the network wait overlaps the decoding and the writing. At
/// most two pages are alive at once: the one being decoded and the one on its way, so memory
/// does not grow with the session count. A server whose distinct next links never end is
/// stopped after `max_pages` pages.
pub(crate) async fn paginate<B, T, F, Fut, D, S>(
    first: String,
    max_pages: usize,
    mut fetch: F,
    mut decode: D,
    mut sink: S,
) -> Result<()>
where
    T: Fingerprint,
    F: FnMut(String) -> Fut,
    Fut: Future<Output = Result<Fetched<B>>>,
    D: FnMut(B) -> Result<Page<T>>,
    S: FnMut(Vec<T>) -> Result<Flow>,
{
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(first.clone());
    let mut current = fetch(first).await?;
    let mut pages = 1usize;
    let mut empty_in_a_row = 0usize;
    let mut previous: Option<u64> = None;
    loop {
        // Only a link that the checks below would follow is requested early.
        let early = current
            .next
            .take()
            .filter(|n| pages < max_pages && !seen.contains(n));
        // Decode, then print unless the page repeats the last one's sessions (a cursor that
        // did not advance): such a page is never printed.
        let mut this_page = |body: B| -> Result<(Flow, Option<String>, bool)> {
            let page = decode(body)?;
            if page.records.is_empty() {
                empty_in_a_row += 1;
            } else {
                empty_in_a_row = 0;
            }
            let this = likeness(&page.records);
            let repeats = this.is_some() && this == previous;
            if this.is_some() {
                previous = this;
            }
            let flow = if repeats {
                crate::progress::page(0);
                Flow::Continue
            } else {
                crate::progress::page(page.records.len());
                sink(page.records)?
            };
            Ok((flow, page.next, repeats))
        };
        let (ahead, done) = match early {
            Some(link) => {
                let (ahead, done) =
                    tokio::join!(fetch(link.clone()), async { this_page(current.body) });
                (Some((link, ahead)), done)
            }
            None => (None, this_page(current.body)),
        };
        let (flow, next, repeats) = done?;
        if flow == Flow::Stop {
            return Ok(());
        }
        // When a repeated page's link also goes back to an earlier page, the loop is the
        // better diagnosis.
        if let Some(link) = next.as_ref().filter(|link| !seen.insert(link.to_string())) {
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
            return Ok(());
        };
        if pages >= max_pages {
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
        current = match ahead {
            Some((link, fetched)) if link == next => fetched?,
            // The early look was wrong (or there was none): the decoded page has the last word.
            _ => fetch(next).await?,
        };
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
        let (got, _, r) = run_with(pages, max_pages, |next| next);
        (got, r)
    }

    /// Runs the loop over `pages`, each fetch giving `hint(next)` as its early next link.
    /// Returns the records, the links fetched in order, and the outcome.
    fn run_with(
        pages: Vec<(Vec<u64>, Option<&'static str>)>,
        max_pages: usize,
        hint: fn(Option<&'static str>) -> Option<&'static str>,
    ) -> (Vec<u64>, Vec<String>, Result<()>) {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut got = Vec::new();
        let fetched = std::cell::RefCell::new(Vec::new());
        // Pages fetched and not yet handed to the sink: never more than two.
        let alive = std::cell::Cell::new(0usize);
        let exact = hint(Some("p9")) == Some("p9");
        let result = rt.block_on(paginate(
            "p0".to_string(),
            max_pages,
            |cursor: String| {
                fetched.borrow_mut().push(cursor.clone());
                alive.set(alive.get() + 1);
                assert!(!exact || alive.get() <= 2, "more than two pages in flight");
                let idx: usize = cursor[1..].parse().unwrap();
                let (ids, next) = pages[idx].clone();
                async move {
                    Ok(Fetched {
                        body: Page {
                            records: ids.into_iter().map(rec).collect(),
                            next: next.map(str::to_string),
                        },
                        next: hint(next).map(str::to_string),
                    })
                }
            },
            Ok,
            |records: Vec<Record>| {
                alive.set(alive.get() - 1);
                got.extend(records.iter().map(|r| r["i"].as_u64().unwrap()));
                Ok(Flow::Continue)
            },
        ));
        (got, fetched.into_inner(), result)
    }

    /// A wrong early link is fetched, then dropped: the decoded page decides what comes next.
    #[test]
    fn a_wrong_early_link_is_not_trusted() {
        let pages = vec![
            (vec![1], Some("p1")),
            (vec![2], Some("p2")),
            (vec![3], Some("p3")),
            (vec![4], None),
        ];
        let (got, fetched, r) = run_with(pages.clone(), 1000, |n| n.map(|_| "p3"));
        assert!(r.is_ok());
        assert_eq!(got, vec![1, 2, 3, 4]);
        assert_eq!(fetched, ["p0", "p3", "p1", "p3", "p2", "p3"]);
        let (got, fetched, r) = run_with(pages, 1000, |_| None);
        assert!(r.is_ok());
        assert_eq!(got, vec![1, 2, 3, 4]);
        assert_eq!(fetched, ["p0", "p1", "p2", "p3"]);
    }

    #[test]
    fn the_sink_can_stop_the_listing() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut calls = 0;
        let r = rt.block_on(paginate(
            "p0".to_string(),
            1000,
            |cursor: String| async move {
                Ok(Fetched {
                    body: cursor.clone(),
                    next: Some(format!("{cursor}x")),
                })
            },
            |body: String| {
                Ok(Page {
                    records: vec![rec(body.len() as u64)],
                    next: Some(format!("{body}x")),
                })
            },
            |_| {
                calls += 1;
                Ok(if calls == 3 {
                    Flow::Stop
                } else {
                    Flow::Continue
                })
            },
        ));
        assert!(r.is_ok());
        assert_eq!(calls, 3);
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
