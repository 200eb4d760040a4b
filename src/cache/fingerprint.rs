//! Fingerprints of what a page's template sees, so a cache can tell which pages would render
//! the same as last time. A page's fingerprint is the xxh3 of its template name and of its
//! serialised page context ([`Site::page_context`]) with the body left out and the hash of
//! the page's file text in its place: no field of the context can be forgotten, since the
//! context itself is what is hashed. What every page shares ([`Site::shared_context`]) has a
//! fingerprint of its own.

use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

use crate::site::body::Body;
use crate::site::Site;

/// The fingerprints of one assembled site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prints {
    /// Of what every page shares.
    pub shared: u64,
    /// Of each page's own context, by page index.
    pub pages: Vec<u64>,
}

impl Prints {
    /// The fingerprints of `site`, whose page `i` is rendered with template `template(i)`.
    pub fn of(site: &Site, template: impl Fn(usize) -> String + Sync) -> Prints {
        let empty = Body::default();
        let pages = (0..site.pages.len())
            .into_par_iter()
            .map(|i| {
                let page = &site.pages[i];
                let mut h = Xxh3::new();
                h.update(template(i).as_bytes());
                h.update(&[0]);
                match page.source_hash {
                    Some(text) => h.update(&text.to_le_bytes()),
                    // a page the build makes: its front matter stands for its text
                    None => h.update(page.front_text.as_bytes()),
                }
                serialise_into(&mut h, &site.page_context(i, &empty));
                h.digest()
            })
            .collect();
        let mut h = Xxh3::new();
        serialise_into(&mut h, &site.shared_context());
        Prints {
            shared: h.digest(),
            pages,
        }
    }
}

/// The xxh3 of `bytes`, the one hash a cache persists.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

fn serialise_into(h: &mut Xxh3, value: &impl Serialize) {
    super::hash_ser::hash_into(h, value);
}
