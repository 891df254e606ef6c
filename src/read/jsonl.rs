//! JSON Lines from scrapers and exports: one article per line.
//!
//! Keys (unknown keys ignored): `id`, `url`, `title`, `text` | `body` | `maintext`,
//! `html` (a raw page, read by the HTML reader), `published` | `date` | `date_publish`,
//! `outlet` | `source` | `source_domain`, `byline` | `authors` (string or list), `language`.
//! Export lines from `morgue export` also carry `blocks`, which are read back exactly.

use super::{html, text, ReadError};
use crate::model::{Block, Document, Format};
use serde_json::Value;

/// Read one JSON line into a document.
pub fn read_line(line: &str) -> Result<Document, ReadError> {
    let v: Value = serde_json::from_str(line)
        .map_err(|e| ReadError::Invalid(format!("not valid JSON ({e})")))?;
    let Value::Object(obj) = v else {
        return Err(ReadError::Invalid("expected a JSON object".into()));
    };
    let s = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| match obj.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            // numeric ids are common in dumps; numbers elsewhere are wrong types
            Some(Value::Number(n)) if *k == "id" => Some(n.to_string()),
            _ => None,
        })
    };

    for key in ["text", "body", "maintext", "content", "html"] {
        if let Some(v) = obj.get(key).filter(|v| !v.is_string() && !v.is_null()) {
            let kind = match v {
                Value::Array(_) => "a list",
                Value::Object(_) => "an object",
                Value::Number(_) => "a number",
                _ => "not text",
            };
            return Err(ReadError::Invalid(format!(
                "`{key}` must be a string, not {kind}"
            )));
        }
    }
    let mut doc = if let Some(Value::Array(blocks)) = obj.get("blocks") {
        let blocks: Vec<Block> = blocks
            .iter()
            .filter_map(|b| serde_json::from_value(b.clone()).ok())
            .collect();
        Document {
            meta: Default::default(),
            blocks,
            format: Format::Jsonl,
        }
    } else if let Some(body) = s(&["text", "body", "maintext", "content"]) {
        Document {
            meta: Default::default(),
            blocks: text::blocks(&body),
            format: Format::Jsonl,
        }
    } else if let Some(page) = s(&["html"]) {
        let mut d = html::read_html(page.as_bytes());
        d.format = Format::Jsonl;
        d
    } else if s(&["title", "headline", "id"]).is_some() {
        // a title-only brief (wire services send many), or a record known only by its id:
        // stored with an empty body so the archive holds every record of a dump
        Document {
            meta: Default::default(),
            blocks: Vec::new(),
            format: Format::Jsonl,
        }
    } else {
        return Err(ReadError::Invalid(
            "no article text (none of the keys text, body, maintext, html, title, id)".into(),
        ));
    };

    let meta = &mut doc.meta;
    if let Some(v) = s(&["id"]) {
        meta.external_id = Some(v);
    }
    if let Some(v) = s(&["url", "canonical_url"]) {
        meta.url = Some(v);
    }
    if let Some(v) = s(&["title", "headline"]) {
        meta.title = Some(v);
    }
    if let Some(v) = s(&["published", "date", "date_publish", "published_at"]) {
        meta.published = Some(super::normalise_date(&v));
    }
    if let Some(v) = s(&["outlet", "source", "source_domain", "publisher"]) {
        meta.outlet = Some(v);
    }
    if let Some(v) = s(&["language", "lang"]) {
        meta.language = Some(v);
    }
    if let Some(v) = s(&["section"]) {
        meta.section = Some(v);
    }
    if let Some(v) = s(&["description"]) {
        meta.description = Some(v);
    }
    for key in ["byline", "authors", "author"] {
        match obj.get(key) {
            Some(Value::String(b)) if !b.trim().is_empty() => {
                meta.byline = vec![b.trim().to_string()];
                break;
            }
            Some(Value::Array(list)) => {
                let names: Vec<String> = list
                    .iter()
                    .filter_map(|x| x.as_str().map(|s| s.trim().to_string()))
                    .filter(|s| !s.is_empty())
                    .collect();
                if !names.is_empty() {
                    meta.byline = names;
                    break;
                }
            }
            _ => {}
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_ignores_unknown_ones() {
        let d = read_line(r#"{"id": 7, "url": "https://x.test/a", "title": "T", "maintext": "One.\n\nTwo.", "date_publish": "2021-03-04", "source_domain": "x.test", "authors": ["A B", "C D"], "extra": {"n": 1}}"#).unwrap();
        assert_eq!(d.meta.external_id.as_deref(), Some("7"));
        assert_eq!(d.meta.outlet.as_deref(), Some("x.test"));
        assert_eq!(d.meta.byline, vec!["A B", "C D"]);
        assert_eq!(d.meta.published.as_deref(), Some("2021-03-04"));
        assert_eq!(d.blocks.len(), 2);
    }

    #[test]
    fn wrong_types_and_missing_text_are_errors() {
        assert!(read_line("[1,2]").is_err());
        assert!(read_line(r#"{"url": "x"}"#).is_err());
        assert!(read_line(r#"{"id": "x"}"#).unwrap().blocks.is_empty());
        assert!(read_line(r#"{"text": 5}"#).is_err());
        assert!(read_line("{broken").is_err());
    }
}
