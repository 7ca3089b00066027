-- A run's key (the primary key on id_key) is built after the run's transaction, on a connection of its own while the
-- rosters are written, instead of before the alerts and statistics inside it: nothing in the run reads through it
-- (alerts and statistics scan the run, the rosters read the roster index); the person API and the diff do, and a run
-- is COMPLETED only once it is there. The build's 5 s at 6 M persons, much of it the leader's merge and the index
-- file's sync with a core to spare, go where the rosters leave the cores room (docs/performance.md, "Sixth round").
-- Runs kept from before are keyed already.

CREATE OR REPLACE FUNCTION comparison_result_load_finish(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    partition TEXT := 'comparison_result_' || run;
BEGIN
    EXECUTE format('CREATE INDEX %I ON comparison_result_load (county, township, id_key) WHERE rostered',
                   partition || '_roster');
    ANALYZE comparison_result_load;
    EXECUTE format('ALTER TABLE comparison_result_load RENAME CONSTRAINT comparison_result_load_run TO %I',
                   partition || '_run');
    EXECUTE format('ALTER TABLE comparison_result_load RENAME TO %I', partition);
    EXECUTE format('ALTER TABLE comparison_result ATTACH PARTITION %I FOR VALUES IN (%s)', partition, run);
END $$;

-- The unique index is built under a SHARE lock, which lets the rosters read the partition meanwhile; making it the
-- primary key takes a moment's exclusive lock once no roster is being read.
CREATE FUNCTION comparison_result_key(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    partition TEXT := 'comparison_result_' || run;
BEGIN
    EXECUTE format('CREATE UNIQUE INDEX %I ON %I (id_key)', partition || '_pkey', partition);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I', partition, partition || '_pkey',
                   partition || '_pkey');
END $$;
