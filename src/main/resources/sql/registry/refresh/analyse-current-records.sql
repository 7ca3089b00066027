-- The statistics of the current records, just filled, for the statements that derive the keys' rows from them (as
-- analyse-records-and-keys.sql says why).
ANALYZE registry_refresh_current;
