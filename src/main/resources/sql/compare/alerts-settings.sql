-- No JIT compilation for the collecting statement (alerts-collect.sql): compiled, its many expressions cost more
-- than they save over a few thousand candidates. The rest of the run's transaction keeps the default
-- (alerts-default-settings.sql).
SELECT set_config('jit', 'off', true);
