-- Step 4: the coverage of the persons merged again (view registry_refresh_coverage), into a work table of its own
-- that the merge joins, so that this statement's plan can follow the size of the increment.
INSERT INTO registry_refresh_covered SELECT * FROM registry_refresh_coverage;
