-- Classifies every person of part :part of :parts (spec §8) and explains the category in one pass, into the run's
-- load table (comparison_result_load: no indexes until every part is in, V5), so the rows need no order.
--
-- Shaped as the planner does well with it (docs/comparison.md; measurements in docs/performance.md, "Comparison"):
-- one scan of the merged persons, whose rows carry the coverage the registry refresh summarised from their
-- participations; the fact tables gathered into one hash table per person; no correlated subquery over the whole
-- population, only over the few persons whose reasons need their participations. Sets of schemes and of
-- expectations are bit masks, named by the functions of R__10_schemes.sql, which the planner inlines and folds into
-- the bit arithmetic. OFFSET 0 keeps a step from being flattened into the next, which would compute its expressions
-- again wherever the next step refers to them. The reasons are built as JSON text.
--
-- Parameters: :runId; :part of :parts (0 ≤ part < parts); :asOf, the as-of date D; :monthlyCutoff and
-- :yearlyCutoff, the first month of the payment windows of monthly and yearly paid schemes (D's month less the
-- window); :adultBornBy, D less the pension age; :prefix, the province's region prefix; :successorFrom and
-- :successorTo, former county codes (text[]) and the agencies that serve them now. Run with classify-settings.sql
-- in the same transaction, after SELECT comparison_result_load_begin(:runId) (docs/sql.md, the worked example).
INSERT INTO comparison_result_load (run_id, id_number, id_key, category, flags, unmet, missing_schemes,
    exclusion, held_schemes, active_schemes, employed, pension_expected, pension_met, medical_met,
    rostered, county, township, prefecture, age, name, sex, address, reasons, alert_types)
WITH elsewhere AS (
    SELECT q.id_number, bit_or(scheme_bit(q.scheme)) AS active,
           CAST(json_agg(json_build_object('province', q.province, 'scheme', q.scheme,
                                           'messageId', q.message_id)
                         ORDER BY q.province, q.scheme) AS text) AS evidence
    -- spec §8: only an active scheme in another province covers; a row naming this province does not
    FROM national_insured_elsewhere q WHERE q.status = '1' AND q.province NOT LIKE :prefix || '%'
    GROUP BY q.id_number),
in_custody AS (
    SELECT id_number, string_agg(CAST(json_build_object('code', 'IN_CUSTODY', 'system', system,
               'sourceRecordId', source_record_id, 'custodyStatus', status, 'from', custody_from,
               'until', custody_until) AS text), ',' ORDER BY source_record_id) AS reasons
    FROM registry_custody
    WHERE status = '1' AND (custody_from IS NULL OR custody_from <= CAST(:asOf AS date))
      AND (custody_until IS NULL OR custody_until >= CAST(:asOf AS date))
    GROUP BY id_number),
-- JUSTICE gives no date of a death in custody: it holds at every as-of date, as an undated POLICE status does
died_in_custody AS (
    SELECT id_number, string_agg(CAST(json_build_object('code', 'DECEASED', 'system', system,
               'sourceRecordId', source_record_id, 'custodyStatus', status, 'from', custody_from,
               'until', custody_until) AS text), ',' ORDER BY source_record_id) AS reasons
    FROM registry_custody WHERE status = '3'
    GROUP BY id_number),
