-- The deliveries answered HUB_FAULT, newest first, at most :limit: what waits for a replay once the hub is
-- corrected. A data file by its intake log id (answered whole: the error of record 0); an event by its eventId
-- (intake key event:<eventId>), a front-database row by its seq (frontdb:<system>:<seq>), both from their quarantine
-- entries.
SELECT 'FILE', system, CAST(id AS text), file_name, CAST(received_at AS text) FROM intake_file
WHERE receipt -> 'errors' @> '[{"code": "HUB_FAULT", "record": 0}]'
UNION ALL
SELECT CASE WHEN intake_key LIKE 'event:%' THEN 'EVENT' ELSE 'ROW' END, system,
       split_part(intake_key, ':', CASE WHEN intake_key LIKE 'event:%' THEN 2 ELSE 3 END), source_ref,
       CAST(received_at AS text)
FROM quarantine WHERE intake_file_id IS NULL AND errors @> '[{"code": "HUB_FAULT"}]'
ORDER BY 5 DESC LIMIT :limit;
