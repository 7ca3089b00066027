-- The statistics of the persons to merge again and of the keys' latest statements, just filled, for the statements
-- that join them (as analyse-records-and-keys.sql says why).
ANALYZE registry_refresh_person, registry_refresh_latest;