-- every fact table in one hash table: one join per person instead of one per table
facts AS (
    SELECT f.id_number,
           min(f.record) FILTER (WHERE f.kind = 1) AS student_record,
           min(f.record) FILTER (WHERE f.kind = 2) AS assistance_record,
           (array_agg(f.evidence) FILTER (WHERE f.kind = 3))[1] AS custody_reasons,
           (array_agg(f.evidence) FILTER (WHERE f.kind = 4))[1] AS death_reasons,
           (array_agg(f.evidence) FILTER (WHERE f.kind = 5))[1] AS elsewhere_evidence,
           coalesce(bit_or(f.bits) FILTER (WHERE f.kind = 5), 0) AS elsewhere,
           (array_agg(f.evidence) FILTER (WHERE f.kind = 6))[1] AS ended_police_reason,
           (array_agg(f.bits) FILTER (WHERE f.kind = 6))[1] AS ended_police_vital
    FROM (SELECT id_number, 1 AS kind, source_record_id AS record, NULL::text AS evidence, NULL::int AS bits
          FROM registry_student
          UNION ALL
          SELECT id_number, 2, source_record_id, NULL, NULL FROM registry_assistance
          WHERE (valid_from IS NULL OR valid_from <= CAST(:asOf AS date))
            AND (valid_to IS NULL OR valid_to >= CAST(:asOf AS date))
          UNION ALL
          SELECT id_number, 3, NULL, reasons, NULL FROM in_custody
          UNION ALL
          SELECT id_number, 4, NULL, reasons, NULL FROM died_in_custody
          UNION ALL
          SELECT id_number, 5, NULL, evidence, active FROM elsewhere
          UNION ALL
          -- what POLICE said last of a person it no longer states (a DELETE, or left out of a full snapshot): a
          -- death or departure dated at or before D, or undated, still holds (a pension recipient deleted as dead
          -- is alerted); the person is outside the population base
          SELECT id_number, 6, NULL, CAST(json_build_object('code', CASE vital_status WHEN '1' THEN 'DECEASED'
                     WHEN '2' THEN 'MOVED_OUT' ELSE 'CANCELLED' END, 'system', system,
                     'sourceRecordId', source_record_id, 'vitalStatus', vital_status,
                     'statusChangedOn', status_changed_on) AS text), CAST(vital_status AS int)
          FROM registry_statement_ended
          WHERE system = 'POLICE' AND vital_status IN ('1', '2', '3')
            AND (status_changed_on IS NULL OR status_changed_on <= CAST(:asOf AS date))) f
    GROUP BY f.id_number),
person AS (
    SELECT p.id_number, p.name, p.sex, p.sex_system, p.address, p.systems, p.police_record_id,
           p.vital_status, p.status_changed_on, b.born, b.region,
           coalesce(p.police_record_id IS NOT NULL AND b.region LIKE :prefix || '%', false) AS in_base,
           -- the coverage the refresh keeps in the person's row, against this run's payment windows; held ever:
           -- the current participations and those no longer stated (ended), which are never active
           p.held_schemes | p.ended_schemes AS held, p.ended_schemes AS ended, p.drawing_schemes AS drawing,
           p.drawing_twice, p.second_paid, b.paying,
           coalesce(p.employed_paid_110 >= payment_cutoff('110', :monthlyCutoff, :yearlyCutoff)
                    OR p.employed_paid_120 >= payment_cutoff('120', :monthlyCutoff, :yearlyCutoff), false) AS employed
    FROM registry_person p
    CROSS JOIN LATERAL (
        SELECT coalesce(p.birth_date, to_date(substr(p.id_number, 7, 8), 'YYYYMMDD')) AS born,
               CASE WHEN p.population_category = '2' THEN p.residence_region ELSE p.household_region END
                   AS region,
               paid_in_window(p.paid_110, '110', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_120, '120', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_170, '170', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_210, '210', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_310, '310', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_390, '390', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_410, '410', :monthlyCutoff, :yearlyCutoff)
               | paid_in_window(p.paid_510, '510', :monthlyCutoff, :yearlyCutoff) AS paying) b
    -- hashbpchar hashes the CHAR(18) as it is (hashtext would first copy every identity number into a text)
    WHERE (hashbpchar(p.id_number) & 2147483647) % :parts = :part
    OFFSET 0),
