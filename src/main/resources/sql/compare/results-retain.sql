-- The results of all but the newest :keep runs dropped, a partition at a time; answers how many were dropped.
SELECT comparison_result_retain(:keep);
