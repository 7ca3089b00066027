package cn.canbao.hub.compare;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The statements of a comparison run (spec §8). Everything is set-based over the registry's typed tables; the
 * shapes follow what the planner does well on this hardware (docs/performance.md): one scan of the merged persons,
 * whose rows carry the coverage the registry refresh summarised from their participations, the fact tables
 * gathered into one hash table per person, no correlated subqueries over the whole population (only over the few
 * persons whose reasons need their participations). Scheme sets are bit masks: 110 1, 120 2, 170 4, 210 8, 310 16,
 * 390 32, 410 64, 510 128; expectations too: MEDICAL 1, PENSION 2, EMPLOYMENT_210 4, EMPLOYMENT_410 8,
 * EMPLOYMENT_510 16, EMPLOYMENT_310 32. {@code OFFSET 0} keeps a step from being flattened into the next, which
 * would compute its expressions again wherever the next step refers to them (measured: 40 % of the statement). The
 * reasons are built as JSON text. The results go into a table without indexes that becomes the run's partition once
 * its indexes are built (V5 migration), so they need no particular order.
 */
final class ClassificationSql {

    /**
     * The schemes in bit order (the bit of {@code SCHEMES.get(i)} is {@code 1 << i}), as in the coverage columns of
     * registry_person; a run passes each one's payment window as {@code :cutoff110} and so on.
     */
    static final List<String> SCHEMES = List.of("110", "120", "170", "210", "310", "390", "410", "510");

    /** The bit of participation {@code q}'s scheme; 0 for a scheme the comparison does not know. */
    private static final String SCHEME_BIT = IntStream.range(0, SCHEMES.size())
            .mapToObj(i -> "WHEN '%s' THEN %d".formatted(SCHEMES.get(i), 1 << i))
            .collect(Collectors.joining(" ", "CASE q.scheme ", " ELSE 0 END"));

    /** Whether participation {@code q} is active at the as-of date (spec §8), as an SQL boolean. */
    private static final String ACTIVE = """
            ((q.scheme IN ('110', '120', '170') AND q.person_status = '2')
             OR (q.contribution_status = '1' AND q.last_paid_month >= %s))""".formatted(SCHEMES.stream()
            .map(scheme -> "WHEN '%1$s' THEN CAST(:cutoff%1$s AS date)".formatted(scheme))
            .collect(Collectors.joining(" ", "CASE q.scheme ", " END")));

    /**
     * Whether the person of row {@code %s} belongs to the part {@code :part} of {@code :parts} being classified.
     * {@code hashbpchar} hashes the CHAR(18) as it is; {@code hashtext} first made a text copy of every one of the
     * millions of identity numbers (4 s of a part's 12 s scan of the participations at 6 M persons).
     */
    private static final String PART = "(hashbpchar(%s.id_number) & 2147483647) %% :parts = :part";

    /**
     * The scheme codes of a scheme mask {@code %1$s}, ascending (bit order is code order), looked up in the list of all
     * 256 masks' codes: the mask's expression is written once. As one CASE per bit it was written, and evaluated, eight
     * times — for the roster's 缺少险种 six lapsed-evidence lookups each time, 2.2-2.4 s instead of 0.7 s for 650,000
     * rostered persons.
     */
    private static final String SCHEMES_OF_MASK = IntStream.range(0, 1 << SCHEMES.size())
            .mapToObj(mask -> IntStream.range(0, SCHEMES.size()).filter(i -> (mask & 1 << i) != 0)
                    .mapToObj(SCHEMES::get).collect(Collectors.joining(",", "'", "'")))
            .collect(Collectors.joining(", ", "string_to_array((ARRAY[", "])[(%1$s) + 1], ',')"));

    /** The expectation bits in order: position {@code i} (from 1) of a person's lapsed evidence is {@code get(i - 1)}'s. */
    private static final List<Integer> EXPECTATION_BITS = List.of(1, 2, 4, 8, 16, 32);

