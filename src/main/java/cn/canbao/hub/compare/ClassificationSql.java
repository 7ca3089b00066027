package cn.canbao.hub.compare;

/**
 * The statements of a comparison run (spec §8). Everything is set-based over the registry's typed tables; the
 * shapes follow what the planner does well on this hardware (docs/performance.md): one hash aggregation of the
 * participations per person, the facts as {@code SELECT DISTINCT} key sets joined by hash, no correlated
 * subqueries over the whole population. Scheme sets are bit masks: 110 1, 120 2, 170 4, 210 8, 310 16, 390 32,
 * 410 64, 510 128; expectations too: MEDICAL 1, PENSION 2, EMPLOYMENT_210 4, EMPLOYMENT_410 8, EMPLOYMENT_510 16,
 * EMPLOYMENT_310 32. {@code OFFSET 0} keeps a step from being flattened into the next, which would compute its
 * expressions again wherever the next step refers to them (measured: 40 % of the statement). The results are
 * inserted in identity-number order: the key's B-tree then grows at its right edge instead of taking millions of
 * random page writes once it outgrows shared buffers.
 */
final class ClassificationSql {

    /** Whether participation {@code q} is active at the as-of date (spec §8), as an SQL boolean. */
    static final String ACTIVE = """
            ((q.scheme IN ('110', '120', '170') AND q.person_status = '2')
             OR (q.contribution_status = '1' AND q.last_paid_month >=
                 CASE WHEN q.scheme = ANY (CAST(:yearlySchemes AS text[])) THEN CAST(:yearlyCutoff AS date)
                      ELSE CAST(:cutoff AS date) END))""";

    static final String SCHEME_BIT = """
            CASE q.scheme WHEN '110' THEN 1 WHEN '120' THEN 2 WHEN '170' THEN 4 WHEN '210' THEN 8
                          WHEN '310' THEN 16 WHEN '390' THEN 32 WHEN '410' THEN 64 WHEN '510' THEN 128 ELSE 0 END""";

    /** Expectation bits covered by a scheme mask {@code m}. */
    private static final String EXPECTATIONS_OF = """
            ((CASE WHEN (%1$s & 48) <> 0 THEN 1 ELSE 0 END) | (CASE WHEN (%1$s & 7) <> 0 THEN 2 ELSE 0 END)
             | (CASE WHEN (%1$s & 8) <> 0 THEN 4 ELSE 0 END) | (CASE WHEN (%1$s & 64) <> 0 THEN 8 ELSE 0 END)
             | (CASE WHEN (%1$s & 128) <> 0 THEN 16 ELSE 0 END) | (CASE WHEN (%1$s & 16) <> 0 THEN 32 ELSE 0 END))""";

