//! Whole articles: finding one by any of its names, reading stored documents back for
//! `reextract`, `show` and `export`, and pruning people no article refers to any more.

use super::load::normalise_url;
use super::outline;
use super::{Archive, Result};
use crate::model::Document;
use rusqlite::{params, OptionalExtension};

impl Archive {
    /// An article by numeric id, external id, or URL.
    pub fn find_article(&self, key: &str) -> Result<Option<i64>> {
        let conn = self.conn();
        if let Ok(id) = key.parse::<i64>() {
            if let Some(id) = conn
                .query_row("SELECT id FROM articles WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
            {
                return Ok(Some(id));
            }
        }
        // an article's own id is its identity (see `load::identity`)
        if let Some(id) = conn
            .query_row(
                "SELECT id FROM articles WHERE identity = ?1",
                [format!("id:{}", key.trim())],
                |r| r.get(0),
            )
            .optional()?
        {
            return Ok(Some(id));
        }
        if let Some(u) = normalise_url(key) {
            if let Some(id) = conn
                .query_row(
                    "SELECT id FROM articles WHERE identity = ?1",
                    [format!("url:{u}")],
                    |r| r.get(0),
                )
                .optional()?
            {
                return Ok(Some(id));
            }
        }
        // articles known by their own id still answer to their URL, however it is written
        let Some(wanted) = normalise_url(key) else {
            return Ok(None);
        };
        let stem = wanted.split('?').next().unwrap_or(&wanted).to_string();
        let mut st = conn.prepare("SELECT id, url FROM articles WHERE url LIKE ?1 ORDER BY id")?;
        let rows = st.query_map([format!("%{stem}%")], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (id, url) = row?;
            if normalise_url(&url).as_deref() == Some(wanted.as_str()) {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Ids of articles whose extraction is older than `version` (all of them with `all`).
    pub fn stale_articles(&self, version: i64, all: bool) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare("SELECT id FROM articles WHERE ?1 OR extractor_version < ?2 ORDER BY id")?;
        let ids = st
            .query_map(params![all, version], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    /// The stored documents of these articles (those whose raw input is readable).
    pub fn documents(&self, ids: &[i64]) -> Result<Vec<(i64, Document)>> {
        let mut st = self.conn().prepare_cached(
            "SELECT r.document, a.body FROM article_raw r JOIN articles a ON a.id = r.article_id
                  WHERE r.article_id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let stored: Option<(Vec<u8>, String)> = st
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some(doc) = stored.and_then(|(blob, body)| outline::unpack(&blob, &body)) {
                out.push((id, doc));
            }
        }
        Ok(out)
    }

    /// Delete people nothing refers to any more (after `reextract`), keeping those with
    /// manual aliases or merges.
    pub fn prune_people(&mut self) -> Result<usize> {
        Ok(self.conn().execute(
            "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM article_people)
               AND id NOT IN (SELECT person_id FROM quotes WHERE person_id IS NOT NULL)
               AND id NOT IN (SELECT photographer_id FROM captions WHERE photographer_id IS NOT NULL)
               AND id NOT IN (SELECT person_id FROM embeds WHERE person_id IS NOT NULL)
               AND id NOT IN (SELECT person_id FROM person_aliases WHERE origin = 'manual')
               AND id NOT IN (SELECT person_id FROM person_merges)",
            [],
        )?)
    }
}
