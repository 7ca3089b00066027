-- What run :runId's requests asked: persons and messages.
UPDATE national_run_request n
SET persons = (SELECT coalesce(sum(q.persons), 0) FROM national_compare_request q
               WHERE q.run_id = :runId AND q.origin = 'RUN'),
    messages = (SELECT count(*) FROM national_compare_request q WHERE q.run_id = :runId AND q.origin = 'RUN')
WHERE n.run_id = :runId;
