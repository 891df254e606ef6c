//! Re-run extraction over stored articles: after an upgrade of the extractors, the
//! archive catches up without the original files. Documents are read back in batches,
//! extracted on all cores, and replaced one transaction per batch.

use crate::archive::{Archive, Result};
use crate::extract::{extract, EXTRACTOR_VERSION};
use rayon::prelude::*;

/// Re-extract stale articles (all with `all`); returns how many were done.
pub fn reextract(archive: &mut Archive, all: bool, progress: impl FnMut(u64, u64)) -> Result<u64> {
    let ids = archive.stale_articles(EXTRACTOR_VERSION, all)?;
    run(archive, &ids, progress)
}

/// Re-extract these articles (after a manual correction), whatever their version.
pub fn reextract_ids(archive: &mut Archive, ids: &[i64]) -> Result<u64> {
    run(archive, ids, |_, _| {})
}

fn run(archive: &mut Archive, ids: &[i64], mut progress: impl FnMut(u64, u64)) -> Result<u64> {
    let total = ids.len() as u64;
    let mut done = 0u64;
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
        done += chunk.len() as u64;
        progress(done, total);
    }
    archive.prune_people()?;
    Ok(done)
}
