//! Rendering: Markdown bodies to HTML, and pages to full documents through Tera templates.

pub mod anchors;
pub mod chart;
pub mod entities;
pub mod helpers;
pub mod highlight;
pub mod html_text;
pub mod markdown;
pub mod sanitize;
pub mod templates;
pub mod urls;

pub use markdown::{render_markdown, Heading, Rendered};