    /** The schemes that meet each expectation, in the order of {@link #EXPECTATION_BITS}. */
    private static final List<List<String>> EXPECTATION_SCHEMES = List.of(List.of("310", "390"),
            List.of("110", "120", "170"), List.of("210"), List.of("410"), List.of("510"), List.of("310"));

    /** Expectation bits covered by the scheme mask {@code %1$s}. */
    private static final String EXPECTATIONS_OF = IntStream.range(0, EXPECTATION_BITS.size())
            .mapToObj(i -> "(CASE WHEN (%%1$s & %d) <> 0 THEN %d ELSE 0 END)".formatted(
                    EXPECTATION_SCHEMES.get(i).stream().mapToInt(scheme -> 1 << SCHEMES.indexOf(scheme)).sum(),
                    EXPECTATION_BITS.get(i)))
            .collect(Collectors.joining("\n | ", "(", ")"));

    /** Per expectation explained, the greatest element of its schemes' participations (see CLASSIFY, lapsed). */
    private static final String LATEST_OF_EACH = IntStream.range(0, EXPECTATION_BITS.size())
            .mapToObj(i -> "max(k.evidence) FILTER (WHERE (d.explained & %d) <> 0 AND q.scheme IN (%s))".formatted(
                    EXPECTATION_BITS.get(i), EXPECTATION_SCHEMES.get(i).stream().map(scheme -> "'" + scheme + "'")
                            .collect(Collectors.joining(", "))))
            .collect(Collectors.joining(",\n       "));

    /** The bits of the schemes of the lapsed evidence shown. */
    private static final String LAPSED_SCHEMES = IntStream.rangeClosed(1, EXPECTATION_BITS.size())
            .mapToObj(i -> "coalesce(255 - CAST(substr(w.lapsed[%d], 7, 3) AS int), 0)".formatted(i))
            .collect(Collectors.joining(" | ", "(", ")"));

