//! Named reports: each is a query (SQL text and parameters) built from the user's
//! filters, run by the archive and printed by the one formatter in [`format`].
//!
//! Filters name people and sources the way users write them ("Blinken", "associated
//! press"); they are folded to the archive's keys here, so every report matches the same
//! way. Full-text input is escaped into FTS5 phrases unless the user asks for raw syntax.

pub mod format;
pub mod table;

use crate::archive::{Cell, RANK_FUNCTION};
use crate::extract::people::person_key;

/// A query ready to run.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub sql: String,
    pub params: Vec<Cell>,
}

/// Filters shared by the article, quote and caption reports.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub outlet: Option<String>,
    pub source: Option<String>,
    pub person: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub text: Option<String>,
    pub limit: Option<usize>,
}

/// User words as an FTS5 query: every word a quoted phrase, so `Jean-Pierre`, `AFP/Getty`
/// and `U.S.` just search. `raw` passes FTS5 syntax through.
pub fn fts_query(input: &str, raw: bool) -> String {
    if raw {
        return input.to_string();
    }
    input
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Builder {
    wheres: Vec<String>,
    params: Vec<Cell>,
}

impl Builder {
    fn new() -> Self {
        Builder {
            wheres: Vec::new(),
            params: Vec::new(),
        }
    }
    fn param(&mut self, v: impl Into<String>) -> String {
        self.params.push(Cell::Text(v.into()));
        format!("?{}", self.params.len())
    }
    fn push(&mut self, clause: String) {
        self.wheres.push(clause);
    }
    fn where_sql(&self) -> String {
        if self.wheres.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.wheres.join(" AND "))
        }
    }
    /// Dates compare as ISO text: `until` includes the whole day.
    fn dates(&mut self, col: &str, f: &Filters) {
        if let Some(s) = &f.since {
            let p = self.param(s.clone());
            self.push(format!("{col} >= {p}"));
        }
        if let Some(u) = &f.until {
            let p = self.param(format!("{u}~"));
            self.push(format!("{col} < {p}"));
        }
    }
    fn outlet(&mut self, article_col: &str, f: &Filters) {
        if let Some(o) = &f.outlet {
            let p = self.param(source_filter_key(o));
            // an equality on the article's outlet lets articles_outlet deliver rows in date order
            if article_col == "a.id" {
                self.push(format!(
                    "a.outlet_id = (SELECT id FROM sources WHERE key = {p})"
                ));
            } else {
                self.push(format!("{article_col} IN (SELECT a2.id FROM articles a2 WHERE a2.outlet_id = (SELECT id FROM sources WHERE key = {p}))"));
            }
        }
    }
    fn source(&mut self, article_col: &str, f: &Filters) {
        if let Some(s) = &f.source {
            let p = self.param(source_filter_key(s));
            self.push(format!(
                "{article_col} IN (SELECT x.article_id FROM article_sources x JOIN sources s3 ON s3.id = x.source_id WHERE s3.key = {p} OR s3.key IN (SELECT key FROM sources WHERE name LIKE {p}))"
            ));
        }
    }
    /// `clause(ids)` for the people a name refers to, when a name is given.
    fn person(&mut self, name: Option<&str>, clause: impl Fn(&str) -> String) {
        if let Some(n) = name {
            let ids = person_ids(self, n);
            self.push(clause(&ids));
        }
    }
    /// Rows whose `id_col` is among the full-text matches of the user's words.
    fn words(&mut self, id_col: &str, fts_table: &str, text: Option<&String>) {
        if let Some(t) = text {
            let p = self.param(fts_query(t, false));
            self.push(format!(
                "{id_col} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH {p})"
            ));
        }
    }
    fn into_query(self, sql: String) -> Query {
        Query {
            sql,
            params: self.params,
        }
    }
    fn limit(&mut self, f: &Filters, default: usize) -> String {
        format!("LIMIT {}", f.limit.unwrap_or(default))
    }
}

/// The archive key of a source as a user names it: "associated press" is AP.
fn source_filter_key(name: &str) -> String {
    let canonical = crate::extract::sources::agencies::lookup(name)
        .map(|a| a.name)
        .unwrap_or(name);
    crate::archive::load::source_key(canonical)
}

/// One row per (article, person): `mentions` is repeated on each relation row of
/// `article_people`, so counting goes through this.
const PER_ARTICLE: &str =
    "(SELECT article_id, person_id, max(mentions) AS mentions FROM article_people GROUP BY article_id, person_id)";

