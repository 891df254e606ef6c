//! Read queries: the rows reports and `sql` print, streamed to a callback so that big
//! results never sit in memory, with an optional time limit.

use super::{Archive, ArchiveError, Result};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::ToSql;
use serde::Serialize;
use std::time::Duration;

/// One value of a result row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The value as text for table, CSV and Markdown output (`""` for null).
    pub fn display(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(f) => {
                if f.fract() == 0.0 && f.abs() < 1e15 {
                    format!("{f:.1}")
                } else {
                    format!("{}", (f * 1e6).round() / 1e6)
                }
            }
            Cell::Text(s) => s.clone(),
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Real(_))
    }
}

impl From<ValueRef<'_>> for Cell {
    fn from(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Cell::Text(format!("<blob {} bytes>", b.len())),
        }
    }
}

impl ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Cell::Null => ToSqlOutput::Owned(rusqlite::types::Value::Null),
            Cell::Int(i) => ToSqlOutput::from(*i),
            Cell::Real(f) => ToSqlOutput::from(*f),
            Cell::Text(s) => ToSqlOutput::from(s.as_str()),
        })
    }
}

pub type Row = Vec<Cell>;

impl Archive {
    /// Run one query, handing each row to `each` (which returns `false` to stop early).
    /// With `timeout`, a query still running after that long is interrupted.
    pub fn query_each(
        &self,
        sql: &str,
        params: &[Cell],
        timeout: Option<Duration>,
        mut each: impl FnMut(&[String], Row) -> bool,
    ) -> Result<()> {
        let conn = self.conn();
        // a watchdog thread interrupts the query when the time limit passes
        let (done, finished) = std::sync::mpsc::channel::<()>();
        let watchdog = timeout.map(|limit| {
            let handle = conn.get_interrupt_handle();
            std::thread::spawn(move || {
                if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                    finished.recv_timeout(limit)
                {
                    handle.interrupt();
                }
            })
        });
        let result = (|| -> Result<()> {
            let mut stmt = conn.prepare(sql)?;
            if !stmt.readonly() {
                return Err(ArchiveError::Refused(
                    "this statement would change the archive: `sql` only reads".into(),
                ));
            }
            let columns: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
            let n = columns.len();
            let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
            while let Some(r) = rows.next()? {
                let row: Row = (0..n)
                    .map(|i| r.get_ref(i).map(Cell::from).unwrap_or(Cell::Null))
                    .collect();
                if !each(&columns, row) {
                    break;
                }
            }
            Ok(())
        })();
        drop(done);
        if let Some(w) = watchdog {
            let _ = w.join();
        }
        match result {
            Err(ArchiveError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                if e.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                Err(ArchiveError::Timeout(
                    timeout.map(|t| t.as_secs()).unwrap_or(0),
                ))
            }
            other => other,
        }
    }

    /// The names of the columns a query returns, without running it.
    pub fn column_names(&self, sql: &str) -> Result<Vec<String>> {
        let stmt = self.conn().prepare(sql)?;
        Ok(stmt.column_names().map(|s| s.to_string()).collect())
    }

    /// Run one query and collect its rows.
    pub fn query_all(&self, sql: &str, params: &[Cell]) -> Result<(Vec<String>, Vec<Row>)> {
        let mut cols = Vec::new();
        let mut rows = Vec::new();
        let mut got_cols = false;
        self.query_each(sql, params, None, |c, r| {
            if !got_cols {
                cols = c.to_vec();
                got_cols = true;
            }
            rows.push(r);
            true
        })?;
        if !got_cols {
            cols = self
                .conn()
                .prepare(sql)?
                .column_names()
                .map(|s| s.to_string())
                .collect();
        }
        Ok((cols, rows))
    }

    /// The first column of the first row, as an integer.
    pub fn query_i64(&self, sql: &str, params: &[Cell]) -> Result<i64> {
        Ok(self
            .conn()
            .query_row(sql, rusqlite::params_from_iter(params.iter()), |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .unwrap_or(0))
    }

    /// Run a statement that changes the archive (manual corrections), in a transaction.
    pub fn execute_batch_tx(&mut self, statements: &[(&str, Vec<Cell>)]) -> Result<usize> {
        let tx = self.conn_mut().transaction()?;
        let mut changed = 0;
        for (sql, params) in statements {
            changed += tx.execute(sql, rusqlite::params_from_iter(params.iter()))?;
        }
        tx.commit()?;
        Ok(changed)
    }
}
