-- The reference (issue 19, B5): the best single statement a database engineer would write, without the hub, for
-- every person's category of spec §8 and the missing expectations and schemes (缺少险种) at D = 2017-10-15, from
-- the inputs the hub reads: the coverage the registry refresh keeps in each person's row (scheme masks, per scheme
-- the latest paid month; docs/registry.md "Coverage") and the small fact tables. No participation is read again.
-- Payment windows from 2017-07-01 (monthly) and 2016-10-01 (170 and 390, yearly); adult when born on or before
-- 2001-10-15; the province's regions begin with 63.
--
-- Bits written out, not taken from the hub's functions, so that the reference stays a second reading of the spec.
-- Schemes: 110 = 1, 120 = 2, 170 = 4, 210 = 8, 310 = 16, 390 = 32, 410 = 64, 510 = 128.
-- Expectations: MEDICAL 1 (310 or 390), PENSION 2 (110, 120 or 170), EMPLOYMENT_210 4, EMPLOYMENT_410 8,
-- EMPLOYMENT_510 16, EMPLOYMENT_310 32.
--
-- Output per person: category; unmet, the expectations not met by an active scheme (in the population base);
-- missing, for the rostered (UNINSURED, LAPSED, PARTIAL), the schemes to name in 缺少险种 as a scheme mask: the
-- scheme to enrol in for an expectation never held, and for one held but lapsed the held scheme paid last (the
-- lower code on a tie; the kept months are those of paying participations — the hub takes its evidence from every
-- participation, so the two may differ where a lapsed expectation was held in two schemes).
--
-- psql -v workers=N: PostgreSQL's parallel workers for the statement (run.sh measures 0 and 2; the hub's run uses
-- both cores, so the reference may too).
\set ON_ERROR_STOP on
\timing on
SET max_parallel_workers_per_gather = :workers;
SET work_mem = '256MB';
DROP TABLE IF EXISTS bench_handwritten;
CREATE UNLOGGED TABLE bench_handwritten AS
WITH elsewhere AS (
    -- schemes active in another province (a row naming this province does not cover)
    SELECT id_number, bit_or(CASE scheme WHEN '110' THEN 1 WHEN '120' THEN 2 WHEN '170' THEN 4 WHEN '210' THEN 8
                                         WHEN '310' THEN 16 WHEN '390' THEN 32 WHEN '410' THEN 64
                                         WHEN '510' THEN 128 ELSE 0 END) AS schemes
    FROM national_insured_elsewhere WHERE status = '1' AND province NOT LIKE '63%'
    GROUP BY id_number),
coverage AS (
    SELECT p.id_number, p.employed_paid_110, p.employed_paid_120, p.paid_110, p.paid_120, p.paid_170, p.paid_310,
           p.paid_390,
           p.police_record_id IS NOT NULL
               AND coalesce(CASE WHEN p.population_category = '2' THEN p.residence_region
                                 ELSE p.household_region END LIKE '63%', false) AS in_base,
           (p.vital_status IN ('1', '2', '3')
               AND (p.status_changed_on IS NULL OR p.status_changed_on <= DATE '2017-10-15'))
               OR p.id_number IN (SELECT id_number FROM registry_custody
                                  WHERE status = '3'
                                     OR (status = '1' AND (custody_from IS NULL OR custody_from <= DATE '2017-10-15')
                                         AND (custody_until IS NULL OR custody_until >= DATE '2017-10-15')))
               AS gone,
           p.held_schemes | p.ended_schemes AS held,
           p.drawing_schemes
               | CASE WHEN p.paid_110 >= DATE '2017-07-01' THEN 1 ELSE 0 END
               | CASE WHEN p.paid_120 >= DATE '2017-07-01' THEN 2 ELSE 0 END
               | CASE WHEN p.paid_170 >= DATE '2016-10-01' THEN 4 ELSE 0 END
               | CASE WHEN p.paid_210 >= DATE '2017-07-01' THEN 8 ELSE 0 END
               | CASE WHEN p.paid_310 >= DATE '2017-07-01' THEN 16 ELSE 0 END
               | CASE WHEN p.paid_390 >= DATE '2016-10-01' THEN 32 ELSE 0 END
               | CASE WHEN p.paid_410 >= DATE '2017-07-01' THEN 64 ELSE 0 END
               | CASE WHEN p.paid_510 >= DATE '2017-07-01' THEN 128 ELSE 0 END AS active,
           coalesce(p.employed_paid_110 >= DATE '2017-07-01' OR p.employed_paid_120 >= DATE '2017-07-01', false)
               AS employed,
           coalesce(p.birth_date, to_date(substr(p.id_number, 7, 8), 'YYYYMMDD')) <= DATE '2001-10-15'
               AND s.id_number IS NULL AS pension_expected,
           coalesce(e.schemes, 0) AS elsewhere
    FROM registry_person p
    LEFT JOIN (SELECT DISTINCT id_number FROM registry_student) s ON s.id_number = p.id_number
    LEFT JOIN elsewhere e ON e.id_number = p.id_number),
