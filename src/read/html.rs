//! Saved web pages. (Being written: see issue 6.)
use crate::model::{Document, Format, Metadata};

/// Read one HTML page.
pub fn read_html(_bytes: &[u8]) -> Document {
    Document {
        meta: Metadata::default(),
        blocks: Vec::new(),
        format: Format::Html,
    }
}
