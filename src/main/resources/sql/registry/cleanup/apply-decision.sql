-- Operator :operator's :decision applied to candidate :id and to every pending candidate of the same system,
-- number as sent and person.
UPDATE cleanup_candidate c SET status = :decision, decided_by = :operator, decided_at = now()
FROM cleanup_candidate decided
WHERE decided.id = :id AND (c.id = :id OR (c.status = 'PENDING' AND c.system = decided.system
      AND c.number_as_given = decided.number_as_given AND c.candidate_id = decided.candidate_id));
