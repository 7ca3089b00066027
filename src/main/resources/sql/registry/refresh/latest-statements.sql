-- Step 3: the latest statement of every key in view, from the new records and what source_key_latest says of their
-- keys, so that the history is never searched by key.
INSERT INTO registry_refresh_latest (system, source_key, source_record_id, stated_at, operation)
SELECT DISTINCT ON (c.system, c.source_key) c.system, c.source_key, c.source_record_id, c.stated_at,
       c.operation
FROM (SELECT r.system, r.source_key, r.id AS source_record_id, r.stated_at, r.operation
      FROM registry_refresh_row r
      UNION ALL
      SELECT l.system, l.source_key, l.source_record_id, l.stated_at, l.operation
      FROM source_key_latest l
      WHERE (l.system, l.source_key) IN (SELECT system, source_key FROM registry_refresh_key
                                         UNION SELECT system, source_key FROM registry_refresh_row)) c
ORDER BY c.system, c.source_key, c.stated_at DESC, c.source_record_id DESC;
