-- One COMPARE_REQUEST per :requestSize persons that run :runId classified UNINSURED or LAPSED (spec §5), chunk n
-- holding the n-th :requestSize of them in identity-number order, and the identity numbers each asks about. One
-- statement, so that the run's results (6 M rows at province scale) are read and sorted once: as two statements,
-- reading them twice was 2.5 s of the 8.6 s the requests of 605,939 persons took (docs/performance.md).
WITH asked AS MATERIALIZED (
    SELECT r.id_number, (row_number() OVER (ORDER BY r.id_number) - 1) / :requestSize AS chunk
    FROM comparison_result r
    WHERE r.run_id = :runId AND r.category IN ('UNINSURED', 'LAPSED')),
requests AS (
    INSERT INTO national_compare_request (message_id, origin, run_id, chunk, persons, status, created_at)
    SELECT gen_random_uuid(), 'RUN', :runId, asked.chunk, count(*), 'SENT', :now
    FROM asked
    GROUP BY asked.chunk
    RETURNING message_id, chunk)
INSERT INTO national_request_person (message_id, id_number)
SELECT q.message_id, asked.id_number
FROM asked
JOIN requests q ON q.chunk = asked.chunk;
