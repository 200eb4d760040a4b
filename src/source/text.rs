//! Decoding a source file into the text every later stage sees: UTF-8, no BOM, LF line ends.
//! Windows editors add a BOM and CRLF; the output must be byte-identical to that of the LF
//! version of the same file, so both are removed here, once.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file starts with a UTF-16 byte-order mark (Notepad's "Unicode").
    Utf16,
    /// Not valid UTF-8; `line` is where the first bad byte is; `likely_tis620` when the bytes
    /// look like the old Thai code page (TIS-620 / Windows-874).
    NotUtf8 { line: usize, likely_tis620: bool },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Utf16 => write!(f, "ไฟล์นี้บันทึกเป็น UTF-16 ไม่ใช่ UTF-8 (the file is UTF-16, not UTF-8)"),
            DecodeError::NotUtf8 {
                likely_tis620: true, ..
            } => write!(
                f,
                "ไฟล์นี้ดูเหมือนบันทึกด้วยรหัสภาษาไทยแบบเก่า (TIS-620/Windows-874) ไม่ใช่ UTF-8 \
                 (the file looks like TIS-620/Windows-874, not UTF-8)"
            ),
            DecodeError::NotUtf8 { .. } => write!(f, "ไฟล์นี้ไม่ใช่ข้อความ UTF-8 (the file is not valid UTF-8 text)"),
        }
    }
}

impl DecodeError {
    pub fn help(&self) -> &'static str {
        "เปิดไฟล์แล้วบันทึกใหม่เป็น UTF-8 (Notepad: Save As → Encoding: UTF-8; \
         VS Code: Reopen with Encoding, then Save with Encoding → UTF-8)"
    }
}

/// [`decode`] of bytes the caller owns: text that is already UTF-8 with LF line ends and no
/// BOM (nearly every file) becomes the `String` without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if !is_plain(&bytes) {
        return decode(&bytes);
    }
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return decode(&bytes);
    }
    // SAFETY: simdutf8 has just validated `bytes` as UTF-8 (the standard library's check,
    // a byte at a time, was a twentieth of a build's CPU on Thai text).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Whether decoding `bytes` removes nothing (no BOM, no carriage return): its text, when it
/// is UTF-8, is the bytes themselves.
pub fn is_plain(bytes: &[u8]) -> bool {
    !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && !bytes.contains(&b'\r')
}

/// Decodes bytes to text with the BOM removed and CRLF/CR turned into LF.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            // TIS-620 puts Thai letters in 0xA1–0xFB; UTF-8 Thai is always 0xE0 0xB8/0xB9 ...
            // A file with valid UTF-8 Thai before the bad byte is UTF-8 with a damaged
            // sequence (a truncated copy), not TIS-620, whose first Thai letter is invalid.
            let high = bytes.iter().filter(|&&b| (0xA1..=0xFB).contains(&b)).count();
            let utf8_before = bytes[..valid].iter().any(|&b| b >= 0x80);
            let likely_tis620 = !utf8_before && high > 0 && high * 2 >= bytes.iter().filter(|&&b| b >= 0x80).count();
            return Err(DecodeError::NotUtf8 { line, likely_tis620 });
        }
    };
    if !text.contains('\r') {
        return Ok(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_decoding_agrees_with_borrowed() {
        let inputs: [&[u8]; 8] = [
            "ก\nข".as_bytes(),
            b"a\r\nb\rc",
            b"\xEF\xBB\xBFtitle",
            b"\xFF\xFEt\x00",
            b"\xA1\xA2 tis",
            b"ok \xE0\xB8",
            b"",
            b"\xEF\xBB\xBF\r\n",
        ];
        for bytes in inputs {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn bom_and_crlf_are_removed() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc\n").as_deref(), Ok("a\nb\nc\n"));
    }

    #[test]
    fn utf16_and_tis620_are_named() {
        assert_eq!(decode(b"\xFF\xFEa\0"), Err(DecodeError::Utf16));
        // "ไทย" in TIS-620.
        let err = decode(b"title\n\xE4\xB7\xC2\n");
        assert_eq!(
            err,
            Err(DecodeError::NotUtf8 {
                line: 2,
                likely_tis620: true
            })
        );
        // UTF-8 Thai cut in the middle of a letter is damaged UTF-8, not TIS-620.
        let truncated = decode("ไทย\nก".as_bytes().split_last().map_or(&[][..], |(_, rest)| rest));
        assert_eq!(
            truncated,
            Err(DecodeError::NotUtf8 {
                line: 2,
                likely_tis620: false
            })
        );
    }
}
