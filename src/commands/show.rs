//! `show`: one article with everything extracted from it; quotes are marked in the body
//! with «» and captions listed with their credits.

use super::{open_read, output_format, sections_json, write_sections, Outcome, Section};
use crate::archive::{Archive, Cell};
use crate::cli::ShowArgs;
use crate::report::format::{sanitize, OutputFormat};
use std::io::Write;
use std::path::Path;

fn section(archive: &Archive, sql: &str, id: i64) -> anyhow::Result<(Vec<String>, Vec<Vec<Cell>>)> {
    Ok(archive.query_all(sql, &[Cell::Int(id)])?)
}

const SECTIONS: &[(&str, &str)] = &[
    ("article", "SELECT a.id, a.external_id, a.published_at, o.name AS outlet, a.title, a.byline, a.url, a.dateline_place, a.duplicate_of, a.source_path FROM articles a LEFT JOIN sources o ON o.id = a.outlet_id WHERE a.id = ?1"),
    ("quotes", "SELECT q.paragraph, COALESCE(p.name, q.speaker_text) AS speaker, q.speaker_text AS as_written, q.verb, q.kind, q.text, q.rule FROM quotes q LEFT JOIN people p ON p.id = q.person_id WHERE q.article_id = ?1 ORDER BY q.paragraph, q.char_start"),
    ("people", "SELECT p.id, p.name, group_concat(DISTINCT ap.relation) AS relations, (SELECT group_concat(role, '; ') FROM person_roles r WHERE r.person_id = p.id AND r.article_id = ?1) AS roles FROM article_people ap JOIN people p ON p.id = ap.person_id WHERE ap.article_id = ?1 GROUP BY p.id ORDER BY p.name"),
    ("sources", "SELECT s.name, s.kind, x.role FROM article_sources x JOIN sources s ON s.id = x.source_id WHERE x.article_id = ?1 ORDER BY x.role, s.name"),
    ("captions", "SELECT c.paragraph, c.text, c.credit, p.name AS photographer, s.name AS agency, c.provider, c.photo_date FROM captions c LEFT JOIN people p ON p.id = c.photographer_id LEFT JOIN sources s ON s.id = c.agency_id WHERE c.article_id = ?1 ORDER BY c.paragraph"),
    ("embeds", "SELECT platform, author, handle, url, posted_at, text FROM embeds WHERE article_id = ?1 ORDER BY paragraph"),
];

pub fn run(db: &Path, a: ShowArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let id = archive.find_article(&a.article)?.ok_or_else(|| {
        anyhow::anyhow!(
            "no article {:?} (give an id, an external id or a URL)",
            a.article
        )
    })?;
    let format = output_format(&a.output);
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut sections = Vec::new();
    for (name, sql) in SECTIONS {
        let (columns, rows) = section(&archive, sql, id)?;
        sections.push(Section {
            name: name.to_string(),
            columns,
            rows,
        });
    }
    if matches!(format, OutputFormat::Json | OutputFormat::Jsonl) {
        let mut parts = sections_json(&sections, "article");
        let body = archive
            .query_all("SELECT body FROM articles WHERE id = ?1", &[Cell::Int(id)])?
            .1;
        let body = body.first().map(|r| r[0].display()).unwrap_or_default();
        parts.push(format!("\"body\": {}", serde_json::to_string(&body)?));
        writeln!(out, "{{{}}}", parts.join(", "))?;
        out.flush()?;
        return Ok(Outcome::Ok);
    }
    let (cols, rows) = section(&archive, SECTIONS[0].1, id)?;
    if let Some(r) = rows.first() {
        for (c, v) in cols.iter().zip(r) {
            if *v != Cell::Null {
                writeln!(out, "{c:>15}: {}", sanitize(&v.display()))?;
            }
        }
    }
    writeln!(out)?;
    for doc in archive.documents(&[id])? {
        let (_, quotes) = section(
            &archive,
            "SELECT paragraph, char_start, char_end FROM quotes WHERE article_id = ?1 AND kind <> 'post'",
            id,
        )?;
        for (i, block) in doc.1.blocks.iter().enumerate() {
            let marks: Vec<(usize, usize)> = quotes
                .iter()
                .filter(|q| q[0] == Cell::Int(i as i64))
                .filter_map(|q| match (&q[1], &q[2]) {
                    (Cell::Int(s), Cell::Int(e)) => Some((*s as usize, *e as usize)),
                    _ => None,
                })
                .collect();
            let text = mark(&block.text, &marks);
            let label = match block.kind {
                crate::model::BlockKind::Heading => "## ",
                crate::model::BlockKind::Caption => "[caption] ",
                crate::model::BlockKind::Embed => "[embed] ",
                crate::model::BlockKind::Paragraph => "",
            };
            writeln!(out, "{label}{}\n", sanitize(&text))?;
        }
    }
    write_sections(&mut out, format, sections.split_off(1))?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// The text with each (start, end) character span wrapped in «», unless the text
/// already wraps it in guillemets (French and Swiss quotes would show doubled).
fn mark(text: &str, spans: &[(usize, usize)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wrapped = |s: &(usize, usize)| {
        s.0 > 0 && chars.get(s.0 - 1) == Some(&'«') && chars.get(s.1).is_some_and(|c| *c == '»')
    };
    let spans: Vec<(usize, usize)> = spans.iter().copied().filter(|s| !wrapped(s)).collect();
    let spans = spans.as_slice();
    let mut out = String::with_capacity(text.len() + spans.len() * 4);
    for (i, c) in text.chars().enumerate() {
        if spans.iter().any(|s| s.0 == i) {
            out.push('«');
        }
        if spans.iter().any(|s| s.1 == i && s.1 > s.0) {
            out.push('»');
        }
        out.push(c);
    }
    if spans
        .iter()
        .any(|s| s.1 >= text.chars().count() && s.1 > s.0)
    {
        out.push('»');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mark;

    #[test]
    fn quote_spans_are_marked_once() {
        assert_eq!(
            mark("He said yes today.", &[(3, 11)]),
            "He «said yes» today."
        );
        assert_eq!(mark("Il a dit «oui».", &[(10, 13)]), "Il a dit «oui».");
        assert_eq!(mark("oui", &[(0, 3)]), "«oui»");
    }
}
