//! How a document is kept for `reextract` without a second copy of its text.
//!
//! Extraction needs the document as the reader made it (blocks with their kinds, the
//! captions and posts that were moved out of the body, the metadata). The body's
//! paragraphs are already in `articles.body`, so the stored outline keeps, for each of
//! them, only its length there; everything else is kept whole. Rebuilding walks the
//! body with those lengths, and refuses (rather than guesses) when they do not fit.
//!
//! Archives written before outlines hold the whole document as deflated JSON; those are
//! still read.

use crate::model::{Block, BlockKind, Document, Format, Metadata};
use serde::{Deserialize, Serialize};

/// Starts every outline; a deflated legacy document never does.
const MAGIC: &[u8] = b"MORGUE-OUTLINE-1\n";

/// Paragraphs of the body are separated by this in `articles.body`.
const SEPARATOR: &str = "\n\n";

#[derive(Serialize, Deserialize)]
struct Outline {
    meta: Metadata,
    format: Format,
    blocks: Vec<Part>,
}

/// One block of the outline. Most are body paragraphs, kept as a bare length so that an
/// outline costs a few bytes a paragraph.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Part {
    /// A plain paragraph of the body: its length in bytes there.
    Paragraph(usize),
    /// Any other block of the body: the block without its text, and that length.
    Body { block: Block, body_len: usize },
    /// A block outside the body (a caption, an embed, ...), whole.
    Kept(Block),
}

/// The outline of `doc`, where `in_body[i]` says block `i` is a paragraph of the stored
/// body (in order, joined by blank lines).
pub fn pack(doc: &Document, in_body: &[bool]) -> Vec<u8> {
    let blocks = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let plain = b.kind == BlockKind::Paragraph
                && b.credit.is_none()
                && b.url.is_none()
                && b.platform.is_none();
            match in_body.get(i).copied().unwrap_or(false) {
                true if plain => Part::Paragraph(b.text.len()),
                true => Part::Body {
                    block: Block {
                        text: String::new(),
                        ..b.clone()
                    },
                    body_len: b.text.len(),
                },
                false => Part::Kept(b.clone()),
            }
        })
        .collect();
    let outline = Outline {
        meta: doc.meta.clone(),
        format: doc.format,
        blocks,
    };
    let mut out = MAGIC.to_vec();
    // serialising plain data into memory cannot fail
    let _ = serde_json::to_writer(&mut out, &outline);
    out
}

/// The document back from its outline and the stored body; `None` when the outline is
/// unreadable or does not fit the body.
pub fn unpack(bytes: &[u8], body: &str) -> Option<Document> {
    let Some(json) = bytes.strip_prefix(MAGIC) else {
        return unpack_legacy(bytes);
    };
    let outline: Outline = serde_json::from_slice(json).ok()?;
    let mut cursor = 0usize;
    let mut blocks = Vec::with_capacity(outline.blocks.len());
    for part in outline.blocks {
        let (mut block, len) = match part {
            Part::Paragraph(len) => (Block::paragraph(""), len),
            Part::Body { block, body_len } => (block, body_len),
            Part::Kept(block) => {
                blocks.push(block);
                continue;
            }
        };
        // the body joins paragraphs with a separator once it holds any text
        if cursor > 0 {
            cursor += SEPARATOR.len();
            if body.get(cursor - SEPARATOR.len()..cursor) != Some(SEPARATOR) {
                return None;
            }
        }
        block.text = body.get(cursor..cursor.checked_add(len)?)?.to_string();
        cursor += len;
        blocks.push(block);
    }
    (cursor == body.len()).then_some(Document {
        meta: outline.meta,
        blocks,
        format: outline.format,
    })
}

/// A whole document as deflated JSON, as archives before outlines kept it.
fn unpack_legacy(bytes: &[u8]) -> Option<Document> {
    let dec = flate2::read::DeflateDecoder::new(bytes);
    serde_json::from_reader(dec).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let mut caption = Block::new(BlockKind::Caption, "Boats in the harbour.");
        caption.credit = Some("Ana Ruiz/AP".into());
        Document {
            meta: Metadata {
                title: Some("Ferries stop".into()),
                ..Metadata::default()
            },
            blocks: vec![
                Block::paragraph("OSLO - Ferries stopped."),
                caption,
                Block::new(BlockKind::Heading, "Talks"),
                Block {
                    url: Some("https://example.org/a".into()),
                    ..Block::paragraph("A linked paragraph.")
                },
                Block::paragraph("“We wait,” she said. Ünïcödé…"),
            ],
            format: Format::Html,
        }
    }

    fn body_of(doc: &Document, in_body: &[bool]) -> String {
        let mut out = String::new();
        for (b, _) in doc.blocks.iter().zip(in_body).filter(|(_, &k)| k) {
            if !out.is_empty() {
                out.push_str(SEPARATOR);
            }
            out.push_str(&b.text);
        }
        out
    }

    #[test]
    fn round_trip_through_the_body() {
        let d = doc();
        let in_body = [true, false, true, true, true];
        let body = body_of(&d, &in_body);
        let packed = pack(&d, &in_body);
        assert!(
            !String::from_utf8_lossy(&packed).contains("Ferries stopped"),
            "body text is not stored twice"
        );
        assert_eq!(unpack(&packed, &body), Some(d));
    }

    #[test]
    fn empty_blocks_and_a_body_that_does_not_fit() {
        let mut d = doc();
        d.blocks.insert(0, Block::paragraph(""));
        let in_body = [true, true, false, true, true, true];
        let body = body_of(&d, &in_body);
        let packed = pack(&d, &in_body);
        assert_eq!(unpack(&packed, &body), Some(d));
        assert_eq!(unpack(&packed, &format!("{body}!")), None);
        assert_eq!(unpack(&packed, "short"), None);
        assert_eq!(
            unpack(&packed, "OSLO - Ferries stopped. Talks and more"),
            None
        );
    }

    #[test]
    fn legacy_documents_are_read() {
        use std::io::Write;
        let d = doc();
        let json = serde_json::to_vec(&d).unwrap();
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&json).unwrap();
        let legacy = enc.finish().unwrap();
        assert_eq!(unpack(&legacy, "anything"), Some(d));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64), body in "\\PC{0,40}") {
            let mut with_magic = MAGIC.to_vec();
            with_magic.extend(&bytes);
            let _ = unpack(&with_magic, &body);
            let _ = unpack(&bytes, &body);
        }
    }
}
