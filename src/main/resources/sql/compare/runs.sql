-- Runs newest first: the run :id (or every run when NULL), only COMPLETED ones when :completedOnly, at most :limit.
SELECT id, as_of, trigger, rules_version, CAST(rules AS text) AS rules, status, started_at, finished_at, duration_ms,
       CAST(counts AS text) AS counts, CAST(steps AS text) AS steps, error
FROM comparison_run
WHERE (CAST(:id AS bigint) IS NULL OR id = :id) AND (NOT :completedOnly OR status = 'COMPLETED')
ORDER BY id DESC
LIMIT :limit;