evaluated AS (
    SELECT p.*, p.drawing | p.paying AS active,
           -- a scheme active twice: drawn twice, drawn and paid, or paid twice (second_paid is in bit order)
           p.drawing_twice <> 0 OR (p.drawing & p.paying) <> 0
               OR (p.second_paid IS NOT NULL
                   AND (paid_in_window(p.second_paid[1], '110', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[2], '120', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[3], '170', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[4], '210', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[5], '310', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[6], '390', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[7], '410', :monthlyCutoff, :yearlyCutoff)
                        | paid_in_window(p.second_paid[8], '510', :monthlyCutoff, :yearlyCutoff)) <> 0)
               AS active_twice,
           f.student_record, f.custody_reasons, f.death_reasons,
           f.custody_reasons IS NOT NULL AS in_custody,
           coalesce(s.vital, '0') = '1' OR f.death_reasons IS NOT NULL AS deceased,
           coalesce(s.vital IN ('2', '3'), false) AS gone,
           s.vital AS police_vital, s.reason AS police_reason,
           f.assistance_record,
           coalesce(f.elsewhere, 0) AS elsewhere, f.elsewhere_evidence,
           p.born <= CAST(:adultBornBy AS date) AS adult
    FROM person p
    LEFT JOIN facts f ON f.id_number = p.id_number
    -- POLICE's status at D (RYZT 1 deceased, 2 moved out, 3 cancelled), dated at or before D or undated: of its
    -- current statement, or of the one that ended (facts)
    CROSS JOIN LATERAL (
        SELECT CASE WHEN p.vital_status IN ('1', '2', '3')
                         AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date))
                    THEN p.vital_status ELSE CAST(f.ended_police_vital AS text) END AS vital,
               CASE WHEN p.vital_status IN ('1', '2', '3')
                         AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date))
                    THEN CAST(json_build_object('code', CASE p.vital_status WHEN '1' THEN 'DECEASED'
                             WHEN '2' THEN 'MOVED_OUT' ELSE 'CANCELLED' END, 'system', 'POLICE',
                             'sourceRecordId', p.police_record_id, 'vitalStatus', p.vital_status,
                             'statusChangedOn', p.status_changed_on) AS text)
                    ELSE f.ended_police_reason END AS reason) s),
expected AS (
    SELECT v.*,
           meets(v.active, 'MEDICAL') AS medical_met,
           v.adult AND v.student_record IS NULL AS pension_expected,
           meets(v.active, 'PENSION') AS pension_met,
           -- the expectations of the person not met by an active scheme, as an expectation mask
           CASE WHEN NOT v.in_base THEN 0 ELSE
           (CASE WHEN NOT meets(v.active, 'MEDICAL') THEN expectation_bit('MEDICAL') ELSE 0 END)
           | (CASE WHEN v.adult AND v.student_record IS NULL AND NOT meets(v.active, 'PENSION')
                   THEN expectation_bit('PENSION') ELSE 0 END)
           | (CASE WHEN v.employed AND NOT meets(v.active, 'EMPLOYMENT_210')
                   THEN expectation_bit('EMPLOYMENT_210') ELSE 0 END)
           | (CASE WHEN v.employed AND NOT meets(v.active, 'EMPLOYMENT_410')
                   THEN expectation_bit('EMPLOYMENT_410') ELSE 0 END)
           | (CASE WHEN v.employed AND NOT meets(v.active, 'EMPLOYMENT_510')
                   THEN expectation_bit('EMPLOYMENT_510') ELSE 0 END)
           | (CASE WHEN v.employed AND NOT meets(v.active, 'EMPLOYMENT_310')
                   THEN expectation_bit('EMPLOYMENT_310') ELSE 0 END) END AS unmet,
           expectations_met(v.held) AS held_expectations,
           expectations_met(v.elsewhere) AS elsewhere_expectations,
           -- the flags as bits of this statement's own: DUPLICATE 1, ASSISTANCE_UNINSURED 2, STUDENT 4, SEX_MISMATCH 8
           CASE WHEN NOT v.in_base THEN 0 ELSE
           (CASE WHEN insured_as_employee_and_resident(v.active) OR v.active_twice THEN 1 ELSE 0 END)
           | (CASE WHEN v.assistance_record IS NOT NULL AND NOT meets(v.active, 'MEDICAL') THEN 2 ELSE 0 END)
           | (CASE WHEN v.student_record IS NOT NULL THEN 4 ELSE 0 END)
           | (CASE WHEN v.sex IN ('1', '2') AND v.sex <> CASE WHEN substr(v.id_number, 17, 1)::int % 2 = 1
                       THEN '1' ELSE '2' END THEN 8 ELSE 0 END) END AS flag_bits,
           -- the alerts of spec §7.2 the facts call for, whatever the category and the order of the exclusions
           -- (docs/comparison.md, "Alerts"): BENEFIT_RECIPIENT_DECEASED 1, BENEFIT_RECIPIENT_IN_CUSTODY 2 for a
           -- person drawing a pension, in the population base or not; DUPLICATE_MEDICAL 4 in the base
           (CASE WHEN v.drawing <> 0 AND v.deceased THEN 1 ELSE 0 END)
           | (CASE WHEN v.drawing <> 0 AND v.in_custody THEN 2 ELSE 0 END)
           | (CASE WHEN v.in_base AND has_every_scheme(v.active, scheme_bit('310') | scheme_bit('390')) THEN 4
                   ELSE 0 END) AS alert_bits
    FROM evaluated v
    OFFSET 0),
