-- The national outbox's bodies are compressed with lz4, not pglz: a first PERSON_INCREMENT writes everyone's records
-- into the outbox in one transaction, and lz4 compresses them several times faster than pglz to the same size
-- (figures: docs/performance.md, "National exchange at 6 M persons"). A server built without lz4 (the embedded
-- PostgreSQL's binaries) keeps pglz: the same rows, compressed more slowly.
DO $$
BEGIN
    ALTER TABLE national_outbox ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'national_outbox.body keeps pglz: this server has no lz4';
END
$$;