    static final String CLASSIFY = """
            INSERT INTO comparison_result (run_id, id_number, category, flags, unmet, missing_schemes, exclusion,
                held_schemes, active_schemes, employed, pension_expected, pension_met, medical_met, rostered,
                county, township, prefecture, age)
            WITH coverage AS (
                SELECT q.id_number,
                       bit_or(q.bit) AS held,
                       coalesce(bit_or(q.bit) FILTER (WHERE q.active), 0) AS active,
                       coalesce(sum(q.bit) FILTER (WHERE q.active), 0) AS active_sum,
                       bool_or(q.active AND q.scheme IN ('110', '120') AND q.person_status = '1'
                               AND q.contribution_status = '1') AS employed
                FROM (SELECT q.id_number, q.scheme, q.person_status, q.contribution_status,
                             %1$s AS bit, %2$s AS active
                      FROM registry_participation q) q
                GROUP BY q.id_number),
            elsewhere AS (
                SELECT q.id_number, bit_or(%1$s) AS active
                FROM national_insured_elsewhere q WHERE q.status = '1' GROUP BY q.id_number),
            students AS (SELECT DISTINCT id_number FROM registry_student),
            in_custody AS (
                SELECT DISTINCT id_number FROM registry_custody
                WHERE status = '1' AND (custody_from IS NULL OR custody_from <= CAST(:asOf AS date))
                  AND (custody_until IS NULL OR custody_until >= CAST(:asOf AS date))),
            died_in_custody AS (SELECT DISTINCT id_number FROM registry_custody WHERE status = '3' AND stated_on <= CAST(:asOf AS date)),
            assisted AS (
                SELECT DISTINCT id_number FROM registry_assistance
                WHERE (valid_from IS NULL OR valid_from <= CAST(:asOf AS date)) AND (valid_to IS NULL OR valid_to >= CAST(:asOf AS date))),
            person AS (
                SELECT p.id_number, p.sex, p.vital_status, p.status_changed_on, b.born, b.region,
                       coalesce(p.police_record_id IS NOT NULL AND b.region LIKE :prefix || '%%', false) AS in_base
                FROM registry_person p
                CROSS JOIN LATERAL (
                    SELECT coalesce(p.birth_date, to_date(substr(p.id_number, 7, 8), 'YYYYMMDD')) AS born,
                           CASE WHEN p.population_category = '2' THEN p.residence_region ELSE p.household_region END
                               AS region) b),
            evaluated AS (
                SELECT p.*, coalesce(c.held, 0) AS held, coalesce(c.active, 0) AS active,
                       coalesce(c.active_sum, 0) AS active_sum, coalesce(c.employed, false) AS employed,
                       s.id_number IS NOT NULL AS student,
                       ic.id_number IS NOT NULL AS in_custody,
                       (p.vital_status = '1' AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date)))
                           OR dc.id_number IS NOT NULL AS deceased,
                       p.vital_status IN ('2', '3') AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date))
                           AS gone,
                       a.id_number IS NOT NULL AS assisted,
                       coalesce(e.active, 0) AS elsewhere,
                       p.born <= CAST(:adultBornBy AS date) AS adult
                FROM person p
                LEFT JOIN coverage c ON c.id_number = p.id_number
                LEFT JOIN students s ON s.id_number = p.id_number
                LEFT JOIN in_custody ic ON ic.id_number = p.id_number
                LEFT JOIN died_in_custody dc ON dc.id_number = p.id_number
                LEFT JOIN assisted a ON a.id_number = p.id_number
                LEFT JOIN elsewhere e ON e.id_number = p.id_number),
            expected AS (
                SELECT v.*,
                       (v.active & 48) <> 0 AS medical_met,
                       v.adult AND NOT v.student AS pension_expected,
                       (v.active & 7) <> 0 AS pension_met,
                       (CASE WHEN (v.active & 48) = 0 THEN 1 ELSE 0 END)
                       | (CASE WHEN v.adult AND NOT v.student AND (v.active & 7) = 0 THEN 2 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 8) = 0 THEN 4 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 64) = 0 THEN 8 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 128) = 0 THEN 16 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 16) = 0 THEN 32 ELSE 0 END) AS unmet,
                       %3$s AS held_expectations,
                       %4$s AS elsewhere_expectations
                FROM evaluated v
                OFFSET 0),
            categorised AS (
                SELECT x.*,
                       CASE WHEN x.deceased THEN 'DECEASED'
                            WHEN x.gone AND x.vital_status = '2' THEN 'MOVED_OUT'
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
                OFFSET 0)
            SELECT :runId, z.id_number, z.category,
                   CASE WHEN NOT z.in_base THEN '{}' ELSE array_remove(ARRAY[
                       CASE WHEN ((z.active & 48) = 48 OR ((z.active & 3) <> 0 AND (z.active & 4) <> 0)
                                  OR z.active_sum <> z.active) THEN 'DUPLICATE' END,
                       CASE WHEN z.assisted AND (z.active & 48) = 0 THEN 'ASSISTANCE_UNINSURED' END,
                       CASE WHEN z.student THEN 'STUDENT' END,
                       CASE WHEN z.sex IN ('1', '2') AND z.sex <> CASE WHEN substr(z.id_number, 17, 1)::int %% 2 = 1
                                 THEN '1' ELSE '2' END THEN 'SEX_MISMATCH' END], NULL) END,
                   CASE WHEN NOT z.in_base OR z.unmet = 0 THEN '{}' ELSE array_remove(ARRAY[
                       CASE WHEN (z.unmet & 1) <> 0 THEN 'MEDICAL' END,
                       CASE WHEN (z.unmet & 2) <> 0 THEN 'PENSION' END,
                       CASE WHEN (z.unmet & 4) <> 0 THEN 'EMPLOYMENT_210' END,
                       CASE WHEN (z.unmet & 8) <> 0 THEN 'EMPLOYMENT_410' END,
                       CASE WHEN (z.unmet & 16) <> 0 THEN 'EMPLOYMENT_510' END,
                       CASE WHEN (z.unmet & 32) <> 0 THEN 'EMPLOYMENT_310' END], NULL) END,
                   '{}', -- 缺少险种: written with the reasons, from the same evidence
                   CASE WHEN z.in_base THEN z.exclusion END,
                   z.held, z.active, z.employed, z.in_base AND z.pension_expected, z.pension_met, z.medical_met,
                   z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL'),
                   r.county, r.township, CASE WHEN r.county IS NOT NULL THEN substr(r.county, 1, 4) || '00' END,
                   CASE WHEN z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL')
                        THEN extract(year FROM age(CAST(:asOf AS date), z.born))::smallint END
            FROM classified z
            CROSS JOIN LATERAL (
                SELECT CASE WHEN z.in_base THEN coalesce((CAST(:successorTo AS text[]))[
                           array_position(CAST(:successorFrom AS text[]), substr(z.region, 1, 6))],
                           substr(z.region, 1, 6)) END AS county,
                       CASE WHEN z.in_base AND length(z.region) = 9 THEN z.region END AS township) r
            ORDER BY z.id_number
            """.formatted(SCHEME_BIT, ACTIVE, EXPECTATIONS_OF.formatted("v.held"),
            EXPECTATIONS_OF.formatted("v.elsewhere"));

