-- Step 2: the source keys of the records read, derived again.
INSERT INTO registry_refresh_key (system, source_key)
SELECT DISTINCT system, source_key FROM registry_refresh_row WHERE id_number IS NOT NULL;
