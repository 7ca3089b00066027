-- A run's results are analysed as soon as they are indexed: read right after (statistics, alerts, rosters) by a
-- planner without statistics for the new table, `run_id = x` was taken to keep half a per cent of its rows, so the
-- scan of millions of rows was planned for thousands (no parallel workers for the statistics, among others).
-- Autovacuum would analyse the table a minute later, after the run had read it.
CREATE OR REPLACE FUNCTION comparison_result_load_finish(run BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    partition TEXT := 'comparison_result_' || run;
BEGIN
    EXECUTE format('ALTER TABLE comparison_result_load ADD CONSTRAINT %I PRIMARY KEY (run_id, id_number)',
                   partition || '_pkey');
    EXECUTE format('CREATE INDEX %I ON comparison_result_load (run_id, county, township, id_number) WHERE rostered',
                   partition || '_roster');
    ANALYZE comparison_result_load;
    EXECUTE format('ALTER TABLE comparison_result_load RENAME CONSTRAINT comparison_result_load_run TO %I',
                   partition || '_run');
    EXECUTE format('ALTER TABLE comparison_result_load RENAME TO %I', partition);
    EXECUTE format('ALTER TABLE comparison_result ATTACH PARTITION %I FOR VALUES IN (%s)', partition, run);
END $$;
