//! The archive: the one type that owns the SQLite connection.
//!
//! Everything that reads or writes the database goes through [`Archive`], so pragmas,
//! migrations, the read-only guarantees of `sql` and the loader's transaction policy
//! live in one place. Extractors never see a connection. Every connection gets the FTS5
//! ranking function `morgue_rank` (see `fts_rank`), which `search` uses instead of bm25.

mod articles;
mod corrections;
mod counts;
mod fts_rank;
mod known;
pub mod load;
mod maintenance;
mod organisations;
mod outline;
mod query;
mod sqlguard;

pub use fts_rank::NAME as RANK_FUNCTION;
pub use known::KnownInputs;
pub use load::{LoadOutcome, Loader};
pub use query::{Cell, Row};
pub use sqlguard::check_read_only;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// Errors the archive reports to users.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("no archive at {0}: create one with `morgue ingest FILE...` (or pick another with --db / MORGUE_DB)")]
    Missing(PathBuf),
    #[error("cannot create the folder for the archive {0}: {1}")]
    CreateDir(PathBuf, std::io::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot migrate the archive: {0}")]
    Migration(#[from] refinery::Error),
    #[error("{0}")]
    Refused(String),
    #[error("the query was stopped after {0} s (--timeout)")]
    Timeout(u64),
}

pub type Result<T> = std::result::Result<T, ArchiveError>;

/// SQLite said the database is busy or locked by another connection.
fn is_busy(e: &ArchiveError) -> bool {
    matches!(
        e,
        ArchiveError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// An open archive.
pub struct Archive {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Archive {
    /// Open (creating it and its folder if needed) and migrate to the latest schema.
    pub fn open(path: &Path) -> Result<Archive> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| ArchiveError::CreateDir(dir.to_path_buf(), e))?;
        }
        let conn = Connection::open(path)?;
        fts_rank::register(&conn)?;
        let mut archive = Archive {
            conn,
            path: Some(path.to_path_buf()),
        };
        // two processes creating one archive at once: while one switches the new file to
        // WAL, the other's switch can fail at once with "database is locked" (SQLite does
        // not wait there, to avoid a deadlock), so it is tried again a few times
        let mut attempts = 0;
        while let Err(e) = archive.set_pragmas(true) {
            if attempts >= 10 || !is_busy(&e) {
                return Err(e);
            }
            attempts += 1;
            std::thread::sleep(std::time::Duration::from_millis(20 * attempts));
        }
        archive.migrate()?;
        Ok(archive)
    }

    /// Open an existing archive for reading only (a read-only connection, `query_only`).
    pub fn open_read_only(path: &Path) -> Result<Archive> {
        if !path.exists() {
            return Err(ArchiveError::Missing(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        fts_rank::register(&conn)?;
        let archive = Archive {
            conn,
            path: Some(path.to_path_buf()),
        };
        archive
            .conn
            .busy_timeout(std::time::Duration::from_secs(10))?;
        archive.conn.pragma_update(None, "query_only", true)?;
        archive.check_schema()?;
        Ok(archive)
    }

    /// Open an existing archive for writing (corrections, reextract): it must exist.
    pub fn open_existing(path: &Path) -> Result<Archive> {
        if !path.exists() {
            return Err(ArchiveError::Missing(path.to_path_buf()));
        }
        Archive::open(path)
    }

    /// A fresh archive in memory, for tests.
    pub fn open_in_memory() -> Result<Archive> {
        let conn = Connection::open_in_memory()?;
        fts_rank::register(&conn)?;
        let mut archive = Archive { conn, path: None };
        archive.set_pragmas(false)?;
        archive.migrate()?;
        Ok(archive)
    }

    fn set_pragmas(&self, on_disk: bool) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // the loader keeps more than rusqlite's default 16 statements in use
        self.conn.set_prepared_statement_cache_capacity(64);
        if on_disk {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        self.conn.pragma_update(None, "cache_size", -65536)?;
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    /// Apply pending migrations; running it again is a no-op.
    pub fn migrate(&mut self) -> Result<()> {
        // two processes opening a new archive at once race to create the schema: the
        // loser's second attempt finds the migrations applied and has nothing to do
        let mut attempts = 0;
        loop {
            match embedded::migrations::runner()
                .set_grouped(true)
                .run(&mut self.conn)
            {
                Ok(_) => return Ok(()),
                Err(_) if attempts < 5 => {
                    attempts += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50 * attempts));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn check_schema(&self) -> Result<()> {
        let ok: bool = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'articles'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)?;
        if ok {
            Ok(())
        } else {
            Err(ArchiveError::Refused(format!(
                "{} is not a morgue archive (no articles table): create one with `morgue ingest`",
                self.path
                    .as_deref()
                    .unwrap_or(Path::new(":memory:"))
                    .display()
            )))
        }
    }

    /// The latest applied migration version.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM refinery_schema_history",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A second, read-only connection that tells which inputs are already stored (none
    /// for an archive in memory).
    pub fn known_inputs(&self) -> Option<KnownInputs> {
        KnownInputs::open(self.path.as_deref()?)
    }

    /// A loader writing batches in transactions.
    pub fn loader(&mut self) -> Loader<'_> {
        Loader::new(&mut self.conn)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrate_twice_is_a_no_op() {
        let mut a = Archive::open_in_memory().unwrap();
        let v = a.schema_version().unwrap();
        a.migrate().unwrap();
        assert_eq!(a.schema_version().unwrap(), v);
        assert!(v >= 1);
    }

    #[test]
    fn the_rank_function_works_on_every_kind_of_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.db");
        let q = "SELECT rowid, morgue_rank(articles_fts) FROM articles_fts
                 WHERE articles_fts MATCH 'harbour' ORDER BY morgue_rank(articles_fts)";
        {
            let a = Archive::open(&path).unwrap();
            a.conn()
                .execute_batch(
                    "INSERT INTO articles_fts(rowid, title, body) VALUES
                     (1, 'Harbour', 'harbour harbour harbour dredging'),
                     (2, 'Budget', 'roads schools parks and the harbour')",
                )
                .unwrap();
            assert_eq!(a.query_all(q, &[]).unwrap().1.len(), 2);
        }
        let ro = Archive::open_read_only(&path).unwrap();
        let (_, rows) = ro.query_all(q, &[]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], Cell::Int(1), "{rows:?}");
        assert!(matches!(rows[0][1], Cell::Real(r) if r < 0.0), "{rows:?}");
        let mem = Archive::open_in_memory().unwrap();
        assert!(mem.query_all(q, &[]).unwrap().1.is_empty());
    }

    #[test]
    fn missing_archive_for_reading_says_how_to_create_one() {
        let err = Archive::open_read_only(Path::new("/nonexistent/dir/x.db"))
            .err()
            .unwrap();
        assert!(err.to_string().contains("morgue ingest"));
    }
}
