-- Operator :operator's :decision (CONFIRMED or REJECTED) on candidate :id, remembered for the system, number as
-- sent and person, so that it applies by itself when the same number comes again; no row when there is no such
-- candidate.
INSERT INTO cleanup_decision (system, number_as_given, candidate_id, decision, decided_by, decided_at)
SELECT system, number_as_given, candidate_id, :decision, :operator, now()
FROM cleanup_candidate WHERE id = :id
ON CONFLICT (system, number_as_given, candidate_id)
DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at;
