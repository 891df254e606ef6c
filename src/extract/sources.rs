//! Wire credits, agencies and datelines. (Being written: see issue 4.)
use crate::model::{Caption, Dateline, Document, SourceLink};

/// Author names from a byline, without outlet names and other junk.
pub fn clean_byline(byline: &[String], _outlet: Option<&str>) -> Vec<String> {
    byline.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

/// Sources the article credits (wire services, photo agencies) and its dateline.
pub fn find_sources(_doc: &Document, _captions: &[Caption]) -> (Vec<SourceLink>, Option<Dateline>) {
    (Vec::new(), None)
}
