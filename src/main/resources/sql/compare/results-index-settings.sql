-- The memory of the index builds of a run's results (canbao.compare.work-mem), for the run's transaction only.
SELECT set_config('maintenance_work_mem', :workMem, true);
