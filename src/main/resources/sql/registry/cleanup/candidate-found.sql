-- Person :candidate (named :name) as a candidate for quarantined record :quarantineId of system :system, whose text
-- holds the number :asGiven: decided already when an operator decided on the same system, number and person before.
INSERT INTO cleanup_candidate (quarantine_id, system, number_as_given, candidate_id, candidate_name, matched_on,
    status, decided_by, decided_at, found_at)
SELECT :quarantineId, :system, :asGiven, :candidate, :name,
       'name, address code and birth date', coalesce(d.decision, 'PENDING'),
       CASE WHEN d.decision IS NOT NULL THEN 'remembered: ' || d.decided_by END,
       CASE WHEN d.decision IS NOT NULL THEN now() END, now()
FROM (SELECT 1) one
LEFT JOIN cleanup_decision d ON d.system = :system AND d.number_as_given = :asGiven
                            AND d.candidate_id = :candidate
ON CONFLICT (quarantine_id, candidate_id) DO NOTHING;
