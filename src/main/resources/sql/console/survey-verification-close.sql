-- An operator (:closedBy) closes verification item :id with a :note; an item closed before stays as it was closed.
UPDATE survey_verification
SET closed_at = :closedAt, closed_by = :closedBy, note = :note
WHERE id = :id AND closed_at IS NULL;
