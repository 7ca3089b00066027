package cn.canbao.hub.compare;

import cn.canbao.hub.exchange.Queues;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the alerts of spec §7.2 that a run's results call for into the outbox, in the run's transaction; the
 * alert-outbox route sends them. An alert is written once per person, type and cause: the cause is the evidence
 * without record ids (a full file that states the same death again is the same cause), so it is sent again only
 * when what it says changes.
 */
@Component
public class AlertDetection {

    public static final String PENSION_ALERTS = Queues.alerts("PENSION");
    public static final String MEDICAL_ALERTS = Queues.alerts("MEDICAL");

    /**
     * The alerts the run's results call for. Collected by a statement of their own before they are written:
     * PostgreSQL 15 gives INSERT … SELECT no parallel workers, and the scan of the run's millions of results is
     * what takes the time (6.1 s at 6 M persons, 3.2 s with parallel workers). One scan finds the persons of both
     * kinds of alert (a scan for each took 1.8-2.9 s instead of 1.3-1.5 s).
     */
    static final String CANDIDATES = """
            WITH candidate AS MATERIALIZED (
                SELECT id_number, exclusion, reasons, category, active_schemes FROM comparison_result
                WHERE run_id = :runId AND (exclusion IN ('DECEASED', 'IN_CUSTODY')
                                           OR (category <> 'NOT_IN_POPULATION' AND (active_schemes & 48) = 48)))
            SELECT a.alert_id, a.queue, a.type, a.id_number, md5(a.type || a.cause::text) AS cause_key,
                   jsonb_build_object('alertId', a.alert_id, 'type', a.type, 'idNumber', a.id_number,
                                      'evidence', a.evidence) AS payload
            FROM (
                SELECT gen_random_uuid() AS alert_id, CAST(:pensionQueue AS text) AS queue,
                       CASE r.exclusion WHEN 'DECEASED' THEN 'BENEFIT_RECIPIENT_DECEASED'
                                        ELSE 'BENEFIT_RECIPIENT_IN_CUSTODY' END AS type,
                       r.id_number,
                       jsonb_build_object('statements', s.semantic, 'pension', pension.semantic) AS cause,
                       jsonb_build_object('asOf', CAST(:asOf AS date), 'statements', s.statements,
                                          'pension', pension.participations) AS evidence
                FROM candidate r
                CROSS JOIN LATERAL (
                    SELECT jsonb_agg(e - 'sourceRecordId' ORDER BY e::text) AS semantic,
                           jsonb_agg(e ORDER BY e::text) AS statements
                    FROM jsonb_array_elements(CAST(r.reasons AS jsonb)) e WHERE e ->> 'code' = r.exclusion) s
                CROSS JOIN LATERAL (
                    SELECT jsonb_agg(jsonb_build_object('scheme', q.scheme, 'insuredRegion', q.insured_region)
                                     ORDER BY q.scheme, q.insured_region) AS semantic,
                           jsonb_agg(jsonb_build_object('scheme', q.scheme, 'insuredRegion', q.insured_region,
                                                        'personStatus', q.person_status,
                                                        'sourceRecordId', q.source_record_id)
                                     ORDER BY q.scheme, q.insured_region) AS participations
                    FROM registry_participation q
                    -- a run's identity numbers compare as bytes (V11); in the registry's collation, the
                    -- participations' person index serves the lookup (without it: a scan of all participations)
                    WHERE q.id_number = r.id_number COLLATE "default" AND q.scheme IN ('110', '120', '170')
                      AND q.person_status = '2') pension
                WHERE r.exclusion IN ('DECEASED', 'IN_CUSTODY') AND pension.semantic IS NOT NULL
                UNION ALL
                SELECT gen_random_uuid(), CAST(:medicalQueue AS text), 'DUPLICATE_MEDICAL', r.id_number,
                       jsonb_build_object('participations', d.semantic),
                       jsonb_build_object('asOf', CAST(:asOf AS date), 'participations', d.participations)
                FROM candidate r
                CROSS JOIN LATERAL (
                    SELECT jsonb_agg(p - 'sourceRecordId' ORDER BY p ->> 'scheme', p ->> 'insuredRegion') AS semantic,
                           jsonb_agg(p ORDER BY p ->> 'scheme', p ->> 'insuredRegion') AS participations
                    FROM jsonb_array_elements(CAST(r.reasons AS jsonb)) e, jsonb_array_elements(e -> 'participations') p
                    WHERE e ->> 'code' = 'DUPLICATE' AND p ->> 'scheme' IN ('310', '390')) d
                WHERE r.category <> 'NOT_IN_POPULATION' AND (r.active_schemes & 48) = 48
            ) a
            """;

    private static final String COLLECT = "CREATE TEMPORARY TABLE alert_candidate ON COMMIT DROP AS " + CANDIDATES;

    private static final String WRITE = """
            INSERT INTO alert_outbox (alert_id, queue, type, id_number, cause_key, payload, run_id, created_at)
            SELECT alert_id, queue, type, id_number, cause_key, payload, :runId, now() FROM alert_candidate
            ON CONFLICT (id_number, type, cause_key) DO NOTHING
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public AlertDetection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs inside the run's transaction (the candidates' table lives until it ends).
     *
     * @return alerts newly written to the outbox
     */
    int detect(long runId, LocalDate asOf) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", runId).addValue("asOf", asOf)
                .addValue("pensionQueue", PENSION_ALERTS).addValue("medicalQueue", MEDICAL_ALERTS);
        // compiled, the collecting statement's many expressions cost more than they save over a few thousand
        // candidates: 4.9 s at 6 M persons, 3.5 s interpreted; the rest of the run's transaction keeps the default
        jdbc.update("SET LOCAL jit = off", parameters);
        jdbc.update(COLLECT, parameters);
        jdbc.update("SET LOCAL jit TO DEFAULT", parameters);
        return jdbc.update(WRITE, parameters);
    }
}
