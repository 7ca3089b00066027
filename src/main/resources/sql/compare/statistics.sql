-- The figures of run :runId per county, prefecture and the province :province (spec §8; docs/comparison.md,
-- "Statistics"): one pass over the run's results by county, a hash aggregation of a few dozen groups, then the
-- rollup. A query of its own rather than INSERT … SELECT, which PostgreSQL 15 never gives parallel workers: the scan
-- of the run's millions of rows is what takes the time.
SELECT CAST(:runId AS bigint) AS run_id,
       CASE WHEN GROUPING(c.prefecture) = 1 THEN 'PROVINCE'
            WHEN GROUPING(c.county) = 1 THEN 'PREFECTURE' ELSE 'COUNTY' END AS level,
       CASE WHEN GROUPING(c.prefecture) = 1 THEN :province
            WHEN GROUPING(c.county) = 1 THEN c.prefecture ELSE c.county END AS region,
       sum(c.persons) AS persons, sum(c.excluded) AS excluded, sum(c.uninsured) AS uninsured,
       sum(c.lapsed) AS lapsed, sum(c.partial) AS partial, sum(c.insured) AS insured,
       sum(c.not_in_population) AS not_in_population, sum(c.pension_expected) AS pension_expected,
       sum(c.pension_met) AS pension_met, sum(c.medical_expected) AS medical_expected,
       sum(c.medical_met) AS medical_met, sum(c.rostered) AS rostered, sum(c.surveyed) AS surveyed
FROM (
    SELECT r.prefecture, r.county,
           count(*) FILTER (WHERE r.category <> 'NOT_IN_POPULATION') AS persons,
           count(*) FILTER (WHERE r.category = 'EXCLUDED') AS excluded,
           count(*) FILTER (WHERE r.category = 'UNINSURED') AS uninsured,
           count(*) FILTER (WHERE r.category = 'LAPSED') AS lapsed,
           count(*) FILTER (WHERE r.category = 'PARTIAL') AS partial,
           count(*) FILTER (WHERE r.category = 'INSURED') AS insured,
           count(*) FILTER (WHERE r.category = 'NOT_IN_POPULATION') AS not_in_population,
           count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION') AND r.pension_expected)
               AS pension_expected,
           count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION') AND r.pension_expected
                              AND r.pension_met) AS pension_met,
           count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION')) AS medical_expected,
           count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION') AND r.medical_met)
               AS medical_met,
           count(*) FILTER (WHERE r.rostered) AS rostered,
           count(*) FILTER (WHERE r.rostered AND s.id_number IS NOT NULL) AS surveyed
    FROM comparison_result r
    -- the surveyed persons (one row each): one hash join, instead of a lookup per rostered person (1.3 M at 6 M
    -- persons); under statistics-lock.sql, so that no first survey result is counted twice or missed
    LEFT JOIN survey_person s ON s.id_number = r.id_number
    WHERE r.run_id = :runId
    GROUP BY r.prefecture, r.county) c
GROUP BY ROLLUP (c.prefecture, c.county)
HAVING GROUPING(c.prefecture) = 1 OR (c.prefecture IS NOT NULL AND (GROUPING(c.county) = 1 OR c.county IS NOT NULL));
