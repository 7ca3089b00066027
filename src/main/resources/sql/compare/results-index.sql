-- Run :runId's load table indexed, analysed and attached as its partition of comparison_result (function
-- comparison_result_load_finish, R__20_comparison_results.sql).
SELECT comparison_result_load_finish(:runId);
