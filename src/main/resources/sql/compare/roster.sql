-- The rostered persons of run :runId in county :county, or only in township :township when it is not NULL, in
-- roster order (spec §7.1: township code, then identity number; id_key is the identity number as a number, V13,
-- in the same order, and the roster index holds it). Name, sex and address are those the run saw.
SELECT r.id_number, r.name, r.sex, r.age, r.address, r.township, r.category,
       array_to_string(r.missing_schemes, ','), CAST(r.reasons AS text)
FROM comparison_result r
WHERE r.run_id = :runId AND r.rostered AND r.county = :county
  AND (CAST(:township AS text) IS NULL OR r.township = :township)
ORDER BY r.township, r.id_key;
