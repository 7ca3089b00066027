-- The quarantined records with an identity-number error that have no candidate yet (looked for again each time:
-- the registry grows).
SELECT q.id, q.system, q.raw FROM quarantine q
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(q.errors) e
              WHERE e ->> 'code' IN ('ID_FORMAT', 'ID_CHECKSUM', 'ID_BIRTHDATE', 'ID_PROVINCE'))
  AND NOT EXISTS (SELECT 1 FROM cleanup_candidate c WHERE c.quarantine_id = q.id)
ORDER BY q.id;
