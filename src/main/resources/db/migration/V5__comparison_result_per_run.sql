-- One partition of comparison_result per run (docs/comparison.md, docs/performance.md "Comparison").
-- A run writes its millions of rows into a fresh table without indexes, builds the indexes once the rows are in
-- (one sort instead of millions of B-tree insertions and their WAL), and attaches the table as the run's partition;
-- retention drops whole partitions instead of deleting millions of rows every night.
-- The rostered persons' name, sex and address are kept as the run saw them: the roster of a run no longer joins
-- the registry (one scan of every person per county file) and stays what the county received.

ALTER TABLE comparison_result RENAME TO comparison_result_v3;
ALTER INDEX comparison_result_roster RENAME TO comparison_result_v3_roster;

-- The parent has no indexes of its own: each partition gets its key and roster index after its load. The
-- partition key is the run, so the key of each partition is unique across the whole table.
CREATE TABLE comparison_result (
    run_id           BIGINT      NOT NULL,
    id_number        CHAR(18)    NOT NULL,
    category         VARCHAR(20) NOT NULL,
    flags            TEXT[]      NOT NULL,
    unmet            TEXT[]      NOT NULL,              -- expectations not met by an active participation
    missing_schemes  TEXT[]      NOT NULL,              -- 缺少险种 of the roster (spec 7.1)
    exclusion        VARCHAR(20),                       -- why EXCLUDED
    held_schemes     INTEGER     NOT NULL,              -- bit per scheme: 110 1, 120 2, 170 4, 210 8, 310 16, 390 32, 410 64, 510 128
    active_schemes   INTEGER     NOT NULL,
    employed         BOOLEAN     NOT NULL,              -- holds an active 110/120 as a working contributor
    pension_expected BOOLEAN     NOT NULL,
    pension_met      BOOLEAN     NOT NULL,
    medical_met      BOOLEAN     NOT NULL,
    rostered         BOOLEAN     NOT NULL,
    county           CHAR(6),
    township         VARCHAR(9),
    prefecture       CHAR(6),
    age              SMALLINT,
    name             VARCHAR(100),                      -- rostered persons only: name, sex, address at the run
    sex              CHAR(1),
    address          VARCHAR(300),
    reasons          JSONB
) PARTITION BY LIST (run_id);

-- A person's lapsed-participation evidence as the classification gathers it: per expectation bit the evidence
-- object, and the schemes of that evidence as a bit mask (the roster's 缺少险种).
CREATE TYPE comparison_evidence AS (evidence JSONB, schemes INTEGER);

-- Step 1 of a run's results: an empty load table, checked to hold only this run's rows (so attaching it needs no
-- scan). One run at a time (advisory lock), inside the run's transaction: a failed run leaves nothing behind.
CREATE FUNCTION comparison_result_load_begin(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DROP TABLE IF EXISTS comparison_result_load;
    EXECUTE format('CREATE TABLE comparison_result_load (LIKE comparison_result INCLUDING DEFAULTS, '
                   'CONSTRAINT comparison_result_load_run CHECK (run_id = %s))', run);
END $$;

-- Step 2, after the rows are in: the key and the roster index, then the table becomes the run's partition.
CREATE FUNCTION comparison_result_load_finish(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    partition TEXT := 'comparison_result_' || run;
BEGIN
    EXECUTE format('ALTER TABLE comparison_result_load ADD CONSTRAINT %I PRIMARY KEY (run_id, id_number)',
                   partition || '_pkey');
    EXECUTE format('CREATE INDEX %I ON comparison_result_load (run_id, county, township, id_number) WHERE rostered',
                   partition || '_roster');
    EXECUTE format('ALTER TABLE comparison_result_load RENAME CONSTRAINT comparison_result_load_run TO %I',
                   partition || '_run');
    EXECUTE format('ALTER TABLE comparison_result_load RENAME TO %I', partition);
    EXECUTE format('ALTER TABLE comparison_result ATTACH PARTITION %I FOR VALUES IN (%s)', partition, run);
END $$;

-- Retention: the results of runs other than the newest keep.
CREATE FUNCTION comparison_result_retain(keep INTEGER) RETURNS INTEGER LANGUAGE plpgsql AS $$
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

-- The results of earlier runs move into partitions of their own.
DO $$
DECLARE
    old BIGINT;
BEGIN
    FOR old IN SELECT DISTINCT run_id FROM comparison_result_v3 ORDER BY run_id LOOP
        PERFORM comparison_result_load_begin(old);
        INSERT INTO comparison_result_load (run_id, id_number, category, flags, unmet, missing_schemes, exclusion,
            held_schemes, active_schemes, employed, pension_expected, pension_met, medical_met, rostered, county,
            township, prefecture, age, name, sex, address, reasons)
        SELECT r.run_id, r.id_number, r.category, r.flags, r.unmet, r.missing_schemes, r.exclusion,
               r.held_schemes, r.active_schemes, r.employed, r.pension_expected, r.pension_met, r.medical_met,
               r.rostered, r.county, r.township, r.prefecture, r.age,
               CASE WHEN r.rostered THEN p.name END, CASE WHEN r.rostered THEN p.sex END,
               CASE WHEN r.rostered THEN p.address END, r.reasons
        FROM comparison_result_v3 r LEFT JOIN registry_person p ON p.id_number = r.id_number
        WHERE r.run_id = old;
        PERFORM comparison_result_load_finish(old);
    END LOOP;
END $$;

DROP TABLE comparison_result_v3;
