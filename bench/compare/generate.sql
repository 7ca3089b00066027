-- Synthetic province-scale registry for the comparison benchmark, generated set-based inside PostgreSQL.
-- psql -v persons=6000000: persons in the registry (5 % of them outside the population base); the
-- participations follow from the person mix (2.5 per person: 15.0 M at 6 M persons, as the brief has it).
-- Written straight into the registry's typed current tables, as a refresh would leave them; source_record stays
-- empty.
\set ON_ERROR_STOP on
\timing on

TRUNCATE registry_person, registry_participation, registry_participation_ended, registry_statement_ended,
         registry_student, registry_custody, registry_assistance, registry_card, comparison_result,
         comparison_statistic, alert_outbox;
DELETE FROM comparison_run;

-- indexes are built after the load
ALTER TABLE registry_person DROP CONSTRAINT registry_person_pkey;
DROP INDEX registry_person_name_birth;
ALTER TABLE registry_participation DROP CONSTRAINT registry_participation_pkey;
DROP INDEX registry_participation_person;

CREATE TEMP TABLE county (n int PRIMARY KEY, code char(6));
INSERT INTO county
SELECT row_number() OVER (ORDER BY c) - 1, c
FROM unnest(ARRAY['630102','630103','630104','630105','630106','630121','630123','630202','630203','630222',
                  '630223','630224','630225','632221','632222','632223','632224','632301','632322','632323',
                  '632324','632521','632522','632523','632524','632525','632621','632622','632623','632624',
                  '632625','632626','632701','632722','632723','632724','632725','632726','632801','632802',
                  '632803','632821','632822','632823','632857']) c;

-- one row per person with the attributes the generator decides on
CREATE UNLOGGED TABLE bench_person AS
SELECT g,
       c.code || lpad(g::text, 11, '0') || (g % 10)::text AS id_number,
       c.code AS county,
       c.code || lpad((1 + g / 45 % 12)::text, 3, '0') AS township,
       DATE '1930-01-01' + (g::bigint * 7919 % 31400)::int AS born,
       g % 20 = 0 AS outside_base,
       g % 23 = 0 AS non_registered,
       CASE WHEN g % 200 = 1 THEN '1' WHEN g % 333 = 2 THEN '2' WHEN g % 1000 = 3 THEN '3' ELSE '0' END AS vital,
       g % 5 = 1 AS employed,
       g % 25 = 4 AS no_medical,
       g % 8 = 5 AS no_pension,
       g % 13 = 6 AS lapsed,
       g % 40 = 7 AS duplicate_medical,
       g % 9 IN (3, 8) AS moved_within
FROM generate_series(1, :persons) g
JOIN county c ON c.n = g % 45;

INSERT INTO registry_participation (system, source_key, ordinal, id_number, scheme, insured_region, employer_id,
    contribution_status, person_status, start_date, end_date, last_paid_month, source_record_id)
SELECT CASE WHEN p.scheme IN ('110', '120', '170') THEN 'PENSION' WHEN p.scheme IN ('310', '390') THEN 'MEDICAL'
            WHEN p.scheme = '210' THEN 'UNEMPLOYMENT' WHEN p.scheme = '410' THEN 'INJURY' ELSE 'MATERNITY' END,
       b.id_number || '|' || p.scheme || '|' || p.region, 1, b.id_number, p.scheme, p.region,
       CASE WHEN b.employed THEN '91630100MA' || lpad((b.g % 100000)::text, 8, '0') END,
       p.contribution, p.person_status, DATE '2010-01-01', p.ended, p.paid, b.g
FROM bench_person b
CROSS JOIN LATERAL (VALUES
    -- medical: 310 when employed, else 390; a lapsed share paid long ago
    (CASE WHEN b.employed THEN '310' ELSE '390' END, b.county, '1', NULL::char(1),
     CASE WHEN b.lapsed THEN DATE '2015-06-01' ELSE DATE '2017-09-01' END, NOT b.no_medical, NULL::date),
    -- a second, duplicate resident medical participation elsewhere
    ('390', CASE WHEN b.county = '630102' THEN '630103' ELSE '630102' END, '1', NULL, DATE '2017-09-01',
     b.duplicate_medical AND NOT b.no_medical, NULL),
    -- pension: retirees draw 110, the employed pay 110, the others 170
    (CASE WHEN b.born < DATE '1957-10-15' OR b.employed THEN '110' ELSE '170' END, b.county,
     CASE WHEN b.born < DATE '1957-10-15' THEN '3' WHEN b.g % 33 = 8 THEN '2' ELSE '1' END,
     CASE WHEN b.born < DATE '1957-10-15' THEN '2' ELSE '1' END,
     CASE WHEN b.born < DATE '1957-10-15' THEN DATE '2012-12-01' WHEN b.lapsed THEN DATE '2015-06-01'
          ELSE DATE '2017-09-01' END,
     NOT b.no_pension AND b.born < DATE '2001-10-15', NULL),
    ('210', b.county, '1', NULL, DATE '2017-09-01', b.employed, NULL),
    ('410', b.county, '1', NULL, DATE '2017-09-01', b.employed, NULL),
    ('510', b.county, '1', NULL, DATE '2017-08-01', b.employed AND b.g % 7 <> 0, NULL),
    -- a resident medical participation ended (终止缴费) in the county the person lived in before: what a move
    -- leaves behind; it changes nobody's category (each has a later medical one) but the statements read it
    ('390', CASE WHEN b.county = '630104' THEN '630105' ELSE '630104' END, '3', NULL, DATE '2014-06-01',
     b.moved_within AND NOT b.no_medical, DATE '2014-06-30')
) AS p(scheme, region, contribution, person_status, paid, present, ended)
WHERE p.present;

