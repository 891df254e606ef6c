-- New rows reach the full-text indexes from the loader itself, not by trigger: an insert
-- that fires a trigger runs in a statement savepoint, and FTS5 flushes its pending terms
-- at every savepoint, which made loading twice as slow. Deletes and updates keep their
-- triggers (they are rare and must never be forgotten).
DROP TRIGGER articles_fts_insert;
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER captions_fts_insert;
