-- The counties with someone to survey in run :runId, from its statistics (written before its rosters): reading them
-- from the results would scan every rostered person's index entry.
SELECT DISTINCT region FROM comparison_statistic
WHERE level = 'COUNTY' AND rostered > 0 AND run_id = :runId
ORDER BY region;