categorised AS (
    SELECT x.*,
           CASE WHEN NOT x.in_base THEN NULL
                WHEN x.deceased THEN 'DECEASED'
                WHEN x.gone AND x.police_vital = '2' THEN 'MOVED_OUT'
                WHEN x.gone THEN 'CANCELLED'
                WHEN x.in_custody THEN 'IN_CUSTODY'
                WHEN x.unmet <> 0 AND (x.unmet & ~x.elsewhere_expectations) = 0 THEN 'INSURED_ELSEWHERE'
           END AS exclusion
    FROM expected x
    OFFSET 0),
classified AS (
    SELECT y.*,
           CASE WHEN NOT y.in_base THEN 'NOT_IN_POPULATION'
                WHEN y.exclusion IS NOT NULL THEN 'EXCLUDED'
                WHEN y.held = 0 THEN 'UNINSURED'
                WHEN (y.unmet & y.held_expectations) <> 0 THEN 'LAPSED'
                WHEN y.unmet <> 0 THEN 'PARTIAL'
                ELSE 'INSURED' END AS category
    FROM categorised y
    OFFSET 0),
described AS (
    SELECT z.*,
           z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') AS rostered,
           -- per unmet expectation a LAPSED or NEVER_HELD reason, for these persons only
           CASE WHEN z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') OR z.exclusion = 'INSURED_ELSEWHERE'
                THEN z.unmet ELSE 0 END AS explained,
           expectation_names(z.unmet) AS unmet_names,
           -- 缺少险种 of the expectations never held: the schemes to enrol in
           CASE WHEN z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL')
                THEN enrol_schemes(z.unmet & ~z.held_expectations, z.employed) ELSE 0 END AS enrol
    FROM classified z
    OFFSET 0),
