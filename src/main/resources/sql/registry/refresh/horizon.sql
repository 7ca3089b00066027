-- The start of the oldest transaction still open elsewhere, taken before the records are read: every transaction
-- that began before it has ended by the time a later refresh looks again, so a gap noted earlier can be dropped.
SELECT coalesce(min(xact_start), clock_timestamp())
FROM pg_stat_activity
WHERE backend_type = 'client backend' AND xact_start IS NOT NULL AND pid <> pg_backend_pid();
