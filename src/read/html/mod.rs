//! Saved web pages: one HTML page to a [`Document`].
//!
//! A page is decoded ([`encoding`]), stripped of script and style bodies ([`prune`]),
//! parsed once with `scraper` (html5ever, the same
//! tree a browser builds), read for metadata ([`meta`]), searched for the article
//! ([`body`]) and written out as blocks ([`blocks`]): paragraphs and sub-headings of the
//! story, photo captions with their credits, and embedded posts.
//!
//! [`read_html`] is a pure function that never fails: a truncated page, a page without a
//! body or a picture saved as `.html` gives a document with whatever could be read
//! (possibly no blocks), and the caller decides what an empty body means.

mod blocks;
mod body;
mod date;
mod dom;
mod encoding;
mod meta;
mod prune;

use crate::model::{Document, Format, Metadata};
use scraper::Html;

/// Read one HTML page.
pub fn read_html(bytes: &[u8]) -> Document {
    let empty = || Document {
        meta: Metadata::default(),
        blocks: Vec::new(),
        format: Format::Html,
    };
    if looks_binary(bytes) {
        return empty();
    }
    let text = encoding::decode(bytes);
    let page = Html::parse_document(&prune::without_script_bodies(&text));
    let (mut meta, raw_title) = meta::read(&page);
    let title = meta.title.clone().unwrap_or(raw_title);
    let article = body::extract(&page, &title);
    if meta.byline.is_empty() {
        if let Some(b) = &article.byline {
            meta.byline = meta::clean_names(std::iter::once(b.as_str()), meta.outlet.as_deref());
        }
    }
    if meta.published.is_none() {
        meta.published = article.byline.as_deref().and_then(date::from_text);
    }
    let blocks = blocks::emit(&article);
    Document {
        meta,
        blocks,
        format: Format::Html,
    }
}

/// Pictures, archives and other binary files saved under an `.html` name.
fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"RIFF",
        b"\x00\x00\x01\x00",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let is_utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let controls = head
        .iter()
        .filter(|&&b| b < 9 || (b > 13 && b < 32 && b != 27))
        .count();
    !is_utf16 && controls * 10 > head.len().max(1)
}
