-- Taken by the transaction that computes a run's figures, before it reads the surveyed persons, until it commits:
-- the advisory lock :key, exclusively. A survey result's transaction takes it shared before it counts its person
-- (statistics-count-surveyed-lock.sql), so every first result is counted exactly once: by the figures' query when
-- committed before it, by its own increment of the new figures otherwise (docs/survey.md, "Live survey rate").
SELECT pg_advisory_xact_lock(:key);
