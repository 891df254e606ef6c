//! Photo captions and credits. (Being written: see issue 4.)
use super::people::PeopleBook;
use crate::model::{Caption, Document};

/// Caption blocks of the document with their parsed credits.
pub fn find_captions(_doc: &Document, _people: &mut PeopleBook) -> Vec<Caption> {
    Vec::new()
}