/// SQL matching the people a name refers to: the folded full name, an alias, or a surname.
fn person_ids(b: &mut Builder, name: &str) -> String {
    let k = person_key(name);
    let p = b.param(k.clone());
    let s = b.param(format!("% {k}"));
    format!("(SELECT person_id FROM person_aliases WHERE key = {p} OR key LIKE {s} UNION SELECT id FROM people WHERE key = {p} OR key LIKE {s})")
}

/// `articles`: newest first, filtered.
pub fn articles(f: &Filters) -> Query {
    let mut b = Builder::new();
    b.dates("a.published_at", f);
    b.outlet("a.id", f);
    b.source("a.id", f);
    b.person(f.person.as_deref(), |ids| {
        format!("a.id IN (SELECT article_id FROM article_people WHERE person_id IN {ids})")
    });
    b.words("a.id", "articles_fts", f.text.as_ref());
    let sql = format!(
        "SELECT a.id, a.published_at AS date, o.name AS outlet, a.title, a.byline,
                (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, a.url
         FROM articles a LEFT JOIN sources o ON o.id = a.outlet_id
         {} ORDER BY a.published_at DESC, a.id DESC {}",
        b.where_sql(),
        b.limit(f, 50)
    );
    b.into_query(sql)
}

/// `quotes`: who said what, where and when.
/// How many quotes a speaker must have before `quotes --person` walks articles newest
/// first instead of sorting all of the speaker's quotes by date.
const MANY_QUOTES: i64 = 2_000;

/// `quotes`, planned for the archive at hand: for a much-quoted speaker, articles are
/// walked newest first and the first quotes found are the answer (a few thousand index
/// probes); for others, the speaker's own quotes are fetched and sorted. Either way the
/// rows are the same; only the time differs (at a million articles, the most quoted
/// person has tens of thousands of quotes).
pub fn quotes(
    archive: &crate::archive::Archive,
    f: &Filters,
    kind: Option<&str>,
    article: Option<i64>,
    explain: bool,
) -> crate::archive::Result<Query> {
    let many = match (&f.person, article) {
        (Some(name), None) => {
            let mut b = Builder::new();
            let ids = person_ids(&mut b, name);
            let q = b.into_query(format!(
                "SELECT coalesce(sum(quotes), 0) FROM person_counts WHERE person_id IN {ids}"
            ));
            archive.query_i64(&q.sql, &q.params)? > MANY_QUOTES
        }
        _ => false,
    };
    Ok(quotes_planned(f, kind, article, explain, many))
}

fn quotes_planned(
    f: &Filters,
    kind: Option<&str>,
    article: Option<i64>,
    explain: bool,
    newest_first: bool,
) -> Query {
    let mut b = Builder::new();
    b.dates("a.published_at", f);
    b.outlet("a.id", f);
    b.source("a.id", f);
    b.person(f.person.as_deref(), |ids| format!("q.person_id IN {ids}"));
    b.words("q.id", "quotes_fts", f.text.as_ref());
    if let Some(k) = kind {
        let p = b.param(k);
        b.push(format!("q.kind = {p}"));
    }
    if let Some(id) = article {
        b.params.push(Cell::Int(id));
        b.push(format!("q.article_id = ?{}", b.params.len()));
    }
    // CROSS JOIN keeps articles the outer loop, read by date from articles_published
    let from = if newest_first {
        "articles a INDEXED BY articles_published CROSS JOIN quotes q ON q.article_id = a.id"
    } else {
        "quotes q JOIN articles a ON a.id = q.article_id"
    };
    let explain_cols = if explain {
        ", q.speaker_text AS as_written, q.verb, q.rule, round(q.confidence, 2) AS confidence, q.paragraph"
    } else {
        ""
    };
    let sql = format!(
        "SELECT q.id, a.published_at AS date, o.name AS outlet, COALESCE(p.name, q.speaker_text) AS speaker,
                COALESCE(q.role, (SELECT group_concat(r.role, '; ') FROM person_roles r WHERE r.person_id = q.person_id AND r.article_id = q.article_id)) AS role,
                q.text AS quote, q.kind{explain_cols}, a.id AS article
         FROM {from}
         LEFT JOIN people p ON p.id = q.person_id LEFT JOIN sources o ON o.id = a.outlet_id
         {} ORDER BY a.published_at DESC, q.article_id DESC, q.paragraph, q.char_start {}",
        b.where_sql(),
        b.limit(f, 50)
    );
    b.into_query(sql)
}

/// What `people` ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeopleBy {
    Quotes,
    Articles,
    Mentions,
}

