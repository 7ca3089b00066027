-- The open alerts whose cause run :runId (as-of date :asOf) no longer finds, closed by it: the cause went away or
-- changed, so the same cause found again is a new alert (spec §7.2: once per person and type until its cause
-- changes). Only a run for the as-of date of the run that wrote an alert, or a later one, closes it: a run for an
-- earlier date does not say that a later cause went away. Run after alerts-collect.sql, in the same transaction.
UPDATE alert_outbox o SET closed_by_run = :runId
FROM comparison_run opened
WHERE o.closed_by_run IS NULL AND opened.id = o.run_id AND opened.as_of <= CAST(:asOf AS date)
  AND NOT EXISTS (SELECT 1 FROM alert_candidate c
                  WHERE c.id_number = o.id_number COLLATE "default" AND c.type = o.type
                    AND c.cause_key = o.cause_key);
