-- Person :idNumber has their first survey result: one more surveyed person in the figures of their county, prefecture
-- and the province :province, in the latest completed run and any newer run that has its figures already, where
-- that run rostered them (spec §8 survey rate, live between runs).
UPDATE comparison_statistic s
SET surveyed = s.surveyed + 1
FROM comparison_result r
WHERE r.run_id = s.run_id AND r.id_number = :idNumber AND r.rostered
  AND s.run_id >= (SELECT coalesce(max(id), 0) FROM comparison_run WHERE status = 'COMPLETED')
  AND s.region IN (r.county, r.prefecture, :province);
