-- A run's identity numbers, county and township codes compare as bytes (collation "C"): they are codes, and under
-- the cluster's collation (glibc's C.UTF-8 on the benchmark machine; zh_CN or en_US elsewhere) every comparison of
-- the run's index builds went through strcoll. At 6 M persons the run's key builds in 13.7 s instead of 19.2 s,
-- the roster index in 6.3 s instead of 7.0 s (docs/performance.md, "Comparison"). Codes of digits (and
-- the check character X) sort the same either way, and equality is the same under both. But an index serves a
-- comparison only in its own collation: a lookup of a run's person in a registry index must say
-- `COLLATE "default"` (AlertDetection), or it scans the whole table. Rebuilds the indexes of the kept runs'
-- partitions once.
ALTER TABLE comparison_result
    ALTER COLUMN id_number TYPE CHAR(18) COLLATE "C",
    ALTER COLUMN county TYPE CHAR(6) COLLATE "C",
    ALTER COLUMN township TYPE VARCHAR(9) COLLATE "C",
    ALTER COLUMN prefecture TYPE CHAR(6) COLLATE "C";
