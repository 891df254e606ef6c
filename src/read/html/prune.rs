//! Dropping script and style bodies before parsing.
//!
//! On news pages most bytes are inline JavaScript, JSON state blobs and CSS (often
//! over two thirds of the file), none of which is ever read, and tokenizing them is most
//! of the parsing time. This pass copies the page without the contents of `<script>`
//! (JSON-LD excepted) and `<style>` elements, leaving the tags themselves in place.
//! It only removes raw-text element contents, as the HTML tokenizer itself delimits
//! them (up to the next `</script` or `</style`), and copies comments untouched so a
//! `<script>` inside a comment is not mistaken for one; everything else is left to the
//! real parser.

use std::borrow::Cow;

/// The page with script (other than JSON-LD) and style contents removed.
pub fn without_script_bodies(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied to `out` (or skipped)
    let mut pos = 0;
    while let Some(off) = html[pos..].find('<') {
        let lt = pos + off;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            pos = html[lt + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let Some(name) = raw_text_tag(rest) else {
            pos = lt + 1;
            continue;
        };
        let Some(tag_end) = end_of_tag(bytes, lt) else {
            break;
        };
        let open_tag = &html[lt..tag_end];
        if name == "script" && is_json_ld(open_tag) {
            pos = tag_end;
            continue;
        }
        let close = find_closing(html, tag_end, name).unwrap_or(bytes.len());
        if close > tag_end {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            buf.push_str(&html[copied..tag_end]);
            copied = close;
        }
        pos = close.max(lt + 1);
        if pos >= bytes.len() {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied.min(html.len())..]);
            Cow::Owned(buf)
        }
    }
}

/// `script` or `style` when `rest` opens one of them.
fn raw_text_tag(rest: &[u8]) -> Option<&'static str> {
    for name in ["script", "style"] {
        let n = name.len();
        if rest.len() > n + 1
            && rest[1..=n].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                rest[n + 1],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C'
            )
        {
            return Some(name);
        }
    }
    None
}

/// Index just past the `>` closing the tag that starts at `start` (quotes respected).
fn end_of_tag(bytes: &[u8], start: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
    }
    None
}

fn is_json_ld(open_tag: &str) -> bool {
    open_tag.to_ascii_lowercase().contains("ld+json")
}

/// Start of the `</name` that ends a raw-text element whose content starts at `from`.
fn find_closing(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(off) = html[pos..].find("</") {
        let at = pos + off;
        let after = at + 2 + name.len();
        if after <= bytes.len()
            && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after)
                .is_none_or(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C'))
        {
            return Some(at);
        }
        pos = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_script_and_style_bodies_only() {
        let page = "<p>a</p><script>var x = '<p>no</p>';</script><STYLE>p{}</STYLE><p>b</p>";
        assert_eq!(
            without_script_bodies(page),
            "<p>a</p><script></script><STYLE></STYLE><p>b</p>"
        );
    }

    #[test]
    fn keeps_json_ld_and_comments() {
        let page =
            r#"<script type="application/ld+json">{"a":1}</script><!-- <script> --><p>x</p>"#;
        assert_eq!(without_script_bodies(page), page);
    }

    #[test]
    fn unterminated_script_drops_the_rest() {
        assert_eq!(
            without_script_bodies("<p>a</p><script>for(;;"),
            "<p>a</p><script>"
        );
        assert_eq!(without_script_bodies("<p>a</p><script"), "<p>a</p><script");
    }
}
