-- morgue archive, schema version 1.
-- Append-only: never edit this file once it has landed; add V2__..., V3__... instead.
-- Pragmas (WAL, foreign_keys, busy_timeout, synchronous) are set when the archive opens,
-- never here.

-- Outlets, wire services, photo agencies, platforms. `key` is the folded name: one row per source.
CREATE TABLE sources (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('outlet', 'wire', 'photo_agency', 'social', 'other')),
    key     TEXT NOT NULL UNIQUE
);

-- One row per stored article. `identity` is what makes re-ingesting the same input a no-op:
-- 'id:<external id>', else 'url:<normalised url>', else 'sha:<content hash>'.
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    identity          TEXT NOT NULL UNIQUE,
    external_id       TEXT,
    url               TEXT,
    title             TEXT,
    byline            TEXT,
    published_at      TEXT,            -- ISO 8601: 2022-01-26 or 2022-01-26T10:00:00Z
    language          TEXT,
    section           TEXT,
    description       TEXT,
    dateline_place    TEXT,
    body              TEXT NOT NULL,
    content_hash      TEXT NOT NULL,   -- sha256 of the normalised body
    duplicate_of      INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    outlet_id         INTEGER REFERENCES sources(id),
    source_path       TEXT,            -- the file the article was read from
    format            TEXT NOT NULL,   -- text, markdown, html, jsonl
    extractor_version INTEGER NOT NULL,
    ingested_at       TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_outlet ON articles(outlet_id, published_at);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_url ON articles(url);

-- The input as read (deflate-compressed), so `reextract` can re-run extraction later.
CREATE TABLE article_raw (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    document   BLOB NOT NULL           -- the reader's Document as JSON, deflated
);

CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id),
    role       TEXT NOT NULL,          -- publisher, wire_credit, photo_credit, embed
    PRIMARY KEY (article_id, source_id, role)
) WITHOUT ROWID;
CREATE INDEX article_sources_source ON article_sources(source_id, role);

-- One row per real person across the whole archive. `key` is the folded full name.
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    key        TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- Every spelling of a person's name seen or given by hand; `key` is the folded alias.
CREATE TABLE person_aliases (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,
    origin    TEXT NOT NULL DEFAULT 'extracted',   -- extracted | manual
    PRIMARY KEY (person_id, key)
) WITHOUT ROWID;
CREATE INDEX person_aliases_key ON person_aliases(key);

-- Roles and titles a person had in one article ("NATO Secretary General").
CREATE TABLE person_roles (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    PRIMARY KEY (person_id, article_id, role)
) WITHOUT ROWID;
CREATE INDEX person_roles_article ON person_roles(article_id);

CREATE TABLE person_handles (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    platform  TEXT NOT NULL,
    handle    TEXT NOT NULL,           -- with its @
    PRIMARY KEY (platform, handle)
) WITHOUT ROWID;
CREATE INDEX person_handles_person ON person_handles(person_id);

-- Why a person is in an article: quoted, author, photographer, post_author, mentioned, pictured.
CREATE TABLE article_people (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    relation   TEXT NOT NULL,
    mentions   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, person_id, relation)
) WITHOUT ROWID;
CREATE INDEX article_people_person ON article_people(person_id, relation);

CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    speaker_text TEXT,                 -- the speaker as the article wrote it
    role         TEXT,                 -- the speaker's role given in the attribution
    text         TEXT NOT NULL,        -- the words, without quote marks
    verb         TEXT,                 -- said, told, ':', according to, ...
    kind         TEXT NOT NULL,        -- direct, partial, post, nested
    paragraph    INTEGER NOT NULL,     -- index of the block in the article
    char_start   INTEGER NOT NULL,     -- character offsets in that block
    char_end     INTEGER NOT NULL,
    rule         TEXT NOT NULL,        -- the attribution rule that fired
    confidence   REAL NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_person ON quotes(person_id, article_id);

