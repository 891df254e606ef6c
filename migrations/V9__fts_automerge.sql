-- FTS5 keeps each full-text index as segments in levels, and starts merging a level as
-- soon as `automerge` segments wait there (4 by default). Every later write then pays
-- for that merge in steps: each page it writes buys merge work of as many pages as the
-- index has levels. On a 100,000-article archive, most of the writer's extra cost of
-- storing 1,000 more articles (921 M instructions against 610 M into an empty archive)
-- was such a merge, started by the big ingest and paid by the small one. At 8, a level
-- merges half as often and each article is rewritten fewer times over the life of the
-- archive, while a word's matches still sit in a few dozen segments at a million
-- articles (search stays in milliseconds; `reextract` still merges after big rewrites).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 8);
INSERT INTO captions_fts(captions_fts, rank) VALUES ('automerge', 8);
