//! What the server shows: an immutable snapshot of the site, swapped whole after each
//! rebuild, so every response is a complete file of one build, old or new.

use std::sync::{Arc, RwLock};

use super::events::Events;
use super::guard::Guard;

/// One build of the site as the server sees it.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Site key (`2564/plan/index.html`) → bytes.
    pub files: super::rebuild::Files,
    /// The escaped overlay HTML while the newest rebuild has errors.
    pub overlay: Option<String>,
    /// The diagnostics behind the overlay, one line each, for the event stream.
    pub errors: Vec<String>,
}

/// Shared by the request workers and the rebuild loop.
#[derive(Default)]
pub struct State {
    current: RwLock<Arc<Snapshot>>,
    /// The request-time link check, from the newest rebuild that read the config.
    guard: RwLock<Option<Arc<Guard>>>,
    pub events: Events,
}

impl State {
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn guard(&self) -> Option<Arc<Guard>> {
        match self.guard.read() {
            Ok(g) => g.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn set_guard(&self, guard: Guard) {
        let guard = Some(Arc::new(guard));
        match self.guard.write() {
            Ok(mut g) => *g = guard,
            Err(poisoned) => *poisoned.into_inner() = guard,
        }
    }

    pub fn publish(&self, snapshot: Snapshot) {
        let snapshot = Arc::new(snapshot);
        match self.current.write() {
            Ok(mut s) => *s = snapshot,
            Err(poisoned) => *poisoned.into_inner() = snapshot,
        }
    }
}