    /**
     * Classifies every person of part {@code :part} of {@code :parts} and explains the category in one pass, into
     * the run's load table ({@code comparison_result_load}, no indexes yet). Reasons whose evidence is already at
     * hand come from the per-person row and the small fact tables; only persons with a lapsed expectation or a
     * duplicate get their participations looked up again, through the participations' person index.
     */
    static final String CLASSIFY = """
            INSERT INTO comparison_result_load (run_id, id_number, id_key, category, flags, unmet, missing_schemes,
                exclusion, held_schemes, active_schemes, employed, pension_expected, pension_met, medical_met,
                rostered, county, township, prefecture, age, name, sex, address, reasons)
            WITH elsewhere AS (
                SELECT q.id_number, bit_or(%1$s) AS active,
                       CAST(json_agg(json_build_object('province', q.province, 'scheme', q.scheme,
                                                       'messageId', q.message_id)
                                     ORDER BY q.province, q.scheme) AS text) AS evidence
                FROM national_insured_elsewhere q WHERE q.status = '1' GROUP BY q.id_number),
            in_custody AS (
                SELECT id_number, string_agg(CAST(json_build_object('code', 'IN_CUSTODY', 'system', system,
                           'sourceRecordId', source_record_id, 'custodyStatus', status, 'from', custody_from,
                           'until', custody_until) AS text), ',' ORDER BY source_record_id) AS reasons
                FROM registry_custody
                WHERE status = '1' AND (custody_from IS NULL OR custody_from <= CAST(:asOf AS date))
                  AND (custody_until IS NULL OR custody_until >= CAST(:asOf AS date))
                GROUP BY id_number),
            died_in_custody AS (
                SELECT id_number, string_agg(CAST(json_build_object('code', 'DECEASED', 'system', system,
                           'sourceRecordId', source_record_id, 'custodyStatus', status, 'from', custody_from,
                           'until', custody_until) AS text), ',' ORDER BY source_record_id) AS reasons
                FROM registry_custody WHERE status = '3' AND stated_on <= CAST(:asOf AS date)
                GROUP BY id_number),
            -- every fact table in one hash table: one join per person instead of one per table
            facts AS (
                SELECT f.id_number,
                       min(f.record) FILTER (WHERE f.kind = 1) AS student_record,
                       min(f.record) FILTER (WHERE f.kind = 2) AS assistance_record,
                       (array_agg(f.evidence) FILTER (WHERE f.kind = 3))[1] AS custody_reasons,
                       (array_agg(f.evidence) FILTER (WHERE f.kind = 4))[1] AS death_reasons,
                       (array_agg(f.evidence) FILTER (WHERE f.kind = 5))[1] AS elsewhere_evidence,
                       coalesce(bit_or(f.bits), 0) AS elsewhere
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
                      SELECT id_number, 5, NULL, evidence, active FROM elsewhere) f
                GROUP BY f.id_number),
            person AS (
                SELECT p.id_number, p.name, p.sex, p.sex_system, p.address, p.systems, p.police_record_id,
                       p.vital_status, p.status_changed_on, b.born, b.region,
                       coalesce(p.police_record_id IS NOT NULL AND b.region LIKE :prefix || '%%', false) AS in_base,
                       -- the coverage the refresh keeps in the person's row, against this run's payment windows
                       p.held_schemes AS held, p.drawing_schemes AS drawing, p.drawing_twice, p.second_paid, b.paying,
                       coalesce(p.employed_paid_110 >= CAST(:cutoff110 AS date)
                                OR p.employed_paid_120 >= CAST(:cutoff120 AS date), false) AS employed
                FROM registry_person p
                CROSS JOIN LATERAL (
                    SELECT coalesce(p.birth_date, to_date(substr(p.id_number, 7, 8), 'YYYYMMDD')) AS born,
                           CASE WHEN p.population_category = '2' THEN p.residence_region ELSE p.household_region END
                               AS region,
                           %13$s AS paying) b
                WHERE %14$s
                OFFSET 0),
            evaluated AS (
                SELECT p.*, p.drawing | p.paying AS active,
                       p.drawing_twice <> 0 OR (p.drawing & p.paying) <> 0
                           OR (p.second_paid IS NOT NULL AND (%15$s) <> 0) AS active_twice,
                       f.student_record, f.custody_reasons, f.death_reasons,
                       f.custody_reasons IS NOT NULL AS in_custody,
                       (p.vital_status = '1' AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date)))
                           OR f.death_reasons IS NOT NULL AS deceased,
                       p.vital_status IN ('2', '3') AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date))
                           AS gone,
                       p.vital_status IN ('1', '2', '3') AND (p.status_changed_on IS NULL OR p.status_changed_on <= CAST(:asOf AS date))
                           AS police_status,
                       f.assistance_record,
                       coalesce(f.elsewhere, 0) AS elsewhere, f.elsewhere_evidence,
                       p.born <= CAST(:adultBornBy AS date) AS adult
                FROM person p
                LEFT JOIN facts f ON f.id_number = p.id_number),
            expected AS (
                SELECT v.*,
                       (v.active & 48) <> 0 AS medical_met,
                       v.adult AND v.student_record IS NULL AS pension_expected,
                       (v.active & 7) <> 0 AS pension_met,
                       CASE WHEN NOT v.in_base THEN 0 ELSE
                       (CASE WHEN (v.active & 48) = 0 THEN 1 ELSE 0 END)
                       | (CASE WHEN v.adult AND v.student_record IS NULL AND (v.active & 7) = 0 THEN 2 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 8) = 0 THEN 4 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 64) = 0 THEN 8 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 128) = 0 THEN 16 ELSE 0 END)
                       | (CASE WHEN v.employed AND (v.active & 16) = 0 THEN 32 ELSE 0 END) END AS unmet,
                       %3$s AS held_expectations,
                       %4$s AS elsewhere_expectations,
                       CASE WHEN NOT v.in_base THEN 0 ELSE
                       (CASE WHEN (v.active & 48) = 48 OR ((v.active & 3) <> 0 AND (v.active & 4) <> 0)
                                  OR v.active_twice THEN 1 ELSE 0 END)
                       | (CASE WHEN v.assistance_record IS NOT NULL AND (v.active & 48) = 0 THEN 2 ELSE 0 END)
                       | (CASE WHEN v.student_record IS NOT NULL THEN 4 ELSE 0 END)
                       | (CASE WHEN v.sex IN ('1', '2') AND v.sex <> CASE WHEN substr(v.id_number, 17, 1)::int %% 2 = 1
                                   THEN '1' ELSE '2' END THEN 8 ELSE 0 END) END AS flag_bits
                FROM evaluated v
                OFFSET 0),
            categorised AS (
                SELECT x.*,
                       CASE WHEN NOT x.in_base THEN NULL
                            WHEN x.deceased THEN 'DECEASED'
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
                OFFSET 0),
            described AS (
                SELECT z.*,
                       z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') AS rostered,
                       -- per unmet expectation a LAPSED or NEVER_HELD reason, for these persons only
                       CASE WHEN z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') OR z.exclusion = 'INSURED_ELSEWHERE'
                            THEN z.unmet ELSE 0 END AS explained,
                       CASE WHEN z.unmet = 0 THEN NULL ELSE array_remove(ARRAY[
                           CASE WHEN (z.unmet & 1) <> 0 THEN 'MEDICAL' END,
                           CASE WHEN (z.unmet & 2) <> 0 THEN 'PENSION' END,
                           CASE WHEN (z.unmet & 4) <> 0 THEN 'EMPLOYMENT_210' END,
                           CASE WHEN (z.unmet & 8) <> 0 THEN 'EMPLOYMENT_410' END,
                           CASE WHEN (z.unmet & 16) <> 0 THEN 'EMPLOYMENT_510' END,
                           CASE WHEN (z.unmet & 32) <> 0 THEN 'EMPLOYMENT_310' END], NULL) END AS unmet_names,
                       -- 缺少险种 of the expectations never held: the scheme to enrol in
                       CASE WHEN z.category IN ('UNINSURED', 'LAPSED', 'PARTIAL') THEN
                           (CASE WHEN (z.unmet & ~z.held_expectations & 1) <> 0
                                 THEN CASE WHEN z.employed THEN 16 ELSE 32 END ELSE 0 END)
                           | (CASE WHEN (z.unmet & ~z.held_expectations & 2) <> 0 THEN 4 ELSE 0 END)
                           | (CASE WHEN (z.unmet & ~z.held_expectations & 4) <> 0 THEN 8 ELSE 0 END)
                           | (CASE WHEN (z.unmet & ~z.held_expectations & 8) <> 0 THEN 64 ELSE 0 END)
                           | (CASE WHEN (z.unmet & ~z.held_expectations & 16) <> 0 THEN 128 ELSE 0 END)
                           | (CASE WHEN (z.unmet & ~z.held_expectations & 32) <> 0 THEN 16 ELSE 0 END)
                       ELSE 0 END AS enrol
                FROM classified z
                OFFSET 0),
            explained AS (
                SELECT d.*,
                       -- the most recently paid participation of each unmet expectation that was held (310 before
                       -- 390 and the lower code first on a tie); looked up only for persons with such an expectation.
                       -- One element per expectation: the paid month (YYYYMM), 255 less the scheme's bit (3 digits),
                       -- then the evidence, so that the greatest is the one to show; a DISTINCT ON per person (a sort
                       -- and a join of its own) took half as long again
                       CASE WHEN (d.explained & d.held_expectations) <> 0 THEN (
                           SELECT ARRAY[%5$s]
                           FROM registry_participation q
                           CROSS JOIN LATERAL (
                               SELECT to_char(coalesce(q.last_paid_month, DATE '0001-01-01'), 'YYYYMM')
                                      || lpad(CAST(255 - %1$s AS text), 3, '0')
                                      || CAST(json_build_object('sourceRecordId', q.source_record_id, 'system', q.system,
                                              'scheme', q.scheme, 'insuredRegion', q.insured_region,
                                              'contributionStatus', q.contribution_status,
                                              'personStatus', q.person_status,
                                              'lastPaidMonth', to_char(q.last_paid_month, 'YYYY-MM')) AS text) AS evidence) k
                           WHERE q.id_number = d.id_number) END AS lapsed,
                       -- the active participations of a person flagged DUPLICATE
                       CASE WHEN (d.flag_bits & 1) <> 0 THEN (
                           SELECT json_agg(json_build_object('sourceRecordId', q.source_record_id, 'scheme', q.scheme,
                                                               'insuredRegion', q.insured_region)
                                            ORDER BY q.scheme, q.insured_region)
                           FROM registry_participation q
                           WHERE q.id_number = d.id_number AND %2$s) END AS duplicates
                FROM described d
                OFFSET 0)
            SELECT :runId, w.id_number, comparison_key(w.id_number), w.category,
                   CASE WHEN w.flag_bits = 0 THEN NULL ELSE array_remove(ARRAY[
                       CASE WHEN (w.flag_bits & 1) <> 0 THEN 'DUPLICATE' END,
                       CASE WHEN (w.flag_bits & 2) <> 0 THEN 'ASSISTANCE_UNINSURED' END,
                       CASE WHEN (w.flag_bits & 4) <> 0 THEN 'STUDENT' END,
                       CASE WHEN (w.flag_bits & 8) <> 0 THEN 'SEX_MISMATCH' END], NULL) END,
                   w.unmet_names,
                   CASE WHEN w.rostered THEN %6$s END,
                   w.exclusion, w.held, w.active, w.employed, w.in_base AND w.pension_expected, w.pension_met,
                   w.medical_met, w.rostered,
                   r.county, r.township, CASE WHEN r.county IS NOT NULL THEN substr(r.county, 1, 4) || '00' END,
                   CASE WHEN w.rostered THEN extract(year FROM age(CAST(:asOf AS date), w.born))::smallint END,
                   CASE WHEN w.rostered THEN w.name END, CASE WHEN w.rostered THEN w.sex END,
                   CASE WHEN w.rostered THEN w.address END,
                   CASE WHEN w.category <> 'INSURED' OR w.flag_bits <> 0 THEN CAST('[' || nullif(concat_ws(',',
                           CASE WHEN NOT w.in_base THEN '{"code" : "NOT_IN_POPULATION", "systems" : '
                               || CAST(to_json(w.systems) AS text) || ', "policeRecordId" : '
                               || coalesce(CAST(w.police_record_id AS text), 'null') || '}' END,
                           CASE WHEN w.exclusion IN ('DECEASED', 'MOVED_OUT', 'CANCELLED') AND w.police_status
                                THEN json_build_object('code', w.exclusion, 'system', 'POLICE',
                                    'sourceRecordId', w.police_record_id, 'vitalStatus', w.vital_status,
                                    'statusChangedOn', w.status_changed_on) END,
                           -- the custody statements, already JSON text joined by commas
                           CASE w.exclusion WHEN 'DECEASED' THEN w.death_reasons
                                            WHEN 'IN_CUSTODY' THEN w.custody_reasons END,
                           CASE WHEN w.exclusion = 'INSURED_ELSEWHERE' THEN json_build_object('code',
                               'INSURED_ELSEWHERE', 'expectations', to_json(w.unmet_names),
                               'elsewhere', CAST(w.elsewhere_evidence AS json)) END,
                           CASE WHEN w.category = 'UNINSURED' THEN '{"code" : "NO_PARTICIPATION"}' END,
                           %7$s, %8$s, %9$s, %10$s, %11$s, %12$s,
                           CASE WHEN (w.flag_bits & 1) <> 0 THEN json_build_object('code', 'DUPLICATE',
                               'participations', w.duplicates) END,
                           CASE WHEN (w.flag_bits & 2) <> 0 THEN '{"code" : "ASSISTANCE_UNINSURED", "sourceRecordId" : '
                               || coalesce(CAST(w.assistance_record AS text), 'null') || '}' END,
                           CASE WHEN (w.flag_bits & 4) <> 0 THEN '{"code" : "STUDENT", "sourceRecordId" : '
                               || coalesce(CAST(w.student_record AS text), 'null') || '}' END,
                           CASE WHEN (w.flag_bits & 8) <> 0 THEN json_build_object('code', 'SEX_MISMATCH',
                               'sex', w.sex, 'system', w.sex_system) END), '') || ']' AS json) END
            FROM explained w
            CROSS JOIN LATERAL (
                SELECT CASE WHEN w.in_base THEN coalesce((CAST(:successorTo AS text[]))[
                           array_position(CAST(:successorFrom AS text[]), substr(w.region, 1, 6))],
                           substr(w.region, 1, 6)) END AS county,
                       CASE WHEN w.in_base AND length(w.region) = 9 THEN w.region END AS township) r
            """.formatted(SCHEME_BIT, ACTIVE, EXPECTATIONS_OF.formatted("v.held"),
            EXPECTATIONS_OF.formatted("v.elsewhere"), LATEST_OF_EACH, SCHEMES_OF_MASK.formatted("(w.enrol | " + LAPSED_SCHEMES + ")"),
            expectationReason(1, "MEDICAL", "CASE WHEN w.employed THEN '310' ELSE '390' END"),
            expectationReason(2, "PENSION", "'170'"),
            expectationReason(4, "EMPLOYMENT_210", "'210'"),
            expectationReason(8, "EMPLOYMENT_410", "'410'"),
            expectationReason(16, "EMPLOYMENT_510", "'510'"),
            expectationReason(32, "EMPLOYMENT_310", "'310'"), paidSince("p.paid_%s"), PART.formatted("p"),
            paidSince("p.second_paid[%2$d]"));

