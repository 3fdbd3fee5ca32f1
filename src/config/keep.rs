//! What a listing keeps between runs of one profile: a login token, or a logged-in socket.
//! `--watch` and the exporter list the same profile again and again with the same listing, and
//! must not log in each time (TrueNAS allows 20 logins a minute per address; Qumulo tokens
//! last for hours). The listing holds a [`Keep`] of what its backend keeps, typed; its target
//! says whether the run repeats. A one-shot run keeps nothing: [`Keep::put`] then hands the
//! value back to be closed.

use std::sync::Mutex;

/// A listing's slot for what it keeps between runs: a `T` of its backend's own.
pub(crate) struct Keep<T>(Mutex<Option<T>>);

impl<T> Default for Keep<T> {
    fn default() -> Self {
        Keep(Mutex::new(None))
    }
}

impl<T> Keep<T> {
    /// What the last run left, if anything.
    pub(crate) fn take(&self) -> Option<T> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// Keep `value` for the next run when runs repeat (the target's `repeats`); otherwise it
    /// is handed back.
    pub(crate) fn put(&self, repeats: bool, value: T) -> Option<T> {
        if !repeats {
            return Some(value);
        }
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(value);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_when_runs_repeat() {
        let keep = Keep::<u32>::default();
        assert_eq!(keep.put(false, 5), Some(5), "a one-shot run keeps nothing");
        assert_eq!(keep.take(), None);
        assert_eq!(keep.put(true, 7), None);
        keep.put(true, 8);
        assert_eq!(keep.take(), Some(8), "the last value kept");
        assert_eq!(keep.take(), None, "taken once");
    }
}
