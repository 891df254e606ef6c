//! One formatter for every report: the same rows as a terminal table, CSV, TSV, JSON,
//! JSON Lines or Markdown, so the formats never disagree.
//!
//! CSV, TSV and JSON Lines stream row by row (an export of a million rows never sits in
//! memory); tables and Markdown need every row to size their columns (tables are laid out
//! in [`super::table`]). Text from articles is untrusted: control characters are shown
//! escaped on a terminal, never sent raw.

use super::table::TableStyle;
use crate::archive::{Cell, Row};
use std::io::{self, Write};

/// Output formats of every report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
    Markdown,
}

/// Where and how to write rows.
pub struct Sink<W: Write> {
    out: W,
    format: OutputFormat,
    /// The width tables fit and whether they are coloured.
    style: TableStyle,
    columns: Vec<String>,
    buffered: Vec<Row>,
    rows: usize,
    started: bool,
    /// Escape control characters even in CSV (stdout is a terminal).
    to_terminal: bool,
}

/// Control characters (other than a plain newline and tab) shown as visible escapes.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl<W: Write> Sink<W> {
    pub fn new(out: W, format: OutputFormat, style: TableStyle, to_terminal: bool) -> Self {
        Sink {
            out,
            format,
            style,
            columns: Vec::new(),
            buffered: Vec::new(),
            rows: 0,
            started: false,
            to_terminal,
        }
    }

    pub fn rows_written(&self) -> usize {
        self.rows
    }

    /// Set the column names (before the first row).
    pub fn columns(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        Ok(())
    }

    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        match self.format {
            OutputFormat::Csv | OutputFormat::Tsv => {
                let header = self.columns.clone();
                self.write_record(&header)?;
            }
            OutputFormat::Json => self.out.write_all(b"[")?,
            _ => {}
        }
        Ok(())
    }

    /// One CSV/TSV record, quoted as the format needs.
    fn write_record(&mut self, fields: &[String]) -> io::Result<()> {
        let tsv = self.format == OutputFormat::Tsv;
        let mut w = csv::WriterBuilder::new()
            .delimiter(if tsv { b'\t' } else { b',' })
            .quote_style(if tsv {
                csv::QuoteStyle::Never
            } else {
                csv::QuoteStyle::Necessary
            })
            .buffer_capacity(1024)
            .from_writer(Vec::new());
        w.write_record(fields)?;
        let bytes = w
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        self.out.write_all(&bytes)
    }

    fn cell_text(&self, c: &Cell) -> String {
        let s = c.display();
        match self.format {
            OutputFormat::Tsv => sanitize(&s)
                .replace('\\', "\\\\")
                .replace('\t', "\\t")
                .replace('\n', "\\n")
                .replace('\r', "\\r"),
            OutputFormat::Csv if self.to_terminal => sanitize(&s),
            _ => s,
        }
    }

    /// Write one row.
    pub fn row(&mut self, row: Row) -> io::Result<()> {
        self.start()?;
        self.rows += 1;
        match self.format {
            OutputFormat::Csv | OutputFormat::Tsv => {
                let rec: Vec<String> = row.iter().map(|c| self.cell_text(c)).collect();
                self.write_record(&rec)?;
            }
            OutputFormat::Jsonl => {
                let line = json_object(&self.columns, &row);
                self.out.write_all(line.as_bytes())?;
                self.out.write_all(b"\n")?;
            }
            OutputFormat::Json => {
                if self.rows > 1 {
                    self.out.write_all(b",")?;
                }
                self.out.write_all(b"\n  ")?;
                self.out
                    .write_all(json_object(&self.columns, &row).as_bytes())?;
            }
            OutputFormat::Table | OutputFormat::Markdown => self.buffered.push(row),
        }
        Ok(())
    }

    /// Finish the output (tables and Markdown are written here).
    pub fn finish(mut self) -> io::Result<()> {
        self.start()?;
        match self.format {
            OutputFormat::Json => {
                self.out
                    .write_all(if self.rows > 0 { b"\n]\n" } else { b"]\n" })?
            }
            OutputFormat::Table => {
                let table = self.render_table();
                self.out.write_all(table.as_bytes())?;
            }
            OutputFormat::Markdown => {
                let md = self.render_markdown();
                self.out.write_all(md.as_bytes())?;
            }
            _ => {}
        }
        self.out.flush()
    }

    fn render_table(&self) -> String {
        super::table::render(&self.columns, &self.buffered, self.style)
    }

    fn render_markdown(&self) -> String {
        let esc = |s: &str| sanitize(s).replace('|', "\\|").replace('\n', "<br>");
        let mut out = String::new();
        out.push_str(&format!(
            "| {} |\n",
            self.columns
                .iter()
                .map(|c| esc(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        out.push_str(&format!(
            "|{}\n",
            self.columns.iter().map(|_| "---|").collect::<String>()
        ));
        for row in &self.buffered {
            out.push_str(&format!(
                "| {} |\n",
                row.iter()
                    .map(|c| esc(&c.display()))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
        out
    }
}

/// `{"col": value, ...}` with the columns in their query order.
pub fn json_object(columns: &[String], row: &[Cell]) -> String {
    let mut s = String::from("{");
    for (i, (c, v)) in columns.iter().zip(row).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&serde_json::to_string(c).unwrap_or_default());
        s.push_str(": ");
        s.push_str(&serde_json::to_string(v).unwrap_or_else(|_| "null".into()));
    }
    s.push('}');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(format: OutputFormat) -> String {
        let mut buf = Vec::new();
        let mut sink = Sink::new(&mut buf, format, TableStyle::default(), false);
        sink.columns(&["name".into(), "n".into()]).unwrap();
        sink.row(vec![Cell::text("Ann \"A\", Lee"), Cell::Int(3)])
            .unwrap();
        sink.row(vec![Cell::text("tab\there"), Cell::Null]).unwrap();
        sink.finish().unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn every_format() {
        assert_eq!(
            render(OutputFormat::Csv),
            "name,n\n\"Ann \"\"A\"\", Lee\",3\ntab\there,\n"
        );
        assert_eq!(
            render(OutputFormat::Tsv),
            "name\tn\nAnn \"A\", Lee\t3\ntab\\there\t\n"
        );
        assert_eq!(
            render(OutputFormat::Jsonl),
            "{\"name\": \"Ann \\\"A\\\", Lee\", \"n\": 3}\n{\"name\": \"tab\\there\", \"n\": null}\n"
        );
        assert_eq!(
            render(OutputFormat::Json),
            "[\n  {\"name\": \"Ann \\\"A\\\", Lee\", \"n\": 3},\n  {\"name\": \"tab\\there\", \"n\": null}\n]\n"
        );
        assert_eq!(
            render(OutputFormat::Markdown),
            "| name | n |\n|---|---|\n| Ann \"A\", Lee | 3 |\n| tab\there |  |\n"
        );
        assert!(render(OutputFormat::Table).contains("Ann \"A\", Lee"));
    }

    #[test]
    fn escapes_terminal_control() {
        assert_eq!(sanitize("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(sanitize("plain\nline"), "plain\nline");
    }
}
