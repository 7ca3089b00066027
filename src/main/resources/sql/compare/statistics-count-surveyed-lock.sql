-- Taken by a survey result's transaction before it counts its person in the figures (statistics-count-surveyed.sql),
-- until it commits: the advisory lock :key, shared (why: statistics-lock.sql).
SELECT pg_advisory_xact_lock_shared(:key);
