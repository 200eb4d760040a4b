//! What the server shows: an immutable snapshot of the site, swapped whole after each
//! rebuild, so every response is a complete file of one build, old or new.

use std::sync::{Arc, RwLock};

use super::events::Events;

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
    pub events: Events,
}

impl State {
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
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
