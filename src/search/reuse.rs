//! Reusing the last build's index. A page's terms are a function of its fragment (URL, title
//! and text as stored in `t/<n>.js`), so a page whose fragment is byte for byte the one the
//! last build indexed has the same terms: its postings are taken from the last build's
//! posting files instead of normalising and counting its text again. Only new and changed
//! pages are counted; the lists are then merged, the old pages under their new ids, and
//! encoded exactly as a build from scratch encodes them.
//!
//! What makes this safe: the [`IndexRecord`] of the last index names the binary that wrote it
//! (another prongsai may count terms differently) and the hash of every page's fragment;
//! the posting files are read only when the sink vouches they are as that build wrote them;
//! anything missing, unreadable or unexpected means nothing is reused.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::index::{Entries, TermLists};
use super::DIR;

/// What an index remembers of itself for the next build, kept in the output's manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexRecord {
    /// The binary that wrote the index (`engine::id`); `None` when unknown.
    pub engine: Option<u64>,
    /// Each indexed page in page-id order: (URL, hash of its fragment JSON, the size it
    /// counts for in its text chunk).
    pub pages: Vec<(String, u64, u32)>,
}

/// Reads a file of the last build's output (site-relative path) when it is as that build
/// wrote it.
pub type Read<'a> = &'a (dyn Fn(&str) -> Option<Vec<u8>> + Sync);

/// The last build's index, ready to lend its postings and its pages' fragments.
pub struct Previous<'a> {
    /// URL → (page id, fragment hash, size) in the last index.
    pages: HashMap<String, (u32, u64, u32)>,
    /// (term, body list, title list) of every term, sorted by term.
    postings: Vec<(String, [String; 2])>,
    read: Read<'a>,
    /// The first page id of each text chunk.
    chunk_starts: Vec<u32>,
    /// Text chunks read so far (by number): their bytes and where each page's fragment lies.
    chunks: Mutex<HashMap<usize, Arc<Chunk>>>,
}

/// A text chunk of the last index: `[fragment,fragment,…]`.
struct Chunk {
    bytes: Vec<u8>,
    fragments: Vec<std::ops::Range<usize>>,
}

