-- A person's results in the completed runs whose results are kept, newest first: one probe of each kept run's key,
-- the identity number as a number (V13).
SELECT r.run_id, run.as_of, r.id_number, r.category, array_to_string(r.flags, ','),
       array_to_string(r.unmet, ','), array_to_string(r.missing_schemes, ','), r.exclusion, r.county,
       r.township, CAST(r.reasons AS text)
FROM comparison_result r JOIN comparison_run run ON run.id = r.run_id
WHERE r.run_id = ANY (ARRAY(SELECT id FROM comparison_run WHERE status = 'COMPLETED'))
  AND r.id_key = comparison_key(:idNumber)
ORDER BY r.run_id DESC;
