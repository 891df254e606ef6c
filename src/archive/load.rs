//! The loader: the only code that writes articles and what was extracted from them.
//!
//! Batches go in one transaction each, so an interrupted ingest never leaves half an
//! article behind, and re-running it stores exactly what is missing. Identity decides
//! whether an input is new: its own id, else its normalised URL, else a hash of its
//! text. People are matched across the archive by folded full name and by aliases.

use super::counts::CountDeltas;
use super::organisations::Touched;
use super::{outline, Result};
use crate::extract::people::person_key;
use crate::model::{BlockKind, Document, Evidence, Extraction, SourceKind, SourceRole};
use rusqlite::{params, CachedStatement, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// One article ready to store: the document, what was extracted, where it came from,
/// and what storing it needs computed (its body, hashes and outline), which
/// [`Prepared::new`] does on the extracting threads so that the single writer only
/// writes.
pub struct Prepared {
    pub doc: Document,
    pub extraction: Extraction,
    pub source_path: Option<String>,
    body: String,
    content_hash: String,
    identity: String,
    outline: Vec<u8>,
    extraction_hash: i64,
}

impl Prepared {
    pub fn new(doc: Document, extraction: Extraction, source_path: Option<String>) -> Self {
        let identity = identity(&doc);
        Prepared::with_identity(doc, extraction, source_path, identity)
    }

    /// [`Prepared::new`] for a document whose [`identity`] the caller already has.
    pub fn with_identity(
        doc: Document,
        extraction: Extraction,
        source_path: Option<String>,
        identity: String,
    ) -> Self {
        let in_body = body_blocks(&doc, &extraction);
        let body = body_of(&doc, &in_body);
        Prepared {
            content_hash: content_hash(&body),
            extraction_hash: extraction_hash(&extraction),
            identity,
            outline: outline::pack(&doc, &in_body),
            body,
            doc,
            extraction,
            source_path,
        }
    }
}

/// Full-text rows waiting for the end of a batch. FTS5 writes its pending rows to disk
/// at every statement savepoint, and statements with triggers or upserts open one:
/// written as they came, a batch would flush the full-text index after nearly every
/// row. Written after the batch's other rows, they are flushed once per batch.
#[derive(Default)]
struct FtsRows {
    articles: Vec<(i64, Option<String>, String)>,
    quotes: Vec<(i64, String)>,
    captions: Vec<(i64, String, Option<String>)>,
}

impl FtsRows {
    fn write(self, conn: &Connection) -> Result<()> {
        let mut st = conn
            .prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        for (id, title, body) in &self.articles {
            st.execute(params![id, title, body])?;
        }
        let mut st = conn.prepare_cached("INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)")?;
        for (id, text) in &self.quotes {
            st.execute(params![id, text])?;
        }
        let mut st = conn
            .prepare_cached("INSERT INTO captions_fts (rowid, text, credit) VALUES (?1, ?2, ?3)")?;
        for (id, text, credit) in &self.captions {
            st.execute(params![id, text, credit])?;
        }
        Ok(())
    }
}

/// What one transaction of the loader carries besides its statements: the full-text
/// rows to write before it commits, and what it already knows of the archive (source
/// ids, settled person ids, aliases written), so that the many articles of a batch
/// naming the same outlet or person do not ask SQLite again. Dropped with the
/// transaction, committed or not.
#[derive(Default)]
struct Session {
    fts: FtsRows,
    /// Source key -> (id, kind as stored).
    sources: std::collections::HashMap<String, (i64, String)>,
    /// Person key -> id, for keys whose resolution cannot change (see [`Resolved`]).
    people: std::collections::HashMap<String, i64>,
    /// (person id, alias) written in this transaction.
    aliases: std::collections::HashSet<(i64, String)>,
    /// What the transaction adds to the report counts.
    counts: CountDeltas,
    /// The people and organisation keys the transaction touched, for the rule that
    /// removes companies and places from the people (see [`super::organisations`]).
    touched: Touched,
}

impl Session {
    /// Write what waits for the end of the transaction, then drop the people that the
    /// archive now knows to be organisations or places (their counts go with them).
    fn write(self, conn: &Connection) -> Result<()> {
        self.counts.write(conn)?;
        self.fts.write(conn)?;
        self.touched.apply(conn)?;
        Ok(())
    }
}

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    /// A new article; `duplicate_of` is set when the same text was stored before under another identity.
    Stored { id: i64, duplicate_of: Option<i64> },
    /// Already in the archive: nothing changed.
    Unchanged { id: i64 },
}