explained AS (
    SELECT d.*,
           -- the most recently paid participation of each unmet expectation that was held (310 before 390 and the
           -- lower code first on a tie); looked up only for persons with such an expectation. One element per
           -- expectation in bit order: the paid month (YYYYMM), every scheme's mask less the scheme's bit (3 digits),
           -- then the evidence, so that the greatest is the one to show without a sort per person
           CASE WHEN (d.explained & d.held_expectations) <> 0 THEN (
               SELECT ARRAY[
                   max(k.evidence) FILTER (WHERE has_expectation(d.explained, 'MEDICAL')
                                             AND scheme_meets(q.scheme, 'MEDICAL')),
                   max(k.evidence) FILTER (WHERE has_expectation(d.explained, 'PENSION')
                                             AND scheme_meets(q.scheme, 'PENSION')),
                   max(k.evidence) FILTER (WHERE has_expectation(d.explained, 'EMPLOYMENT_210')
                                             AND scheme_meets(q.scheme, 'EMPLOYMENT_210')),
                   max(k.evidence) FILTER (WHERE has_expectation(d.explained, 'EMPLOYMENT_410')
                                             AND scheme_meets(q.scheme, 'EMPLOYMENT_410')),
                   max(k.evidence) FILTER (WHERE has_expectation(d.explained, 'EMPLOYMENT_510')
                                             AND scheme_meets(q.scheme, 'EMPLOYMENT_510')),
                   max(k.evidence) FILTER (WHERE has_expectation(d.explained, 'EMPLOYMENT_310')
                                             AND scheme_meets(q.scheme, 'EMPLOYMENT_310'))]
               FROM (SELECT q.source_record_id, q.system, q.scheme, q.insured_region, q.contribution_status,
                            q.person_status, q.last_paid_month, false AS ended
                     FROM registry_participation q WHERE q.id_number = d.id_number
                     UNION ALL
                     -- the participations no longer stated, looked up only for persons who have some
                     SELECT q.source_record_id, q.system, q.scheme, q.insured_region, q.contribution_status,
                            q.person_status, q.last_paid_month, true
                     FROM registry_participation_ended q WHERE d.ended <> 0 AND q.id_number = d.id_number) q
               CROSS JOIN LATERAL (
                   SELECT to_char(coalesce(q.last_paid_month, DATE '0001-01-01'), 'YYYYMM')
                          || lpad(CAST(all_schemes() - scheme_bit(q.scheme) AS text), 3, '0')
                          || CAST(json_build_object('sourceRecordId', q.source_record_id, 'system', q.system,
                                  'scheme', q.scheme, 'insuredRegion', q.insured_region,
                                  'contributionStatus', q.contribution_status,
                                  'personStatus', q.person_status,
                                  'lastPaidMonth', to_char(q.last_paid_month, 'YYYY-MM'),
                                  'ended', q.ended) AS text) AS evidence) k) END AS lapsed,
           -- the active participations of a person flagged DUPLICATE
           CASE WHEN (d.flag_bits & 1) <> 0 THEN (
               SELECT json_agg(json_build_object('sourceRecordId', q.source_record_id, 'scheme', q.scheme,
                                                   'insuredRegion', q.insured_region)
                                ORDER BY q.scheme, q.insured_region)
               FROM registry_participation q
               WHERE q.id_number = d.id_number
                 AND ((scheme_meets(q.scheme, 'PENSION') AND q.person_status = '2')
                      OR (q.contribution_status = '1'
                          AND q.last_paid_month >= payment_cutoff(q.scheme, :monthlyCutoff, :yearlyCutoff))))
               END AS duplicates
    FROM described d
    OFFSET 0)
