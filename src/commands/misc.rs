//! `sql`, `schema` and `completions`.

use super::{open_read, sink, Outcome};
use crate::archive::check_read_only;
use crate::cli::{Cli, SqlArgs};
use std::io::Read;
use std::path::Path;

pub fn sql(db: &Path, a: SqlArgs) -> anyhow::Result<Outcome> {
    let query = if a.query == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        a.query.clone()
    };
    check_read_only(&query).map_err(|why| anyhow::anyhow!("refused: {why}"))?;
    let archive = open_read(db)?;
    let mut out = sink(&a.output);
    let mut io_err = None;
    let mut cols_set = false;
    archive.query_each(
        &query,
        &[],
        a.timeout.map(std::time::Duration::from_secs),
        |cols, row| {
            if !cols_set {
                cols_set = true;
                let _ = out.columns(cols);
            }
            match out.row(row) {
                Ok(()) => true,
                Err(e) => {
                    io_err = Some(e);
                    false
                }
            }
        },
    )?;
    if let Some(e) = io_err {
        return Err(e.into());
    }
    // no rows: the header still says what the columns are
    if !cols_set {
        out.columns(&archive.column_names(&query)?)?;
    }
    out.finish()?;
    Ok(Outcome::Ok)
}

/// The documented schema: every table and view as created.
pub fn schema() -> anyhow::Result<Outcome> {
    let archive = crate::archive::Archive::open_in_memory()?;
    let (_, rows) = archive.query_all(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'view')
           AND name NOT LIKE '%fts_%' AND name NOT LIKE 'refinery%' ORDER BY type DESC, rowid",
        &[],
    )?;
    for r in rows {
        super::say(&format!("{};\n", r[0].display()))?;
    }
    Ok(Outcome::Ok)
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "morgue", &mut std::io::stdout());
    Ok(Outcome::Ok)
}
