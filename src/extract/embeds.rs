//! Embedded social posts. (Being written: see issue 4.)
use super::people::PeopleBook;
use crate::model::{Document, Embed};

/// Embedded posts in the document.
pub fn find_embeds(_doc: &Document, _people: &mut PeopleBook) -> Vec<Embed> {
    Vec::new()
}
