//! Keeping the archive sound: checks that prove nothing is broken, and online backups
//! through SQLite's backup API (consistent even while an ingest writes).

use super::{Archive, ArchiveError, Result};
use rusqlite::Connection;
use std::path::Path;

impl Archive {
    /// Every check with whether it passed and a detail line.
    pub fn check(&self) -> Result<Vec<(String, bool, String)>> {
        let conn = self.conn();
        let mut out = Vec::new();
        let integrity: Vec<String> = conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        out.push((
            "integrity".into(),
            integrity == ["ok"],
            integrity.join("; "),
        ));
        let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?;
        out.push((
            "foreign keys".into(),
            fk == 0,
            format!("{fk} rows pointing nowhere"),
        ));
        for fts in ["articles_fts", "quotes_fts", "captions_fts"] {
            let r = conn.execute(
                &format!("INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"),
                [],
            );
            out.push((
                format!("full-text index {fts}"),
                r.is_ok(),
                r.err().map(|e| e.to_string()).unwrap_or_default(),
            ));
        }
        let orphans: i64 = conn.query_row(
            "SELECT (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_raw))
                  + (SELECT count(*) FROM article_raw WHERE article_id NOT IN (SELECT id FROM articles))",
            [],
            |r| r.get(0),
        )?;
        out.push((
            "stored inputs".into(),
            orphans == 0,
            format!("{orphans} articles without their input or inputs without an article"),
        ));
        let loose: i64 = conn.query_row(
            "SELECT count(*) FROM people WHERE id NOT IN (SELECT person_id FROM article_people)
               AND id NOT IN (SELECT person_id FROM person_aliases WHERE origin = 'manual')",
            [],
            |r| r.get(0),
        )?;
        out.push((
            "people".into(),
            true,
            format!("{loose} people in no article"),
        ));
        Ok(out)
    }

    /// Copy the archive to `to` with the backup API; refuses to overwrite the archive itself.
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        if let (Some(from), Ok(dest)) = (self.path(), to.canonicalize()) {
            if from.canonicalize().ok().as_deref() == Some(dest.as_path()) {
                return Err(ArchiveError::Refused(
                    "the backup would overwrite the archive itself".into(),
                ));
            }
        }
        if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| ArchiveError::CreateDir(dir.to_path_buf(), e))?;
        }
        let mut dest = Connection::open(to)?;
        let backup = rusqlite::backup::Backup::new(self.conn(), &mut dest)?;
        backup.run_to_completion(1024, std::time::Duration::from_millis(5), None)?;
        Ok(())
    }
}
