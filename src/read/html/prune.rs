//! Dropping script and style bodies before parsing (and unwrapping posts that a page
//! keeps only inside `<noscript>`, see [`unwrap_noscript_posts`]).
//!
//! On news pages most bytes are inline JavaScript, JSON state blobs and CSS (often
//! over two thirds of the file), none of which is ever read, and tokenizing them is most
//! of the parsing time. This pass copies the page without the contents of `<script>`
//! (JSON-LD excepted) and `<style>` elements, leaving the tags themselves in place.
//! It only removes raw-text element contents, as the HTML tokenizer itself delimits
//! them (up to the next `</script` or `</style`), and copies comments untouched so a
//! `<script>` inside a comment is not mistaken for one; everything else is left to the
//! real parser.
//!
//! It also caps nesting, as browsers do (Chromium at 512 levels): the HTML tree builder
//! looks through the stack of open elements for every tag, so a page of 100,000
//! nested `<div>`s would take minutes. Start tags past the cap (and the end tags that
//! match them) are left out; their text stays, one level up.

use std::borrow::Cow;

/// Deepest nesting of elements kept.
const MAX_DEPTH: usize = 512;

/// Elements that never nest: void elements and those whose end tag is usually implied.
fn never_nests(name: &[u8]) -> bool {
    if name.len() > 8 {
        return false;
    }
    let mut buf = [0u8; 8];
    for (b, n) in buf.iter_mut().zip(name) {
        *b = n.to_ascii_lowercase();
    }
    matches!(
        &buf[..name.len()],
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"frame"
            | b"keygen"
            | b"image"
    )
}

fn tag_name(rest: &[u8]) -> &[u8] {
    let len = rest
        .iter()
        .position(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C'))
        .unwrap_or(rest.len());
    &rest[..len]
}

/// The page with script (other than JSON-LD) and style contents removed.
pub fn without_script_bodies(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied to `out` (or skipped)
    let mut pos = 0;
    let mut depth = 0usize;
    let mut dropped = 0usize;
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
            let closing = rest.get(1) == Some(&b'/');
            let name_at = if closing { 2 } else { 1 };
            if !rest.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                pos = lt + 1;
                continue;
            }
            let Some(tag_end) = end_of_tag(bytes, lt) else {
                break;
            };
            let name = tag_name(&rest[name_at..]);
            let self_closing = bytes[..tag_end].ends_with(b"/>");
            let mut drop = false;
            if never_nests(name) || self_closing {
                // No change in depth.
            } else if closing {
                if dropped > 0 {
                    dropped -= 1;
                    drop = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if depth >= MAX_DEPTH {
                dropped += 1;
                drop = true;
            } else {
                depth += 1;
            }
            if drop {
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
                buf.push_str(&html[copied..lt]);
                copied = tag_end;
            }
            pos = tag_end;
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

/// Class names of the platforms' embed markup, which some pages put only inside a
/// `<noscript>` (the script draws the post; the fallback is the post itself).
const EMBED_MARKERS: &[&str] = &[
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "bluesky-embed",
    "mastodon-embed",
    "reddit-embed",
    "text-post-media",
    "fb-post",
];

/// The page with `<noscript>` wrappers around embedded posts taken away, so that the
/// post inside is read as markup: a parser that runs scripts (as browsers and html5ever
/// do) reads a `<noscript>`'s content as plain text, and a saved page may even hold it
/// escaped (`&lt;blockquote class="twitter-tweet"&gt;`). Other `<noscript>` content
/// (tracking pixels, lazy-load image fallbacks) stays as it is.
pub fn unwrap_noscript_posts(html: &str) -> Cow<'_, str> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<noscript") {
        return Cow::Borrowed(html);
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(off) = lower[pos..].find("<noscript") {
        let open = pos + off;
        let Some(open_end) = end_of_tag(lower.as_bytes(), open) else {
            break;
        };
        let Some(close) = lower[open_end..].find("</noscript").map(|c| open_end + c) else {
            break;
        };
        let close_end = end_of_tag(lower.as_bytes(), close).unwrap_or(lower.len());
        let inner = &lower[open_end..close];
        if EMBED_MARKERS.iter().any(|m| inner.contains(m)) {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..open]);
            let content = &html[open_end..close];
            if content.contains("&lt;") && !content.contains('<') {
                buf.push_str(&unescape_markup(content));
            } else {
                buf.push_str(content);
            }
            copied = close_end;
        }
        pos = close_end.max(open + 1);
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// Escaped markup back to markup (`&amp;` last, so "&amp;lt;" stays text).
fn unescape_markup(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noscript_posts_become_markup() {
        let page = r#"<p>a</p><noscript><img src="pixel.gif"></noscript><noscript><blockquote class="twitter-tweet"><p>Hi</p></blockquote></noscript><p>b</p>"#;
        assert_eq!(
            unwrap_noscript_posts(page),
            r#"<p>a</p><noscript><img src="pixel.gif"></noscript><blockquote class="twitter-tweet"><p>Hi</p></blockquote><p>b</p>"#
        );
        let escaped = r#"<NOSCRIPT>&lt;blockquote class="instagram-media"&gt;Sun &amp;amp; sea&lt;/blockquote&gt;</NOSCRIPT>"#;
        assert_eq!(
            unwrap_noscript_posts(escaped),
            r#"<blockquote class="instagram-media">Sun &amp; sea</blockquote>"#
        );
        let plain = "<p>no wrappers</p><noscript>x";
        assert!(matches!(unwrap_noscript_posts(plain), Cow::Borrowed(_)));
    }

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
    fn caps_nesting() {
        let deep = format!("{}<p>x</p>{}", "<div>".repeat(600), "</div>".repeat(600));
        let capped = without_script_bodies(&deep);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("<p>x</p>"));
        let flat = "<p>a<p>b<br><img src=x><li>c".repeat(1000);
        assert_eq!(without_script_bodies(&flat), flat);
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
