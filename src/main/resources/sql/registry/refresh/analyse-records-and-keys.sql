-- The work tables' statistics, each table's once it is filled (this one after the keys, analyse-latest-statements
-- and analyse-current-records after theirs): the planner otherwise knows only their size, and joined a first full
-- refresh's 4.9 M latest statements to its keys by 4.9 M index probes (27 s) instead of a hash join. A table analysed
-- again later costs its time again (about 1 s at 4.9 M rows); a small increment's is analysed in milliseconds.
ANALYZE registry_refresh_row, registry_refresh_key;