expectation AS (
    SELECT c.*,
           CASE WHEN NOT c.in_base THEN 0 ELSE
               CASE WHEN c.active & 48 = 0 THEN 1 ELSE 0 END
               | CASE WHEN c.pension_expected AND c.active & 7 = 0 THEN 2 ELSE 0 END
               | CASE WHEN c.employed AND c.active & 8 = 0 THEN 4 ELSE 0 END
               | CASE WHEN c.employed AND c.active & 64 = 0 THEN 8 ELSE 0 END
               | CASE WHEN c.employed AND c.active & 128 = 0 THEN 16 ELSE 0 END
               | CASE WHEN c.employed AND c.active & 16 = 0 THEN 32 ELSE 0 END END AS unmet,
           CASE WHEN c.held & 48 <> 0 THEN 1 ELSE 0 END | CASE WHEN c.held & 7 <> 0 THEN 2 ELSE 0 END
               | CASE WHEN c.held & 8 <> 0 THEN 4 ELSE 0 END | CASE WHEN c.held & 64 <> 0 THEN 8 ELSE 0 END
               | CASE WHEN c.held & 128 <> 0 THEN 16 ELSE 0 END | CASE WHEN c.held & 16 <> 0 THEN 32 ELSE 0 END
               AS held_expectations,
           CASE WHEN c.elsewhere & 48 <> 0 THEN 1 ELSE 0 END | CASE WHEN c.elsewhere & 7 <> 0 THEN 2 ELSE 0 END
               | CASE WHEN c.elsewhere & 8 <> 0 THEN 4 ELSE 0 END | CASE WHEN c.elsewhere & 64 <> 0 THEN 8 ELSE 0 END
               | CASE WHEN c.elsewhere & 128 <> 0 THEN 16 ELSE 0 END
               | CASE WHEN c.elsewhere & 16 <> 0 THEN 32 ELSE 0 END AS elsewhere_expectations
    FROM coverage c
    -- computed once: the steps below refer to these masks many times, and a subquery flattened into them would be
    -- computed again at each reference
    OFFSET 0),
categorised AS (
    SELECT x.*,
           CASE WHEN NOT x.in_base THEN 'NOT_IN_POPULATION'
                WHEN x.gone OR (x.unmet <> 0 AND x.unmet & ~x.elsewhere_expectations = 0) THEN 'EXCLUDED'
                WHEN x.held = 0 THEN 'UNINSURED'
                WHEN x.unmet & x.held_expectations <> 0 THEN 'LAPSED'
                WHEN x.unmet <> 0 THEN 'PARTIAL'
                ELSE 'INSURED' END AS category
    FROM expectation x)
SELECT z.id_number, z.category, z.unmet,
       CASE WHEN z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') THEN
           -- never held: the scheme to enrol in (medical: 310 for an employee, else 390)
           CASE WHEN z.never & 1 <> 0 THEN CASE WHEN z.employed THEN 16 ELSE 32 END ELSE 0 END
           | CASE WHEN z.never & 2 <> 0 THEN 4 ELSE 0 END
           | CASE WHEN z.never & 4 <> 0 THEN 8 ELSE 0 END
           | CASE WHEN z.never & 8 <> 0 THEN 64 ELSE 0 END
           | CASE WHEN z.never & 16 <> 0 THEN 128 ELSE 0 END
           | CASE WHEN (z.never | z.lapsed) & 32 <> 0 THEN 16 ELSE 0 END
           -- held but lapsed: the scheme held, of two or three the one paid last
           | CASE WHEN z.lapsed & 1 = 0 THEN 0
                  WHEN z.held & 48 <> 48 THEN z.held & 48
                  WHEN coalesce(z.paid_390, DATE '0001-01-01') > coalesce(z.paid_310, DATE '0001-01-01') THEN 32
                  ELSE 16 END
           | CASE WHEN z.lapsed & 2 = 0 THEN 0
                  WHEN z.held & 7 IN (1, 2, 4) THEN z.held & 7
                  ELSE (SELECT v.bit FROM (VALUES (1, z.paid_110), (2, z.paid_120), (4, z.paid_170)) v(bit, paid)
                        WHERE z.held & v.bit <> 0
                        ORDER BY coalesce(v.paid, DATE '0001-01-01') DESC, v.bit LIMIT 1) END
           | CASE WHEN z.lapsed & 4 <> 0 THEN 8 ELSE 0 END
           | CASE WHEN z.lapsed & 8 <> 0 THEN 64 ELSE 0 END
           | CASE WHEN z.lapsed & 16 <> 0 THEN 128 ELSE 0 END
       END AS missing
FROM (SELECT y.*, y.unmet & ~y.held_expectations AS never, y.unmet & y.held_expectations AS lapsed
      FROM categorised y) z;
