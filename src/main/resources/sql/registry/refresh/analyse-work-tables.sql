-- Statistics of the work tables as they are filled: the planner otherwise knows only their size, and joined a
-- first full refresh's 4.9 M latest statements to its keys by 4.9 M index probes (27 s) instead of a hash join.
-- An empty table or a small increment is analysed in milliseconds.
ANALYZE registry_refresh_row, registry_refresh_key, registry_refresh_latest, registry_refresh_current,
        registry_refresh_person;
