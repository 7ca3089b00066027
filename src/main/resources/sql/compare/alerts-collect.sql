-- The alerts of spec §7.2 that run :runId's results call for (docs/comparison.md, "Alerts"), for as-of date :asOf,
-- with the queues :pensionQueue and :medicalQueue, into a table of the run's transaction. Collected by a statement
-- of their own before they are written: PostgreSQL 15 gives INSERT … SELECT no parallel workers, and the scan of the
-- run's millions of results is what takes the time; one scan finds the persons of every kind of alert. Which alerts
-- a person's facts call for the classification decided (alert_types), whatever the category and the order of the
-- exclusions; their evidence is in the reasons. The cause is the evidence without record ids, so that the same
-- facts stated again are the same alert.
CREATE TEMPORARY TABLE alert_candidate ON COMMIT DROP AS
WITH candidate AS MATERIALIZED (
    SELECT id_number, alert_types, reasons FROM comparison_result
    WHERE run_id = :runId AND alert_types IS NOT NULL)
SELECT a.alert_id, a.queue, a.type, a.id_number, md5(a.type || a.cause::text) AS cause_key,
       jsonb_build_object('alertId', a.alert_id, 'type', a.type, 'idNumber', a.id_number,
                          'evidence', a.evidence) AS payload
FROM (
    -- a benefit recipient (a pension participation with person status 2) dead or in custody, each alert with the
    -- statements of its own fact
    SELECT gen_random_uuid() AS alert_id, CAST(:pensionQueue AS text) AS queue, t.type, r.id_number,
           jsonb_build_object('statements', s.semantic, 'pension', pension.semantic) AS cause,
           jsonb_build_object('asOf', CAST(:asOf AS date), 'statements', s.statements,
                              'pension', pension.participations) AS evidence
    FROM candidate r
    CROSS JOIN LATERAL (VALUES ('BENEFIT_RECIPIENT_DECEASED', 'DECEASED'),
                               ('BENEFIT_RECIPIENT_IN_CUSTODY', 'IN_CUSTODY')) t(type, code)
    CROSS JOIN LATERAL (
        SELECT jsonb_agg(e - 'sourceRecordId' ORDER BY e::text) AS semantic,
               jsonb_agg(e ORDER BY e::text) AS statements
        FROM jsonb_array_elements(CAST(r.reasons AS jsonb)) e WHERE e ->> 'code' = t.code) s
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
        WHERE q.id_number = r.id_number COLLATE "default" AND scheme_meets(q.scheme, 'PENSION')
          AND q.person_status = '2') pension
    WHERE t.type = ANY (r.alert_types) AND pension.semantic IS NOT NULL
    UNION ALL
    -- active in both medical schemes, 310 and 390
    SELECT gen_random_uuid(), CAST(:medicalQueue AS text), 'DUPLICATE_MEDICAL', r.id_number,
           jsonb_build_object('participations', d.semantic),
           jsonb_build_object('asOf', CAST(:asOf AS date), 'participations', d.participations)
    FROM candidate r
    CROSS JOIN LATERAL (
        SELECT jsonb_agg(p - 'sourceRecordId' ORDER BY p ->> 'scheme', p ->> 'insuredRegion') AS semantic,
               jsonb_agg(p ORDER BY p ->> 'scheme', p ->> 'insuredRegion') AS participations
        FROM jsonb_array_elements(CAST(r.reasons AS jsonb)) e, jsonb_array_elements(e -> 'participations') p
        WHERE e ->> 'code' = 'DUPLICATE' AND scheme_meets(p ->> 'scheme', 'MEDICAL')) d
    WHERE 'DUPLICATE_MEDICAL' = ANY (r.alert_types)
) a;
