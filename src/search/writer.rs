//! Writing the index while pages come in: a build hands over its pages in page-id order, a
//! batch at a time, and each batch is folded into the open text chunk and into the encoded
//! posting lists, then dropped. Only the lists (a few bytes per page and term) grow with
//! the site; no page text is kept.
//!
//! The expensive part of a page, normalising it and counting its terms, is done by
//! [`prepare`] on any thread; [`IndexWriter::add`] then appends the batch to the lists, the
//! terms being split into [`PARTS`] by hash so the parts are filled in parallel, each in
//! page-id order, with the same result on any number of threads.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use rayon::prelude::*;
use serde_json::json;

use super::fragments::{display_text, fragment_json, fragment_size, Chunker, Fragment};
use super::grams::{index_terms, CountTerms, Term, TermCounter, TermHasher, PREFIX_MAX};
use super::index::{encode_numbers, posting_files, TermLists};
use super::reuse::{IndexRecord, Previous};
use super::{script_value, script_with, SearchDoc, CLIENT_JS, DIR};
use crate::thai::normalize::normalize;

/// Parts the terms are split into, so that a batch is appended on every core.
const PARTS: usize = 64;

/// Where the index files go: (output-relative path, bytes), called from any thread.
pub type Put<'a> = &'a (dyn Fn(String, Vec<u8>) + Sync);

/// One page, ready to be added: its chunk entry and its terms.
pub struct Prepared {
    url: String,
    size: usize,
    json: Vec<u8>,
    /// Hash of `json`: the same hash, the same terms.
    hash: u64,
    /// The page's id in the previous index, whose postings hold its terms; `terms` is then
    /// empty.
    reused: Option<u32>,
    /// (term, occurrences in title and text, in the title), grouped by part.
    terms: Vec<(Term, u32, bool)>,
    /// Where each part's terms start in `terms`, and the end (empty when there are none).
    starts: Vec<u32>,
}

impl Prepared {
    /// The page at `url` as the last index stored it, for a page the build does not read
    /// again (its fragment is taken from the last text chunks); `None` when it cannot be.
    pub fn kept(previous: &Previous, url: &str) -> Option<Prepared> {
        let (id, json, hash, size) = previous.fragment(url)?;
        Some(Prepared {
            url: url.to_string(),
            size,
            json,
            hash,
            reused: Some(id),
            terms: Vec::new(),
            starts: Vec::new(),
        })
    }

    fn part(&self, k: usize) -> &[(Term, u32, bool)] {
        match self.starts.get(k..k + 2) {
            Some(&[start, end]) => &self.terms[start as usize..end as usize],
            _ => &[],
        }
    }
}

thread_local! {
    /// The term counts of the page being prepared (title, title and text), kept per thread
    /// so that they grow once instead of once per page.
    static COUNTS: std::cell::RefCell<(TermCounter, TermCounter)> = Default::default();
}

/// Normalises a page and counts its terms: the work of one page, on the caller's thread.
/// A page `previous` indexed with the same fragment is not counted again.
pub fn prepare(doc: &SearchDoc, previous: Option<&Previous>) -> Prepared {
    let title = display_text(&doc.title);
    let text = display_text(&doc.text);
    let fragment = Fragment {
        url: &doc.url,
        title: &title,
        text: &text,
    };
    let mut json = Vec::with_capacity(text.len() + title.len() + doc.url.len() + 16);
    fragment_json(&mut json, &fragment);
    let hash = xxhash_rust::xxh3::xxh3_64(&json);
    let mut prepared = Prepared {
        url: doc.url.clone(),
        size: fragment_size(&fragment),
        json,
        hash,
        reused: previous.and_then(|p| p.id_of(&doc.url, hash)),
        terms: Vec::new(),
        starts: Vec::new(),
    };
    if prepared.reused.is_none() {
        (prepared.terms, prepared.starts) = count_terms(&title, &text);
    }
    prepared
}

/// The terms of a page (title and text as displayed), grouped by part, and where each part
/// starts.
fn count_terms(title: &str, text: &str) -> (Vec<(Term, u32, bool)>, Vec<u32>) {
    let mut terms = COUNTS.with_borrow_mut(|(title_terms, counts)| {
        title_terms.clear();
        counts.clear();
        index_terms(&normalize(title), title_terms);
        index_terms(&normalize(text), counts);
        for (t, n) in title_terms.iter() {
            counts.add(t, n);
        }
        counts
            .iter()
            .map(|(t, n)| (part_of(t), (t, n, title_terms.get(t) > 0)))
            .collect::<Vec<_>>()
    });
    terms.sort_unstable_by_key(|&(part, _)| part);
    let mut starts = vec![0u32; PARTS + 1];
    for &(part, _) in &terms {
        starts[part + 1] += 1;
    }
    for k in 0..PARTS {
        starts[k + 1] += starts[k];
    }
    (terms.into_iter().map(|(_, t)| t).collect(), starts)
}

