//! What a backend keeps between runs of one profile: a login token, or a logged-in socket.
//! `--watch` and the exporter list the same profile again and again, and must not log in each
//! time (TrueNAS allows 20 logins a minute per address; Qumulo tokens last for hours). A
//! one-shot run keeps nothing: [`Keep::put`] then hands the value back to be closed.

use std::any::Any;
use std::sync::{Arc, Mutex};

type Slot = Arc<Mutex<Option<Box<dyn Any + Send>>>>;

/// Shared by every clone of a [`Target`](super::Target).
#[derive(Clone, Default)]
pub struct Keep(Option<Slot>);

impl Keep {
    /// A keep for repeated runs of one profile.
    pub fn across_runs() -> Keep {
        Keep(Some(Slot::default()))
    }

    /// What the last run left, if it is a `T`.
    pub fn take<T: 'static>(&self) -> Option<T> {
        let slot = self.0.as_ref()?;
        let kept = slot.lock().unwrap_or_else(|p| p.into_inner()).take()?;
        kept.downcast::<T>().ok().map(|b| *b)
    }

    /// Keep `value` for the next run; without a keep, it is handed back.
    pub fn put<T: Send + 'static>(&self, value: T) -> Option<T> {
        match &self.0 {
            Some(slot) => {
                *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(Box::new(value));
                None
            }
            None => Some(value),
        }
    }

    /// Forget what was kept (it failed, or the credentials changed).
    pub fn clear(&self) {
        if let Some(slot) = &self.0 {
            *slot.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
    }
}

impl std::fmt::Debug for Keep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Keep(across runs)"
        } else {
            "Keep(none)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_across_runs() {
        let none = Keep::default();
        assert_eq!(none.put(5u32), Some(5));
        assert_eq!(none.take::<u32>(), None);
        let keep = Keep::across_runs();
        let clone = keep.clone();
        assert_eq!(keep.put(7u32), None);
        assert_eq!(
            clone.take::<String>(),
            None,
            "another type is not handed out"
        );
        keep.put(8u32);
        assert_eq!(clone.take::<u32>(), Some(8));
        assert_eq!(keep.take::<u32>(), None, "taken once");
    }
}
