-- Candidate :id.
SELECT c.id, c.quarantine_id, c.system, q.source_ref, c.number_as_given, c.candidate_id, c.candidate_name,
       c.matched_on, c.status, c.decided_by, c.decided_at
FROM cleanup_candidate c JOIN quarantine q ON q.id = c.quarantine_id
WHERE c.id = :id;
