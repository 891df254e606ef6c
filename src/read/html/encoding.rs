//! Bytes to text for saved pages.
//!
//! Saved pages carry their encoding in a byte-order mark, in `<meta charset>` or in an
//! `http-equiv="Content-Type"` declaration near the top, or nowhere at all. This follows
//! the browsers' order (BOM, then a prescan of the first bytes for a declaration, then a
//! guess) and lets `encoding_rs` do the decoding, so Windows-1252 and Latin-1 pages keep
//! their accents and curly quotes. Undeclared pages are UTF-8 when they decode as UTF-8,
//! and Windows-1252 otherwise (what nearly all such Western pages are).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into the page a charset declaration is looked for.
const PRESCAN_BYTES: usize = 4096;

/// Decode a page to text; never fails (undecodable bytes become U+FFFD).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text;
    }
    // Bytes that are valid UTF-8 are UTF-8 whatever the page declares: pages re-saved
    // as UTF-8 often keep their old declaration, and legacy text is almost never valid
    // UTF-8 by accident.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    if let Some(encoding) = declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        if encoding != UTF_8 {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return text;
        }
        // Declared UTF-8 but is not: most such pages are really Windows-1252.
        return mostly_utf8(bytes);
    }
    mostly_utf8(bytes)
}

/// Lossy UTF-8 when only a few bytes are broken (a truncated page), Windows-1252 otherwise.
fn mostly_utf8(bytes: &[u8]) -> Cow<'_, str> {
    let lossy = String::from_utf8_lossy(bytes);
    let broken = lossy.matches('\u{FFFD}').count();
    if broken <= 3 {
        return lossy;
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    text
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// declares in `head`. A declared UTF-16 is read as UTF-8, as browsers do (the bytes
/// already scanned as ASCII could not have been UTF-16).
pub fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_in(&lower[start..end]) {
            if let Some(encoding) = Encoding::for_label(label) {
                return Some(if encoding.name().starts_with("UTF-16") {
                    UTF_8
                } else {
                    encoding
                });
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

/// The value after `charset=` in one lowercased meta tag.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let pos = find(tag, b"charset")?;
    let mut rest = &tag[pos + 7..];
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n'))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

fn trim_start(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if first.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<p>caf\u{e9}</p>".as_bytes());
        assert_eq!(decode(&bytes), "<p>caf\u{e9}</p>");
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let a = b"<meta charset=\"windows-1252\"><p>caf\xe9 \x93hi\x94</p>";
        assert_eq!(
            decode(a),
            "<meta charset=\"windows-1252\"><p>caf\u{e9} \u{201c}hi\u{201d}</p>"
        );
        let b = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\xe9";
        assert!(decode(b).ends_with('\u{e9}'));
    }

    #[test]
    fn undeclared_falls_back_to_windows_1252() {
        assert_eq!(
            decode(b"na\xefve \x96 ok \xe9t\xe9 \xe0 \xe7a"),
            "na\u{ef}ve \u{2013} ok \u{e9}t\u{e9} \u{e0} \u{e7}a"
        );
        assert_eq!(decode("déjà".as_bytes()), "déjà");
    }

    #[test]
    fn utf16_declaration_reads_as_utf8() {
        assert_eq!(declared_encoding(b"<meta charset=utf-16>"), Some(UTF_8));
    }
}
