-- The latest completed comparison run newer than every run whose persons were asked about, if any: after several
-- runs in a row (or a stop of the hub) only the latest run's results are asked about.
SELECT r.id FROM comparison_run r
WHERE r.status = 'COMPLETED' AND r.id > coalesce((SELECT max(n.run_id) FROM national_run_request n), 0)
ORDER BY r.id DESC
LIMIT 1;
