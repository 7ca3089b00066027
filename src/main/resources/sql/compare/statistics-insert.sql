-- One region's figures in a run, as statistics.sql computed them.
INSERT INTO comparison_statistic (run_id, level, region, persons, excluded, uninsured, lapsed, partial,
    insured, not_in_population, pension_expected, pension_met, medical_expected, medical_met, rostered,
    surveyed)
VALUES (:runId, :level, :region, :persons, :excluded, :uninsured, :lapsed, :partial, :insured,
        :notInPopulation, :pensionExpected, :pensionMet, :medicalExpected, :medicalMet, :rostered, :surveyed);
