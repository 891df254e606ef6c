-- What the archive knows of organisations and places, so that a name no single article
-- can settle ("Philip Morris said") is judged by all of them: a person whose name other
-- articles show as a company's (or a dateline shows as a place) and no article shows
-- with personal evidence is no person. The loader applies the rule at the end of each
-- transaction to the names that transaction touched (src/archive/organisations.rs).

-- The names each article shows as organisations, without their corporate forms ("Acme
-- Lane" for "Acme Lane Holdings Ltd"); `key` is folded like `people.key`.
CREATE TABLE article_organisations (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX article_organisations_key ON article_organisations(key);

-- The names each article shows as places: its dateline's ("SALVADOR, Feb 26 -") and
-- those written with their country or state ("Vera Cruz, Mexico").
CREATE TABLE article_places (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX article_places_key ON article_places(key);

-- Whether the article shows the person with evidence only a person has (an honorific,
-- an age, a title, a byline). NULL: stored before this migration, not known (and so
-- counted as evidence until `reextract` fills it in).
ALTER TABLE article_people ADD COLUMN personal INTEGER;

-- The rule spares people corrected by hand; these find their corrections by person.
CREATE INDEX person_merges_person ON person_merges(person_id);
CREATE INDEX person_splits_person ON person_splits(person_id);
-- Removing a person sets their embeds' person_id to NULL: found by index, not by a scan.
CREATE INDEX embeds_person ON embeds(person_id);
