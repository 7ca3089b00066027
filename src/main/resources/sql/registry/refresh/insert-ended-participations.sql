-- The participations of the keys derived again that are no longer current (ended by a DELETE, or left out of a newer
-- full snapshot), as last stated: by the latest record of the key that is no DELETE, or by the DELETE itself when
-- nothing was stated before it. They count as held, never as active (docs/registry.md, "Ended statements").
INSERT INTO registry_participation_ended (system, source_key, ordinal, id_number, scheme, insured_region,
    employer_id, contribution_status, person_status, start_date, end_date, last_paid_month, source_record_id)
SELECT s.system, s.source_key, e.ordinal, s.id_number, e.scheme, e.insured_region,
       left(e.employer_id, 40), e.contribution_status, e.person_status, e.start_date, e.end_date,
       to_date(e.last_paid_month, 'YYYY-MM'), s.id
FROM registry_refresh_latest latest
JOIN registry_refresh_key k ON k.system = latest.system AND k.source_key = latest.source_key
JOIN source_record s ON s.id = coalesce(latest.stating_record_id, latest.source_record_id)
CROSS JOIN LATERAL ROWS FROM (json_to_recordset(s.payload -> 'participations') AS (scheme text,
    "insuredRegion" text, "employerId" text, "contributionStatus" text, "personStatus" text,
    "startDate" date, "endDate" date, "lastPaidMonth" text))
    WITH ORDINALITY AS e(scheme, insured_region, employer_id, contribution_status, person_status,
                         start_date, end_date, last_paid_month, ordinal)
WHERE s.id_number IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM registry_refresh_current c WHERE c.source_record_id = latest.source_record_id);
