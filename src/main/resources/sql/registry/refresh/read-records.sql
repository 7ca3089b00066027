-- Step 1 of a refresh: the records above the high water mark :highWater, and those in the watched gaps (ids an
-- earlier refresh could not see yet), into the work table registry_refresh_row. Their columns only: no payload is
-- parsed here.
INSERT INTO registry_refresh_row (id, system, source_key, id_number, operation, stated_at)
SELECT s.id, s.system, s.source_key, s.id_number, s.operation, stated_at(s.occurred_at, s.received_at)
FROM source_record s WHERE s.id > :highWater
UNION ALL
SELECT s.id, s.system, s.source_key, s.id_number, s.operation, stated_at(s.occurred_at, s.received_at)
FROM registry_refresh_gap g JOIN source_record s ON s.id BETWEEN g.from_id AND g.to_id;