-- participations the scheme systems no longer state (ended by a DELETE or left out of a full snapshot, V17): held
-- ever, never active. They make LAPSED of some persons with no current medical (0.24 %) or pension (1.1 %)
-- participation, and send the classification to the ended participations' index for them.
INSERT INTO registry_participation_ended (system, source_key, ordinal, id_number, scheme, insured_region,
    employer_id, contribution_status, person_status, start_date, end_date, last_paid_month, source_record_id)
SELECT CASE WHEN p.scheme = '170' THEN 'PENSION' ELSE 'MEDICAL' END, b.id_number || '|' || p.scheme || '|' || b.county,
       1, b.id_number, p.scheme, b.county, NULL, '1', CASE WHEN p.scheme = '170' THEN '1' END, DATE '2008-01-01',
       NULL, p.paid, b.g
FROM bench_person b
CROSS JOIN LATERAL (VALUES ('390', DATE '2016-06-01', b.no_medical AND b.g % 17 = 15),
                           ('170', DATE '2015-12-01', b.no_pension AND b.g % 11 = 3)) AS p(scheme, paid, present)
WHERE p.present;

-- persons outside the population base whom POLICE deleted as dead (what the classification reads of them)
INSERT INTO registry_statement_ended (system, source_key, id_number, source_record_id, operation, vital_status,
    status_changed_on)
SELECT 'POLICE', id_number, id_number, g, 'DELETE', '1', DATE '2016-06-01'
FROM bench_person WHERE outside_base AND g % 400 = 100;

-- persons after their participations, each with the coverage the registry refresh keeps in the merged view
-- (view registry_refresh_coverage, migrations V10 and V17), in the order generated
TRUNCATE registry_refresh_person;
INSERT INTO registry_refresh_person (id_number) SELECT id_number FROM bench_person;
INSERT INTO registry_person (id_number, name, name_system, sex, sex_system, ethnicity, birth_date, birth_date_system,
    population_category, household_region, residence_region, vital_status, address, status_changed_on,
    police_record_id, systems, merged_at, held_schemes, drawing_schemes, drawing_twice, paid_110, paid_120, paid_170,
    paid_210, paid_310, paid_390, paid_410, paid_510, second_paid, employed_paid_110, employed_paid_120,
    ended_schemes)
SELECT b.id_number, '某' || (b.g % 997), 'POLICE', CASE WHEN b.g % 2 = 0 THEN '2' ELSE '1' END, 'POLICE', '01', b.born,
       'POLICE', CASE WHEN b.non_registered THEN '2' ELSE '1' END,
       CASE WHEN b.non_registered THEN '510104001' ELSE b.township END, b.township, b.vital,
       '某街道某社区' || (b.g % 500) || '号', CASE WHEN b.vital <> '0' THEN DATE '2016-06-01' END,
       CASE WHEN b.outside_base THEN NULL ELSE b.g END, ARRAY['CARD', 'POLICE'], now(),
       coalesce(c.held_schemes, 0), coalesce(c.drawing_schemes, 0), coalesce(c.drawing_twice, 0), c.paid_110,
       c.paid_120, c.paid_170, c.paid_210, c.paid_310, c.paid_390, c.paid_410, c.paid_510, c.second_paid,
       c.employed_paid_110, c.employed_paid_120, coalesce(c.ended_schemes, 0)
FROM bench_person b
LEFT JOIN registry_refresh_coverage c ON c.id_number = b.id_number
ORDER BY b.g;
TRUNCATE registry_refresh_person;

INSERT INTO registry_student (system, source_key, id_number, stage, school, school_region, enrolled_month,
    source_record_id)
SELECT 'EDUCATION', id_number, id_number, '高校', '某学校', county, DATE '2016-09-01', g
FROM bench_person WHERE born > DATE '1995-01-01' AND born < DATE '2011-01-01' AND g % 3 = 0;

INSERT INTO registry_custody (system, source_key, id_number, custody_from, custody_until, facility,
    facility_region, status, source_record_id)
SELECT 'JUSTICE', id_number, id_number, DATE '2016-01-01', DATE '2019-01-01', '某监狱', '630121',
       CASE WHEN g % 5000 = 9 THEN '3' ELSE '1' END, g
FROM bench_person WHERE g % 500 = 9;

INSERT INTO registry_assistance (system, source_key, id_number, category, region, valid_from, valid_to,
    source_record_id)
SELECT 'CIVIL', id_number, id_number, '02', township, DATE '2017-01-01', NULL, g
FROM bench_person WHERE g % 30 = 10;

INSERT INTO national_insured_elsewhere (id_number, province, scheme, status, message_id, received_at)
SELECT id_number, '510000', s, '1', 'bench', now()
FROM bench_person, unnest(ARRAY['110', '390']) s WHERE g % 250 = 11
ON CONFLICT DO NOTHING;

ALTER TABLE registry_person ADD PRIMARY KEY (id_number);
CREATE INDEX registry_person_name_birth ON registry_person (birth_date, name);
ALTER TABLE registry_participation ADD PRIMARY KEY (system, source_key, ordinal);
CREATE INDEX registry_participation_person ON registry_participation (id_number);
DROP TABLE bench_person;

VACUUM ANALYZE;
SELECT (SELECT count(*) FROM registry_person) AS persons,
       (SELECT count(*) FROM registry_participation) AS participations;
