-- The functions by which a run stores its results: one partition of comparison_result per run (V5), keyed by the
-- identity number as a number (V13). These are their current definitions; the versioned migrations that created
-- and changed them stay as they were applied.

-- An identity number as a number: its 17 digits times 11 plus the check character (X is 10). Every identity number
-- of the registry has that form (records are validated and normalised to 18 characters before they are stored), and
-- it sorts as the text does; an index of 8-byte integers builds much faster than one of 18-byte strings whose first
-- 8 bytes (region and century) barely differ (docs/performance.md, "Fifth round").
CREATE OR REPLACE FUNCTION comparison_key(id_number CHAR(18)) RETURNS BIGINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(left(id_number, 17) AS BIGINT) * 11
           + CASE substr(id_number, 18, 1) WHEN 'X' THEN 10 ELSE CAST(substr(id_number, 18, 1) AS INTEGER) END
$$;

-- Step 1 of a run's results: an empty load table, checked to hold only this run's rows (so attaching it needs no
-- scan). One run at a time (advisory lock): a failed run leaves at most this table, which the next run drops.
CREATE OR REPLACE FUNCTION comparison_result_load_begin(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DROP TABLE IF EXISTS comparison_result_load;
    EXECUTE format('CREATE TABLE comparison_result_load (LIKE comparison_result INCLUDING DEFAULTS, '
                   'CONSTRAINT comparison_result_load_run CHECK (run_id = %s))', run);
END $$;

-- Step 2, after the rows are in: the key and the roster index, built once over all rows (one sort instead of
-- millions of B-tree insertions), then the planner's statistics, then the table becomes the run's partition.
-- The partition key is in neither index: it is the same in every row of a partition. ANALYZE here, because the
-- steps right after (statistics, alerts, rosters) read millions of new rows that autovacuum would analyse only a
-- minute later: without statistics the planner takes `run_id = x` to keep half a per cent of them.
CREATE OR REPLACE FUNCTION comparison_result_load_finish(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    partition TEXT := 'comparison_result_' || run;
BEGIN
    EXECUTE format('ALTER TABLE comparison_result_load ADD CONSTRAINT %I PRIMARY KEY (id_key)', partition || '_pkey');
    EXECUTE format('CREATE INDEX %I ON comparison_result_load (county, township, id_key) WHERE rostered',
                   partition || '_roster');
    ANALYZE comparison_result_load;
    EXECUTE format('ALTER TABLE comparison_result_load RENAME CONSTRAINT comparison_result_load_run TO %I',
                   partition || '_run');
    EXECUTE format('ALTER TABLE comparison_result_load RENAME TO %I', partition);
    EXECUTE format('ALTER TABLE comparison_result ATTACH PARTITION %I FOR VALUES IN (%s)', partition, run);
END $$;

-- Retention: the results of runs other than the newest keep, a whole partition at a time.
CREATE OR REPLACE FUNCTION comparison_result_retain(keep INTEGER) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    old BIGINT;
    dropped INTEGER := 0;
BEGIN
    FOR old IN SELECT id FROM comparison_run ORDER BY id DESC OFFSET keep LOOP
        IF to_regclass('comparison_result_' || old) IS NOT NULL THEN
            EXECUTE format('DROP TABLE %I', 'comparison_result_' || old);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    RETURN dropped;
END $$;
