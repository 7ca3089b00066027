-- The latest statements kept in source_key_latest for the next refresh, with the statement beside a DELETE.
INSERT INTO source_key_latest (system, source_key, source_record_id, stated_at, operation, stating_record_id,
    stating_stated_at)
SELECT system, source_key, source_record_id, stated_at, operation, stating_record_id, stating_stated_at
FROM registry_refresh_latest
ORDER BY system, source_key
ON CONFLICT (system, source_key) DO UPDATE
SET source_record_id = EXCLUDED.source_record_id, stated_at = EXCLUDED.stated_at,
    operation = EXCLUDED.operation, stating_record_id = EXCLUDED.stating_record_id,
    stating_stated_at = EXCLUDED.stating_stated_at
WHERE (source_key_latest.source_record_id, source_key_latest.stating_record_id)
      IS DISTINCT FROM (EXCLUDED.source_record_id, EXCLUDED.stating_record_id);
