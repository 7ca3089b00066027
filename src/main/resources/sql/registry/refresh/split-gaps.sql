-- The watched gaps in which records appeared, split around them.
WITH touched AS (
    DELETE FROM registry_refresh_gap g
    WHERE EXISTS (SELECT 1 FROM registry_refresh_row r WHERE r.id BETWEEN g.from_id AND g.to_id)
    RETURNING g.from_id, g.to_id, g.noted_at),
bounds AS (
    SELECT t.from_id AS gap, t.noted_at, t.from_id - 1 AS b FROM touched t
    UNION ALL SELECT t.from_id, t.noted_at, t.to_id + 1 FROM touched t
    UNION ALL SELECT t.from_id, t.noted_at, r.id
              FROM touched t JOIN registry_refresh_row r ON r.id BETWEEN t.from_id AND t.to_id),
pieces AS (
    SELECT noted_at, b, lead(b) OVER (PARTITION BY gap ORDER BY b) AS next_b FROM bounds)
INSERT INTO registry_refresh_gap (from_id, to_id, noted_at)
SELECT b + 1, next_b - 1, noted_at FROM pieces WHERE next_b > b + 1;
