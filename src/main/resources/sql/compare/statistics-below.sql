-- The figures of the regions directly below :region in run :runId: of the :level given (PREFECTURE below the
-- province, COUNTY below a prefecture), those of the same prefecture code.
SELECT run_id, level, region, persons, excluded, uninsured, lapsed, partial, insured, not_in_population,
       pension_expected, pension_met, medical_expected, medical_met, rostered, surveyed
FROM comparison_statistic
WHERE run_id = :runId AND level = :level AND region <> :region
  AND (:level = 'PREFECTURE' OR substr(region, 1, 4) = substr(:region, 1, 4))
ORDER BY region;
