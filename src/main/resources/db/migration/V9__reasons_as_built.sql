-- A run's reasons are stored as json, the text the classifying statement builds, instead of jsonb: at 6 M persons
-- building the 2.1 M reason arrays as jsonb objects, arrays and concatenations took 23 s of a part's 83 s, as
-- JSON text 15 s (docs/performance.md, "Comparison"). Reasons are only ever read whole (API, diffs, rosters);
-- the alert detection reads the few it needs as jsonb. Rewrites the kept runs' partitions once.
ALTER TYPE comparison_evidence ALTER ATTRIBUTE evidence TYPE json;
DROP TABLE IF EXISTS comparison_result_load;
ALTER TABLE comparison_result ALTER COLUMN reasons TYPE json USING CAST(reasons AS json);
