-- Where run :runId (the latest completed) placed person :idNumber: county and township as its roster uses them
-- (former county codes already replaced by today's agency), and whether it rostered them. No row: not in the run.
SELECT county, township, rostered
FROM comparison_result
WHERE run_id = :runId AND id_number = :idNumber;
