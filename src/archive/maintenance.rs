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
        let off: i64 = conn.query_row(COUNTS_DRIFT, [], |r| r.get(0))?;
        out.push((
            "report counts".into(),
            off == 0,
            format!("{off} counts differ from the rows they count"),
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
    /// Merge the full-text indexes of quotes and captions into one segment each, after
    /// `reextract` stored a large share of the archive again. Deleting and writing back
    /// every row leaves each word's old entries, their deletion markers and the new
    /// entries in separate segments that FTS5 merges only slowly: at a million articles,
    /// `search` of quotes took 140 ms after a full rewrite and 10-40 ms once merged
    /// (which took 13 s).
    pub fn merge_extraction_indexes(&self) -> Result<()> {
        for fts in ["quotes_fts", "captions_fts"] {
            self.conn()
                .execute(&format!("INSERT INTO {fts}({fts}) VALUES ('optimize')"), [])?;
        }
        Ok(())
    }

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

/// How many kept counts (migration V4) differ from a recount of the rows: zero in a
/// healthy archive, whatever wrote to it.
const COUNTS_DRIFT: &str = "
SELECT
  (SELECT count(*) FROM (
     SELECT person_id, count(*) AS quotes, count(DISTINCT article_id) AS articles FROM quotes
     WHERE person_id IS NOT NULL GROUP BY person_id
     EXCEPT SELECT person_id, quotes, articles FROM person_counts WHERE quotes > 0))
+ (SELECT count(*) FROM person_counts c WHERE c.quotes <> (SELECT count(*) FROM quotes q WHERE q.person_id = c.person_id))
+ (SELECT count(*) FROM (
     SELECT source_id, role, count(*) FROM article_sources GROUP BY source_id, role
     EXCEPT SELECT source_id, role, articles FROM source_counts WHERE articles > 0))
+ (SELECT count(*) FROM source_counts c WHERE c.articles <> (SELECT count(*) FROM article_sources x WHERE x.source_id = c.source_id AND x.role = c.role))
+ (SELECT count(*) FROM (
     SELECT substr(a.published_at, 1, 10) AS day, count(*) AS articles,
            sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id)) AS quotes
     FROM articles a WHERE a.published_at IS NOT NULL GROUP BY 1
     EXCEPT SELECT day, articles, quotes FROM day_counts WHERE articles > 0))
+ (SELECT count(*) FROM day_counts d WHERE d.articles <> (SELECT count(*) FROM articles a WHERE a.published_at >= d.day AND a.published_at < d.day || '~'))
";
