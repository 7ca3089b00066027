-- The identity numbers of each COMPARE_REQUEST of run :runId (run-requests.sql, same :requestSize).
INSERT INTO national_request_person (message_id, id_number)
SELECT q.message_id, asked.id_number
FROM (SELECT r.id_number, (row_number() OVER (ORDER BY r.id_number) - 1) / :requestSize AS chunk
      FROM comparison_result r
      WHERE r.run_id = :runId AND r.category IN ('UNINSURED', 'LAPSED')) asked
JOIN national_compare_request q ON q.run_id = :runId AND q.origin = 'RUN' AND q.chunk = asked.chunk;
