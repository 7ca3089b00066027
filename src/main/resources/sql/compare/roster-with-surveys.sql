-- The rostered persons of run :runId in county :county, or only in township :township when it is not NULL, in
-- roster order, as roster.sql reads them, each with the survey result about them that was surveyed last: the survey
-- app's roster, so that nobody is visited twice by mistake. One backward probe of the survey results' person index
-- (id_number, surveyed_at) per rostered person, no sort (roster-settings.sql turns sorting off).
SELECT r.id_number, r.name, r.sex, r.age, r.address, r.township, r.category,
       array_to_string(r.missing_schemes, ','), CAST(r.reasons AS text), l.outcome, l.surveyed_at
FROM comparison_result r
LEFT JOIN LATERAL (
    SELECT x.outcome, x.surveyed_at
    FROM survey_result x
    WHERE x.id_number = r.id_number
    ORDER BY x.surveyed_at DESC
    LIMIT 1) l ON true
WHERE r.run_id = :runId AND r.rostered AND r.county = :county
  AND (CAST(:township AS text) IS NULL OR r.township = :township)
ORDER BY r.township, r.id_key;
