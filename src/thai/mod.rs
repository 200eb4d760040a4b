//! Thai-language helpers: digits, BE dates as people write them, display formats, and OCR damage.
//!
//! Everything here is pure (no IO) and table-tested, because portal content is typed or pasted
//! by municipal staff from Word documents and scanned memos, in many spellings.

pub mod dates;
pub mod digits;
pub mod format;
pub mod lao;
pub mod normalize;
