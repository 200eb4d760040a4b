//! The identity of the running prongsai binary: its version, size and modification time. A
//! new prongsai may render or index the same inputs differently, so every cache a build
//! leaves (the manifest, the search index's memo) names the binary that wrote it.

/// The version, size and modification time of the running binary, as text.
pub fn identity() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let time = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!(
        "{} {} {}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        time.as_nanos()
    ))
}

/// A hash of [`identity`]: what wrote a cache.
pub fn id() -> Option<u64> {
    Some(xxhash_rust::xxh3::xxh3_64(identity()?.as_bytes()))
}
