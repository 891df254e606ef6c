//! `person NAME` (a profile) and `people merge|alias|split` (manual corrections).

use super::{open_read, output_format, Outcome};
use crate::archive::Archive;
use crate::cli::{PeopleAction, PersonArgs};
use crate::report::format::{json_object, OutputFormat, Sink};
use std::io::Write;
use std::path::Path;

pub fn profile(db: &Path, a: PersonArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let (id, _) = archive
        .find_person(&a.name)?
        .ok_or_else(|| anyhow::anyhow!("no person {:?} in the archive", a.name))?;
    let format = output_format(&a.output);
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let sections = crate::report::person_sections(id, a.quotes);
    if matches!(format, OutputFormat::Json | OutputFormat::Jsonl) {
        let mut parts = Vec::new();
        for (name, q) in &sections {
            let (cols, rows) = archive.query_all(&q.sql, &q.params)?;
            let items: Vec<String> = rows.iter().map(|r| json_object(&cols, r)).collect();
            let value = if *name == "person" {
                items.first().cloned().unwrap_or_else(|| "null".into())
            } else {
                format!("[{}]", items.join(", "))
            };
            parts.push(format!("{}: {value}", serde_json::to_string(name)?));
        }
        writeln!(out, "{{{}}}", parts.join(", "))?;
        out.flush()?;
        return Ok(Outcome::Ok);
    }
    for (name, q) in &sections {
        let (cols, rows) = archive.query_all(&q.sql, &q.params)?;
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "== {name}")?;
        let mut sink = Sink::new(&mut out, format, super::terminal_width(), true);
        sink.columns(&cols)?;
        for r in rows {
            sink.row(r)?;
        }
        sink.finish()?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

pub fn correct(db: &Path, action: PeopleAction) -> anyhow::Result<Outcome> {
    let mut archive = Archive::open_existing(db)?;
    match action {
        PeopleAction::Merge { into, from } => {
            let (kept, gone) = archive.merge_people(&into, &from)?;
            eprintln!("morgue: merged {gone} into {kept}");
        }
        PeopleAction::Alias { name, alias } => {
            let who = archive.add_alias(&name, &alias)?;
            eprintln!("morgue: {alias:?} is now an alias of {who}");
        }
        PeopleAction::Split { name, alias } => {
            let articles = archive.split_alias(&name, &alias)?;
            let n = crate::reextract::reextract_ids(&mut archive, &articles)?;
            eprintln!("morgue: {alias:?} is no longer {name}; re-extracted {n} article(s)");
        }
    }
    Ok(Outcome::Ok)
}