/// `people`: the most quoted (or most present) people.
pub fn people(f: &Filters, by: PeopleBy) -> Query {
    let mut b = Builder::new();
    b.dates("a.published_at", f);
    b.outlet("a.id", f);
    b.source("a.id", f);
    b.person(f.person.as_deref(), |ids| format!("p.id IN {ids}"));
    let sql = match by {
        // unfiltered, the counts kept beside the people answer (migration V4)
        PeopleBy::Quotes | PeopleBy::Articles if b.wheres.is_empty() => format!(
            "SELECT p.id, p.name, c.quotes, c.articles,
                    (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM person_aliases x WHERE x.person_id = p.id AND x.alias <> p.name LIMIT 5)) AS aliases
             FROM person_counts c JOIN people p ON p.id = c.person_id
             WHERE c.quotes > 0 ORDER BY c.{} DESC, p.name {}",
            if by == PeopleBy::Quotes { "quotes" } else { "articles" },
            b.limit(f, 20)
        ),
        PeopleBy::Quotes | PeopleBy::Articles => format!(
            "SELECT p.id, p.name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
                    (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM person_aliases x WHERE x.person_id = p.id AND x.alias <> p.name LIMIT 5)) AS aliases
             FROM quotes q JOIN people p ON p.id = q.person_id JOIN articles a ON a.id = q.article_id
             {} GROUP BY p.id ORDER BY {} DESC, p.name {}",
            b.where_sql(),
            if by == PeopleBy::Quotes { "quotes" } else { "articles" },
            b.limit(f, 20)
        ),
        PeopleBy::Mentions => format!(
            "SELECT p.id, p.name, sum(ap.mentions) AS mentions, count(*) AS articles,
                    (SELECT group_concat(DISTINCT relation) FROM article_people x WHERE x.person_id = p.id) AS relations
             FROM {PER_ARTICLE} ap JOIN people p ON p.id = ap.person_id JOIN articles a ON a.id = ap.article_id
             {} GROUP BY p.id ORDER BY mentions DESC, p.name {}",
            b.where_sql(),
            b.limit(f, 20)
        ),
    };
    b.into_query(sql)
}

/// `sources`: outlets and agencies with article counts per role.
pub fn sources(f: &Filters) -> Query {
    let mut b = Builder::new();
    b.dates("a.published_at", f);
    b.outlet("a.id", f);
    // unfiltered, the counts kept per source and role answer (migration V4); filtered,
    // (article, source, role) is the primary key, so count(*) is the number of articles
    let counts = if b.wheres.is_empty() {
        "SELECT source_id, role, articles FROM source_counts WHERE articles > 0".to_string()
    } else {
        format!(
            "SELECT x.source_id, x.role, count(*) AS articles FROM article_sources x
             JOIN articles a ON a.id = x.article_id {} GROUP BY x.source_id, x.role",
            b.where_sql()
        )
    };
    let sql = format!(
        "SELECT s.name, s.kind, c.role, c.articles
         FROM ({counts}) c
         JOIN sources s ON s.id = c.source_id ORDER BY c.articles DESC, s.name {}",
        b.limit(f, 100)
    );
    b.into_query(sql)
}

/// `captions`: photos by agency, photographer, people shown, words.
pub fn captions(f: &Filters, agency: Option<&str>, photographer: Option<&str>) -> Query {
    let mut b = Builder::new();
    b.dates("a.published_at", f);
    b.outlet("a.id", f);
    if let Some(ag) = agency {
        let p = b.param(source_filter_key(ag));
        b.push(format!("s.key = {p}"));
    }
    b.person(photographer, |ids| format!("c.photographer_id IN {ids}"));
    b.person(f.person.as_deref(), |ids| {
        format!("c.id IN (SELECT caption_id FROM caption_people WHERE person_id IN {ids})")
    });
    b.words("c.id", "captions_fts", f.text.as_ref());
    let sql = format!(
        "SELECT c.id, a.published_at AS date, s.name AS agency, p.name AS photographer, c.credit, c.text AS caption, a.id AS article
         FROM captions c JOIN articles a ON a.id = c.article_id
         LEFT JOIN sources s ON s.id = c.agency_id LEFT JOIN people p ON p.id = c.photographer_id
         {} ORDER BY a.published_at DESC, c.id DESC {}",
        b.where_sql(),
        b.limit(f, 50)
    );
    b.into_query(sql)
}

/// Where `search` looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchIn {
    Articles,
    Quotes,
    Captions,
    All,
}

/// `search`: full text, ranked like bm25 (`morgue_rank`), with highlighted snippets.
/// How many matches of each index `search` ranks: the most recently stored ones.
pub const SEARCH_DEPTH: usize = 2_000;

