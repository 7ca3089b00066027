-- An empty load table for run :runId's results (function comparison_result_load_begin, R__20_comparison_results.sql).
SELECT comparison_result_load_begin(:runId);