CREATE TABLE captions (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text            TEXT NOT NULL,     -- without the credit
    credit          TEXT,              -- as written: "Alexei Ivanov/AP"
    photographer_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    agency_id       INTEGER REFERENCES sources(id),
    provider        TEXT,              -- "Russian Defense Ministry" in ".../Via Reuters"
    photo_date      TEXT,
    paragraph       INTEGER NOT NULL,
    rule            TEXT NOT NULL,
    confidence      REAL NOT NULL
);
CREATE INDEX captions_article ON captions(article_id);
CREATE INDEX captions_agency ON captions(agency_id);
CREATE INDEX captions_photographer ON captions(photographer_id);

CREATE TABLE caption_people (
    caption_id INTEGER NOT NULL REFERENCES captions(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (caption_id, person_id)
) WITHOUT ROWID;
CREATE INDEX caption_people_person ON caption_people(person_id);

CREATE TABLE embeds (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    platform   TEXT NOT NULL,
    author     TEXT,
    handle     TEXT,
    url        TEXT,
    posted_at  TEXT,
    text       TEXT NOT NULL,
    person_id  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    paragraph  INTEGER NOT NULL
);
CREATE INDEX embeds_article ON embeds(article_id);
CREATE INDEX embeds_handle ON embeds(handle);

-- Manual corrections that must survive `reextract`: merges and splits of people.
CREATE TABLE person_merges (
    from_key  TEXT PRIMARY KEY,        -- folded name that must resolve to ...
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    made_at   TEXT NOT NULL
);

-- Full-text indexes (external content: no second copy of the text).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE captions_fts USING fts5(
    text, credit, content='captions', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER captions_fts_insert AFTER INSERT ON captions BEGIN
    INSERT INTO captions_fts(rowid, text, credit) VALUES (new.id, new.text, new.credit);
END;
CREATE TRIGGER captions_fts_delete AFTER DELETE ON captions BEGIN
    INSERT INTO captions_fts(captions_fts, rowid, text, credit) VALUES ('delete', old.id, old.text, old.credit);
END;
CREATE TRIGGER captions_fts_update AFTER UPDATE OF text, credit ON captions BEGIN
    INSERT INTO captions_fts(captions_fts, rowid, text, credit) VALUES ('delete', old.id, old.text, old.credit);
    INSERT INTO captions_fts(rowid, text, credit) VALUES (new.id, new.text, new.credit);
END;

-- Views for people writing their own SQL.

-- One row per quote with who said it, where and when.
CREATE VIEW quote_view AS
SELECT q.id            AS quote_id,
       a.published_at  AS published_at,
       o.name          AS outlet,
       COALESCE(p.name, q.speaker_text) AS speaker,
       p.id            AS person_id,
       q.speaker_text  AS speaker_text,
       q.role          AS role,
       q.text          AS text,
       q.verb          AS verb,
       q.kind          AS kind,
       a.id            AS article_id,
       a.title         AS title,
       a.url           AS url
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN people p ON p.id = q.person_id
LEFT JOIN sources o ON o.id = a.outlet_id;

-- One row per caption with photographer and agency names.
CREATE VIEW caption_view AS
SELECT c.id           AS caption_id,
       a.published_at AS published_at,
       o.name         AS outlet,
       c.text         AS text,
       c.credit       AS credit,
       p.name         AS photographer,
       s.name         AS agency,
       c.provider     AS provider,
       c.photo_date   AS photo_date,
       a.id           AS article_id,
       a.title        AS title
FROM captions c
JOIN articles a ON a.id = c.article_id
LEFT JOIN people p ON p.id = c.photographer_id
LEFT JOIN sources s ON s.id = c.agency_id
LEFT JOIN sources o ON o.id = a.outlet_id;

-- One row per article with its outlet name.
CREATE VIEW article_view AS
SELECT a.id, a.external_id, a.published_at, o.name AS outlet, a.title, a.byline, a.url,
       a.duplicate_of, a.source_path, length(a.body) AS body_chars
FROM articles a
LEFT JOIN sources o ON o.id = a.outlet_id;

-- One row per (article, source, role) with names.
CREATE VIEW article_source_view AS
SELECT x.article_id, a.published_at, o.name AS outlet, s.name AS source, s.kind AS kind, x.role
FROM article_sources x
JOIN sources s ON s.id = x.source_id
JOIN articles a ON a.id = x.article_id
LEFT JOIN sources o ON o.id = a.outlet_id;