pub fn search(words: &str, raw: bool, within: SearchIn, limit: usize) -> Query {
    let q = fts_query(words, raw);
    // each index yields only its best `limit` hits, ranked among its most recently stored
    // SEARCH_DEPTH matches (ranking scores every row it sees, and common words match
    // hundreds of thousands of rows in a big archive); snippets are made for the rows
    // finally shown, not for every match. The rank is `morgue_rank`, bm25 with each word's
    // IDF counted from a bounded sample of its matches (bm25 itself counts every row that
    // holds the word, which dominated the time at a million articles); the content
    // table's rowid range lets it extrapolate from the sample
    let hits = |table: &str, content: &str| {
        format!(
            "SELECT id, rank FROM (SELECT rowid AS id,
                 {RANK_FUNCTION}({table}, (SELECT min(id) FROM {content}), (SELECT max(id) FROM {content})) AS rank
               FROM {table} WHERE {table} MATCH ?1
               ORDER BY rowid DESC LIMIT {SEARCH_DEPTH}) ORDER BY rank LIMIT {limit}"
        )
    };
    let snippet = |table: &str, col: i32| {
        format!("(SELECT snippet({table}, {col}, '[', ']', '…', 16) FROM {table} WHERE {table} MATCH ?1 AND rowid = h.id)")
    };
    let articles = format!(
        "SELECT 'article' AS kind, a.id AS id, a.published_at AS date, a.title AS title, {} AS snippet, h.rank AS rank
         FROM ({}) h JOIN articles a ON a.id = h.id",
        snippet("articles_fts", -1),
        hits("articles_fts", "articles")
    );
    let quotes = format!(
        "SELECT 'quote' AS kind, q.id AS id, a.published_at AS date, COALESCE(p.name, q.speaker_text) AS title,
                {} AS snippet, h.rank AS rank
         FROM ({}) h JOIN quotes q ON q.id = h.id JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id",
        snippet("quotes_fts", 0),
        hits("quotes_fts", "quotes")
    );
    let captions = format!(
        "SELECT 'caption' AS kind, c.id AS id, a.published_at AS date, c.credit AS title, {} AS snippet, h.rank AS rank
         FROM ({}) h JOIN captions c ON c.id = h.id JOIN articles a ON a.id = c.article_id",
        snippet("captions_fts", -1),
        hits("captions_fts", "captions")
    );
    let body = match within {
        SearchIn::Articles => articles,
        SearchIn::Quotes => quotes,
        SearchIn::Captions => captions,
        SearchIn::All => format!("{articles} UNION ALL {quotes} UNION ALL {captions}"),
    };
    Query {
        sql: format!("SELECT kind, id, date, title, snippet, round(rank, 3) AS rank FROM ({body}) ORDER BY rank LIMIT {limit}"),
        params: vec![Cell::Text(q)],
    }
}

/// Time buckets of `timeline`, as SQL over an ISO date column.
fn bucket(col: &str, by: crate::cli::Period) -> String {
    use crate::cli::Period;
    match by {
        Period::Day => format!("substr({col}, 1, 10)"),
        Period::Week => format!("strftime('%Y-W%W', substr({col}, 1, 10))"),
        Period::Month => format!("substr({col}, 1, 7)"),
        Period::Year => format!("substr({col}, 1, 4)"),
    }
}

/// `timeline`: counts per period of articles, quotes, or mentions (of `--person`).
pub fn timeline(f: &Filters, by: crate::cli::Period, of: crate::cli::Counted) -> Query {
    use crate::cli::Counted;
    // articles or quotes over dates alone: the counts kept per day answer (migration V4)
    let short = |d: &Option<String>| d.as_ref().is_none_or(|d| d.len() <= 10);
    let by_day = f.outlet.is_none()
        && f.source.is_none()
        && f.person.is_none()
        && short(&f.since)
        && short(&f.until);
    if by_day && matches!(of, Counted::Articles | Counted::Quotes) {
        let mut b = Builder::new();
        b.dates("d.day", f);
        let value = if of == Counted::Articles {
            "articles"
        } else {
            "quotes"
        };
        let sql = format!(
            "SELECT {} AS period, sum(d.{value}) AS {value} FROM day_counts d {}
             GROUP BY period HAVING sum(d.{value}) > 0 ORDER BY period {}",
            bucket("d.day", by),
            b.where_sql(),
            b.limit(f, 10_000)
        );
        return b.into_query(sql);
    }
    let mut b = Builder::new();
    b.dates("a.published_at", f);
    b.outlet("a.id", f);
    b.source("a.id", f);
    b.push("a.published_at IS NOT NULL".into());
    let period = bucket("a.published_at", by);
    let (from, value) = match of {
        Counted::Articles => {
            b.person(f.person.as_deref(), |ids| {
                format!("a.id IN (SELECT article_id FROM article_people WHERE person_id IN {ids})")
            });
            ("articles a".to_string(), "count(*) AS articles")
        }
        Counted::Quotes => {
            b.person(f.person.as_deref(), |ids| format!("q.person_id IN {ids}"));
            (
                "quotes q JOIN articles a ON a.id = q.article_id".to_string(),
                "count(*) AS quotes",
            )
        }
        Counted::Mentions => {
            b.person(f.person.as_deref(), |ids| format!("ap.person_id IN {ids}"));
            (
                format!("{PER_ARTICLE} ap JOIN articles a ON a.id = ap.article_id"),
                "sum(ap.mentions) AS mentions",
            )
        }
    };
    let sql = format!(
        "SELECT {period} AS period, {value} FROM {from} {} GROUP BY period ORDER BY period {}",
        b.where_sql(),
        b.limit(f, 10_000)
    );
    b.into_query(sql)
}

