//! Manual corrections of people that survive `reextract`: merging two rows that are one
//! person, giving a person another name, and splitting a name off a person.
//!
//! Each correction is recorded by folded name (`person_merges`, `person_splits`,
//! manual `person_aliases`), and the loader consults those records before any automatic
//! matching, so re-running extraction reproduces the corrected archive.

use super::{Archive, ArchiveError, Result};
use crate::extract::people::person_key;
use rusqlite::{params, OptionalExtension, Transaction};

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Archive {
    /// The person a name or numeric id refers to: exact name, then a unique alias.
    pub fn find_person(&self, name_or_id: &str) -> Result<Option<(i64, String)>> {
        let conn = self.conn();
        if let Ok(id) = name_or_id.trim().parse::<i64>() {
            if let Some(p) = conn
                .query_row("SELECT id, name FROM people WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?
            {
                return Ok(Some(p));
            }
        }
        let key = person_key(name_or_id);
        if let Some(p) = conn
            .query_row("SELECT id, name FROM people WHERE key = ?1", [&key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
        {
            return Ok(Some(p));
        }
        let mut st = conn.prepare(
            "SELECT DISTINCT p.id, p.name FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE a.key = ?1 LIMIT 2",
        )?;
        let found: Vec<(i64, String)> = st
            .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        match found.len() {
            1 => Ok(found.into_iter().next()),
            0 => Ok(None),
            _ => Err(ArchiveError::Refused(format!(
                "{name_or_id:?} names more than one person: use the id (see `morgue people --person {name_or_id:?}`)"
            ))),
        }
    }

    fn person_or_err(&self, name: &str) -> Result<(i64, String)> {
        self.find_person(name)?
            .ok_or_else(|| ArchiveError::Refused(format!("no person {name:?} in the archive")))
    }

    /// Merge `from` into `into`: every quote, caption, embed, alias and role moves, and
    /// `from`'s names resolve to `into` from now on.
    pub fn merge_people(&mut self, into: &str, from: &str) -> Result<(String, String)> {
        let (keep, keep_name) = self.person_or_err(into)?;
        let (gone, gone_name) = self.person_or_err(from)?;
        if keep == gone {
            return Err(ArchiveError::Refused(format!(
                "{into:?} and {from:?} are already the same person"
            )));
        }
        let tx = self.conn_mut().transaction()?;
        merge_rows(&tx, keep, gone)?;
        tx.commit()?;
        Ok((keep_name, gone_name))
    }

    /// Record `alias` as another name of `name`; future articles using it resolve to them.
    pub fn add_alias(&mut self, name: &str, alias: &str) -> Result<String> {
        let (pid, pname) = self.person_or_err(name)?;
        let key = person_key(alias);
        if key.is_empty() {
            return Err(ArchiveError::Refused("an alias needs letters".into()));
        }
        let tx = self.conn_mut().transaction()?;
        if let Some(other) = tx
            .query_row(
                "SELECT id FROM people WHERE key = ?1 AND id <> ?2",
                params![key, pid],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
        {
            merge_rows(&tx, pid, other)?;
        }
        tx.execute(
            "INSERT INTO person_aliases (person_id, alias, key, origin) VALUES (?1, ?2, ?3, 'manual')
             ON CONFLICT (person_id, key) DO UPDATE SET origin = 'manual'",
            params![pid, alias.trim(), key],
        )?;
        tx.execute(
            "INSERT INTO person_merges (from_key, person_id, made_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (from_key) DO UPDATE SET person_id = excluded.person_id",
            params![key, pid, now()],
        )?;
        tx.execute(
            "DELETE FROM person_splits WHERE key = ?1 AND person_id = ?2",
            params![key, pid],
        )?;
        tx.commit()?;
        Ok(pname)
    }

    /// Forget that `alias` names `name`; returns the articles to re-extract so the name
    /// finds its own person.
    pub fn split_alias(&mut self, name: &str, alias: &str) -> Result<Vec<i64>> {
        let (pid, pname) = self.person_or_err(name)?;
        let key = person_key(alias);
        if key == person_key(&pname) {
            return Err(ArchiveError::Refused(format!(
                "{alias:?} is {pname}'s own name: split off one of the other aliases (see `morgue person {pname:?}`)"
            )));
        }
        let tx = self.conn_mut().transaction()?;
        let removed = tx.execute(
            "DELETE FROM person_aliases WHERE person_id = ?1 AND key = ?2",
            params![pid, key],
        )?;
        tx.execute(
            "DELETE FROM person_merges WHERE from_key = ?1 AND person_id = ?2",
            params![key, pid],
        )?;
        if removed == 0 {
            return Err(ArchiveError::Refused(format!(
                "{alias:?} is not an alias of {pname}"
            )));
        }
        tx.execute(
            "INSERT OR IGNORE INTO person_splits (key, person_id, made_at) VALUES (?1, ?2, ?3)",
            params![key, pid, now()],
        )?;
        let mut st =
            tx.prepare("SELECT DISTINCT article_id FROM article_people WHERE person_id = ?1")?;
        let ids: Vec<i64> = st
            .query_map([pid], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        drop(st);
        tx.commit()?;
        Ok(ids)
    }
}

/// Move every row of person `gone` to person `keep`, then delete `gone`.
fn merge_rows(tx: &Transaction, keep: i64, gone: i64) -> Result<()> {
    let p = params![keep, gone];
    tx.execute("UPDATE quotes SET person_id = ?1 WHERE person_id = ?2", p)?;
    tx.execute(
        "UPDATE captions SET photographer_id = ?1 WHERE photographer_id = ?2",
        p,
    )?;
    tx.execute("UPDATE embeds SET person_id = ?1 WHERE person_id = ?2", p)?;
    tx.execute(
        "INSERT INTO article_people (article_id, person_id, relation, mentions, personal)
         SELECT article_id, ?1, relation, mentions, personal FROM article_people WHERE person_id = ?2 AND true
         ON CONFLICT (article_id, person_id, relation) DO UPDATE SET mentions = mentions + excluded.mentions,
             personal = (personal OR excluded.personal)",
        p,
    )?;
    for table in [
        "person_aliases",
        "person_roles",
        "person_handles",
        "caption_people",
    ] {
        tx.execute(
            &format!("UPDATE OR IGNORE {table} SET person_id = ?1 WHERE person_id = ?2"),
            p,
        )?;
    }
    tx.execute(
        "INSERT INTO person_merges (from_key, person_id, made_at)
         SELECT key, ?1, ?3 FROM person_aliases WHERE person_id = ?1
         UNION SELECT key, ?1, ?3 FROM people WHERE id = ?2
         ON CONFLICT (from_key) DO UPDATE SET person_id = excluded.person_id",
        params![keep, gone, now()],
    )?;
    tx.execute(
        "DELETE FROM person_merges WHERE from_key = (SELECT key FROM people WHERE id = ?1)",
        [keep],
    )?;
    tx.execute(
        "UPDATE person_merges SET person_id = ?1 WHERE person_id = ?2",
        p,
    )?;
    tx.execute("DELETE FROM people WHERE id = ?1", [gone])?;
    Ok(())
}
