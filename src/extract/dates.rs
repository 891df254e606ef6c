//! Dates written in article text. (Being written: see issue 4.)
use crate::model::Document;

/// The latest date the text mentions, as ISO 8601, if any.
pub fn latest_date_in(_doc: &Document) -> Option<String> {
    None
}

/// A date in one of the formats inputs carry, as ISO 8601. (Minimal until issue 4 lands.)
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.get(..10).is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()) {
        return Some(s.to_string());
    }
    None
}
