-- The reference: one hand-written statement computing every person's category of spec §8 for
-- D = 2017-10-15 (3-month window from 2017-07, 12-month window from 2016-10 for 170 and 390, 16 years old
-- when born on or before 2001-10-15), as a database engineer would write it without the hub.
-- psql -v workers=N: PostgreSQL's parallel workers for the statement (run.sh measures 0 and 2 and the faster counts:
-- the hub's run uses both cores, so the reference may too).
\set ON_ERROR_STOP on
\timing on
SET max_parallel_workers_per_gather = :workers;
SET work_mem = '256MB';
DROP TABLE IF EXISTS bench_handwritten;
CREATE UNLOGGED TABLE bench_handwritten AS
WITH participation AS (
    SELECT id_number, scheme, person_status, contribution_status,
           (scheme IN ('110', '120', '170') AND person_status = '2')
           OR (contribution_status = '1'
               AND last_paid_month >= CASE WHEN scheme IN ('170', '390') THEN DATE '2016-10-01'
                                           ELSE DATE '2017-07-01' END) AS active
    FROM registry_participation
    UNION ALL
    -- participations no longer stated (ended by a DELETE or a full snapshot): held ever, never active
    SELECT id_number, scheme, person_status, contribution_status, false FROM registry_participation_ended),
coverage AS (
    SELECT id_number,
           bool_or(active AND scheme IN ('310', '390')) AS medical, bool_or(scheme IN ('310', '390')) AS had_medical,
           bool_or(active AND scheme IN ('110', '120', '170')) AS pension,
           bool_or(scheme IN ('110', '120', '170')) AS had_pension,
           bool_or(active AND scheme IN ('110', '120') AND person_status = '1' AND contribution_status = '1')
               AS employed,
           bool_or(active AND scheme = '210') AS s210, bool_or(scheme = '210') AS had210,
           bool_or(active AND scheme = '410') AS s410, bool_or(scheme = '410') AS had410,
           bool_or(active AND scheme = '510') AS s510, bool_or(scheme = '510') AS had510,
           bool_or(active AND scheme = '310') AS s310, bool_or(scheme = '310') AS had310
    FROM participation GROUP BY id_number),
elsewhere AS (
    SELECT id_number, bool_or(scheme IN ('310', '390')) AS medical, bool_or(scheme IN ('110', '120', '170')) AS pension,
           bool_or(scheme = '210') AS s210, bool_or(scheme = '410') AS s410, bool_or(scheme = '510') AS s510,
           bool_or(scheme = '310') AS s310
    FROM national_insured_elsewhere WHERE status = '1' AND province NOT LIKE '63%' GROUP BY id_number),
person AS (
    SELECT p.*, CASE WHEN p.population_category = '2' THEN p.residence_region ELSE p.household_region END AS region,
           coalesce(p.birth_date, to_date(substr(p.id_number, 7, 8), 'YYYYMMDD')) <= DATE '2001-10-15' AS adult
    FROM registry_person p),
expectation AS (
    SELECT p.id_number, p.police_record_id, p.region, p.vital_status, p.status_changed_on, c.id_number IS NULL AS never,
           NOT coalesce(c.medical, false) AS m_medical, coalesce(c.had_medical, false) AS h_medical,
           p.adult AND p.id_number NOT IN (SELECT id_number FROM registry_student)
               AND NOT coalesce(c.pension, false) AS m_pension, coalesce(c.had_pension, false) AS h_pension,
           coalesce(c.employed AND NOT c.s210, false) AS m210, coalesce(c.had210, false) AS h210,
           coalesce(c.employed AND NOT c.s410, false) AS m410, coalesce(c.had410, false) AS h410,
           coalesce(c.employed AND NOT c.s510, false) AS m510, coalesce(c.had510, false) AS h510,
           coalesce(c.employed AND NOT c.s310, false) AS m310, coalesce(c.had310, false) AS h310,
           coalesce(e.medical, false) AS e_medical, coalesce(e.pension, false) AS e_pension,
           coalesce(e.s210, false) AS e210, coalesce(e.s410, false) AS e410, coalesce(e.s510, false) AS e510,
           coalesce(e.s310, false) AS e310
    FROM person p LEFT JOIN coverage c ON c.id_number = p.id_number LEFT JOIN elsewhere e ON e.id_number = p.id_number)
SELECT x.id_number,
       CASE WHEN x.police_record_id IS NULL OR NOT coalesce(x.region LIKE '63%', false) THEN 'NOT_IN_POPULATION'
            WHEN (x.vital_status IN ('1', '2', '3') AND (x.status_changed_on IS NULL OR x.status_changed_on <= DATE '2017-10-15'))
              OR x.id_number IN (SELECT id_number FROM registry_custody WHERE status = '3')
              OR x.id_number IN (SELECT id_number FROM registry_custody WHERE status = '1'
                                 AND (custody_from IS NULL OR custody_from <= DATE '2017-10-15')
                                 AND (custody_until IS NULL OR custody_until >= DATE '2017-10-15'))
              OR ((x.m_medical OR x.m_pension OR x.m210 OR x.m410 OR x.m510 OR x.m310)
                  AND (NOT x.m_medical OR x.e_medical) AND (NOT x.m_pension OR x.e_pension)
                  AND (NOT x.m210 OR x.e210) AND (NOT x.m410 OR x.e410) AND (NOT x.m510 OR x.e510)
                  AND (NOT x.m310 OR x.e310)) THEN 'EXCLUDED'
            WHEN x.never THEN 'UNINSURED'
            WHEN (x.m_medical AND x.h_medical) OR (x.m_pension AND x.h_pension) OR (x.m210 AND x.h210)
              OR (x.m410 AND x.h410) OR (x.m510 AND x.h510) OR (x.m310 AND x.h310) THEN 'LAPSED'
            WHEN x.m_medical OR x.m_pension OR x.m210 OR x.m410 OR x.m510 OR x.m310 THEN 'PARTIAL'
            ELSE 'INSURED' END AS category
FROM expectation x;
