//! Re-run extraction over stored articles: after an upgrade of the extractors, the
//! archive catches up without the original files. Documents are read back in batches,
//! extracted on all cores, and replaced one transaction per batch; the next batch is
//! extracted while the current one is written. An article whose extraction comes out as
//! it was stored (the same fingerprint) is left as it is, so an upgrade that changes a
//! few articles rewrites those few.

use crate::archive::load::{extraction_hash, Reextraction};
use crate::archive::{Archive, Result};
use crate::extract::{extract, EXTRACTOR_VERSION};
use rayon::prelude::*;

/// What a re-extraction did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reextracted {
    /// Articles extracted again.
    pub done: u64,
    /// Of those, the articles whose extraction came out as it was stored: left as they
    /// were, with only their extractor version brought up to date.
    pub unchanged: u64,
    /// Articles left as they were: their stored document could not be rebuilt (an
    /// outline that no longer fits the body), or extraction failed on it (a bug).
    pub left: Vec<i64>,
}

/// Where a re-extraction is, for a progress display: the batches, then the full scans
/// that can follow them (seconds at a million articles, with nothing else to show).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `done` of `total` articles extracted again.
    Extracted { done: u64, total: u64 },
    /// Removing the people no stored article names any more.
    PruningPeople,
    /// Merging the quote and caption full-text indexes after a large rewrite.
    MergingIndexes,
}

/// Re-extract stale articles (all with `all`). Only the articles whose extraction
/// changed are stored again, unless `rewrite` asks for all of them.
pub fn reextract(
    archive: &mut Archive,
    all: bool,
    rewrite: bool,
    progress: impl FnMut(Step),
) -> Result<Reextracted> {
    let ids = archive.stale_articles(EXTRACTOR_VERSION, all)?;
    run(archive, &ids, rewrite, progress)
}

/// Re-extract and store again these articles (after a manual correction, which changes
/// who their people are though not what extraction finds), whatever their version.
pub fn reextract_ids(archive: &mut Archive, ids: &[i64]) -> Result<Reextracted> {
    run(archive, ids, true, |_| {})
}

/// Articles read, extracted and replaced together.
const BATCH: usize = 1000;

/// One batch extracted.
type Extracted = Vec<Reextraction>;

fn run(
    archive: &mut Archive,
    ids: &[i64],
    rewrite: bool,
    mut progress: impl FnMut(Step),
) -> Result<Reextracted> {
    let total = ids.len() as u64;
    let mut out = Reextracted::default();
    let mut seen = 0u64;
    let mut chunks = ids.chunks(BATCH);
    let mut current = match chunks.next() {
        Some(chunk) => Some((chunk, extract_all(archive.documents(chunk)?))),
        None => None,
    };
    while let Some((chunk, items)) = current.take() {
        let next_chunk = chunks.next();
        let next_docs = match next_chunk {
            Some(c) => Some(archive.documents(c)?),
            None => None,
        };
        // the next batch is extracted on the other cores while this one is written
        let (written, next_items) = std::thread::scope(|scope| {
            let extracting = next_docs.map(|docs| scope.spawn(move || extract_all(docs)));
            let written = archive.loader().replace_batch(&items, rewrite);
            (written, extracting.map(|h| h.join().unwrap_or_default()))
        });
        out.unchanged += written?;
        out.done += items.len() as u64;
        let replaced: std::collections::HashSet<i64> = items.iter().map(|r| r.id).collect();
        out.left
            .extend(chunk.iter().filter(|id| !replaced.contains(id)));
        seen += chunk.len() as u64;
        progress(Step::Extracted { done: seen, total });
        current = next_chunk.zip(next_items);
    }
    // only articles stored again can have left people behind
    let rewritten = out.done - out.unchanged;
    if rewritten > 0 {
        progress(Step::PruningPeople);
        archive.prune_people()?;
    }
    // a quarter of the archive or more stored again leaves its full-text indexes slow to
    // search until merged (smaller rewrites are merged along the way by FTS5 itself)
    let stored = archive.query_i64("SELECT count(*) FROM articles", &[])?;
    if rewritten > 0 && rewritten as i64 * 4 >= stored {
        progress(Step::MergingIndexes);
        archive.merge_extraction_indexes()?;
    }
    Ok(out)
}

/// Extract a batch on all cores, with each extraction's fingerprint; an article whose
/// extraction panics (a bug) is left out.
fn extract_all(docs: Vec<(i64, crate::model::Document)>) -> Extracted {
    docs.into_par_iter()
        .filter_map(|(id, doc)| {
            let extraction =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&doc))).ok()?;
            Some(Reextraction {
                id,
                extraction_hash: extraction_hash(&extraction),
                doc,
                extraction,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, IngestOptions};

    fn archive_of(articles: usize) -> (tempfile::TempDir, Archive) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("articles.jsonl");
        let lines: Vec<String> = (0..articles)
            .map(|n| {
                serde_json::json!({
                    "id": format!("step-{n}"),
                    "title": format!("Harbour plan {n}"),
                    "text": format!("“The harbour will reopen in week {n},” said Mara Quint, the port director.\n\nWork began on Monday."),
                })
                .to_string()
            })
            .collect();
        std::fs::write(&input, lines.join("\n")).unwrap();
        let mut archive = Archive::open_in_memory().unwrap();
        let summary = ingest(
            &mut archive,
            &[input.display().to_string()],
            &IngestOptions::default(),
            |_| {},
        )
        .unwrap();
        assert_eq!(summary.stored, articles as u64);
        (dir, archive)
    }

    #[test]
    fn a_rewrite_reports_its_batches_then_the_scans_after_them() {
        let (_dir, mut archive) = archive_of(3);
        let mut steps = Vec::new();
        let r = reextract(&mut archive, true, true, |s| steps.push(s)).unwrap();
        assert_eq!(r.done, 3);
        assert_eq!(
            steps,
            vec![
                Step::Extracted { done: 3, total: 3 },
                Step::PruningPeople,
                Step::MergingIndexes
            ]
        );
    }

    #[test]
    fn nothing_changed_means_no_scans_after_the_batches() {
        let (_dir, mut archive) = archive_of(2);
        let mut steps = Vec::new();
        let r = reextract(&mut archive, true, false, |s| steps.push(s)).unwrap();
        assert_eq!((r.done, r.unchanged), (2, 2));
        assert_eq!(steps, vec![Step::Extracted { done: 2, total: 2 }]);
    }
}
