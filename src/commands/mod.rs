//! One module per subcommand, each a thin `run` over the library, plus what they share:
//! where the archive is, and how rows reach stdout.
//!
//! `--color` is kept for the whole run in [`COLOR`] rather than passed to every command:
//! like the terminal itself, it is one fact about the process that only the table
//! formatter reads.

mod export;
mod ingest;
mod maintenance;
mod misc;
mod person;
mod reports;
mod show;

use crate::archive::{Archive, Cell};
use crate::cli::{Cli, Command, OutputArgs};
use crate::report::format::{json_object, OutputFormat, Sink};
use crate::report::table::{self, ColorChoice, TableStyle};
use crate::report::Query;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The `--color` of this run.
static COLOR: OnceLock<ColorChoice> = OnceLock::new();

/// How a command ended: exit code 0, or 1 when some inputs were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Partial,
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let _ = COLOR.set(cli.color);
    let db = database_path(cli.db);
    match cli.command {
        Command::Ingest(a) => ingest::run(&db, a),
        Command::Reextract(a) => ingest::reextract(&db, a),
        Command::Articles(a) => reports::articles(&db, a),
        Command::Show(a) => show::run(&db, a),
        Command::Quotes(a) => reports::quotes(&db, a),
        Command::People(a) => match a.action {
            Some(action) => person::correct(&db, action),
            None => reports::people(&db, a),
        },
        Command::Person(a) => person::profile(&db, a),
        Command::Timeline(a) => reports::timeline(&db, a),
        Command::Check(a) => maintenance::check(&db, a),
        Command::Backup { path } => maintenance::backup(&db, &path),
        Command::Sources(a) => reports::sources(&db, a),
        Command::Captions(a) => reports::captions(&db, a),
        Command::Search(a) => reports::search(&db, a),
        Command::Sql(a) => misc::sql(&db, a),
        Command::Schema => misc::schema(),
        Command::Export(a) => export::run(&db, a),
        Command::Stats(a) => reports::stats(&db, a),
        Command::Completions { shell } => misc::completions(shell),
    }
}

/// `--db`, else `MORGUE_DB` (both via clap), else `$XDG_DATA_HOME/morgue/archive.db`,
/// else `~/.local/share/morgue/archive.db`.
pub fn database_path(given: Option<PathBuf>) -> PathBuf {
    if let Some(p) = given.filter(|p| !p.as_os_str().is_empty()) {
        return p;
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("morgue").join("archive.db")
}

/// Open for reading; a missing archive is a clear error.
pub fn open_read(db: &std::path::Path) -> anyhow::Result<Archive> {
    Ok(Archive::open_read_only(db)?)
}

fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// The chosen format, else a table on a terminal and TSV in a pipe.
pub fn output_format(args: &OutputArgs) -> OutputFormat {
    args.format.unwrap_or(if stdout_is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Tsv
    })
}

/// How tables look in this run: the width from `COLUMNS` or the terminal, colour from
/// `--color`, `NO_COLOR` and the terminal.
fn table_style() -> TableStyle {
    let terminal = stdout_is_terminal();
    let columns = std::env::var("COLUMNS").ok();
    let terminal_size = || comfy_table::Table::new().width().map(usize::from);
    TableStyle {
        width: table::table_width(columns.as_deref(), terminal, terminal_size),
        color: table::color_enabled(
            COLOR.get().copied().unwrap_or_default(),
            std::env::var_os("NO_COLOR").as_deref(),
            terminal,
        ),
    }
}

/// A sink on stdout for these output arguments.
pub fn sink(args: &OutputArgs) -> Sink<std::io::BufWriter<std::io::Stdout>> {
    Sink::new(
        std::io::BufWriter::new(std::io::stdout()),
        output_format(args),
        table_style(),
        stdout_is_terminal(),
    )
}

/// Run a report query and print its rows. With `shown`, the query was built to return
/// one row more than that (see [`one_more`]): the extra row is not printed, but tells that
/// the list was cut, which stderr then says with how to see the rest.
pub fn print_query(
    archive: &Archive,
    q: &Query,
    out: &OutputArgs,
    shown: Option<usize>,
) -> anyhow::Result<()> {
    let mut sink = sink(out);
    let mut io_err: Option<std::io::Error> = None;
    let mut cols_set = false;
    let mut cut = false;
    archive.query_each(&q.sql, &q.params, None, |cols, row| {
        if shown.is_some_and(|l| sink.rows_written() >= l) {
            cut = true;
            return false;
        }
        if !cols_set {
            cols_set = true;
            if let Err(e) = sink.columns(cols) {
                io_err = Some(e);
                return false;
            }
        }
        match sink.row(row) {
            Ok(()) => true,
            Err(e) => {
                io_err = Some(e);
                false
            }
        }
    })?;
    if let Some(e) = io_err {
        return Err(e.into());
    }
    if !cols_set {
        let (cols, _) =
            archive.query_all(&format!("SELECT * FROM ({}) LIMIT 0", q.sql), &q.params)?;
        sink.columns(&cols)?;
    }
    sink.finish()?;
    if let (true, Some(l)) = (cut, shown) {
        eprintln!("{}", limit_notice(l));
    }
    Ok(())
}

/// The rows to show (`--limit`, else the report's default) and the row limit to put in
/// the query: one more, so that [`print_query`] can tell whether the list was cut.
pub fn one_more(limit: Option<usize>, default: usize) -> (usize, usize) {
    let shown = limit.unwrap_or(default);
    (shown, shown.saturating_add(1))
}

/// What stderr says when rows were left out.
fn limit_notice(shown: usize) -> String {
    let more = shown.saturating_mul(2).max(10);
    format!("morgue: showing the first {shown} rows; more match (--limit {more} shows more)")
}

/// Print rows that a command built itself.
pub fn print_rows(columns: &[&str], rows: Vec<Vec<Cell>>, out: &OutputArgs) -> anyhow::Result<()> {
    let mut sink = sink(out);
    sink.columns(&columns.iter().map(|s| s.to_string()).collect::<Vec<_>>())?;
    for r in rows {
        sink.row(r)?;
    }
    sink.finish()?;
    Ok(())
}

/// Write a line to stdout (a closed pipe surfaces as an error the caller maps to exit 0).
pub fn say(line: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")
}

/// A named part of a composite answer (an article's quotes, a person's roles).
pub struct Section {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// `"name": [rows...]` for each section; the section named `single` is one object.
pub fn sections_json(sections: &[Section], single: &str) -> Vec<String> {
    sections
        .iter()
        .map(|s| {
            let items: Vec<String> = s.rows.iter().map(|r| json_object(&s.columns, r)).collect();
            let value = if s.name == single {
                items.first().cloned().unwrap_or_else(|| "null".into())
            } else {
                format!("[{}]", items.join(", "))
            };
            format!(
                "{}: {value}",
                serde_json::to_string(&s.name).unwrap_or_default()
            )
        })
        .collect()
}

/// Each non-empty section as `== name` and its rows in `format`.
pub fn write_sections(
    out: &mut impl Write,
    format: OutputFormat,
    sections: Vec<Section>,
) -> std::io::Result<()> {
    for s in sections {
        if s.rows.is_empty() {
            continue;
        }
        writeln!(out, "== {}", s.name)?;
        let mut sink = Sink::new(&mut *out, format, table_style(), true);
        sink.columns(&s.columns)?;
        for r in s.rows {
            sink.row(r)?;
        }
        sink.finish()?;
        writeln!(out)?;
    }
    Ok(())
}
