-- The national outbox's bodies are compressed with lz4, not pglz: a first PERSON_INCREMENT writes 6,000 bodies of
-- ≈ 0.8 MB each (4.9 GB of JSON at 6 M persons), and pglz spent ≈ 26 s of the database's CPU compressing them, lz4
-- ≈ 6 s, for the same size on disk (docs/performance.md, "National exchange at 6 M persons"). A server built without
-- lz4 (the embedded PostgreSQL's binaries) keeps pglz: the same rows, compressed more slowly.
DO $$
BEGIN
    ALTER TABLE national_outbox ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'national_outbox.body keeps pglz: this server has no lz4';
END
$$;