    /**
     * The reasons of every person whose category is not INSURED or who carries a flag: which expectation failed
     * and which record is the evidence. Set-based like the classification: each kind of reason is one join of the
     * persons concerned with the registry table holding its evidence, and the reasons are gathered per person.
     * The roster's 缺少险种 come from the same evidence: per unmet expectation, the scheme of the most recently paid
     * lapsed participation, or the scheme to enrol in.
     */
    static final String REASONS = """
            WITH need AS (
                SELECT id_number, category, flags, unmet, exclusion, employed FROM comparison_result
                WHERE run_id = :runId AND (category <> 'INSURED' OR flags <> '{}')),
            evidence AS (
                SELECT DISTINCT ON (q.id_number, g.expectation) q.id_number, g.expectation, q.source_record_id,
                       q.system, q.scheme, q.insured_region, q.contribution_status, q.person_status, q.last_paid_month
                FROM registry_participation q
                JOIN need n ON n.id_number = q.id_number AND n.unmet <> '{}'
                CROSS JOIN LATERAL (VALUES (CASE WHEN q.scheme IN ('310', '390') THEN 'MEDICAL'
                                                 WHEN q.scheme IN ('110', '120', '170') THEN 'PENSION'
                                                 ELSE 'EMPLOYMENT_' || q.scheme END),
                                           (CASE WHEN q.scheme = '310' THEN 'EMPLOYMENT_310' END)) g(expectation)
                WHERE g.expectation IS NOT NULL
                ORDER BY q.id_number, g.expectation, q.last_paid_month DESC NULLS LAST, q.scheme),
            reason AS (
                SELECT n.id_number, 1 AS n, jsonb_build_object('code', 'NOT_IN_POPULATION',
                           'systems', to_jsonb(p.systems), 'policeRecordId', p.police_record_id) AS e
                FROM need n JOIN registry_person p ON p.id_number = n.id_number
                WHERE n.category = 'NOT_IN_POPULATION'
                UNION ALL
                SELECT n.id_number, 2, jsonb_build_object('code', n.exclusion, 'system', 'POLICE',
                           'sourceRecordId', p.police_record_id, 'vitalStatus', p.vital_status,
                           'statusChangedOn', p.status_changed_on)
                FROM need n JOIN registry_person p ON p.id_number = n.id_number
                WHERE n.exclusion IN ('DECEASED', 'MOVED_OUT', 'CANCELLED') AND p.vital_status IN ('1', '2', '3')
                  AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date))
                UNION ALL
                SELECT n.id_number, 3, jsonb_build_object('code', n.exclusion, 'system', c.system,
                           'sourceRecordId', c.source_record_id, 'custodyStatus', c.status, 'from', c.custody_from,
                           'until', c.custody_until)
                FROM need n JOIN registry_custody c ON c.id_number = n.id_number
                WHERE (n.exclusion = 'DECEASED' AND c.status = '3' AND c.stated_on <= CAST(:asOf AS date))
                   OR (n.exclusion = 'IN_CUSTODY' AND c.status = '1'
                       AND (c.custody_from IS NULL OR c.custody_from <= CAST(:asOf AS date))
                       AND (c.custody_until IS NULL OR c.custody_until >= CAST(:asOf AS date)))
                UNION ALL
                SELECT n.id_number, 4, jsonb_build_object('code', 'INSURED_ELSEWHERE', 'expectations', to_jsonb(n.unmet),
                           'elsewhere', jsonb_agg(jsonb_build_object('province', x.province, 'scheme', x.scheme,
                                                                     'messageId', x.message_id)
                                                  ORDER BY x.province, x.scheme))
                FROM need n JOIN national_insured_elsewhere x ON x.id_number = n.id_number AND x.status = '1'
                WHERE n.exclusion = 'INSURED_ELSEWHERE'
                GROUP BY n.id_number, n.unmet
                UNION ALL
                SELECT n.id_number, 5, jsonb_build_object('code', 'NO_PARTICIPATION')
                FROM need n WHERE n.category = 'UNINSURED'
                UNION ALL
                SELECT n.id_number, 10 + u.ord,
                       CASE WHEN ev.source_record_id IS NULL
                            THEN jsonb_build_object('code', 'NEVER_HELD', 'expectation', u.expectation,
                                                    'schemes', to_jsonb(x.schemes), 'enrol', x.enrol)
                            ELSE jsonb_build_object('code', 'LAPSED', 'expectation', u.expectation,
                                                    'schemes', to_jsonb(x.schemes), 'evidence', jsonb_build_object(
                                    'sourceRecordId', ev.source_record_id, 'system', ev.system, 'scheme', ev.scheme,
                                    'insuredRegion', ev.insured_region, 'contributionStatus', ev.contribution_status,
                                    'personStatus', ev.person_status,
                                    'lastPaidMonth', to_char(ev.last_paid_month, 'YYYY-MM'))) END
                FROM need n
                CROSS JOIN LATERAL unnest(n.unmet) WITH ORDINALITY AS u(expectation, ord)
                CROSS JOIN LATERAL (
                    SELECT CASE u.expectation WHEN 'MEDICAL' THEN ARRAY['310', '390']
                                              WHEN 'PENSION' THEN ARRAY['110', '120', '170']
                                              ELSE ARRAY[right(u.expectation, 3)] END AS schemes,
                           CASE u.expectation WHEN 'MEDICAL' THEN CASE WHEN n.employed THEN '310' ELSE '390' END
                                              WHEN 'PENSION' THEN '170'
                                              ELSE right(u.expectation, 3) END AS enrol) x
                LEFT JOIN evidence ev ON ev.id_number = n.id_number AND ev.expectation = u.expectation
                WHERE n.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') OR n.exclusion = 'INSURED_ELSEWHERE'
                UNION ALL
                SELECT n.id_number, 30, jsonb_build_object('code', 'DUPLICATE', 'participations',
                           jsonb_agg(jsonb_build_object('sourceRecordId', q.source_record_id, 'scheme', q.scheme,
                                                        'insuredRegion', q.insured_region)
                                     ORDER BY q.scheme, q.insured_region))
                FROM need n JOIN registry_participation q ON q.id_number = n.id_number
                WHERE 'DUPLICATE' = ANY (n.flags) AND %1$s
                GROUP BY n.id_number
                UNION ALL
                SELECT n.id_number, 31, jsonb_build_object('code', 'ASSISTANCE_UNINSURED',
                           'sourceRecordId', min(a.source_record_id))
                FROM need n JOIN registry_assistance a ON a.id_number = n.id_number
                WHERE 'ASSISTANCE_UNINSURED' = ANY (n.flags)
                  AND (a.valid_from IS NULL OR a.valid_from <= CAST(:asOf AS date))
                  AND (a.valid_to IS NULL OR a.valid_to >= CAST(:asOf AS date))
                GROUP BY n.id_number
                UNION ALL
                SELECT n.id_number, 32, jsonb_build_object('code', 'STUDENT', 'sourceRecordId', min(s.source_record_id))
                FROM need n JOIN registry_student s ON s.id_number = n.id_number
                WHERE 'STUDENT' = ANY (n.flags)
                GROUP BY n.id_number
                UNION ALL
                SELECT n.id_number, 33, jsonb_build_object('code', 'SEX_MISMATCH', 'sex', p.sex, 'system', p.sex_system)
                FROM need n JOIN registry_person p ON p.id_number = n.id_number
                WHERE 'SEX_MISMATCH' = ANY (n.flags)),
            gathered AS (
                SELECT x.id_number, jsonb_agg(x.e ORDER BY x.n) AS reasons,
                       array_agg(DISTINCT coalesce(x.e #>> '{evidence,scheme}', x.e ->> 'enrol')
                                 ORDER BY coalesce(x.e #>> '{evidence,scheme}', x.e ->> 'enrol'))
                           FILTER (WHERE n.category IN ('UNINSURED', 'LAPSED', 'PARTIAL')
                                     AND x.e ->> 'code' IN ('LAPSED', 'NEVER_HELD')) AS missing
                FROM reason x JOIN need n ON n.id_number = x.id_number
                GROUP BY x.id_number)
            UPDATE comparison_result r SET reasons = g.reasons, missing_schemes = coalesce(g.missing, '{}')
            FROM gathered g
            WHERE r.run_id = :runId AND r.id_number = g.id_number
            """.formatted(ACTIVE);

    private ClassificationSql() {
    }
}