SELECT :runId, w.id_number, comparison_key(w.id_number), w.category,
       CASE WHEN w.flag_bits = 0 THEN NULL ELSE array_remove(ARRAY[
           CASE WHEN (w.flag_bits & 1) <> 0 THEN 'DUPLICATE' END,
           CASE WHEN (w.flag_bits & 2) <> 0 THEN 'ASSISTANCE_UNINSURED' END,
           CASE WHEN (w.flag_bits & 4) <> 0 THEN 'STUDENT' END,
           CASE WHEN (w.flag_bits & 8) <> 0 THEN 'SEX_MISMATCH' END], NULL) END,
       w.unmet_names,
       -- 缺少险种: the schemes to enrol in, or those of the lapsed evidence shown (its bit is the mask of every
       -- scheme less the number in characters 7-9 of the element)
       CASE WHEN w.rostered THEN scheme_codes(w.enrol
           | (coalesce(all_schemes() - CAST(substr(w.lapsed[1], 7, 3) AS int), 0)
              | coalesce(all_schemes() - CAST(substr(w.lapsed[2], 7, 3) AS int), 0)
              | coalesce(all_schemes() - CAST(substr(w.lapsed[3], 7, 3) AS int), 0)
              | coalesce(all_schemes() - CAST(substr(w.lapsed[4], 7, 3) AS int), 0)
              | coalesce(all_schemes() - CAST(substr(w.lapsed[5], 7, 3) AS int), 0)
              | coalesce(all_schemes() - CAST(substr(w.lapsed[6], 7, 3) AS int), 0))) END,
       w.exclusion, w.held, w.active, w.employed, w.in_base AND w.pension_expected, w.pension_met,
       w.medical_met, w.rostered,
       r.county, r.township, CASE WHEN r.county IS NOT NULL THEN substr(r.county, 1, 4) || '00' END,
       CASE WHEN w.rostered THEN extract(year FROM age(CAST(:asOf AS date), w.born))::smallint END,
       CASE WHEN w.rostered THEN w.name END, CASE WHEN w.rostered THEN w.sex END,
       CASE WHEN w.rostered THEN w.address END,
       -- the frequent reasons are written as text around their few varying values, in json_build_object's layout
       CASE WHEN w.category <> 'INSURED' OR w.flag_bits <> 0 THEN CAST('[' || nullif(concat_ws(',',
               CASE WHEN NOT w.in_base THEN '{"code" : "NOT_IN_POPULATION", "systems" : '
                   || CAST(to_json(w.systems) AS text) || ', "policeRecordId" : '
                   || coalesce(CAST(w.police_record_id AS text), 'null') || '}' END,
               -- every exclusion that holds at D, in the order of the rules (the first is the exclusion), also
               -- outside the population base: the alerts read the deaths and custody of every person; the JUSTICE
               -- statements are already JSON text joined by commas
               CASE WHEN w.police_vital = '1' THEN w.police_reason END,
               w.death_reasons,
               CASE WHEN w.police_vital IN ('2', '3') THEN w.police_reason END,
               w.custody_reasons,
               CASE WHEN w.exclusion = 'INSURED_ELSEWHERE' THEN json_build_object('code',
                   'INSURED_ELSEWHERE', 'expectations', to_json(w.unmet_names),
                   'elsewhere', CAST(w.elsewhere_evidence AS json)) END,
               CASE WHEN w.category = 'UNINSURED' THEN '{"code" : "NO_PARTICIPATION"}' END,
               -- per expectation explained: LAPSED with the evidence of its element of lapsed, or NEVER_HELD
               CASE WHEN NOT has_expectation(w.explained, 'MEDICAL') THEN NULL
                    WHEN has_expectation(w.held_expectations, 'MEDICAL')
                    THEN '{"code" : "LAPSED", "expectation" : "MEDICAL", "schemes" : '
                         || expectation_schemes_json('MEDICAL') || ', "evidence" : '
                         || coalesce(substr(w.lapsed[1], 10), 'null') || '}'
                    ELSE '{"code" : "NEVER_HELD", "expectation" : "MEDICAL", "schemes" : '
                         || expectation_schemes_json('MEDICAL') || ', "enrol" : "'
                         || enrol_scheme('MEDICAL', w.employed) || '"}' END,
               CASE WHEN NOT has_expectation(w.explained, 'PENSION') THEN NULL
                    WHEN has_expectation(w.held_expectations, 'PENSION')
                    THEN '{"code" : "LAPSED", "expectation" : "PENSION", "schemes" : '
                         || expectation_schemes_json('PENSION') || ', "evidence" : '
                         || coalesce(substr(w.lapsed[2], 10), 'null') || '}'
                    ELSE '{"code" : "NEVER_HELD", "expectation" : "PENSION", "schemes" : '
                         || expectation_schemes_json('PENSION') || ', "enrol" : "'
                         || enrol_scheme('PENSION', w.employed) || '"}' END,
               CASE WHEN NOT has_expectation(w.explained, 'EMPLOYMENT_210') THEN NULL
                    WHEN has_expectation(w.held_expectations, 'EMPLOYMENT_210')
                    THEN '{"code" : "LAPSED", "expectation" : "EMPLOYMENT_210", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_210') || ', "evidence" : '
                         || coalesce(substr(w.lapsed[3], 10), 'null') || '}'
                    ELSE '{"code" : "NEVER_HELD", "expectation" : "EMPLOYMENT_210", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_210') || ', "enrol" : "'
                         || enrol_scheme('EMPLOYMENT_210', w.employed) || '"}' END,
               CASE WHEN NOT has_expectation(w.explained, 'EMPLOYMENT_410') THEN NULL
                    WHEN has_expectation(w.held_expectations, 'EMPLOYMENT_410')
                    THEN '{"code" : "LAPSED", "expectation" : "EMPLOYMENT_410", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_410') || ', "evidence" : '
                         || coalesce(substr(w.lapsed[4], 10), 'null') || '}'
                    ELSE '{"code" : "NEVER_HELD", "expectation" : "EMPLOYMENT_410", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_410') || ', "enrol" : "'
                         || enrol_scheme('EMPLOYMENT_410', w.employed) || '"}' END,
               CASE WHEN NOT has_expectation(w.explained, 'EMPLOYMENT_510') THEN NULL
                    WHEN has_expectation(w.held_expectations, 'EMPLOYMENT_510')
                    THEN '{"code" : "LAPSED", "expectation" : "EMPLOYMENT_510", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_510') || ', "evidence" : '
                         || coalesce(substr(w.lapsed[5], 10), 'null') || '}'
                    ELSE '{"code" : "NEVER_HELD", "expectation" : "EMPLOYMENT_510", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_510') || ', "enrol" : "'
                         || enrol_scheme('EMPLOYMENT_510', w.employed) || '"}' END,
               CASE WHEN NOT has_expectation(w.explained, 'EMPLOYMENT_310') THEN NULL
                    WHEN has_expectation(w.held_expectations, 'EMPLOYMENT_310')
                    THEN '{"code" : "LAPSED", "expectation" : "EMPLOYMENT_310", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_310') || ', "evidence" : '
                         || coalesce(substr(w.lapsed[6], 10), 'null') || '}'
                    ELSE '{"code" : "NEVER_HELD", "expectation" : "EMPLOYMENT_310", "schemes" : '
                         || expectation_schemes_json('EMPLOYMENT_310') || ', "enrol" : "'
                         || enrol_scheme('EMPLOYMENT_310', w.employed) || '"}' END,
               CASE WHEN (w.flag_bits & 1) <> 0 THEN json_build_object('code', 'DUPLICATE',
                   'participations', w.duplicates) END,
               CASE WHEN (w.flag_bits & 2) <> 0 THEN '{"code" : "ASSISTANCE_UNINSURED", "sourceRecordId" : '
                   || coalesce(CAST(w.assistance_record AS text), 'null') || '}' END,
               CASE WHEN (w.flag_bits & 4) <> 0 THEN '{"code" : "STUDENT", "sourceRecordId" : '
                   || coalesce(CAST(w.student_record AS text), 'null') || '}' END,
               CASE WHEN (w.flag_bits & 8) <> 0 THEN json_build_object('code', 'SEX_MISMATCH',
                   'sex', w.sex, 'system', w.sex_system) END), '') || ']' AS json) END,
       CASE WHEN w.alert_bits <> 0 THEN array_remove(ARRAY[
           CASE WHEN (w.alert_bits & 1) <> 0 THEN 'BENEFIT_RECIPIENT_DECEASED' END,
           CASE WHEN (w.alert_bits & 2) <> 0 THEN 'BENEFIT_RECIPIENT_IN_CUSTODY' END,
           CASE WHEN (w.alert_bits & 4) <> 0 THEN 'DUPLICATE_MEDICAL' END], NULL) END
FROM explained w
CROSS JOIN LATERAL (
    SELECT CASE WHEN w.in_base THEN coalesce((CAST(:successorTo AS text[]))[
               array_position(CAST(:successorFrom AS text[]), substr(w.region, 1, 6))],
               substr(w.region, 1, 6)) END AS county,
           CASE WHEN w.in_base AND length(w.region) = 9 THEN w.region END AS township) r;
