-- What authenticating survey client :clientId needs: the hash of its secret, its regions, whether it is disabled.
SELECT secret_hash, regions, disabled_at IS NOT NULL AS disabled
FROM survey_client
WHERE client_id = :clientId;
