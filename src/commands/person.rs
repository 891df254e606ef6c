//! `person NAME` (a profile) and `people merge|alias|split` (manual corrections).

use super::{open_read, output_format, sections_json, write_sections, Outcome, Section};
use crate::archive::Archive;
use crate::cli::{PeopleAction, PersonArgs};
use crate::report::format::OutputFormat;
use std::io::Write;
use std::path::Path;

pub fn profile(db: &Path, a: PersonArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let (id, _) = archive
        .find_person(&a.name)?
        .ok_or_else(|| anyhow::anyhow!("no person {:?} in the archive", a.name))?;
    let format = output_format(&a.output);
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut sections = Vec::new();
    for (name, q) in crate::report::person_sections(id, a.quotes) {
        let (columns, rows) = archive.query_all(&q.sql, &q.params)?;
        sections.push(Section {
            name: name.to_string(),
            columns,
            rows,
        });
    }
    if matches!(format, OutputFormat::Json | OutputFormat::Jsonl) {
        writeln!(out, "{{{}}}", sections_json(&sections, "person").join(", "))?;
    } else {
        write_sections(&mut out, format, sections)?;
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
            let r = crate::reextract::reextract_ids(&mut archive, &articles)?;
            eprintln!(
                "morgue: {alias:?} is no longer {name}; re-extracted {} article(s)",
                r.done
            );
            return Ok(super::ingest::report_left(&r));
        }
    }
    Ok(Outcome::Ok)
}
