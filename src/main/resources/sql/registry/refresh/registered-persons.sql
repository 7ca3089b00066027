-- How many persons the registry holds as the planner counts them (-1 before registry_person was first analysed).
SELECT reltuples FROM pg_class WHERE oid = CAST('registry_person' AS regclass);
