//! The report counts (`person_counts`, `source_counts`, `day_counts`) that the loader
//! adds to itself, once per transaction.
//!
//! Triggers kept these counts on every insert until migration V5, and they cost the
//! loader a third of its time: a statement with a trigger runs in a statement
//! savepoint, and every quote fired two of them. The loader knows exactly what it
//! inserts, so it sums the changes in memory and writes one upsert per person, source
//! and day just before it commits. Deletes and updates (reextract clearing an article,
//! people merge and split) keep their triggers: they are rare and must never be
//! forgotten. `morgue check` recounts everything from the rows.

use super::Result;
use rusqlite::{Connection, Params};
use std::collections::HashMap;

/// Counts to add when the transaction commits.
#[derive(Default)]
pub(super) struct CountDeltas {
    /// Person id -> (quotes, articles quoted in).
    people: HashMap<i64, (i64, i64)>,
    /// (source id, role) -> articles.
    sources: HashMap<(i64, &'static str), i64>,
    /// Day -> (articles, quotes).
    days: HashMap<String, (i64, i64)>,
}

/// The day of a `published_at` value, as the reports group it: its first ten
/// characters (`substr(published_at, 1, 10)` in SQL).
pub(super) fn day_of(published_at: &str) -> String {
    published_at.chars().take(10).collect()
}

impl CountDeltas {
    /// A new article published on `published_at`.
    pub(super) fn article(&mut self, published_at: Option<&str>) {
        if let Some(p) = published_at {
            self.days.entry(day_of(p)).or_default().0 += 1;
        }
    }

    /// A new link of an article to a source in a role.
    pub(super) fn source_link(&mut self, source_id: i64, role: &'static str) {
        *self.sources.entry((source_id, role)).or_default() += 1;
    }

    /// The quotes newly stored for one article (which had none): the speaker of each,
    /// and the day the article is published.
    pub(super) fn quotes(&mut self, speakers: &[Option<i64>], published_at: Option<&str>) {
        if speakers.is_empty() {
            return;
        }
        if let Some(p) = published_at {
            self.days.entry(day_of(p)).or_default().1 += speakers.len() as i64;
        }
        let mut seen: Vec<i64> = Vec::with_capacity(speakers.len());
        for &pid in speakers.iter().flatten() {
            let entry = self.people.entry(pid).or_default();
            entry.0 += 1;
            if !seen.contains(&pid) {
                seen.push(pid);
                entry.1 += 1;
            }
        }
    }

    /// Add everything to the count tables.
    pub(super) fn write(self, conn: &Connection) -> Result<()> {
        add_each(
            conn,
            "INSERT INTO person_counts (person_id, quotes, articles) VALUES (?1, ?2, ?3)
             ON CONFLICT (person_id) DO UPDATE SET quotes = quotes + excluded.quotes, articles = articles + excluded.articles",
            self.people.iter().map(|(&pid, &(q, a))| (pid, q, a)),
        )?;
        add_each(
            conn,
            "INSERT INTO source_counts (source_id, role, articles) VALUES (?1, ?2, ?3)
             ON CONFLICT (source_id, role) DO UPDATE SET articles = articles + excluded.articles",
            self.sources.iter().map(|(&(sid, role), &a)| (sid, role, a)),
        )?;
        // a day can only be added to: a row for it is created with what it has
        add_each(
            conn,
            "INSERT INTO day_counts (day, articles, quotes) VALUES (?1, ?2, ?3)
             ON CONFLICT (day) DO UPDATE SET articles = articles + excluded.articles, quotes = quotes + excluded.quotes",
            self.days.iter().map(|(day, &(a, q))| (day.as_str(), a, q)),
        )
    }
}

/// Run one upsert for every row.
fn add_each<P: Params>(
    conn: &Connection,
    upsert: &str,
    rows: impl Iterator<Item = P>,
) -> Result<()> {
    let mut st = conn.prepare_cached(upsert)?;
    for row in rows {
        st.execute(row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_counts_each_quote_and_each_article_once() {
        let mut d = CountDeltas::default();
        d.quotes(
            &[Some(1), Some(1), None, Some(2)],
            Some("2024-03-01T10:00:00Z"),
        );
        d.quotes(&[Some(1)], Some("2024-03-01"));
        assert_eq!(d.people[&1], (3, 2));
        assert_eq!(d.people[&2], (1, 1));
        assert_eq!(d.days["2024-03-01"], (0, 5));
    }

    #[test]
    fn days_are_the_first_ten_characters() {
        assert_eq!(day_of("2024-03-01T10:00:00Z"), "2024-03-01");
        assert_eq!(day_of("2024"), "2024");
        assert_eq!(day_of("éééééééééééé"), "éééééééééé");
    }
}
