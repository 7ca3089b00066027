-- Each person's coverage kept in the merged view: what the comparison needs of the person's current
-- participations, summarised by the registry refresh whenever it merges the person again. A comparison run then
-- reads one row per person instead of grouping every participation of the province each night
-- (docs/registry.md, "Coverage"; docs/performance.md, "Comparison"). Nothing here depends on the as-of date: a run
-- compares the months with its own payment windows. Scheme bits as in the comparison: 110 1, 120 2, 170 4,
-- 210 8, 310 16, 390 32, 410 64, 510 128; months are their first days.
ALTER TABLE registry_person
    -- schemes of every current participation
    ADD COLUMN held_schemes      SMALLINT NOT NULL DEFAULT 0,
    -- pension schemes (110, 120, 170) with a participation drawing benefits (person status 2), and with two or more
    ADD COLUMN drawing_schemes   SMALLINT NOT NULL DEFAULT 0,
    ADD COLUMN drawing_twice     SMALLINT NOT NULL DEFAULT 0,
    -- per scheme the latest paid month of a participation paying contributions (status 1) that draws no benefits
    ADD COLUMN paid_110          DATE,
    ADD COLUMN paid_120          DATE,
    ADD COLUMN paid_170          DATE,
    ADD COLUMN paid_210          DATE,
    ADD COLUMN paid_310          DATE,
    ADD COLUMN paid_390          DATE,
    ADD COLUMN paid_410          DATE,
    ADD COLUMN paid_510          DATE,
    -- the second-latest such month of each scheme in bit order, only for persons with two in some scheme
    ADD COLUMN second_paid       DATE[],
    -- the latest paid month of a paying participation as an employee (person status 1) in 110 and 120
    ADD COLUMN employed_paid_110 DATE,
    ADD COLUMN employed_paid_120 DATE;

-- The coverage of the persons the refresh merges again (registry_refresh_person), from their current participations.
CREATE VIEW registry_refresh_coverage AS
SELECT s.id_number,
       CAST(bit_or(s.bit) AS SMALLINT)                                               AS held_schemes,
       CAST(coalesce(bit_or(s.bit) FILTER (WHERE s.drawing > 0), 0) AS SMALLINT)     AS drawing_schemes,
       CAST(coalesce(bit_or(s.bit) FILTER (WHERE s.drawing > 1), 0) AS SMALLINT)     AS drawing_twice,
       max(s.paid) FILTER (WHERE s.scheme = '110')                                   AS paid_110,
       max(s.paid) FILTER (WHERE s.scheme = '120')                                   AS paid_120,
       max(s.paid) FILTER (WHERE s.scheme = '170')                                   AS paid_170,
       max(s.paid) FILTER (WHERE s.scheme = '210')                                   AS paid_210,
       max(s.paid) FILTER (WHERE s.scheme = '310')                                   AS paid_310,
       max(s.paid) FILTER (WHERE s.scheme = '390')                                   AS paid_390,
       max(s.paid) FILTER (WHERE s.scheme = '410')                                   AS paid_410,
       max(s.paid) FILTER (WHERE s.scheme = '510')                                   AS paid_510,
       CASE WHEN count(s.second) > 0 THEN ARRAY[
           max(s.second) FILTER (WHERE s.scheme = '110'), max(s.second) FILTER (WHERE s.scheme = '120'),
           max(s.second) FILTER (WHERE s.scheme = '170'), max(s.second) FILTER (WHERE s.scheme = '210'),
           max(s.second) FILTER (WHERE s.scheme = '310'), max(s.second) FILTER (WHERE s.scheme = '390'),
           max(s.second) FILTER (WHERE s.scheme = '410'), max(s.second) FILTER (WHERE s.scheme = '510')] END
                                                                                     AS second_paid,
       max(s.employed) FILTER (WHERE s.scheme = '110')                               AS employed_paid_110,
       max(s.employed) FILTER (WHERE s.scheme = '120')                               AS employed_paid_120
FROM (SELECT q.id_number, q.scheme,
             CASE q.scheme WHEN '110' THEN 1 WHEN '120' THEN 2 WHEN '170' THEN 4 WHEN '210' THEN 8
                           WHEN '310' THEN 16 WHEN '390' THEN 32 WHEN '410' THEN 64 WHEN '510' THEN 128
                           ELSE 0 END AS bit,
             count(*) FILTER (WHERE d.drawing) AS drawing,
             max(q.last_paid_month) FILTER (WHERE q.contribution_status = '1' AND NOT d.drawing) AS paid,
             (array_agg(q.last_paid_month ORDER BY q.last_paid_month DESC)
                  FILTER (WHERE q.contribution_status = '1' AND NOT d.drawing AND q.last_paid_month IS NOT NULL))[2]
                 AS second,
             max(q.last_paid_month) FILTER (WHERE q.contribution_status = '1' AND q.person_status = '1') AS employed
      FROM registry_refresh_person r
      JOIN registry_participation q ON q.id_number = r.id_number
      CROSS JOIN LATERAL (SELECT coalesce(q.scheme IN ('110', '120', '170') AND q.person_status = '2', false))
          d(drawing)
      GROUP BY q.id_number, q.scheme) s
GROUP BY s.id_number;

-- the persons merged before this migration
TRUNCATE registry_refresh_person;
INSERT INTO registry_refresh_person (id_number) SELECT id_number FROM registry_person;
UPDATE registry_person p
SET held_schemes = c.held_schemes, drawing_schemes = c.drawing_schemes, drawing_twice = c.drawing_twice,
    paid_110 = c.paid_110, paid_120 = c.paid_120, paid_170 = c.paid_170, paid_210 = c.paid_210,
    paid_310 = c.paid_310, paid_390 = c.paid_390, paid_410 = c.paid_410, paid_510 = c.paid_510,
    second_paid = c.second_paid, employed_paid_110 = c.employed_paid_110, employed_paid_120 = c.employed_paid_120
FROM registry_refresh_coverage c
WHERE c.id_number = p.id_number;
TRUNCATE registry_refresh_person;
