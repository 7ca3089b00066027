-- Step 1 of a refresh: the records above the high water mark :highWater, and those in the watched gaps (ids an
-- earlier refresh could not see yet), into the work table registry_refresh_row.
INSERT INTO registry_refresh_row (id, system, source_key, id_number, operation, stated_at)
SELECT v.source_record_id, v.system, v.source_key, v.id_number, v.operation, v.stated_at
FROM source_statement v WHERE v.source_record_id > :highWater
UNION ALL
SELECT v.source_record_id, v.system, v.source_key, v.id_number, v.operation, v.stated_at
FROM registry_refresh_gap g JOIN source_statement v ON v.source_record_id BETWEEN g.from_id AND g.to_id;