fn part_of(term: Term) -> usize {
    let mut h = BuildHasherDefault::<TermHasher>::default().build_hasher();
    std::hash::Hash::hash(&term, &mut h);
    // the high bits: the map inside each part uses the low ones
    (h.finish() >> 58) as usize % PARTS
}

type Lists = HashMap<Term, TermLists, BuildHasherDefault<TermHasher>>;

/// The index being written.
pub struct IndexWriter<'a, 'p> {
    put: Put<'a>,
    /// Pages added so far: the id of the next one.
    pages: u32,
    chunks: Chunker,
    parts: Vec<Lists>,
    /// The last build's index, whose postings the pages it indexed alike are taken from.
    previous: Option<Previous<'p>>,
    /// The new id of each page of `previous` reused so far; `u32::MAX` for the others.
    moved: Vec<u32>,
    /// What the index remembers of its pages (`IndexRecord::pages`).
    memo: Vec<(String, u64, u32)>,
    /// Pages whose terms were counted (not reused).
    counted: usize,
}

impl<'a, 'p> IndexWriter<'a, 'p> {
    pub fn new(put: Put<'a>) -> IndexWriter<'a, 'p> {
        IndexWriter::reusing(put, None)
    }

    /// A writer that takes the postings of the pages `previous` indexed with the same
    /// fragment from it ([`prepare`] with [`IndexWriter::previous`]).
    pub fn reusing(put: Put<'a>, previous: Option<Previous<'p>>) -> IndexWriter<'a, 'p> {
        IndexWriter {
            put,
            pages: 0,
            chunks: Chunker::default(),
            parts: (0..PARTS).map(|_| Lists::default()).collect(),
            moved: vec![u32::MAX; previous.as_ref().map_or(0, Previous::len)],
            previous,
            memo: Vec::new(),
            counted: 0,
        }
    }

    /// The index whose postings may be reused: give it to [`prepare`].
    pub fn previous(&self) -> Option<&Previous<'p>> {
        self.previous.as_ref()
    }

    /// Adds the next pages, in page-id order; writes the text chunks they complete.
    pub fn add(&mut self, batch: &[Prepared]) {
        let first = self.pages;
        for (id, page) in (first..).zip(batch) {
            self.memo
                .push((page.url.clone(), page.hash, page.size.try_into().unwrap_or(u32::MAX)));
            match page.reused.and_then(|old| self.moved.get_mut(old as usize)) {
                Some(slot) => *slot = id,
                None => self.counted += 1,
            }
        }
        let closed: Vec<(usize, Vec<u8>)> = batch.iter().filter_map(|p| self.chunks.push(p.size, &p.json)).collect();
        let put = self.put;
        let ((), ()) = rayon::join(
            || closed.into_par_iter().for_each(|(n, json)| put_chunk(put, n, &json)),
            || {
                self.parts.par_iter_mut().enumerate().for_each(|(k, lists)| {
                    for (id, page) in (first..).zip(batch) {
                        for &(term, count, in_title) in page.part(k) {
                            lists.entry(term).or_default().add(id, count, in_title);
                        }
                    }
                })
            },
        );
        self.pages += batch.len() as u32;
        if let Some(previous) = &self.previous {
            previous.forget_chunks();
        }
    }

    /// Pages whose terms were counted so far, not taken from the previous index.
    pub fn counted(&self) -> usize {
        self.counted
    }

    /// Writes the last chunk, the posting files, the manifest and the client; returns what
    /// the next build needs to reuse this index.
    pub fn finish(self) -> IndexRecord {
        let put = self.put;
        let (last, chunk_pages) = self.chunks.finish();
        if let Some((n, json)) = last {
            put_chunk(put, n, &json);
        }
        let mut terms: Vec<(String, TermLists)> = self
            .parts
            .into_par_iter()
            .flat_map_iter(|lists| lists.into_iter().map(|(t, l)| (t.text(), l)))
            .collect();
        terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        if let Some(previous) = self.previous {
            terms = previous.merge(terms, &self.moved);
        }
        let postings = posting_files(terms);
        let manifest = json!({
            "v": 1,
            "n": self.pages,
            "s": postings.shards,
            "p": PREFIX_MAX,
            "c": encode_numbers(chunk_pages),
            "b": postings.big.join(" "),
            "d": encode_numbers(postings.big_pages),
        });
        put(format!("{DIR}/client.js"), CLIENT_JS.as_bytes().to_vec());
        put(format!("{DIR}/index.js"), script_value("index", &manifest));
        postings
            .files
            .into_par_iter()
            .for_each(|(name, value)| put(format!("{DIR}/{name}.js"), script_value(&name, &value)));
        IndexRecord {
            engine: crate::engine::id(),
            pages: self.memo,
        }
    }
}

fn put_chunk(put: Put, n: usize, json: &[u8]) {
    let name = format!("t/{n}");
    put(
        format!("{DIR}/{name}.js"),
        script_with(&name, json.len(), |out| out.extend_from_slice(json)),
    );
}
