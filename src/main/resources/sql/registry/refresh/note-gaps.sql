-- New gaps: ids above the old high water mark :highWater not visible to this refresh. Noted after the records were
-- read, so whoever owns an id in a gap began before this statement.
INSERT INTO registry_refresh_gap (from_id, to_id, noted_at)
SELECT previous + 1, id - 1, clock_timestamp()
FROM (SELECT id, lag(id, 1, CAST(:highWater AS BIGINT)) OVER (ORDER BY id) AS previous
      FROM registry_refresh_row WHERE id > :highWater) r
WHERE id > previous + 1;