impl<'a> Previous<'a> {
    /// Loads the index `memo` describes through `read`, when it was written by this binary
    /// (`engine`) and every file of it can be read and parsed.
    pub fn load(memo: &IndexRecord, engine: Option<u64>, read: Read<'a>) -> Option<Previous<'a>> {
        if memo.engine.is_none() || memo.engine != engine || memo.pages.is_empty() {
            return None;
        }
        let manifest: serde_json::Value =
            serde_json::from_slice(unwrap_script(&read(&format!("{DIR}/index.js"))?)?).ok()?;
        if manifest["n"].as_u64()? != memo.pages.len() as u64 {
            return None;
        }
        let shards = manifest["s"].as_u64()?;
        let big = manifest["b"].as_str()?.split(' ').filter(|t| !t.is_empty()).count() as u64;
        let names: Vec<String> = (0..shards)
            .map(|n| format!("g/{n}"))
            .chain((0..big).map(|n| format!("b/{n}")))
            .collect();
        let files: Option<Vec<HashMap<String, [String; 2]>>> = names
            .par_iter()
            .map(|name| serde_json::from_slice(unwrap_script(&read(&format!("{DIR}/{name}.js"))?)?).ok())
            .collect();
        let mut postings: Vec<(String, [String; 2])> = files?.into_iter().flatten().collect();
        postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let pages = memo
            .pages
            .iter()
            .enumerate()
            .map(|(id, (url, hash, size))| Some((url.clone(), (u32::try_from(id).ok()?, *hash, *size))))
            .collect::<Option<_>>()?;
        let mut chunk_starts = Vec::new();
        let mut next = 0u64;
        for count in super::index::decode_numbers(manifest["c"].as_str()?) {
            chunk_starts.push(u32::try_from(next).ok()?);
            next += count;
        }
        if next != memo.pages.len() as u64 {
            return None;
        }
        Some(Previous {
            pages,
            postings,
            read,
            chunk_starts,
            chunks: Mutex::new(HashMap::new()),
        })
    }

    /// The page id, in the last index, of the page at `url` whose fragment hashes to `hash`:
    /// `None` when that page was not indexed with this very fragment.
    pub fn id_of(&self, url: &str, hash: u64) -> Option<u32> {
        self.pages.get(url).filter(|(_, h, _)| *h == hash).map(|&(id, _, _)| id)
    }

    /// What the last index stored of the page at `url`: (page id, fragment JSON, its hash,
    /// its size in the chunk), read from its text chunk and checked against the hash; for a
    /// page the build does not read again.
    pub fn fragment(&self, url: &str) -> Option<(u32, Vec<u8>, u64, usize)> {
        let &(id, hash, size) = self.pages.get(url)?;
        let n = self.chunk_starts.partition_point(|&start| start <= id).checked_sub(1)?;
        let chunk = self.chunk(n)?;
        let range = chunk.fragments.get((id - self.chunk_starts[n]) as usize)?.clone();
        let json = chunk.bytes.get(range)?.to_vec();
        (xxhash_rust::xxh3::xxh3_64(&json) == hash).then_some((id, json, hash, size as usize))
    }

    fn chunk(&self, n: usize) -> Option<Arc<Chunk>> {
        if let Some(chunk) = self.chunks.lock().ok()?.get(&n) {
            return Some(chunk.clone());
        }
        let bytes = (self.read)(&format!("{DIR}/t/{n}.js"))?;
        let data = script_data(&bytes)?;
        let fragments = split_array(&bytes[data.clone()])?
            .into_iter()
            .map(|f| f.start + data.start..f.end + data.start)
            .collect();
        let chunk = Arc::new(Chunk { bytes, fragments });
        self.chunks.lock().ok()?.insert(n, chunk.clone());
        Some(chunk)
    }

    /// Lets go of the text chunks read so far: the pages come in order, so the ones before
    /// are not asked for again.
    pub fn forget_chunks(&self) {
        if let Ok(mut chunks) = self.chunks.lock() {
            chunks.clear();
        }
    }

    /// Pages of the last index.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Merges the lists of the counted pages (`counted`, sorted by term) with this index's
    /// lists, where old page `id` is now page `moved[id]` (or left out when it is
    /// `u32::MAX`): every term with at least one page, sorted by term.
    pub fn merge(self, counted: Vec<(String, TermLists)>, moved: &[u32]) -> Vec<(String, TermLists)> {
        let mut pairs: Vec<(String, Option<TermLists>, Option<[String; 2]>)> =
            Vec::with_capacity(counted.len().max(self.postings.len()));
        let mut old = self.postings.into_iter().peekable();
        for (term, lists) in counted {
            while let Some(before) = old.next_if(|(t, _)| *t < term) {
                pairs.push((before.0, None, Some(before.1)));
            }
            let same = old.next_if(|(t, _)| *t == term).map(|(_, l)| l);
            pairs.push((term, Some(lists), same));
        }
        pairs.extend(old.map(|(t, l)| (t, None, Some(l))));
        pairs
            .into_par_iter()
            .filter_map(|(term, counted, old)| {
                let lists = merge_lists(counted, old, moved);
                (lists.pages > 0).then_some((term, lists))
            })
            .collect()
    }
}

/// One term's lists: the counted pages' and the old ones under their new ids. Both are in
/// URL order, so the old ids keep their order and one pass merges them.
fn merge_lists(counted: Option<TermLists>, old: Option<[String; 2]>, moved: &[u32]) -> TermLists {
    let Some([body, title]) = old else {
        return counted.unwrap_or_default();
    };
    let mut lists = TermLists::default();
    let old = Entries::new(&body, &title).filter_map(|(id, count, in_title)| {
        let id = moved.get(id as usize).copied().filter(|&n| n != u32::MAX)?;
        Some((id, count, in_title))
    });
    let Some(counted) = counted else {
        for (id, count, in_title) in old {
            lists.add(id, count, in_title);
        }
        return lists;
    };
    let mut old = old.peekable();
    for entry in Entries::new(&counted.body, &counted.title) {
        while let Some((id, count, in_title)) = old.next_if(|e| e.0 < entry.0) {
            lists.add(id, count, in_title);
        }
        lists.add(entry.0, entry.1, entry.2);
    }
    for (id, count, in_title) in old {
        lists.add(id, count, in_title);
    }
    lists
}

/// The data of an index file, `prongsai._load("name",data);\n`.
fn unwrap_script(bytes: &[u8]) -> Option<&[u8]> {
    script_data(bytes).map(|range| &bytes[range])
}

/// Where the data of an index file lies in it.
fn script_data(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    const HEAD: &[u8] = b"prongsai._load(\"";
    let rest = bytes.strip_prefix(HEAD)?.strip_suffix(b");\n")?;
    let comma = rest.iter().position(|&b| b == b',')?;
    Some(HEAD.len() + comma + 1..HEAD.len() + rest.len())
}

/// Where each element of a JSON array of arrays of strings (a text chunk) lies in `bytes`.
fn split_array(bytes: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut start) = (0u32, false, false, 0);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' => {
                depth += 1;
                if depth == 2 {
                    start = i;
                }
            }
            b']' => {
                if depth == 2 {
                    out.push(start..i + 1);
                }
                depth = depth.checked_sub(1)?;
            }
            _ => {}
        }
    }
    (depth == 0 && !in_string).then_some(out)
}
