-- Disables survey client :clientId from now on (its next request answers 401); one disabled before stays as it was.
UPDATE survey_client
SET disabled_at = :disabledAt, disabled_by = :disabledBy
WHERE client_id = :clientId AND disabled_at IS NULL;
