//! Re-run extraction over stored articles: after an upgrade of the extractors, the
//! archive catches up without the original files. Documents are read back in batches,
//! extracted on all cores, and replaced one transaction per batch.

use crate::archive::{Archive, Result};
use crate::extract::{extract, EXTRACTOR_VERSION};
use rayon::prelude::*;

/// What a re-extraction did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reextracted {
    /// Articles extracted again and replaced.
    pub done: u64,
    /// Articles left as they were: their stored document could not be rebuilt (an
    /// outline that no longer fits the body), or extraction failed on it (a bug).
    pub left: Vec<i64>,
}

/// Re-extract stale articles (all with `all`).
pub fn reextract(
    archive: &mut Archive,
    all: bool,
    progress: impl FnMut(u64, u64),
) -> Result<Reextracted> {
    let ids = archive.stale_articles(EXTRACTOR_VERSION, all)?;
    run(archive, &ids, progress)
}

/// Re-extract these articles (after a manual correction), whatever their version.
pub fn reextract_ids(archive: &mut Archive, ids: &[i64]) -> Result<Reextracted> {
    run(archive, ids, |_, _| {})
}

fn run(
    archive: &mut Archive,
    ids: &[i64],
    mut progress: impl FnMut(u64, u64),
) -> Result<Reextracted> {
    let total = ids.len() as u64;
    let mut out = Reextracted::default();
    let mut seen = 0u64;
    for chunk in ids.chunks(1000) {
        let docs = archive.documents(chunk)?;
        let items: Vec<_> = docs
            .into_par_iter()
            .filter_map(|(id, doc)| {
                let ex = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&doc)))
                    .ok()?;
                Some((id, doc, ex))
            })
            .collect();
        archive.loader().replace_batch(&items)?;
        out.done += items.len() as u64;
        let replaced: std::collections::HashSet<i64> = items.iter().map(|(id, _, _)| *id).collect();
        out.left
            .extend(chunk.iter().filter(|id| !replaced.contains(id)));
        seen += chunk.len() as u64;
        progress(seen, total);
    }
    archive.prune_people()?;
    Ok(out)
}
