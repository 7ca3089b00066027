-- One COMPARE_REQUEST per :requestSize persons that run :runId classified UNINSURED or LAPSED (spec §5), chunk n
-- holding the n-th :requestSize of them in identity-number order; run-request-persons.sql lists them.
INSERT INTO national_compare_request (message_id, origin, run_id, chunk, persons, status, created_at)
SELECT gen_random_uuid(), 'RUN', :runId, asked.chunk, count(*), 'SENT', :now
FROM (SELECT (row_number() OVER (ORDER BY r.id_number) - 1) / :requestSize AS chunk
      FROM comparison_result r
      WHERE r.run_id = :runId AND r.category IN ('UNINSURED', 'LAPSED')) asked
GROUP BY asked.chunk;
