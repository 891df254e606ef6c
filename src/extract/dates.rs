//! Dates written in article text. (Being written: see issue 4.)
use crate::model::Document;

/// The latest date the text mentions, as ISO 8601, if any.
pub fn latest_date_in(_doc: &Document) -> Option<String> {
    None
}