pub struct Loader<'c> {
    conn: &'c mut Connection,
    /// What the open transaction has written and will write (see [`Session`]).
    session: Session,
    /// Commit once this many articles are pending (0: after every batch).
    commit_every: usize,
    /// Articles stored in the open transaction.
    pending: usize,
}

/// `id:...`, `url:...` or `sha:...`: what makes two inputs the same article. The hash is
/// of the input as given (else of the whole document), so two different files that happen
/// to share a body are two articles, the second marked as a duplicate of the first, while
/// the same file read again, from anywhere, is the same article.
pub fn identity(doc: &Document) -> String {
    if let Some(id) = doc
        .meta
        .external_id
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        format!("id:{}", id.trim())
    } else if let Some(url) = doc.meta.url.as_deref().and_then(normalise_url) {
        format!("url:{url}")
    } else {
        format!(
            "sha:{}",
            doc.meta
                .input_hash
                .clone()
                .unwrap_or_else(|| document_hash(doc))
        )
    }
}

/// sha256 of the document as read: metadata, blocks and format.
pub fn document_hash(doc: &Document) -> String {
    crate::read::input_hash(&serde_json::to_vec(doc).unwrap_or_default())
}

/// Scheme, `www.`, fragment, tracking parameters and a trailing slash do not make a new article.
pub fn normalise_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let rest = rest.split('#').next().unwrap_or("");
    let (hostpath, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = hostpath.split_once('/').unwrap_or((hostpath, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let path = path.trim_end_matches('/');
    let query: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let k = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !(k.starts_with("utm_")
                || ["fbclid", "gclid", "ref", "cmpid", "ocid", "smid"].contains(&k.as_str()))
        })
        .collect();
    let mut out = format!("{host}/{path}");
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query.join("&"));
    }
    Some(out)
}

/// A fingerprint of everything extracted from an article: `reextract` compares it with
/// the stored one to leave an article whose extraction came out the same as it is. The
/// extraction's JSON, hashed: a field added to it changes every fingerprint, so that
/// articles are rewritten once rather than wrongly left alone.
pub fn extraction_hash(ex: &Extraction) -> i64 {
    let json = serde_json::to_vec(ex).expect("an extraction serialises to JSON");
    let digest = Sha256::digest(&json);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(first)
}

