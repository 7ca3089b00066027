-- Every record about a person received before :cutoff (all of them when NULL), oldest first, with the whole
-- canonical message; current when it is what its source says now.
SELECT m.source_record_id, m.system, m.source_key, m.operation, m.received_at,
       EXISTS (SELECT 1 FROM registry_statement st WHERE st.source_record_id = m.source_record_id
               AND st.id_number = m.id_number) AS current,
       CAST(m.message AS text)
FROM source_message m
WHERE m.source_record_id IN (SELECT r.id FROM source_records_of(:idNumber) r(id))
  AND (CAST(:cutoff AS timestamptz) IS NULL OR m.received_at < :cutoff)
ORDER BY m.source_record_id;
