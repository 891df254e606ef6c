//! Archive-level knowledge of organisations and places, and the rule that uses it.
//!
//! One article cannot tell "Philip Morris said" (a company) from "Cardenas said" (a
//! person): both read the same, so the person filter keeps both. The archive can: other
//! articles write "Philip Morris Cos Inc" or "shares of Philip Morris", or file from
//! "VERA CRUZ", and none gives Philip Morris an honorific, an age or a title. So the
//! loader records the names each article shows as organisations
//! (`article_organisations`), the places it names (`article_places`: its dateline's,
//! "Vera Cruz, Mexico") and whether it shows each person with personal evidence
//! (`article_people.personal`); at the end of each transaction, a person whose key is a
//! known organisation or place and whom no article shows as a person is removed. Their
//! quotes keep `speaker_text` with no person, as for any organisation that speaks.
//!
//! The rule looks only at what the transaction touched (the people it stored an
//! article for, and the organisation and place keys it stored), each through an index,
//! so a large archive ingests as fast as a small one. People corrected by hand (merges,
//! manual aliases, splits) are never removed.

use super::Result;
use crate::extract::people::person_key;
use crate::model::Extraction;
use rusqlite::{params, Connection, OptionalExtension, Statement};
use std::collections::{BTreeSet, HashSet};

/// What one transaction touched, for the rule to look at when it ends.
#[derive(Default)]
pub(super) struct Touched {
    /// People an article of this transaction names.
    people: BTreeSet<i64>,
    /// Organisation and place keys this transaction stored.
    keys: HashSet<String>,
}

impl Touched {
    /// An article of this transaction names person `id`.
    pub(super) fn person(&mut self, id: i64) {
        self.people.insert(id);
    }

    /// Store the organisations and places of article `id` (which has none stored), with
    /// the loader's statements inserting into `article_organisations` and `article_places`.
    pub(super) fn store<'c>(
        &mut self,
        organisation: &mut Statement<'c>,
        place: &mut Statement<'c>,
        id: i64,
        ex: &Extraction,
    ) -> Result<()> {
        for (st, names) in [(organisation, &ex.organisations), (place, &ex.places)] {
            for name in names {
                let key = person_key(name);
                if !key.is_empty() && st.execute(params![id, key, name.trim()])? > 0 {
                    self.keys.insert(key);
                }
            }
        }
        Ok(())
    }

    /// Remove the people this transaction touched, or whose key it made known, whose key
    /// is an organisation's or a place's and whom no article shows as a person. Runs
    /// after the transaction's counts are written (the rows removed take theirs along).
    /// Returns how many were removed.
    pub(super) fn apply(self, tx: &Connection) -> Result<usize> {
        let mut candidates = self.people;
        let mut by_key = tx.prepare_cached("SELECT id FROM people WHERE key = ?1")?;
        for key in &self.keys {
            if let Some(id) = by_key.query_row([key], |r| r.get(0)).optional()? {
                candidates.insert(id);
            }
        }
        // unknown evidence (NULL: stored before the archive recorded it) counts as evidence
        let mut remove = tx.prepare_cached(
            "DELETE FROM people WHERE id = ?1
               AND (EXISTS (SELECT 1 FROM article_organisations o WHERE o.key = people.key)
                    OR EXISTS (SELECT 1 FROM article_places d WHERE d.key = people.key))
               AND NOT EXISTS (SELECT 1 FROM article_people
                               WHERE person_id = ?1 AND (personal IS NULL OR personal <> 0))
               AND NOT EXISTS (SELECT 1 FROM person_merges WHERE person_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM person_aliases WHERE person_id = ?1 AND origin = 'manual')
               AND NOT EXISTS (SELECT 1 FROM person_splits WHERE person_id = ?1)",
        )?;
        let mut removed = 0;
        for id in candidates {
            removed += remove.execute([id])?;
        }
        Ok(removed)
    }
}
