//! HTML character references, decoded the one way every reader of markup in prongsai needs:
//! the link checks (`check::html`, where `&#106;avascript&colon;` must read as
//! `javascript:`), the text of raw HTML for search (`render::html_text`) and the cells of
//! imported tables (`import::html`). It follows the HTML parser where it matters: numeric
//! references with or without the `;`, named ones with it, and the legacy few (`&amp`,
//! `&lt`, `&gt`, `&quot`, `&nbsp`) also without. Anything else is kept as written, and a
//! control character (but tab and line breaks) is never produced.

/// `text` with its character references decoded.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    push_decoded(text, &mut out);
    out
}

/// [`decode`] of `text`, appended to `out`.
pub fn push_decoded(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(&rest[1..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[1 + len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The character a reference right after `&` stands for, and how many bytes it takes
/// (its `;` included).
fn reference(after: &str) -> Option<(char, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        let (hex, digits) = match number.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, number),
        };
        let len = digits
            .bytes()
            .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
            .count();
        if len == 0 || len > 8 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok()?;
        let c = char::from_u32(code).filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))?;
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((c, 1 + usize::from(hex) + len + semicolon));
    }
    let len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &after[..len];
    let with_semicolon = after[len..].starts_with(';');
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "nbsp" => '\u{A0}',
        "apos" if with_semicolon => '\'',
        "colon" if with_semicolon => ':',
        "tab" if with_semicolon => '\t',
        "newline" if with_semicolon => '\n',
        _ => return None,
    };
    Some((c, len + usize::from(with_semicolon)))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references_as_the_html_parser_reads_them() {
        assert_eq!(decode("&#106;ava&#x53;cript&colon;x"), "javaScript:x");
        assert_eq!(decode("&#106ava"), "java", "numeric without ;");
        assert_eq!(decode("java&#9;script&#x3A"), "java\tscript:");
        assert_eq!(decode("Q&amp;A AT&amp T &nbsp;x"), "Q&A AT& T \u{A0}x");
        assert_eq!(decode("a&b &zz; &colon &#; &#x; & "), "a&b &zz; &colon &#; &#x; & ");
        assert_eq!(
            decode("&#0; &#x110000; &#99999999999;"),
            "&#0; &#x110000; &#99999999999;"
        );
        assert_eq!(decode("ก&#3585;&#xE01;"), "กกก");
        assert_eq!(decode("&lt;5 วัน"), "<5 วัน");
    }
}
