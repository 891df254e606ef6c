-- Two indexes nothing in morgue reads: an article is found by its identity
-- ('id:<external id>' or 'url:<normalised url>', already unique and indexed), and a URL
-- written another way is matched with LIKE, which no index serves. Each cost every
-- insert a write at a random place in a large b-tree.
DROP INDEX articles_external_id;
DROP INDEX articles_url;
