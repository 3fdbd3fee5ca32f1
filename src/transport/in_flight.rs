//! Several calls on one socket with their answers outstanding: which to send next, and
//! where each answer goes. Requests are numbered from `first`; a server that runs calls
//! concurrently answers each as it finishes, in any order. The protocols (JSON-RPC 2.0 in
//! `jsonrpc.rs`, others in their backends) do the sending and reading.

/// The calls of one pipelined run and their answers so far.
pub(crate) struct InFlight<T> {
    first: u64,
    answers: Vec<Option<T>>,
    sent: usize,
    got: usize,
    limit: usize,
}

impl<T> InFlight<T> {
    /// `n` calls numbered from `first`, with up to `limit` (at least 1) unanswered at once.
    pub(crate) fn new(first: u64, n: usize, limit: usize) -> InFlight<T> {
        InFlight {
            first,
            answers: std::iter::repeat_with(|| None).take(n).collect(),
            sent: 0,
            got: 0,
            limit: limit.max(1),
        }
    }

    /// The next call to send (its index among the calls, and its request id), while there
    /// is room.
    pub(crate) fn next(&mut self) -> Option<(usize, u64)> {
        if self.sent >= self.answers.len() || self.sent - self.got >= self.limit {
            return None;
        }
        self.sent += 1;
        Some((self.sent - 1, self.first + self.sent as u64 - 1))
    }

    /// Whether every call has its answer.
    pub(crate) fn done(&self) -> bool {
        self.got == self.answers.len()
    }

    /// Keep the answer to request `id`; `false` when no call with that id is in flight (never
    /// sent, or answered already).
    pub(crate) fn answer(&mut self, id: u64, value: T) -> bool {
        let slot = id
            .checked_sub(self.first)
            .and_then(|i| usize::try_from(i).ok())
            .filter(|i| *i < self.sent && self.answers[*i].is_none());
        let Some(i) = slot else { return false };
        self.answers[i] = Some(value);
        self.got += 1;
        true
    }

    /// The answers in the calls' order (complete once [`done`](Self::done)).
    pub(crate) fn answers(self) -> Vec<T> {
        self.answers.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_up_to_the_limit_and_places_answers_in_order() {
        let mut f = InFlight::new(10, 3, 2);
        assert_eq!(f.next(), Some((0, 10)));
        assert_eq!(f.next(), Some((1, 11)));
        assert_eq!(f.next(), None, "two in flight");
        assert!(!f.answer(12, "c"), "not sent yet");
        assert!(f.answer(11, "b"));
        assert!(!f.answer(11, "b"), "answered already");
        assert_eq!(f.next(), Some((2, 12)));
        assert_eq!(f.next(), None, "all sent");
        assert!(f.answer(12, "c") && f.answer(10, "a"));
        assert!(!f.answer(9, "z"));
        assert!(f.done());
        assert_eq!(f.answers(), ["a", "b", "c"]);
    }
}
