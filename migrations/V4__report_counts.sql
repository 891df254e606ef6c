-- Counts that the everyday reports read instead of scanning every row: at a million
-- articles, `people --top 20`, `sources` and `timeline` would otherwise count millions of
-- quotes and links each time. Triggers keep them, so every path that writes (ingest,
-- reextract, people merge and split, deletes) keeps them right without knowing of them.

-- quotes and articles quoted in, per person
CREATE TABLE person_counts (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    quotes    INTEGER NOT NULL DEFAULT 0,
    articles  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_counts_quotes ON person_counts(quotes);
CREATE INDEX person_counts_articles ON person_counts(articles);

INSERT INTO person_counts (person_id, quotes, articles)
    SELECT person_id, count(*), count(DISTINCT article_id) FROM quotes
    WHERE person_id IS NOT NULL GROUP BY person_id;

CREATE TRIGGER quotes_count_insert AFTER INSERT ON quotes WHEN new.person_id IS NOT NULL BEGIN
    INSERT INTO person_counts (person_id, quotes, articles)
    SELECT new.person_id, 1, NOT EXISTS (
        SELECT 1 FROM quotes WHERE article_id = new.article_id AND person_id = new.person_id AND id <> new.id)
    WHERE true
    ON CONFLICT (person_id) DO UPDATE SET quotes = quotes + 1, articles = articles + excluded.articles;
END;

CREATE TRIGGER quotes_count_delete AFTER DELETE ON quotes WHEN old.person_id IS NOT NULL BEGIN
    UPDATE person_counts SET quotes = quotes - 1,
        articles = articles - NOT EXISTS (
            SELECT 1 FROM quotes WHERE article_id = old.article_id AND person_id = old.person_id)
    WHERE person_id = old.person_id;
END;

-- a quote given to another person (merge, split): out of the old count, into the new
CREATE TRIGGER quotes_count_update AFTER UPDATE OF person_id, article_id ON quotes
WHEN old.person_id IS NOT new.person_id OR old.article_id IS NOT new.article_id BEGIN
    UPDATE person_counts SET quotes = quotes - 1,
        articles = articles - NOT EXISTS (
            SELECT 1 FROM quotes WHERE article_id = old.article_id AND person_id = old.person_id)
    WHERE person_id = old.person_id;
    INSERT INTO person_counts (person_id, quotes, articles)
    SELECT new.person_id, 1, NOT EXISTS (
        SELECT 1 FROM quotes WHERE article_id = new.article_id AND person_id = new.person_id AND id <> new.id)
    WHERE new.person_id IS NOT NULL
    ON CONFLICT (person_id) DO UPDATE SET quotes = quotes + 1, articles = articles + excluded.articles;
END;

-- articles per source and role
CREATE TABLE source_counts (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    articles  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source_id, role)
) WITHOUT ROWID;

INSERT INTO source_counts (source_id, role, articles)
    SELECT source_id, role, count(*) FROM article_sources GROUP BY source_id, role;

CREATE TRIGGER article_sources_count_insert AFTER INSERT ON article_sources BEGIN
    INSERT INTO source_counts (source_id, role, articles) VALUES (new.source_id, new.role, 1)
    ON CONFLICT (source_id, role) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER article_sources_count_delete AFTER DELETE ON article_sources BEGIN
    UPDATE source_counts SET articles = articles - 1
    WHERE source_id = old.source_id AND role = old.role;
END;

CREATE TRIGGER article_sources_count_update AFTER UPDATE OF source_id, role ON article_sources BEGIN
    UPDATE source_counts SET articles = articles - 1
    WHERE source_id = old.source_id AND role = old.role;
    INSERT INTO source_counts (source_id, role, articles) VALUES (new.source_id, new.role, 1)
    ON CONFLICT (source_id, role) DO UPDATE SET articles = articles + 1;
END;

-- articles and quotes per publication day (the first ten characters of published_at)
CREATE TABLE day_counts (
    day      TEXT PRIMARY KEY,
    articles INTEGER NOT NULL DEFAULT 0,
    quotes   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO day_counts (day, articles, quotes)
    SELECT substr(a.published_at, 1, 10), count(*),
           coalesce(sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id)), 0)
    FROM articles a WHERE a.published_at IS NOT NULL GROUP BY 1;

CREATE TRIGGER articles_day_insert AFTER INSERT ON articles WHEN new.published_at IS NOT NULL BEGIN
    INSERT INTO day_counts (day, articles) VALUES (substr(new.published_at, 1, 10), 1)
    ON CONFLICT (day) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER articles_day_delete AFTER DELETE ON articles WHEN old.published_at IS NOT NULL BEGIN
    UPDATE day_counts SET articles = articles - 1 WHERE day = substr(old.published_at, 1, 10);
END;

-- a date corrected by reextract moves the article and its quotes to the new day
CREATE TRIGGER articles_day_update AFTER UPDATE OF published_at ON articles
WHEN substr(old.published_at, 1, 10) IS NOT substr(new.published_at, 1, 10) BEGIN
    UPDATE day_counts SET articles = articles - 1,
        quotes = quotes - (SELECT count(*) FROM quotes WHERE article_id = old.id)
    WHERE day = substr(old.published_at, 1, 10);
    INSERT INTO day_counts (day, articles, quotes)
    SELECT substr(new.published_at, 1, 10), 1, (SELECT count(*) FROM quotes WHERE article_id = new.id)
    WHERE new.published_at IS NOT NULL
    ON CONFLICT (day) DO UPDATE SET articles = articles + 1, quotes = quotes + excluded.quotes;
END;

CREATE TRIGGER quotes_day_insert AFTER INSERT ON quotes BEGIN
    UPDATE day_counts SET quotes = quotes + 1
    WHERE day = (SELECT substr(published_at, 1, 10) FROM articles WHERE id = new.article_id);
END;

CREATE TRIGGER quotes_day_delete AFTER DELETE ON quotes BEGIN
    UPDATE day_counts SET quotes = quotes - 1
    WHERE day = (SELECT substr(published_at, 1, 10) FROM articles WHERE id = old.article_id);
END;