    /**
     * The bits of the schemes whose month lies in the scheme's payment window; {@code month} is formatted with the
     * scheme's code and its position in {@link #SCHEMES} counted from 1.
     */
    private static String paidSince(String month) {
        return IntStream.range(0, SCHEMES.size())
                .mapToObj(i -> "(CASE WHEN %s >= CAST(:cutoff%s AS date) THEN %d ELSE 0 END)"
                        .formatted(month.formatted(SCHEMES.get(i), i + 1), SCHEMES.get(i), 1 << i))
                .collect(Collectors.joining("\n | "));
    }

    /**
     * The reason for one expectation (bit) when it is unmet and explained: LAPSED with its evidence, or NEVER_HELD.
     * Written as text around the few values that vary (codes and JSON already built), in the layout
     * {@code json_build_object} gives: at 6 M persons, building the 1.6 M of them with it took 2 s more of each part.
     */
    private static String expectationReason(int bit, String expectation, String enrol) {
        int position = EXPECTATION_BITS.indexOf(bit);
        String head = "{\"code\" : \"%s\", \"expectation\" : \"" + expectation + "\", \"schemes\" : "
                + EXPECTATION_SCHEMES.get(position).stream().map(scheme -> '"' + scheme + '"')
                        .collect(Collectors.joining(",", "[", "]"));
        return """
                CASE WHEN (w.explained & %1$d) = 0 THEN NULL
                     WHEN (w.held_expectations & %1$d) <> 0 THEN '%2$s, "evidence" : '
                         || coalesce(substr(w.lapsed[%5$d], 10), 'null') || '}'
                     ELSE '%3$s, "enrol" : "' || %4$s || '"}' END""".formatted(bit, head.formatted("LAPSED"),
                head.formatted("NEVER_HELD"), enrol, position + 1);
    }

    private ClassificationSql() {
    }
}
