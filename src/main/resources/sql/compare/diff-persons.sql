-- The persons whose category or flags differ between runs :from and :to, with both runs' reasons, by identity
-- number after :after ('' for the first page), at most :limit.
SELECT coalesce(a.id_number, b.id_number) AS id_number, a.category, b.category,
       array_to_string(a.flags, ','), array_to_string(b.flags, ','),
       CAST(a.reasons AS text), CAST(b.reasons AS text)
FROM (SELECT * FROM comparison_result WHERE run_id = :from) a
FULL JOIN (SELECT * FROM comparison_result WHERE run_id = :to) b ON b.id_key = a.id_key
-- no flags: NULL since V14, an empty array in runs stored before
WHERE (a.category IS DISTINCT FROM b.category OR coalesce(a.flags, '{}') IS DISTINCT FROM coalesce(b.flags, '{}'))
  AND coalesce(a.id_number, b.id_number) > :after
ORDER BY 1
LIMIT :limit;
