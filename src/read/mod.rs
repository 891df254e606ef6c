//! Readers: one input (a file, a JSON line, stdin) to [`Document`]s.
//!
//! Inputs are streamed: a JSON Lines file of a million articles is read a line at a
//! time, so memory stays bounded. Every failure is a [`ReadError`] naming what went
//! wrong; the caller names the file (and line) and goes on with the rest of the batch.

pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod text;

use crate::model::{Document, Format, Metadata};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Why one input (or one line of it) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("binary data, not an article (a NUL byte at byte {0})")]
    Binary(usize),
    #[error("{0}")]
    Invalid(String),
    #[error("no article text found")]
    NoText,
}

/// Format asked for on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatChoice {
    #[default]
    Auto,
    Fixed(Format),
}

/// Metadata given on the command line for inputs that carry none (`--outlet`, ...).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

impl Overrides {
    /// Fill what the document itself did not say.
    pub fn apply(&self, meta: &mut Metadata) {
        if meta.title.is_none() {
            meta.title.clone_from(&self.title);
        }
        if meta.url.is_none() {
            meta.url.clone_from(&self.url);
        }
        if meta.outlet.is_none() {
            meta.outlet.clone_from(&self.outlet);
        }
        if meta.published.is_none() {
            meta.published = self.published.as_deref().map(normalise_date);
        }
    }
}

/// sha256 of an input's bytes, in hex: the identity of an article known by nothing else.
pub fn input_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A date as ISO 8601 when it can be parsed, else as given.
pub fn normalise_date(s: &str) -> String {
    crate::extract::dates::parse_date(s).unwrap_or_else(|| s.trim().to_string())
}

/// Where a document came from, for messages and `articles.source_path`.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The path as given, or `-` for stdin.
    pub path: String,
    /// 1-based line for JSON Lines.
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.path, l),
            None => write!(f, "{}", self.path),
        }
    }
}

/// One thing read: a document or an error, with where it came from.
pub type Item = (Origin, Result<Document, ReadError>);

/// Format by file name: `.txt`, `.md`, `.html`, `.jsonl` (also under `.gz`).
pub fn format_from_name(name: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = Path::new(lower).extension()?.to_str()?;
    Some(match ext {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" | "json" => Format::Jsonl,
        _ => return None,
    })
}

/// Format by content, for stdin and files with other names.
pub fn sniff_format(head: &[u8]) -> Format {
    let start = String::from_utf8_lossy(&head[..head.len().min(2048)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if start.starts_with('{') {
        Format::Jsonl
    } else if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<?xml")
        || (start.starts_with('<')
            && (start.contains("<body") || start.contains("<head") || start.contains("<p")))
    {
        Format::Html
    } else if start.starts_with("---\n") || start.starts_with("# ") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Whether a file name is one the folder walk should read.
pub fn is_article_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(|n| !n.starts_with('.') && format_from_name(n).is_some())
        .unwrap_or(false)
}

/// Open a file (or stdin for `-`), decompressing `.gz` transparently.
pub fn open(path: &str) -> std::io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(PathBuf::from(path))?)
    };
    let mut buf = BufReader::with_capacity(1 << 16, raw);
    let head = buf.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(buf),
        )))
    } else {
        Ok(Box::new(buf))
    }
}

/// Decode article bytes: UTF-8 (BOM dropped), else Windows-1252 with a warning.
/// Returns the text and whether it had to fall back.
pub fn decode_text(bytes: &[u8]) -> Result<(String, bool), ReadError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary(pos));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), false)),
        Err(_) => {
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((s.into_owned(), true))
        }
    }
}

/// Read one whole-file article (text, Markdown or HTML) from bytes.
pub fn read_document(bytes: &[u8], format: Format) -> Result<(Document, bool), ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    let (doc, fell_back) = match format {
        Format::Html => {
            if let Some(pos) = binary_signature(bytes) {
                return Err(ReadError::Binary(pos));
            }
            (html::read_html(bytes), false)
        }
        Format::Text => {
            let (s, fb) = decode_text(bytes)?;
            let (title, byline, blocks) = text::lead_matter(text::blocks(&s), true);
            let meta = Metadata {
                title,
                byline: byline.into_iter().collect(),
                ..Metadata::default()
            };
            (
                Document {
                    meta,
                    blocks,
                    format,
                },
                fb,
            )
        }
        Format::Markdown => {
            let (s, fb) = decode_text(bytes)?;
            let (pairs, body) = markdown::front_matter(&s);
            let mut meta = Metadata::default();
            markdown::apply_front_matter(&mut meta, &pairs);
            if let Some(p) = meta.published.take() {
                meta.published = Some(normalise_date(&p));
            }
            let (title, blocks) = markdown::blocks(body);
            if meta.title.is_none() {
                meta.title = title;
            }
            // a "By ..." line under the headline, when the front matter names no author
            let (_, byline, blocks) = text::lead_matter(blocks, false);
            if meta.byline.is_empty() {
                meta.byline = byline.into_iter().collect();
            }
            (
                Document {
                    meta,
                    blocks,
                    format,
                },
                fb,
            )
        }
        Format::Jsonl => {
            let (s, fb) = decode_text(bytes)?;
            (jsonl::read_line(s.trim())?, fb)
        }
    };
    if doc.blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(ReadError::NoText);
    }
    let mut doc = doc;
    if doc.meta.input_hash.is_none() {
        doc.meta.input_hash = Some(crate::read::input_hash(bytes));
    }
    Ok((doc, fell_back))
}

/// A NUL byte or an image/archive signature at the start: not a page.
fn binary_signature(bytes: &[u8]) -> Option<usize> {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"\xff\xd8\xff",
        b"GIF8",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1f\x8b",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return Some(0);
    }
    bytes[..bytes.len().min(8192)].iter().position(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_content() {
        assert_eq!(format_from_name("a/b.JSONL.gz"), Some(Format::Jsonl));
        assert_eq!(format_from_name("story.md"), Some(Format::Markdown));
        assert_eq!(format_from_name("x.png"), None);
        assert_eq!(sniff_format(b"  {\"id\":1}"), Format::Jsonl);
        assert_eq!(sniff_format(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff_format(b"Plain words."), Format::Text);
    }

    #[test]
    fn bad_bytes() {
        assert!(matches!(
            read_document(b"", Format::Text),
            Err(ReadError::Empty)
        ));
        assert!(matches!(
            read_document(b"ab\0cd", Format::Text),
            Err(ReadError::Binary(2))
        ));
        assert!(matches!(
            read_document(b"\x89PNG\r\n", Format::Html),
            Err(ReadError::Binary(0))
        ));
        let (doc, fell_back) = read_document(b"Caf\xe9 society.", Format::Text).unwrap();
        assert!(fell_back);
        assert_eq!(doc.blocks[0].text, "Café society.");
    }
}
