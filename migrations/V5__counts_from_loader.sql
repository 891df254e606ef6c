-- The loader adds what it inserts to the report counts itself, once per transaction
-- (src/archive/counts.rs): these insert triggers ran two statement savepoints per quote
-- and cost a third of the loader's time. Deletes and updates keep their triggers.
DROP TRIGGER quotes_count_insert;
DROP TRIGGER quotes_day_insert;
DROP TRIGGER article_sources_count_insert;
DROP TRIGGER articles_day_insert;
