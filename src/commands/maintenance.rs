//! `check` and `backup`: is the archive sound, and a consistent copy of it.

use super::{print_rows, Outcome};
use crate::archive::{Archive, Cell};
use crate::cli::OutputArgs;
use std::path::Path;

pub fn check(db: &Path, out: OutputArgs) -> anyhow::Result<Outcome> {
    let archive = Archive::open_existing(db)?;
    let results = archive.check()?;
    let ok = results.iter().all(|(_, passed, _)| *passed);
    let rows = results
        .into_iter()
        .map(|(name, passed, detail)| {
            vec![
                Cell::text(name),
                Cell::text(if passed { "ok" } else { "FAILED" }),
                Cell::text(detail),
            ]
        })
        .collect();
    print_rows(&["check", "result", "detail"], rows, &out)?;
    if ok {
        Ok(Outcome::Ok)
    } else {
        anyhow::bail!("the archive failed a check (see above)")
    }
}

pub fn backup(db: &Path, to: &Path) -> anyhow::Result<Outcome> {
    let archive = Archive::open_read_only(db)?;
    archive.backup_to(to)?;
    eprintln!("morgue: copied {} to {}", db.display(), to.display());
    Ok(Outcome::Ok)
}
