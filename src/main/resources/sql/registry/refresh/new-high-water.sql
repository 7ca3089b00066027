-- The high water mark after this refresh: the highest id read, or :highWater when none was.
SELECT coalesce(max(id), :highWater) FROM registry_refresh_row;
