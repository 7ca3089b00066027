-- How many persons went from which category in run :from to which in run :to; NULL for "not in that run".
SELECT a.category, b.category, count(*)
FROM (SELECT * FROM comparison_result WHERE run_id = :from) a
FULL JOIN (SELECT * FROM comparison_result WHERE run_id = :to) b ON b.id_key = a.id_key
WHERE a.category IS DISTINCT FROM b.category
GROUP BY a.category, b.category
ORDER BY count(*) DESC, a.category, b.category;
