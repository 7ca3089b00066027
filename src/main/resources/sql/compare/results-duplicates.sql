-- The persons of run :runId flagged DUPLICATE, by identity number, at most :limit.
SELECT r.run_id, run.as_of, r.id_number, r.category, array_to_string(r.flags, ','),
       array_to_string(r.unmet, ','), array_to_string(r.missing_schemes, ','), r.exclusion, r.county,
       r.township, CAST(r.reasons AS text)
FROM comparison_result r JOIN comparison_run run ON run.id = r.run_id
WHERE r.run_id = :runId AND 'DUPLICATE' = ANY (r.flags)
ORDER BY r.id_number
LIMIT :limit;
