-- Whether the results of both runs :from and :to are still kept (canbao.compare.keep-runs).
SELECT EXISTS (SELECT 1 FROM comparison_result WHERE run_id = :from)
       AND EXISTS (SELECT 1 FROM comparison_result WHERE run_id = :to);
