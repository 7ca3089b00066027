-- The planner settings of the transaction of a classifying part (classify.sql), for that transaction only.
-- One core per part: the parts are the parallelism, and each aggregates only its own persons' facts (PostgreSQL's
-- parallel workers would each build the same hash tables). No sorting: the planner cannot estimate how many persons
-- a part takes (a hash of the identity number) and, expecting few, would group the facts by sorting them where
-- hashing is far cheaper; sorting stays possible where nothing else can do (the reasons' small per-person sorts).
-- work_mem (canbao.compare.work-mem) for those hash tables (docs/performance.md, "Comparison").
SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('work_mem', :workMem, true),
       set_config('enable_sort', 'off', true);
