-- The latest statements kept in source_key_latest for the next refresh.
INSERT INTO source_key_latest (system, source_key, source_record_id, stated_at, operation)
SELECT system, source_key, source_record_id, stated_at, operation FROM registry_refresh_latest
ORDER BY system, source_key
ON CONFLICT (system, source_key) DO UPDATE
SET source_record_id = EXCLUDED.source_record_id, stated_at = EXCLUDED.stated_at,
    operation = EXCLUDED.operation
WHERE source_key_latest.source_record_id <> EXCLUDED.source_record_id;
