-- The figures of region :region (province, prefecture or county code) in run :runId.
SELECT run_id, level, region, persons, excluded, uninsured, lapsed, partial, insured, not_in_population,
       pension_expected, pension_met, medical_expected, medical_met, rostered, surveyed
FROM comparison_statistic
WHERE run_id = :runId AND region = :region;
