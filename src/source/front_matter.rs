//! Splitting a Markdown file into its `+++` TOML front matter and its body, keeping the byte
//! offsets so that errors point at file lines, not front-matter lines.

/// The parts of a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterSplit<'a> {
    /// The TOML between the `+++` lines (empty when the file has none).
    pub front_matter: &'a str,
    /// Byte offset of `front_matter` in the file.
    pub front_matter_offset: usize,
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// An opening `+++` without a closing one; the offset is that of the opening line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnclosedFrontMatter {
    pub offset: usize,
}

/// Splits decoded text (LF line ends, no BOM). A file that does not start with `+++` is all
/// body. Trailing spaces after the delimiters are allowed.
pub fn split_front_matter(text: &str) -> Result<FrontMatterSplit<'_>, UnclosedFrontMatter> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "+++" {
        return Ok(FrontMatterSplit {
            front_matter: "",
            front_matter_offset: 0,
            body: text,
            body_offset: 0,
        });
    }
    let start = (first_line_end + 1).min(text.len());
    let mut line_start = start;
    while line_start < text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        if text[line_start..line_end].trim_end() == "+++" {
            let body_offset = (line_end + 1).min(text.len());
            return Ok(FrontMatterSplit {
                front_matter: &text[start..line_start],
                front_matter_offset: start,
                body: &text[body_offset..],
                body_offset,
            });
        }
        line_start = line_end + 1;
    }
    Err(UnclosedFrontMatter { offset: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_keeps_offsets() {
        let text = "+++\ntitle = \"ก\"\n+++\nbody\n";
        let s = split_front_matter(text).unwrap_or_else(|_| panic!("split"));
        assert_eq!(s.front_matter, "title = \"ก\"\n");
        assert_eq!(&text[s.front_matter_offset..s.front_matter_offset + 5], "title");
        assert_eq!(s.body, "body\n");
    }

    #[test]
    fn no_front_matter_and_unclosed() {
        assert_eq!(split_front_matter("# hi").map(|s| s.body), Ok("# hi"));
        assert!(split_front_matter("+++\ntitle = 1\n").is_err());
        assert_eq!(split_front_matter("+++\n+++").map(|s| s.body), Ok(""));
        assert_eq!(split_front_matter("").map(|s| s.body), Ok(""));
    }
}
