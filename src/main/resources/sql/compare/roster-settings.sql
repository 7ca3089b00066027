-- A roster is read in roster order along the roster index: left to itself the planner prefers a bitmap scan and a
-- sort, which a cursor runs without parallel workers (docs/performance.md, "Fifth round"). For the reading
-- transaction only.
SELECT set_config('enable_sort', 'off', true);
