-- The counties that had someone to survey in the other runs for as-of date :asOf than run :runId.
SELECT DISTINCT region FROM comparison_statistic
WHERE level = 'COUNTY' AND rostered > 0
  AND run_id IN (SELECT id FROM comparison_run WHERE as_of = :asOf AND id <> :runId);
