//! Which inputs the archive already holds, asked before extraction.
//!
//! Re-ingesting a dump is common (a scraper's file grows, a folder is ingested again),
//! and an input whose identity is stored is left as it is. Extraction is most of the
//! cost of an article, so the reader asks first, on a second, read-only connection of
//! its own (WAL lets it read beside the writer), and only new inputs are extracted. It
//! sees what is committed; an input stored earlier in the same run is still caught by
//! the writer, so this only saves work and never changes what is stored.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// A read-only view of the stored identities.
pub struct KnownInputs {
    conn: Connection,
}

impl KnownInputs {
    /// Open a second connection to the archive at `path` (None if it cannot be opened:
    /// then every input is extracted, as without this).
    pub fn open(path: &Path) -> Option<KnownInputs> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).ok()?;
        Some(KnownInputs { conn })
    }

    /// Whether the input of this [`identity`](super::load::identity) is stored and
    /// would be left unchanged. An input known by its own id or by its hash is; one
    /// known by its URL is compared by the hash of its body, which needs extraction, so
    /// it is never taken as known here.
    pub fn holds(&self, ident: &str) -> bool {
        if ident.starts_with("url:") {
            return false;
        }
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE identity = ?1")
            .and_then(|mut st| st.exists([ident]))
            .unwrap_or(false)
    }
}
