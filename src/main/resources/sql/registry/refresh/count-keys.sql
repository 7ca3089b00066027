SELECT count(*) FROM registry_refresh_key;
