-- The COMPARE_REQUESTs by status (SENT, ANSWERED, EXPIRED): messages and persons asked.
SELECT q.status, count(*) AS messages, coalesce(sum(q.persons), 0) AS persons
FROM national_compare_request q GROUP BY q.status ORDER BY q.status;
