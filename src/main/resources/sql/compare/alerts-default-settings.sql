-- JIT compilation as it was before alerts-settings.sql, for the rest of the run's transaction.
SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name = 'jit';
