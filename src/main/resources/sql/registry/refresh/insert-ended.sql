-- Step 3: what the keys derived again that are no longer current said last (docs/registry.md, "Ended statements"):
-- each key with the record that ended it (the DELETE, or the last statement a newer full snapshot no longer lists)
-- and the vital status that record states — a death POLICE stated in a DELETE still holds —, and its participations
-- as last stated: by the latest record of the key that is no DELETE, or by the DELETE itself when nothing was stated
-- before it. They count as held, never as active. The keys are found first, so that only their records are parsed.
WITH ended AS MATERIALIZED (
    SELECT latest.system, latest.source_key, latest.source_record_id,
           coalesce(latest.stating_record_id, latest.source_record_id) AS stating_record_id
    FROM registry_refresh_latest latest
    JOIN registry_refresh_key k ON k.system = latest.system AND k.source_key = latest.source_key
    WHERE NOT EXISTS (SELECT 1 FROM registry_refresh_current c WHERE c.source_record_id = latest.source_record_id)),
statements AS (
    INSERT INTO registry_statement_ended (system, source_key, id_number, source_record_id, operation, vital_status,
        status_changed_on)
    SELECT e.system, e.source_key, s.id_number, s.id, s.operation, p."vitalStatus", p."statusChangedOn"
    FROM ended e
    JOIN source_record s ON s.id = e.source_record_id
    LEFT JOIN LATERAL json_to_record(s.payload -> 'person') AS p("vitalStatus" text, "statusChangedOn" date) ON true
    WHERE s.id_number IS NOT NULL)
INSERT INTO registry_participation_ended (system, source_key, ordinal, id_number, scheme, insured_region,
    employer_id, contribution_status, person_status, start_date, end_date, last_paid_month, source_record_id)
SELECT e.system, e.source_key, x.ordinal, s.id_number, x.scheme, x.insured_region, x.employer_id,
       x.contribution_status, x.person_status, x.start_date, x.end_date, x.last_paid_month, s.id
FROM ended e
JOIN source_record s ON s.id = e.stating_record_id
CROSS JOIN LATERAL participations_of(s.payload -> 'participations') x
WHERE s.id_number IS NOT NULL;
