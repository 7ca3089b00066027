-- Step 3: the latest statement of every key in view, from the new records and what source_key_latest says of their
-- keys, so that the history is never searched by key. Beside a latest DELETE, the latest record that is none: what
-- the DELETE ended, whose participations stay held (docs/registry.md, "Ended statements"). Only keys with a DELETE
-- among their candidates are sorted a second time.
INSERT INTO registry_refresh_latest (system, source_key, source_record_id, stated_at, operation, stating_record_id,
    stating_stated_at)
WITH candidate AS MATERIALIZED (
    SELECT r.system, r.source_key, r.id AS source_record_id, r.stated_at, r.operation
    FROM registry_refresh_row r
    UNION ALL
    -- the kept latest record, and the kept statement beside a DELETE (operation NULL: it is none)
    SELECT l.system, l.source_key, k.source_record_id, k.stated_at, k.operation
    FROM source_key_latest l
    CROSS JOIN LATERAL (VALUES (l.source_record_id, l.stated_at, l.operation),
                               (l.stating_record_id, l.stating_stated_at, NULL))
        k(source_record_id, stated_at, operation)
    WHERE k.source_record_id IS NOT NULL
      AND (l.system, l.source_key) IN (SELECT system, source_key FROM registry_refresh_key
                                       UNION SELECT system, source_key FROM registry_refresh_row)),
latest AS (
    SELECT DISTINCT ON (c.system, c.source_key) c.system, c.source_key, c.source_record_id, c.stated_at, c.operation
    FROM candidate c
    ORDER BY c.system, c.source_key, c.stated_at DESC, c.source_record_id DESC),
stating AS (
    SELECT DISTINCT ON (c.system, c.source_key) c.system, c.source_key, c.source_record_id, c.stated_at
    FROM candidate c
    WHERE c.operation IS DISTINCT FROM 'DELETE'
      AND (c.system, c.source_key) IN (SELECT system, source_key FROM candidate WHERE operation = 'DELETE')
    ORDER BY c.system, c.source_key, c.stated_at DESC, c.source_record_id DESC)
SELECT l.system, l.source_key, l.source_record_id, l.stated_at, l.operation, s.source_record_id, s.stated_at
FROM latest l
LEFT JOIN stating s ON l.operation = 'DELETE' AND s.system = l.system AND s.source_key = l.source_key;
