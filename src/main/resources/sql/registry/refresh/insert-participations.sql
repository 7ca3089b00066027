-- The participations of the current records, one row per participation of a statement.
INSERT INTO registry_participation (system, source_key, ordinal, id_number, scheme, insured_region,
    employer_id, contribution_status, person_status, start_date, end_date, last_paid_month,
    source_record_id)
SELECT s.system, s.source_key, e.ordinal, s.id_number, e.scheme, e.insured_region,
       left(e.employer_id, 40), e.contribution_status, e.person_status, e.start_date, e.end_date,
       to_date(e.last_paid_month, 'YYYY-MM'), s.id
FROM registry_refresh_current c
JOIN source_record s ON s.id = c.source_record_id
CROSS JOIN LATERAL ROWS FROM (json_to_recordset(s.payload -> 'participations') AS (scheme text,
    "insuredRegion" text, "employerId" text, "contributionStatus" text, "personStatus" text,
    "startDate" date, "endDate" date, "lastPaidMonth" text))
    WITH ORDINALITY AS e(scheme, insured_region, employer_id, contribution_status, person_status,
                         start_date, end_date, last_paid_month, ordinal);