/// `person`: the sections of one person's profile, each a query on the person's id.
pub fn person_sections(id: i64, latest: usize) -> Vec<(&'static str, Query)> {
    let q = |sql: String| Query {
        sql,
        params: vec![Cell::Int(id)],
    };
    vec![
        (
            "person",
            q("SELECT p.id, p.name, (SELECT count(*) FROM quotes WHERE person_id = p.id) AS quotes,
                (SELECT count(DISTINCT article_id) FROM article_people WHERE person_id = p.id) AS articles
             FROM people p WHERE p.id = ?1"
                .into()),
        ),
        ("aliases", q("SELECT alias, origin FROM person_aliases WHERE person_id = ?1 ORDER BY alias".into())),
        (
            "roles",
            q("SELECT r.role, min(a.published_at) AS first, max(a.published_at) AS last, count(*) AS articles
             FROM person_roles r JOIN articles a ON a.id = r.article_id WHERE r.person_id = ?1
             GROUP BY r.role ORDER BY last DESC"
                .into()),
        ),
        ("handles", q("SELECT platform, handle FROM person_handles WHERE person_id = ?1".into())),
        (
            "relations",
            q("SELECT relation, count(*) AS articles, sum(mentions) AS mentions FROM article_people
             WHERE person_id = ?1 GROUP BY relation ORDER BY articles DESC"
                .into()),
        ),
        (
            "quotes by outlet",
            q("SELECT COALESCE(o.name, '(no outlet)') AS outlet, count(*) AS quotes
             FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources o ON o.id = a.outlet_id
             WHERE q.person_id = ?1 GROUP BY o.id ORDER BY quotes DESC"
                .into()),
        ),
        (
            "quotes by month",
            q("SELECT substr(a.published_at, 1, 7) AS month, count(*) AS quotes
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_id = ?1 AND a.published_at IS NOT NULL
             GROUP BY month ORDER BY month"
                .into()),
        ),
        (
            "latest quotes",
            q(format!(
                "SELECT a.published_at AS date, o.name AS outlet, q.text AS quote, a.id AS article
             FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources o ON o.id = a.outlet_id
             WHERE q.person_id = ?1 ORDER BY a.published_at DESC, q.id DESC LIMIT {latest}"
            )),
        ),
    ]
}

/// `stats`: what the archive holds.
pub fn stats() -> Query {
    Query {
        sql: "SELECT 'articles' AS what, (SELECT count(*) FROM articles) AS value
              UNION ALL SELECT 'duplicates', (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL)
              UNION ALL SELECT 'quotes', (SELECT count(*) FROM quotes)
              UNION ALL SELECT 'people', (SELECT count(*) FROM people)
              UNION ALL SELECT 'captions', (SELECT count(*) FROM captions)
              UNION ALL SELECT 'embeds', (SELECT count(*) FROM embeds)
              UNION ALL SELECT 'sources', (SELECT count(*) FROM sources)
              UNION ALL SELECT 'first published', (SELECT min(published_at) FROM articles)
              UNION ALL SELECT 'last published', (SELECT max(published_at) FROM articles)
              UNION ALL SELECT 'database bytes', (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())
              UNION ALL SELECT 'schema version', (SELECT max(version) FROM refinery_schema_history)"
            .into(),
        params: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_input_is_data() {
        assert_eq!(
            fts_query("Jean-Pierre AFP/Getty", false),
            "\"Jean-Pierre\" \"AFP/Getty\""
        );
        assert_eq!(fts_query("say \"hi\"", false), "\"say\" \"\"\"hi\"\"\"");
        assert_eq!(fts_query("a NEAR b", true), "a NEAR b");
    }
}
