-- Hash and merge joins as they were before coverage-through-person-index-settings.sql, for the rest of the refresh.
SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name IN ('enable_hashjoin', 'enable_mergejoin');
