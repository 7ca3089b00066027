-- Verification items (DECEASED, MOVED_AWAY findings) with their status, oldest first after :afterId, at most :limit:
-- CONFIRMED when POLICE stated the finding after the survey (RYZT 1 for DECEASED, 2 for MOVED_AWAY, or a DELETE of
-- the person's record), else CLOSED when an operator closed the item, else OPEN. :status (NULL: every status) and
-- :idNumber (NULL: every person) narrow the list.
SELECT v.id, v.result_id, v.id_number, v.outcome, v.surveyed_at, v.opened_at, v.closed_at, v.closed_by, v.note,
       c.source_record_id AS confirming_record_id, c.stated_at AS confirmed_at, s.status
FROM survey_verification v
LEFT JOIN LATERAL (
    SELECT p.source_record_id, p.stated_at
    FROM source_statement p
    WHERE p.source_record_id IN (SELECT x.id FROM source_records_of(v.id_number) x(id))
      AND p.system = 'POLICE' AND p.stated_at > v.surveyed_at
      AND (p.operation = 'DELETE' OR p.vital_status = CASE v.outcome WHEN 'DECEASED' THEN '1' ELSE '2' END)
    ORDER BY p.stated_at, p.source_record_id
    LIMIT 1) c ON true
CROSS JOIN LATERAL (SELECT CASE WHEN c.source_record_id IS NOT NULL THEN 'CONFIRMED'
                                WHEN v.closed_at IS NOT NULL THEN 'CLOSED' ELSE 'OPEN' END) s(status)
WHERE v.id > :afterId
  AND (CAST(:idNumber AS text) IS NULL OR v.id_number = :idNumber)
  AND (CAST(:status AS text) IS NULL OR s.status = :status)
ORDER BY v.id
LIMIT :limit;
