//! The content model: the front matter as written, and typed values made from it.

pub mod front;
pub mod values;
