-- From now on source_record.payload leaves out the envelope fields the row's own columns say (message id, source
-- system, time received, operation and, for a file's record, file and record number): they were 40 % of a file
-- record's payload, and every stored byte is PostgreSQL's work at intake (docs/performance.md, "Ingest").
-- Rows stored earlier still carry them; the view gives both kinds the same, whole canonical message.
CREATE VIEW source_message AS
SELECT s.id AS source_record_id,
       s.system,
       s.id_number,
       s.source_key,
       s.operation,
       s.intake_key,
       s.intake_file_id,
       s.record_no,
       s.received_at,
       jsonb_set(p.payload, '{envelope}', (p.payload -> 'envelope') || jsonb_strip_nulls(jsonb_build_object(
           'messageId', coalesce(s.intake_key, f.sha256 || ':' || s.record_no),
           'sourceSystem', s.system,
           'sourceReference', CASE WHEN s.intake_file_id IS NOT NULL
                                   THEN jsonb_build_object('file', f.file_name, 'record', s.record_no) END,
           'receivedAt', s.received_at,
           'operation', s.operation))) AS message
FROM source_record s
CROSS JOIN LATERAL (SELECT CAST(s.payload AS jsonb)) p(payload)
LEFT JOIN intake_file f ON f.id = s.intake_file_id;