/// sha256 of the body with white space folded: the same text, however wrapped.
pub fn content_hash(body: &str) -> String {
    let mut h = Sha256::new();
    for (i, w) in body.split_whitespace().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(w.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Folded source name: one row per source however it is capitalised.
pub fn source_key(name: &str) -> String {
    person_key(name)
}

/// Batches that were stored whole are kept: a loader dropped with some pending (an
/// error elsewhere ended the run) commits them.
impl Drop for Loader<'_> {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

impl<'c> Loader<'c> {
    pub(super) fn new(conn: &'c mut Connection) -> Self {
        Loader {
            conn,
            session: Session::default(),
            commit_every: 0,
            pending: 0,
        }
    }

    /// Let batches share a transaction until `articles` are pending: fewer commits mean
    /// fewer full-text segments to flush and merge. [`Loader::finish`] (or dropping the
    /// loader) commits the rest; a batch that fails is rolled back with the batches
    /// pending beside it, never with those committed before.
    pub fn commit_every(mut self, articles: usize) -> Self {
        self.commit_every = articles;
        self
    }

    /// Store a batch: committed at once, or with the batches after it (see
    /// [`Loader::commit_every`]). On error, the open transaction is rolled back.
    pub fn store_batch(&mut self, items: &[Prepared]) -> Result<Vec<LoadOutcome>> {
        if self.conn.is_autocommit() {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        // full-text rows are written at the end of every batch rather than of the
        // transaction: the last transaction of a run then leaves one batch of them to
        // write, not up to `commit_every` articles' worth while nothing else can run
        let stored = self.store_all(items).and_then(|out| {
            std::mem::take(&mut self.session.fts)
                .write(self.conn)
                .map(|_| out)
        });
        match stored {
            Ok(out) => {
                self.pending += items.len();
                if self.pending >= self.commit_every {
                    self.finish()?;
                }
                Ok(out)
            }
            Err(e) => {
                self.rollback();
                Err(e)
            }
        }
    }

    fn store_all(&mut self, items: &[Prepared]) -> Result<Vec<LoadOutcome>> {
        let stamp = now();
        let conn: &Connection = self.conn;
        let mut st = ArticleStatements::new(conn)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(store_one(conn, &mut st, item, &stamp, &mut self.session)?);
        }
        Ok(out)
    }

    /// Commit what is pending.
    pub fn finish(&mut self) -> Result<()> {
        if !self.conn.is_autocommit() {
            let written = std::mem::take(&mut self.session).write(self.conn);
            if let Err(e) = written.and_then(|_| Ok(self.conn.execute_batch("COMMIT")?)) {
                self.rollback();
                return Err(e);
            }
        }
        self.pending = 0;
        Ok(())
    }

    fn rollback(&mut self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        self.session = Session::default();
        self.pending = 0;
    }

    /// Replace what was extracted from stored articles, in one transaction, and say how
    /// many of them were left as they were. An article whose new extraction has the
    /// fingerprint stored with it ([`extraction_hash`]) only has its extractor version
    /// brought up to date, unless `rewrite` asks for every article to be stored again
    /// (which also matches its people against the archive as it is now).
    pub fn replace_batch(&mut self, items: &[Reextraction], rewrite: bool) -> Result<u64> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let ids = |items: &[&Reextraction]| {
            serde_json::to_string(&items.iter().map(|r| r.id).collect::<Vec<_>>())
                .expect("a list of integers is JSON")
        };
        let all: Vec<&Reextraction> = items.iter().collect();
        let stored: std::collections::HashMap<i64, Option<i64>> = if rewrite {
            Default::default()
        } else {
            let mut st = tx.prepare_cached(
                "SELECT id, extraction_hash FROM articles WHERE id IN (SELECT value FROM json_each(?1))",
            )?;
            let rows = st.query_map([ids(&all)], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        let (same, changed): (Vec<&Reextraction>, Vec<&Reextraction>) = all
            .into_iter()
            .partition(|r| stored.get(&r.id) == Some(&Some(r.extraction_hash)));
        if !same.is_empty() {
            tx.prepare_cached(
                "UPDATE articles SET extractor_version = ?2 WHERE id IN (SELECT value FROM json_each(?1))",
            )?
            .execute(params![ids(&same), crate::extract::EXTRACTOR_VERSION])?;
        }
        let mut session = Session::default();
        if !changed.is_empty() {
            clear_extractions(&tx, &ids(&changed))?;
        }
        let mut st = ExtractionStatements::new(&tx)?;
        for r in changed {
            let (id, doc, ex) = (&r.id, &r.doc, &r.extraction);
            let outlet = match doc.meta.outlet.as_deref() {
                Some(o) => Some(upsert_source(&tx, o, SourceKind::Outlet, &mut session)?),
                None => None,
            };
            // (an article gone since the batch was read has nothing to replace)
            let Some(published): Option<Option<String>> = tx.prepare_cached(
                "UPDATE articles SET published_at = COALESCE(?2, published_at), dateline_place = ?3, byline = ?4, outlet_id = ?5, extractor_version = ?6, extraction_hash = ?7 WHERE id = ?1 RETURNING published_at",
            )?
            .query_row(params![
                id,
                ex.published,
                ex.dateline.as_ref().and_then(|d| d.place.clone()),
                byline_text(doc, ex),
                outlet,
                crate::extract::EXTRACTOR_VERSION,
                r.extraction_hash
            ], |r| r.get(0))
            .optional()?
            else {
                continue;
            };
            // the body changes only when extraction moves a caption or embed out of it
            let in_body = body_blocks(doc, ex);
            let body = body_of(doc, &in_body);
            let changed = tx
                .prepare_cached(
                    "UPDATE articles SET body = ?2, content_hash = ?3 WHERE id = ?1 AND body <> ?2",
                )?
                .execute(params![id, body, content_hash(&body)])?;
            // the outline refers to the body, so it follows it
            if changed > 0 {
                tx.prepare_cached("UPDATE article_raw SET document = ?2 WHERE article_id = ?1")?
                    .execute(params![id, outline::pack(doc, &in_body)])?;
            }
            store_extraction(
                &tx,
                &mut st,
                *id,
                outlet,
                published.as_deref(),
                ex,
                &mut session,
            )?;
        }
        drop(st);
        session.write(&tx)?;
        tx.commit()?;
        Ok(same.len() as u64)
    }
}

/// A stored article extracted again: its id, its document as stored, the new extraction
/// and that extraction's [`extraction_hash`].
pub struct Reextraction {
    pub id: i64,
    pub doc: Document,
    pub extraction: Extraction,
    pub extraction_hash: i64,
}

/// The article's own text: paragraphs and headings, without the blocks extraction found
/// to be photo captions or embedded posts (they have tables of their own).
pub fn stored_body(doc: &Document, ex: &Extraction) -> String {
    body_of(doc, &body_blocks(doc, ex))
}

/// Which blocks make the stored body.
fn body_blocks(doc: &Document, ex: &Extraction) -> Vec<bool> {
    let mut in_body: Vec<bool> = doc
        .blocks
        .iter()
        .map(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .collect();
    for aside in ex
        .captions
        .iter()
        .map(|c| c.block)
        .chain(ex.embeds.iter().map(|e| e.block))
    {
        if let Some(k) = in_body.get_mut(aside) {
            *k = false;
        }
    }
    in_body
}

/// The blocks marked in `in_body`, joined by blank lines.
fn body_of(doc: &Document, in_body: &[bool]) -> String {
    let mut out = String::new();
    for (b, _) in doc.blocks.iter().zip(in_body).filter(|(_, &k)| k) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

fn byline_text(doc: &Document, ex: &Extraction) -> Option<String> {
    if !ex.authors.is_empty() {
        Some(ex.authors.join(", "))
    } else if !doc.meta.byline.is_empty() {
        Some(doc.meta.byline.join(", "))
    } else {
        None
    }
}

/// The statements run for every article, taken out of rusqlite's statement cache once
/// per batch rather than once per article: taking one hashes its SQL and putting it back
/// resets it, which cost the writer about a tenth of its instructions on wire stories.
struct ArticleStatements<'c> {
    by_identity: CachedStatement<'c>,
    first_with_hash: CachedStatement<'c>,
    insert_article: CachedStatement<'c>,
    insert_raw: CachedStatement<'c>,
    extraction: ExtractionStatements<'c>,
}

impl<'c> ArticleStatements<'c> {
    fn new(tx: &'c Connection) -> Result<Self> {
        Ok(ArticleStatements {
            by_identity: tx
                .prepare_cached("SELECT id, content_hash FROM articles WHERE identity = ?1")?,
            first_with_hash: tx.prepare_cached(
                "SELECT id FROM articles WHERE content_hash = ?1 AND duplicate_of IS NULL",
            )?,
            insert_article: tx.prepare_cached(
                "INSERT INTO articles (identity, external_id, url, title, byline, published_at, language, section, description,
                    dateline_place, body, content_hash, duplicate_of, outlet_id, source_path, format, extractor_version, ingested_at,
                    extraction_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            )?,
            insert_raw: tx
                .prepare_cached("INSERT INTO article_raw (article_id, document) VALUES (?1, ?2)")?,
            extraction: ExtractionStatements::new(tx)?,
        })
    }
}

/// The statements that store what was extracted from an article (see
/// [`ArticleStatements`]).
struct ExtractionStatements<'c> {
    link: CachedStatement<'c>,
    alias: CachedStatement<'c>,
    role: CachedStatement<'c>,
    handle: CachedStatement<'c>,
    rel: CachedStatement<'c>,
    quote: CachedStatement<'c>,
    caption: CachedStatement<'c>,
    pictured: CachedStatement<'c>,
    embed: CachedStatement<'c>,
    organisation: CachedStatement<'c>,
    place: CachedStatement<'c>,
}

impl<'c> ExtractionStatements<'c> {
    fn new(tx: &'c Connection) -> Result<Self> {
        Ok(ExtractionStatements {
            link: tx.prepare_cached(
                "INSERT OR IGNORE INTO article_sources (article_id, source_id, role) VALUES (?1, ?2, ?3)",
            )?,
            alias: tx.prepare_cached(
                "INSERT OR IGNORE INTO person_aliases (person_id, alias, key) VALUES (?1, ?2, ?3)",
            )?,
            role: tx.prepare_cached(
                "INSERT OR IGNORE INTO person_roles (person_id, article_id, role) VALUES (?1, ?2, ?3)",
            )?,
            handle: tx.prepare_cached(
                "INSERT OR IGNORE INTO person_handles (person_id, platform, handle) VALUES (?1, ?2, ?3)",
            )?,
            rel: tx.prepare_cached(
                "INSERT INTO article_people (article_id, person_id, relation, mentions, personal) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (article_id, person_id, relation) DO UPDATE SET mentions = mentions + excluded.mentions,
                     personal = (personal OR excluded.personal)",
            )?,
            quote: tx.prepare_cached(
                "INSERT INTO quotes (article_id, person_id, speaker_text, role, text, verb, kind, paragraph, char_start, char_end, rule, confidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            caption: tx.prepare_cached(
                "INSERT INTO captions (article_id, text, credit, photographer_id, agency_id, provider, photo_date, paragraph, rule, confidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            pictured: tx.prepare_cached(
                "INSERT OR IGNORE INTO caption_people (caption_id, person_id) VALUES (?1, ?2)",
            )?,
            embed: tx.prepare_cached(
                "INSERT INTO embeds (article_id, platform, author, handle, url, posted_at, text, person_id, paragraph)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?,
            organisation: tx.prepare_cached(
                "INSERT OR IGNORE INTO article_organisations (article_id, key, name) VALUES (?1, ?2, ?3)",
            )?,
            place: tx.prepare_cached(
                "INSERT OR IGNORE INTO article_places (article_id, key, name) VALUES (?1, ?2, ?3)",
            )?,
        })
    }
}

fn store_one(
    tx: &Connection,
    st: &mut ArticleStatements,
    item: &Prepared,
    stamp: &str,
    session: &mut Session,
) -> Result<LoadOutcome> {
    let doc = &item.doc;
    let ex = &item.extraction;
    let body = &item.body;
    let hash = &item.content_hash;
    let mut ident = item.identity.clone();
    let lookup = &mut st.by_identity;
    if let Some((id, stored_hash)) = lookup
        .query_row([&ident], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?
    {
        // an input's own id is authoritative; a URL whose page now says something else is a
        // new version of the article, stored beside the first under `url:...@sha:...`
        if !ident.starts_with("url:") || stored_hash == *hash {
            return Ok(LoadOutcome::Unchanged { id });
        }
        ident = format!("{ident}@sha:{hash}");
        if let Some((id, _)) = lookup
            .query_row([&ident], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?
        {
            return Ok(LoadOutcome::Unchanged { id });
        }
    }
    // the same text under another identity: a syndicated copy (an empty body is no text)
    let duplicate_of: Option<i64> = if body.trim().is_empty() {
        None
    } else {
        // the first stored is the original; taken here, as an ORDER BY made SQLite
        // prepare the statement again at every run (7 µs instead of 3)
        let ids = st
            .first_with_hash
            .query_map([&hash], |r| r.get::<_, i64>(0))?;
        ids.collect::<std::result::Result<Vec<i64>, _>>()?
            .into_iter()
            .min()
    };
    let outlet = match doc.meta.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        Some(o) => Some(upsert_source(tx, o, SourceKind::Outlet, session)?),
        None => None,
    };
    st.insert_article.execute(params![
        ident,
        doc.meta.external_id,
        doc.meta.url,
        doc.meta.title,
        byline_text(doc, ex),
        ex.published,
        doc.meta.language,
        doc.meta.section,
        doc.meta.description,
        ex.dateline.as_ref().and_then(|d| d.place.clone()),
        body,
        hash,
        duplicate_of,
        outlet,
        item.source_path,
        doc.format.as_str(),
        crate::extract::EXTRACTOR_VERSION,
        stamp,
        item.extraction_hash,
    ])?;
    let id = tx.last_insert_rowid();
    session.counts.article(ex.published.as_deref());
    session
        .fts
        .articles
        .push((id, doc.meta.title.clone(), body.to_string()));
    st.insert_raw.execute(params![id, item.outline])?;
    store_extraction(
        tx,
        &mut st.extraction,
        id,
        outlet,
        ex.published.as_deref(),
        ex,
        session,
    )?;
    Ok(LoadOutcome::Stored { id, duplicate_of })
}

/// Remove what was extracted from these articles (their ids as a JSON list), one
/// statement per table for the whole batch. The delete triggers (full-text rows, report
/// counts) run inside that one statement; a statement per article would open a
/// savepoint per article, and FTS5 writes its pending rows to disk at every savepoint,
/// which made re-extraction spend more time flushing the full-text indexes than
/// extracting.
fn clear_extractions(tx: &Connection, ids_json: &str) -> Result<()> {
    for table in [
        "quotes",
        "captions",
        "embeds",
        "article_people",
        "person_roles",
        "article_sources",
        "article_organisations",
        "article_places",
    ] {
        tx.prepare_cached(&format!(
            "DELETE FROM {table} WHERE article_id IN (SELECT value FROM json_each(?1))"
        ))?
        .execute([ids_json])?;
    }
    Ok(())
}

/// Store what was extracted from article `id` (which has none stored), published on
/// `published_at` as the archive now has it.
fn store_extraction(
    tx: &Connection,
    st: &mut ExtractionStatements,
    id: i64,
    outlet: Option<i64>,
    published_at: Option<&str>,
    ex: &Extraction,
    session: &mut Session,
) -> Result<()> {
    let ExtractionStatements {
        link,
        alias,
        role,
        handle,
        rel,
        quote,
        caption,
        pictured,
        embed,
        organisation,
        place,
    } = st;
    // a link already made is ignored, and counted once
    let mut link = |sid: i64, role: SourceRole, session: &mut Session| -> Result<()> {
        if link.execute(params![id, sid, role.as_str()])? > 0 {
            session.counts.source_link(sid, role.as_str());
        }
        Ok(())
    };
    if let Some(o) = outlet {
        link(o, SourceRole::Publisher, session)?;
    }
    for s in &ex.sources {
        let sid = upsert_source(tx, &s.name, s.kind, session)?;
        link(sid, s.role, session)?;
    }

    session.touched.store(organisation, place, id, ex)?;
    let mut person_ids = Vec::with_capacity(ex.people.len());
    for p in &ex.people {
        let pid = resolve_person(tx, &p.name, &p.aliases, session)?;
        person_ids.push(pid);
        session.touched.person(pid);
        for a in std::iter::once(&p.name).chain(&p.aliases) {
            let k = person_key(a);
            // an alias this transaction already wrote would be ignored again
            if !k.is_empty() && session.aliases.insert((pid, a.clone())) {
                alias.execute(params![pid, a, k])?;
            }
        }
        for r in &p.roles {
            role.execute(params![pid, id, r])?;
        }
        for h in &p.handles {
            handle.execute(params![pid, "twitter", h])?;
        }
        // two names of the article may be one person: evidence for either is theirs
        let evidence: Vec<Evidence> = if p.evidence.is_empty() {
            vec![Evidence::Mentioned]
        } else {
            p.evidence.clone()
        };
        for e in evidence {
            rel.execute(params![id, pid, e.as_str(), p.mentions.max(1), p.personal])?;
        }
    }
    let person = |i: Option<usize>| i.and_then(|i| person_ids.get(i).copied());

    let speakers: Vec<Option<i64>> = ex.quotes.iter().map(|q| person(q.person)).collect();
    session.counts.quotes(&speakers, published_at);
    for (q, speaker) in ex.quotes.iter().zip(&speakers) {
        quote.execute(params![
            id,
            speaker,
            q.speaker_text,
            q.role,
            q.text,
            q.verb,
            q.kind.as_str(),
            q.block as i64,
            q.start as i64,
            q.end as i64,
            q.rule,
            q.confidence as f64
        ])?;
        session
            .fts
            .quotes
            .push((tx.last_insert_rowid(), q.text.clone()));
    }

    for c in &ex.captions {
        let agency = match c.agency.as_deref() {
            Some(a) => {
                let kind = ex
                    .sources
                    .iter()
                    .find(|s| s.name == a)
                    .map(|s| s.kind)
                    .unwrap_or(SourceKind::PhotoAgency);
                let sid = upsert_source(tx, a, kind, session)?;
                link(sid, SourceRole::PhotoCredit, session)?;
                Some(sid)
            }
            None => None,
        };
        caption.execute(params![
            id,
            c.text,
            c.credit,
            person(c.photographer),
            agency,
            c.provider,
            c.date,
            c.block as i64,
            c.rule,
            c.confidence as f64
        ])?;
        let cid = tx.last_insert_rowid();
        session
            .fts
            .captions
            .push((cid, c.text.clone(), c.credit.clone()));
        for p in c.pictured.iter().filter_map(|&i| person(Some(i))) {
            pictured.execute(params![cid, p])?;
        }
    }

    for e in &ex.embeds {
        embed.execute(params![
            id,
            e.platform,
            e.author,
            e.handle,
            e.url,
            e.posted_at,
            e.text,
            person(e.person),
            e.block as i64
        ])?;
        if let (Some(h), Some(pid)) = (e.handle.as_deref(), person(e.person)) {
            handle.execute(params![pid, e.platform, h])?;
        }
    }
    Ok(())
}

/// The source row for a name, created with `kind` when new.
fn upsert_source(
    tx: &Connection,
    name: &str,
    kind: SourceKind,
    session: &mut Session,
) -> Result<i64> {
    // an agency is one source however it is written ("The Associated Press" is AP), and
    // stays an agency when it also publishes under its own name
    let agency = crate::extract::sources::agencies::lookup(name);
    let name = agency.map(|a| a.name).unwrap_or_else(|| name.trim());
    let kind = match (agency, kind) {
        (Some(a), SourceKind::Outlet) if a.kind != SourceKind::Other => a.kind,
        _ => kind,
    };
    let key = source_key(name);
    let key = if key.is_empty() {
        name.to_lowercase()
    } else {
        key
    };
    let known = match session.sources.get(&key) {
        Some(known) => Some(known.clone()),
        None => tx
            .prepare_cached("SELECT id, kind FROM sources WHERE key = ?1")?
            .query_row([&key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?,
    };
    if let Some((id, stored)) = known {
        let mut stored = stored;
        if stored == SourceKind::Outlet.as_str() && kind != SourceKind::Outlet {
            tx.prepare_cached("UPDATE sources SET kind = ?2 WHERE id = ?1")?
                .execute(params![id, kind.as_str()])?;
            stored = kind.as_str().to_string();
        }
        session.sources.insert(key, (id, stored));
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO sources (name, kind, key) VALUES (?1, ?2, ?3)")?
        .execute(params![name, kind.as_str(), key])?;
    let id = tx.last_insert_rowid();
    session.sources.insert(key, (id, kind.as_str().to_string()));
    Ok(id)
}

/// Key without middle initials: "antony j blinken" -> "antony blinken".
fn without_initials(key: &str) -> String {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() <= 2 {
        return key.to_string();
    }
    let mut kept: Vec<&str> = vec![words[0]];
    kept.extend(
        words[1..words.len() - 1]
            .iter()
            .filter(|w| w.chars().count() > 1),
    );
    kept.push(words[words.len() - 1]);
    kept.join(" ")
}

/// One row per real person: manual merges first, then the full name, the name without
/// middle initials, a full-name alias, and for a surname alone a unique alias match.
fn resolve_person(
    tx: &Connection,
    name: &str,
    aliases: &[String],
    session: &mut Session,
) -> Result<i64> {
    let key = person_key(name);
    if let Some(&id) = session.people.get(&key) {
        return Ok(id);
    }
    let id = resolve_person_uncached(tx, &key, name, aliases)?;
    if let Some(id) = id.settled() {
        session.people.insert(key, id);
    }
    Ok(id.id())
}

/// A person resolved, and whether the same key resolves the same way for the rest of
/// the transaction: by a manual merge, by the key itself, or as a new person it does;
/// through a shorter form or an alias, later aliases may change the answer.
enum Resolved {
    Settled(i64),
    ForNow(i64),
}

impl Resolved {
    fn id(&self) -> i64 {
        match self {
            Resolved::Settled(id) | Resolved::ForNow(id) => *id,
        }
    }
    fn settled(&self) -> Option<i64> {
        match self {
            Resolved::Settled(id) => Some(*id),
            Resolved::ForNow(_) => None,
        }
    }
}

fn resolve_person_uncached(
    tx: &Connection,
    key: &str,
    name: &str,
    aliases: &[String],
) -> Result<Resolved> {
    let key = key.to_string();
    if let Some(id) = tx
        .prepare_cached("SELECT person_id FROM person_merges WHERE from_key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?
    {
        return Ok(Resolved::Settled(id));
    }
    // a manual split forbids this name from resolving to that person again
    let allowed = |id: i64| -> Result<bool> {
        Ok(tx
            .prepare_cached("SELECT 1 FROM person_splits WHERE key = ?1 AND person_id = ?2")?
            .query_row(params![key, id], |_| Ok(()))
            .optional()?
            .is_none())
    };
    let by_key = |k: &str| -> Result<Option<i64>> {
        let id = tx
            .prepare_cached("SELECT id FROM people WHERE key = ?1")?
            .query_row([k], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) if allowed(id)? => Ok(Some(id)),
            _ => Ok(None),
        }
    };
    let by_unique_alias = |k: &str| -> Result<Option<i64>> {
        let mut st = tx.prepare_cached(
            "SELECT DISTINCT person_id FROM person_aliases WHERE key = ?1 LIMIT 2",
        )?;
        let ids = st
            .query_map([k], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        match ids.as_slice() {
            [id] if allowed(*id)? => Ok(Some(*id)),
            _ => Ok(None),
        }
    };
    if let Some(id) = by_key(&key)? {
        return Ok(Resolved::Settled(id));
    }
    let short = without_initials(&key);
    if short != key {
        if let Some(id) = by_key(&short)? {
            return Ok(Resolved::ForNow(id));
        }
    }
    if let Some(id) = by_unique_alias(&key)? {
        return Ok(Resolved::ForNow(id));
    }
    if key.contains(' ') {
        for a in aliases {
            let ak = person_key(a);
            if ak.contains(' ') {
                if let Some(id) = by_key(&ak)? {
                    return Ok(Resolved::ForNow(id));
                }
            }
        }
    }
    tx.prepare_cached("INSERT INTO people (name, key, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![name.trim(), key, now()])?;
    Ok(Resolved::Settled(tx.last_insert_rowid()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extraction_hash_follows_every_field() {
        let ex = Extraction {
            published: Some("2024-03-01".into()),
            places: vec!["Vera Cruz, Mexico".into()],
            ..Default::default()
        };
        assert_eq!(extraction_hash(&ex), extraction_hash(&ex.clone()));
        let mut later = ex.clone();
        later.published = Some("2024-03-02".into());
        assert_ne!(extraction_hash(&ex), extraction_hash(&later));
        let mut more = ex.clone();
        more.organisations.push("Acme Lane".into());
        assert_ne!(extraction_hash(&ex), extraction_hash(&more));
        assert_ne!(
            extraction_hash(&ex),
            extraction_hash(&Extraction::default())
        );
    }

    #[test]
    fn urls_normalise() {
        assert_eq!(
            normalise_url("https://www.Example.com/a/b/?utm_source=x&id=3#top").as_deref(),
            Some("example.com/a/b?id=3")
        );
        assert_eq!(
            normalise_url("http://example.com/a/b"),
            normalise_url("https://example.com/a/b/")
        );
        assert_eq!(normalise_url("   "), None);
    }

    #[test]
    fn hash_ignores_wrapping() {
        assert_eq!(content_hash("a b\n\nc"), content_hash("a  b c"));
    }

    #[test]
    fn initials_fold() {
        assert_eq!(without_initials("antony j blinken"), "antony blinken");
        assert_eq!(without_initials("jens stoltenberg"), "jens stoltenberg");
    }
}
