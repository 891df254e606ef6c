-- A fingerprint of what extraction found in each article, so that `reextract` can leave
-- an article whose extraction comes out the same as it is stored (its quote and caption
-- ids stay, nothing is deleted and written again). NULL for articles stored before it:
-- the next `reextract` rewrites them once and fills it in.
ALTER TABLE articles ADD COLUMN extraction_hash INTEGER;
