//! Pages → postings: the index's hot loop, run in parallel with the same result as one
//! thread.
//!
//! Pages are cut into blocks of consecutive page ids; each block is inverted on its own
//! (normalise, count terms, append to the block's lists), and the blocks are then joined in
//! page-id order, so every list comes out ascending whatever the thread count. Terms are
//! packed [`Term`]s while counting and become text once, at the end, sorted.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use super::grams::{index_terms, Term, TermCounts, TermHasher};
use super::index::{Inverted, Postings};
use crate::thai::normalize::normalize;

/// Pages per block: enough work per task to hide the scheduling, small enough to spread
/// over the cores and to keep each block's lists short.
const BLOCK: usize = 64;

type Lists = HashMap<Term, Postings, BuildHasherDefault<TermHasher>>;

/// Parts the terms are split into (by a hash of the term) so that joining the blocks runs
/// in parallel too: each part joins its terms from every block on its own.
const PARTS: usize = 64;

/// The postings of `pages` (title, text), page ids being positions in the slice; sorted by
/// term.
pub fn invert(pages: &[(&str, &str)]) -> Inverted {
    let blocks: Vec<Vec<Lists>> = pages
        .par_chunks(BLOCK)
        .enumerate()
        .map(|(b, chunk)| split(invert_block((b * BLOCK) as u32, chunk)))
        .collect();
    // by part, each part's lists in block (page-id) order
    let mut parts: Vec<Vec<Lists>> = (0..PARTS).map(|_| Vec::with_capacity(blocks.len())).collect();
    for block in blocks {
        for (part, lists) in parts.iter_mut().zip(block) {
            part.push(lists);
        }
    }
    let mut sorted: Inverted = parts
        .into_par_iter()
        .flat_map_iter(|lists| {
            let mut all = Lists::default();
            for block in lists {
                for (term, p) in block {
                    match all.get_mut(&term) {
                        Some(lists) => {
                            lists.body.extend_from_slice(&p.body);
                            lists.title.extend_from_slice(&p.title);
                        }
                        None => {
                            all.insert(term, p);
                        }
                    }
                }
            }
            all.into_iter().map(|(t, p)| (t.text(), p)).collect::<Vec<_>>()
        })
        .collect();
    sorted.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    sorted
}

/// A block's lists split into [`PARTS`] by term.
fn split(lists: Lists) -> Vec<Lists> {
    let mut parts: Vec<Lists> = (0..PARTS).map(|_| Lists::default()).collect();
    for (term, p) in lists {
        parts[part_of(term)].insert(term, p);
    }
    parts
}

fn part_of(term: Term) -> usize {
    use std::hash::{BuildHasher, Hasher};
    let mut h = BuildHasherDefault::<TermHasher>::default().build_hasher();
    std::hash::Hash::hash(&term, &mut h);
    // the high bits: the map inside each part uses the low ones
    (h.finish() >> 58) as usize % PARTS
}

fn invert_block(first: u32, pages: &[(&str, &str)]) -> Lists {
    let mut lists = Lists::default();
    let mut terms = TermCounts::default();
    let mut title_terms = TermCounts::default();
    for (i, (title, text)) in pages.iter().enumerate() {
        let id = first + i as u32;
        terms.clear();
        title_terms.clear();
        index_terms(&normalize(title), &mut title_terms);
        index_terms(&normalize(text), &mut terms);
        for (t, n) in &title_terms {
            *terms.entry(*t).or_insert(0) += n;
        }
        for (t, n) in terms.drain() {
            let p = lists.entry(t).or_default();
            p.body.push((id, n));
            if title_terms.contains_key(&t) {
                p.title.push(id);
            }
        }
    }
    lists
}
