//! Reading content from disk: walking `content/`, decoding files and splitting front matter.
//! Loading reads every file through here; rendering reads each page body once more
//! (`site::body`) with the same decoding.

pub mod front_matter;
pub mod symlinks;
pub mod text;
pub mod walk;

pub use front_matter::{split_front_matter, FrontMatterSplit};
pub use symlinks::Symlinks;
pub use text::{decode, decode_owned, DecodeError};
pub use walk::{is_litter, walk_content, ContentFile};
