-- Releases the comparison run lock :key that this session took with runs-lock.sql.
SELECT pg_advisory_unlock(:key);
