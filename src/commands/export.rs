//! `export`: whole articles as JSON Lines that `ingest` reads back into an equal archive
//! (metadata, the stored blocks, and what was extracted, for readers of the file), or one
//! table as CSV. Never capped.

use super::{open_read, Outcome};
use crate::archive::Cell;
use crate::cli::{ExportArgs, ExportFormat, OutputArgs};
use crate::report::format::{json_object, OutputFormat};
use crate::report::{self, Filters};
use std::io::Write;
use std::path::Path;

pub fn run(db: &Path, a: ExportArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = Filters {
        outlet: a.filters.outlet.clone(),
        source: a.filters.source.clone(),
        person: a.filters.person.clone(),
        since: a.filters.since.clone(),
        until: a.filters.until.clone(),
        text: None,
        limit: Some(a.filters.limit.unwrap_or(usize::MAX >> 2)),
    };
    if a.format == ExportFormat::Csv {
        let sql = match a.table.as_str() {
            "quotes" => "SELECT * FROM quote_view ORDER BY quote_id",
            "captions" => "SELECT * FROM caption_view ORDER BY caption_id",
            "articles" => "SELECT * FROM article_view ORDER BY id",
            "sources" => "SELECT * FROM article_source_view ORDER BY article_id",
            "people" => "SELECT p.id, p.name, (SELECT group_concat(alias, '; ') FROM person_aliases x WHERE x.person_id = p.id) AS aliases FROM people p ORDER BY p.id",
            "embeds" => "SELECT * FROM embeds ORDER BY id",
            other => anyhow::bail!("no table {other:?} to export (articles, quotes, people, captions, embeds, sources)"),
        };
        let q = report::Query {
            sql: sql.into(),
            params: vec![],
        };
        super::print_query(
            &archive,
            &q,
            &OutputArgs {
                format: Some(OutputFormat::Csv),
            },
            None,
        )?;
        return Ok(Outcome::Ok);
    }
    f.text = None;
    let ids_query = report::articles(&f);
    let (_, rows) = archive.query_all(
        &format!("SELECT id FROM ({}) ORDER BY id", ids_query.sql),
        &ids_query.params,
    )?;
    let ids: Vec<i64> = rows
        .iter()
        .filter_map(|r| {
            if let Cell::Int(i) = r[0] {
                Some(i)
            } else {
                None
            }
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for chunk in ids.chunks(500) {
        for (id, doc) in archive.documents(chunk)? {
            let (cols, meta) = archive.query_all(
                "SELECT a.external_id, a.url, a.title, a.published_at, o.name AS outlet, a.language, a.section, a.description
                 FROM articles a LEFT JOIN sources o ON o.id = a.outlet_id WHERE a.id = ?1",
                &[Cell::Int(id)],
            )?;
            let Some(m) = meta.first() else { continue };
            let mut obj = serde_json::Map::new();
            let keys = [
                "id",
                "url",
                "title",
                "published",
                "outlet",
                "language",
                "section",
                "description",
            ];
            for (k, v) in keys.iter().zip(m) {
                if *v != Cell::Null {
                    obj.insert(k.to_string(), serde_json::to_value(v)?);
                }
            }
            let _ = cols;
            if !doc.meta.byline.is_empty() {
                obj.insert("byline".into(), serde_json::to_value(&doc.meta.byline)?);
            }
            obj.insert("format".into(), serde_json::to_value(doc.format)?);
            obj.insert("blocks".into(), serde_json::to_value(&doc.blocks)?);
            for (key, sql) in [
                ("quotes", "SELECT speaker, role, text, verb, kind FROM quote_view WHERE article_id = ?1 ORDER BY quote_id"),
                ("captions", "SELECT text, credit, photographer, agency, provider, photo_date FROM caption_view WHERE article_id = ?1 ORDER BY caption_id"),
                ("embeds", "SELECT platform, author, handle, url, posted_at, text FROM embeds WHERE article_id = ?1 ORDER BY id"),
                ("sources", "SELECT source AS name, kind, role FROM article_source_view WHERE article_id = ?1"),
            ] {
                let (c, rows) = archive.query_all(sql, &[Cell::Int(id)])?;
                let items: Vec<serde_json::Value> =
                    rows.iter().filter_map(|r| serde_json::from_str(&json_object(&c, r)).ok()).collect();
                obj.insert(key.into(), serde_json::Value::Array(items));
            }
            serde_json::to_writer(&mut out, &obj)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
