-- Survey clients in the order of their ids, or only :clientId when it is not NULL; never the secret's hash.
SELECT client_id, regions, created_at, created_by, disabled_at, disabled_by
FROM survey_client
WHERE CAST(:clientId AS text) IS NULL OR client_id = :clientId
ORDER BY client_id;
