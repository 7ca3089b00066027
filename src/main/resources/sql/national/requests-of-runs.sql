-- The latest :limit comparison runs whose persons were asked about: persons, messages, and how many are answered.
SELECT n.run_id, n.written_at, n.persons, n.messages,
       (SELECT count(*) FROM national_compare_request q WHERE q.run_id = n.run_id AND q.status = 'ANSWERED')
           AS answered,
       (SELECT count(*) FROM national_compare_request q WHERE q.run_id = n.run_id AND q.status = 'EXPIRED')
           AS expired
FROM national_run_request n
ORDER BY n.run_id DESC
LIMIT :limit;
